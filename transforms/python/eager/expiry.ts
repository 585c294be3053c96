// Which functions may expire every object of a session they were given or hold, for callers that read
// objects after calling them. `rollback()` and `expire_all()` expire every object of the session (a service
// method's `except Exception: await self.db.rollback(); raise` included); `expire(obj)` expires one object
// and is not followed across calls. `async with db.begin():` rolls back when an exception leaves its block.
// `close()` detaches objects without expiring them (loaded attributes stay readable), and `commit()` is not
// counted (awaitify's factories set expire_on_commit=False).
//
// A session is written as its dotted text in the function's frame: `self.db` (held), `db` (a parameter),
// `self.orders.db`. A call maps the callee's sessions into the caller's frame through its receiver and
// arguments; sessions the function makes itself never reach a caller and are dropped.
import type { SgNode } from '@ast-grep/napi';
import { parametersOf } from '../query/bindings';
import type { SessionResolver } from '../query/sessions';
import { callArgs, dottedName, namedChildren, sameNode, start } from '../query/syntax';
import { ownerOf } from './scope';

export const SESSION_EXPIRING = new Set(['rollback', 'expire_all']);

/**
 * `return`: the function may return normally after the expiry; `raise`: only an exception leaves it
 * afterwards (`except Exception: await db.rollback(); raise`), so a caller sees the expiry only where it
 * catches that exception.
 */
export type ExpiryMode = 'return' | 'raise';

/** An expiring session call of the function itself. */
export interface DirectExpiry {
  session: string;
  method: string;
  /** The call as written, for messages. */
  text: string;
  mode: ExpiryMode;
}

/** What a call passes: its receiver and arguments as dotted text (null when not a dotted name). */
export interface CallShape {
  /** `self` also for `super()`. */
  receiver: string | null;
  positional: (string | null)[];
  keywords: [string, string][];
  /** `*args` / `**kw`: the argument for a parameter cannot be told. */
  splat: boolean;
}

export interface ExpiryCallRec {
  /** The call's offset: its id in the project index. */
  call: number;
  shape: CallShape;
  /** How control leaves the function after the call returns normally. */
  after: ExpiryMode;
  /** An exception the call raises is caught here and the function may still return normally. */
  caught: boolean;
}

export interface ExpiryRec {
  fn: number;
  /** Parameter names, `self`/`cls` included. */
  params: string[];
  /** How many of them (from the first) can be passed by position: not those after `*`, `*args`. */
  positional: number;
  direct: DirectExpiry[];
  calls: ExpiryCallRec[];
}

/** What the function's body does that may expire a session of its caller; null when nothing can. */
export function summarizeExpiry(fn: SgNode, sessions: SessionResolver): ExpiryRec | null {
  const params = parametersOf(fn).map((p) => p.name);
  const roots = new Set(['self', ...params]);
  const direct: DirectExpiry[] = [];
  const calls: ExpiryCallRec[] = [];
  for (const call of fn.findAll({ rule: { kind: 'call' } })) {
    if (ownerOf(call)?.id() !== fn.id()) continue;
    const callee = call.field('function') as SgNode;
    const method = callee.kind() === 'attribute' ? (callee.field('attribute')?.text() ?? '') : '';
    const receiver = callee.kind() === 'attribute' ? (callee.field('object') as SgNode) : null;
    if (receiver && SESSION_EXPIRING.has(method) && sessions.resolve(receiver)) {
      const session = dottedName(receiver);
      // A session made here (`async with SessionLocal() as s`) is not one a caller's objects belong to.
      if (session && roots.has(session[0] as string)) direct.push({ session: session.join('.'), method, text: compact(call.text()), mode: exitMode(call, fn) });
      continue;
    }
    // Functions that roll back an AsyncSession are async, and their calls are awaited.
    if (call.parent()?.kind() !== 'await') continue;
    const shape = callShape(call);
    if (shape.receiver === null && shape.positional.every((a) => a === null) && shape.keywords.length === 0) continue;
    calls.push({ call: start(call), shape, after: exitMode(call, fn), caught: caughtIn(call, fn) });
  }
  // `async with db.begin():` rolls the session back when an exception leaves its block.
  for (const stmt of fn.findAll({ rule: { kind: 'with_statement' } })) {
    if (ownerOf(stmt)?.id() !== fn.id()) continue;
    for (const item of withItemCalls(stmt)) {
      const callee = item.field('function') as SgNode;
      const receiver = callee.kind() === 'attribute' ? (callee.field('object') as SgNode) : null;
      if (!receiver || callee.field('attribute')?.text() !== 'begin' || !sessions.resolve(receiver)) continue;
      const session = dottedName(receiver);
      if (!session || !roots.has(session[0] as string)) continue;
      direct.push({ session: session.join('.'), method: 'rollback', text: `${stmt.text().startsWith('async') ? 'async ' : ''}with ${compact(item.text())}`, mode: caughtIn(stmt, fn) ? 'return' : 'raise' });
    }
  }
  return direct.length > 0 || calls.length > 0 ? { fn: start(fn), params, positional: positionalCount(fn), direct, calls } : null;
}

/** The parameters before a bare `*` or `*args`. */
function positionalCount(fn: SgNode): number {
  let count = 0;
  for (const p of fn.field('parameters')?.children() ?? []) {
    const kind = String(p.kind());
    if (['keyword_separator', 'list_splat_pattern', 'dictionary_splat_pattern'].includes(kind)) break;
    if (['identifier', 'typed_parameter', 'default_parameter', 'typed_default_parameter'].includes(kind)) count++;
  }
  return count;
}

export function callShape(call: SgNode): CallShape {
  const callee = call.field('function') as SgNode;
  let receiver: string | null = null;
  if (callee.kind() === 'attribute') {
    const object = callee.field('object') as SgNode;
    const isSuper = object.kind() === 'call' && object.field('function')?.text() === 'super';
    receiver = isSuper ? 'self' : (dottedName(object)?.join('.') ?? null);
  }
  const args = callArgs(call);
  const text = (n: SgNode): string | null => dottedName(n)?.join('.') ?? null;
  return {
    receiver,
    positional: args.positional.map(text),
    keywords: [...args.keywords].flatMap(([k, v]) => {
      const t = text(v);
      return t ? [[k, t] as [string, string]] : [];
    }),
    splat: args.splat,
  };
}

/**
 * The callee's session `session` (dotted, in its frame) as the caller writes it, through the call's receiver
 * and arguments; null when the call does not pass it in a form that can be written.
 * `bound`: the callee's first parameter is `self`/`cls`, filled by the receiver.
 */
export function mapSession(session: string, rec: { params: string[]; positional: number }, bound: boolean, shape: CallShape): string | null {
  const [root, ...rest] = session.split('.');
  const join = (base: string | null): string | null => (base === null ? null : [base, ...rest].join('.'));
  if (bound && root === rec.params[0]) return join(shape.receiver);
  const skip = bound ? 1 : 0;
  const at = rec.params.indexOf(root as string);
  if (at < skip) return null;
  const keyword = shape.keywords.find(([k]) => k === root);
  if (keyword) return join(keyword[1]);
  const index = at - skip;
  if (at >= rec.positional || (shape.splat && index >= shape.positional.length)) return null;
  return join(shape.positional[index] ?? null);
}

/**
 * How control leaves `fn` after `node` completes: `raise` when a block around it ends with `raise` and no
 * handler in `fn` catches that; `return` otherwise (a block ending with `return` returns normally).
 */
export function exitMode(node: SgNode, fn: SgNode): ExpiryMode {
  for (const a of node.ancestors()) {
    if (sameNode(a, fn)) break;
    if (a.kind() !== 'block') continue;
    const last = lastStatement(a);
    if (last?.kind() === 'return_statement') return 'return';
    if (last?.kind() === 'raise_statement') return caughtIn(a, fn) ? 'return' : 'raise';
  }
  return 'return';
}

/**
 * An exception raised at `node` is caught in `fn` and the function may then return normally: an `except` that
 * does not re-raise (ending with `return` included), or a `suppress`/`pytest.raises` block.
 */
export function caughtIn(node: SgNode, fn: SgNode): boolean {
  return catchers(node, fn, ['raise_statement']).length > 0;
}

/**
 * The `try`/`with` statements of `fn` that catch an exception raised at `node`, with a handler not ending in
 * one of `leaving` (the statements after which control does not go on as the caller needs).
 */
function catchers(node: SgNode, fn: SgNode, leaving: string[]): SgNode[] {
  const out: SgNode[] = [];
  let child = node;
  for (const a of node.ancestors()) {
    if (sameNode(a, fn)) break;
    if (a.kind() === 'try_statement' && sameNode(a.field('body'), child)) {
      const handlers = namedChildren(a).filter((c) => c.kind() === 'except_clause' || c.kind() === 'except_group_clause');
      if (handlers.some((h) => !endsWith(h, leaving))) out.push(a);
    }
    if (a.kind() === 'with_statement' && sameNode(a.field('body'), child) && swallows(a)) out.push(a);
    child = a;
  }
  return out;
}

/** The calls among a `with` statement's items (`with a() as x, b():`). */
function withItemCalls(withStmt: SgNode): SgNode[] {
  return withStmt.findAll({ rule: { kind: 'call' } }).filter((c) => c.ancestors().some((a) => a.kind() === 'with_clause' && a.parent()?.id() === withStmt.id()));
}

/** `with pytest.raises(...)`, `self.assertRaises(...)`, `contextlib.suppress(...)`: the block's exception does not propagate. */
function swallows(withStmt: SgNode): boolean {
  return withItemCalls(withStmt).some((c) => {
    const name = dottedName(c.field('function') as SgNode);
    const last = name?.[name.length - 1] ?? '';
    return last === 'raises' || last === 'suppress' || last === 'assertRaises' || last === 'assertRaisesRegex';
  });
}

function endsWith(handler: SgNode, kinds: string[]): boolean {
  const block = namedChildren(handler).find((c) => c.kind() === 'block');
  const last = block ? lastStatement(block) : null;
  return last !== null && kinds.includes(String(last.kind()));
}

function lastStatement(block: SgNode): SgNode | null {
  return namedChildren(block).filter((n) => n.kind() !== 'comment').at(-1) ?? null;
}

/**
 * Whether a read at `read` runs after an exception raised by `call` was caught: in an `except` of a `try`
 * around the call, in its `finally`, or after a `try`/`with` that swallows it.
 */
export function reachedOnRaise(call: SgNode, read: SgNode, fn: SgNode): boolean {
  const at = start(read);
  let child = call;
  for (const a of call.ancestors()) {
    if (sameNode(a, fn)) break;
    if (a.kind() === 'try_statement' && sameNode(a.field('body'), child)) {
      const clauses = namedChildren(a).filter((c) => ['except_clause', 'except_group_clause', 'finally_clause'].includes(String(c.kind())));
      if (clauses.some((c) => start(c) <= at && at < c.range().end.index)) return true;
    }
    child = a;
  }
  // After the `try`: only through a handler that neither re-raises nor returns.
  return catchers(call, fn, ['raise_statement', 'return_statement']).some((c) => at >= c.range().end.index);
}

function compact(text: string): string {
  return text.replace(/\s+/g, ' ');
}
