// A session switched to the async factory by a plain `db = AsyncFactory()` that its function never closes.
// A sync Session left open is closed by garbage collection, quietly. An AsyncSession's connection cannot be
// closed that way: the pool terminates it and logs an error ("The garbage collector is trying to clean up
// non-checked-in connection"; at interpreter exit, after `asyncio.run()` closed the loop, with a traceback).
// The code still works, so this is a finding, not a rewrite: wrapping the rest of the body in `async with`
// would re-indent code awaitify does not own (multi-line strings included).
import type { SgNode } from '@ast-grep/napi';
import { placeOf } from './context';
import { sameNode } from '../query/syntax';

/**
 * For the factory call of `name = F()` that is being switched to its async twin: the function and variable
 * when the function neither closes the session nor hands it on for someone else to close, else null.
 */
export function unclosedSession(origin: SgNode): { name: string; unit: SgNode } | null {
  const assignment = origin.parent();
  const left = assignment?.kind() === 'assignment' ? assignment.field('left') : null;
  if (left?.kind() !== 'identifier' || !sameNode(assignment?.field('right'), origin)) return null;
  const unit = placeOf(origin).unit;
  const body = unit?.field('body');
  if (!unit || !body) return null;
  const name = left.text();
  for (const id of body.findAll({ rule: { kind: 'identifier', regex: `^${name}$` } })) {
    if (sameNode(id, left)) continue;
    const parent = id.parent();
    // `db.close()`, awaited or not, anywhere in the function (a `finally` included).
    if (parent?.kind() === 'attribute' && sameNode(parent.field('object'), id) && parent.field('attribute')?.text() === 'close') return null;
    // `with db:` / `with db as s:`: the session's own context manager closes it on exit.
    if (parent?.kind() === 'with_item' || (parent?.kind() === 'as_pattern' && parent.parent()?.kind() === 'with_item' && sameNode(parent.children().find((c) => c.isNamed()) ?? null, id))) return null;
    if (handsOn(id)) return null;
  }
  return { name, unit };
}

/** The session leaves the function: returned, yielded, stored in an attribute, item or container, or rebound. */
function handsOn(id: SgNode): boolean {
  let node = id;
  for (let parent = node.parent(); parent; node = parent, parent = parent.parent()) {
    const kind = parent.kind();
    if (kind === 'return_statement' || kind === 'yield') return true;
    if (kind === 'assignment' || kind === 'augmented_assignment') return sameNode(parent.field('right'), node);
    if (kind === 'list' || kind === 'tuple' || kind === 'set' || kind === 'dictionary' || kind === 'pair' || kind === 'expression_list') continue;
    return false;
  }
  return false;
}

/** The message, with the factory call as it reads once renamed (`open`). */
export function unclosedMessage(name: string, open: string, unit: SgNode): string {
  const fn = unit.field('name')?.text() ?? 'the function';
  return `\`${name} = ${open}\` is never closed in \`${fn}\`: garbage collection closed the sync Session quietly, but it cannot close an AsyncSession's connection, which the pool then terminates with an error logged ("non-checked-in connection"); the code was converted as it is`;
}

/** The text of `call` with the rename `edit` (inside it) applied. */
export function renamedText(call: SgNode, edit: { start: number; end: number; text: string }): string {
  const text = call.text();
  const at = call.range().start.index;
  return `${text.slice(0, edit.start - at)}${edit.text}${text.slice(edit.end - at)}`;
}
