// Writing `await` in front of a call with exactly the parentheses Python's grammar needs.
// `await` takes a primary (`await_primary: 'await' primary`), so it binds looser than `.`, `[]` and calls
// and tighter than every operator: `(await db.execute(s)).scalars()`, but `not await db.scalar(s)`,
// `-await x`, `await a + b`, `2 ** await x`. As the left operand of `**` it is already correct bare
// (`await x ** 2` is `(await x) ** 2`), but tree-sitter and many readers parse it the other way, so we
// parenthesise it there too.
import type { SgNode } from '@ast-grep/napi';
import type { TextEdit } from '../../../engine/types';
import { end, sameNode, start, usedAsPrimary } from '../query/syntax';

/**
 * 'yes' when the call is already the operand of `await` (possibly through parentheses): `await db.commit()`,
 * `await (db.commit())`; 'misplaced' when an `await` right before it applies to a longer chain instead
 * (`await db.execute(s).scalars()` awaits the result of `.scalars()`).
 */
export function awaitState(call: SgNode, source: string): 'yes' | 'no' | 'misplaced' {
  let node = call;
  for (let parent = node.parent(); parent?.kind() === 'parenthesized_expression'; parent = node.parent()) node = parent;
  // Checked on the text: tree-sitter parses `await x ** 2` as `await (x ** 2)`, Python as `(await x) ** 2`.
  const from = Math.max(0, start(node) - 64);
  const before = source.slice(from, start(node));
  const awaited = from === 0 ? /(?:^|[^\w.])await\s*$/ : /[^\w.]await\s*$/;
  if (!awaited.test(before)) return 'no';
  return usedAsPrimary(node) ? 'misplaced' : 'yes';
}

/** Insertions turning `call` into an awaited expression. */
export function awaitEdits(call: SgNode, reason: string): TextEdit[] {
  const at = start(call);
  if (needsParentheses(call)) {
    return [
      { start: at, end: at, text: '(await ', reason },
      { start: end(call), end: end(call), text: ')', reason },
    ];
  }
  return [{ start: at, end: at, text: 'await ', reason }];
}

function needsParentheses(node: SgNode): boolean {
  if (usedAsPrimary(node)) return true;
  const parent = node.parent();
  if (parent?.kind() !== 'binary_operator') return false;
  const operator = parent.field('operator');
  return operator?.text() === '**' && sameNode(parent.field('left'), node);
}

