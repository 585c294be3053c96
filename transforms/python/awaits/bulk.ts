// bulk_save_objects / bulk_insert_mappings / bulk_update_mappings do not exist on AsyncSession. They are
// run on the sync session behind it: `await db.run_sync(lambda s: s.bulk_insert_mappings(User, rows))`.
// This form is exact on SQLAlchemy 1.4 and 2.0 alike, every argument (return_defaults, render_nulls,
// preserve_order, update_changed_only) keeps its meaning, and the result is the same None. The 2.0-only
// `execute(insert(M), rows)` is not used: on 1.4 it is a Core executemany keyed by column names instead of
// attribute names, and ORM bulk UPDATE through `execute(update(M), rows)` does not exist there.
// The arguments move into a lambda, so they are evaluated inside run_sync, right before the call, as
// before; what cannot move into a lambda is flagged instead.
import type { SgNode } from '@ast-grep/napi';
import type { TextEdit } from '../../../engine/types';
import { end, start } from '../query/syntax';

export interface BulkProblem {
  node: SgNode;
  message: string;
}

/**
 * Edits that wrap `<session>.<bulk>(args)` in `<session>.run_sync(lambda s: s.<bulk>(args))` (without the
 * `await`, which the caller adds), or why it cannot be done. `isSessionCall` tells whether a nested call
 * is a session call (those would need `await`, impossible inside the lambda).
 */
export function bulkEdits(call: SgNode, isSessionCall: (c: SgNode) => boolean, reason: string): TextEdit[] | BulkProblem {
  const fn = call.field('function') as SgNode;
  const name = fn.field('attribute') as SgNode;
  const args = call.field('arguments');
  if (!args) return { node: call, message: 'the call has no argument list' };
  const blocker = args.find({ rule: { any: [{ kind: 'await' }, { kind: 'yield' }, { kind: 'named_expression' }] } });
  if (blocker) return { node: blocker, message: `its arguments contain \`${blocker.text()}\`, which cannot move into a lambda` };
  if (args.find({ rule: { kind: 'identifier', regex: '^super$' } })) {
    return { node: call, message: 'its arguments call `super()`, which does not work inside a lambda' };
  }
  const nested = args.findAll({ rule: { kind: 'call' } }).find(isSessionCall);
  if (nested) return { node: nested, message: `its arguments make another session call (\`${nested.text()}\`), which would need an await inside a lambda` };
  const used = new Set(args.findAll({ rule: { kind: 'identifier' } }).map((i) => i.text()));
  let param = 'sync_session';
  while (used.has(param)) param += '_';
  return [
    { start: start(name), end: start(name), text: `run_sync(lambda ${param}: ${param}.`, reason },
    { start: end(call), end: end(call), text: ')', reason },
  ];
}
