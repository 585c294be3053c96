// What the code does with the file a `with open(...) as f:` binds, and whether each use has an exact aiofiles
// form. aiofiles' file objects run read/write/readline/readlines/seek/tell/flush/truncate/writelines in a
// worker thread and return coroutines; they iterate with `async for`; `name`, `mode` and `closed` are plain
// properties on every wrapper type. Anything else (the file passed to json.load or csv.reader, returned,
// stored, iterated in a comprehension, used in a nested function) would receive an object it cannot use.
import type { SgNode } from '@ast-grep/napi';
import type { TextEdit } from '../../../engine/types';
import { awaitEdits, awaitState } from '../awaits/awaiting';
import { placeOf } from '../awaits/context';
import { asyncKeyword, end, sameNode, start } from '../query/syntax';
import { resolveBinding, type NameOccurrence, type NameTable } from '../support/scope';

export const AWAITED_FILE_METHODS = new Set(['read', 'write', 'readline', 'readlines', 'writelines', 'seek', 'tell', 'flush', 'truncate']);
const PLAIN_PROPERTIES = new Set(['name', 'mode', 'closed']);

/** One `with` statement whose items are all convertible `open(...) as name`. */
export interface OpenBlock {
  stmt: SgNode;
  body: SgNode;
  /** The `as` targets, one per item. */
  targets: SgNode[];
}

export interface UseProblem {
  node: SgNode;
  message: string;
}

export interface FileUses {
  edits: TextEdit[];
  problems: UseProblem[];
}

const within = (inner: SgNode, outer: SgNode): boolean => start(inner) >= start(outer) && end(inner) <= end(outer);

/**
 * Edits for every use, in `unit`, of the name `table.name` that the blocks bind, and the problems that
 * forbid converting them. `reason` labels the edits.
 */
export function fileUses(unit: SgNode, blocks: OpenBlock[], table: NameTable, source: string, reason: string): FileUses {
  const out: FileUses = { edits: [], problems: [] };
  const name = table.name;
  const binders = blocks.filter((b) => b.targets.some((t) => t.text() === name));
  const isTarget = (node: SgNode) => binders.some((b) => b.targets.some((t) => sameNode(t, node)));
  for (const occurrence of table.occurrences) {
    if (!within(occurrence.node, unit) || isTarget(occurrence.node)) continue;
    const ownScope = sameNode(occurrence.scope, unit);
    const seesUnit = ownScope || sameNode(resolveBinding(table, occurrence), unit);
    if (!seesUnit) continue; // a nested scope's own variable of the same name
    // The innermost block binding this name around the use decides which file it is.
    const owner = binders.filter((b) => within(occurrence.node, b.body)).sort((a, b) => start(b.body) - start(a.body))[0];
    if (!owner) {
      if (occurrence.role === 'reference' && !seesOtherBinding(occurrence.node, unit, binders, name)) out.problems.push({ node: occurrence.node, message: `\`${name}\` is used outside its \`with\` block` });
      continue;
    }
    if (occurrence.role !== 'reference') {
      out.problems.push({ node: occurrence.node, message: `\`${name}\` is rebound inside its \`with\` block` });
    } else if (!ownScope) {
      out.problems.push({ node: occurrence.node, message: `\`${name}\` is used inside a nested function, lambda or comprehension, where it cannot be awaited` });
    } else {
      classify(occurrence, source, reason, out);
    }
  }
  return out;
}

/**
 * True when a use outside the blocks certainly sees another object: it sits in the body of another `with ... as
 * name` or `for name in`, and no block of ours rebinds the name in that body. Elsewhere, without following
 * the control flow, the use may be of a file this transform would change.
 */
function seesOtherBinding(node: SgNode, unit: SgNode, binders: OpenBlock[], name: string): boolean {
  const statements = unit.findAll({ rule: { any: [{ kind: 'with_statement' }, { kind: 'for_statement' }] } });
  return statements.some((stmt) => {
    const body = stmt.field('body');
    if (!body || !within(node, body) || binders.some((b) => sameNode(b.stmt, stmt) || within(b.stmt, body))) return false;
    if (stmt.kind() === 'for_statement') {
      const left = stmt.field('left');
      return left?.kind() === 'identifier' && left.text() === name;
    }
    return stmt.findAll({ rule: { kind: 'as_pattern_target' } }).some((target) => {
      const bound = target.child(0);
      return bound?.kind() === 'identifier' && bound.text() === name && !within(target, body);
    });
  });
}

function classify(occurrence: NameOccurrence, source: string, reason: string, out: FileUses): void {
  const node = occurrence.node;
  const name = node.text();
  const parent = node.parent();
  if (parent?.kind() === 'attribute' && sameNode(parent.field('object'), node)) {
    const attr = parent.field('attribute')?.text() ?? '';
    const call = parent.parent();
    const called = call?.kind() === 'call' && sameNode(call.field('function'), parent);
    if (!called) {
      if (!PLAIN_PROPERTIES.has(attr)) out.problems.push({ node, message: `\`${name}.${attr}\` has no known aiofiles equivalent` });
      return;
    }
    if (!AWAITED_FILE_METHODS.has(attr)) {
      out.problems.push({ node, message: `\`${name}.${attr}()\` has no known awaitable aiofiles equivalent` });
      return;
    }
    const blocked = placeOf(call).blocked;
    if (blocked) {
      out.problems.push({ node, message: `\`${name}.${attr}()\` runs ${blocked}, where it cannot be awaited` });
      return;
    }
    if (awaitState(call, source) !== 'no') {
      out.problems.push({ node, message: `\`${name}.${attr}()\` is already under an \`await\`` });
      return;
    }
    out.edits.push(...awaitEdits(call, `${reason}: await ${name}.${attr}()`));
    return;
  }
  if (parent?.kind() === 'for_statement' && sameNode(parent.field('right'), node)) {
    if (asyncKeyword(parent) !== undefined) {
      out.problems.push({ node, message: `\`async for\` over the sync file \`${name}\`` });
      return;
    }
    out.edits.push({ start: start(parent), end: start(parent), text: 'async ', reason: `${reason}: async for over ${name}` });
    return;
  }
  out.problems.push({ node, message: `\`${name}\` ${valueUse(node)}, which would receive an aiofiles object it cannot use` });
}

function valueUse(node: SgNode): string {
  const parent = node.parent();
  if (parent?.kind() === 'argument_list' || parent?.kind() === 'keyword_argument') {
    const call = parent.kind() === 'argument_list' ? parent.parent() : parent.parent()?.parent();
    const callee = call?.field('function')?.text();
    if (callee) return `is passed to \`${callee}\``;
  }
  if (parent?.kind() === 'return_statement') return 'is returned';
  if (parent?.kind() === 'for_in_clause') return 'is iterated in a comprehension';
  if (parent?.kind() === 'assignment') return 'is stored';
  return 'is used as a value';
}
