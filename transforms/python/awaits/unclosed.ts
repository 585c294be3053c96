// A session switched to the async factory by a plain `db = AsyncFactory()` that its function never closes.
// A sync Session left open is closed by garbage collection, quietly. An AsyncSession's connection cannot be
// closed that way: the pool terminates it and logs an error ("The garbage collector is trying to clean up
// non-checked-in connection"; at interpreter exit, after `asyncio.run()` closed the loop, with a traceback).
// The code still works, so this is a finding, not a rewrite: wrapping the rest of the body in `async with`
// would re-indent code awaitify does not own (multi-line strings included).
import type { SgNode } from '@ast-grep/napi';
import { placeOf } from './context';
import { sameNode } from '../query/syntax';
import { isTestPath } from '../index/modules';

/** A session the function does not always close: `onSuccessOnly` when its only `close()` calls are outside a `finally`. */
export interface UnclosedSession {
  name: string;
  unit: SgNode;
  onSuccessOnly: boolean;
}

/**
 * For the factory call of `name = F()` that is being switched to its async twin: the function and variable
 * when the function does not close the session on every path (never, or not in a `finally` nor a catch-all
 * `except`; in test code any `close()` will do) and does not hand it on for someone else to close, else null.
 */
export function unclosedSession(origin: SgNode, path: string): UnclosedSession | null {
  const assignment = origin.parent();
  const left = assignment?.kind() === 'assignment' ? assignment.field('left') : null;
  if (left?.kind() !== 'identifier' || !sameNode(assignment?.field('right'), origin)) return null;
  const unit = placeOf(origin).unit;
  const body = unit?.field('body');
  if (!unit || !body) return null;
  const name = left.text();
  let closedOnSuccess = false;
  for (const id of body.findAll({ rule: { kind: 'identifier', regex: `^${name}$` } })) {
    if (sameNode(id, left)) continue;
    const parent = id.parent();
    // `db.close()`, awaited or not. Outside a `finally` it is skipped when a call before it raises (`.one()`,
    // a failed commit), and that session is then left to the garbage collector, which cannot close it.
    if (parent?.kind() === 'attribute' && sameNode(parent.field('object'), id) && parent.field('attribute')?.text() === 'close') {
      if (closesOnError(parent, unit)) return null;
      closedOnSuccess = true;
      continue;
    }
    // `with db:` / `with db as s:`: the session's own context manager closes it on exit.
    if (parent?.kind() === 'with_item' || (parent?.kind() === 'as_pattern' && parent.parent()?.kind() === 'with_item' && sameNode(parent.children().find((c) => c.isNamed()) ?? null, id))) return null;
    if (handsOn(id)) return null;
  }
  // In test code an exception before the close fails the test anyway (and pytest runs a fixture's code after
  // its `yield` when the test fails): the log line about the leaked session would only be noise.
  if (closedOnSuccess && isTestPath(path)) return null;
  return { name, unit, onSuccessOnly: closedOnSuccess };
}

/** The `close()` runs when the code before it raised: it is in a `finally`, or in a bare / `except Exception` handler. */
function closesOnError(close: SgNode, unit: SgNode): boolean {
  for (let node = close.parent(); node && !sameNode(node, unit); node = node.parent()) {
    if (node.kind() === 'finally_clause') return true;
    if (node.kind() === 'except_clause') {
      const caught = node.children().find((c) => c.isNamed() && c.kind() !== 'block' && c.kind() !== 'comment');
      const type = caught?.kind() === 'as_pattern' ? caught.children().find((c) => c.isNamed()) : caught;
      if (!type || /^(builtins\.)?(Exception|BaseException)$/.test(type.text())) return true;
    }
  }
  return false;
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
export function unclosedMessage(name: string, open: string, unit: SgNode, onSuccessOnly = false): string {
  const fn = unit.field('name')?.text() ?? 'the function';
  if (onSuccessOnly) {
    return `\`${name} = ${open}\` is closed in \`${fn}\` only when nothing before \`${name}.close()\` raises (it is not in a \`finally\`): garbage collection closed a sync Session left open by an exception quietly, but it cannot close an AsyncSession's connection, which the pool then terminates with an error logged ("non-checked-in connection"); the code was converted as it is`;
  }
  return `\`${name} = ${open}\` is never closed in \`${fn}\`: garbage collection closed the sync Session quietly, but it cannot close an AsyncSession's connection, which the pool then terminates with an error logged ("non-checked-in connection"); the code was converted as it is`;
}

/** The text of `call` with the rename `edit` (inside it) applied. */
export function renamedText(call: SgNode, edit: { start: number; end: number; text: string }): string {
  const text = call.text();
  const at = call.range().start.index;
  return `${text.slice(0, edit.start - at)}${edit.text}${text.slice(edit.end - at)}`;
}
