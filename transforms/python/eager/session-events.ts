// A session call of a function, as eager-load lists them in order (`db.add(obj)`, `db.commit()`), and the one
// question both eager-load and the enum-string check ask of them.
import type { SgNode } from '@ast-grep/napi';
import { callArgs, namedChildren } from '../query/syntax';

export interface SessionEvent {
  method: string;
  offset: number;
  call: SgNode;
}

/** `db.add(variable)` or `db.add_all([..., variable, ...])`. */
export function adds(event: SessionEvent, variable: string): boolean {
  const arg = callArgs(event.call).positional[0];
  if (!arg) return false;
  if (event.method === 'add') return arg.kind() === 'identifier' && arg.text() === variable;
  return event.method === 'add_all' && ['list', 'tuple'].includes(String(arg.kind())) && namedChildren(arg).some((n) => n.kind() === 'identifier' && n.text() === variable);
}
