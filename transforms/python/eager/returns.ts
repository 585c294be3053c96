// What a function hands back to its callers, for loading relationships across functions: the objects a
// statement of its own loaded (where a caller's loader can be added), what another call returned (a
// delegation, followed by the project index), an object it constructed, or something not followed.
// Every `return` of the function is one source; a caller's read is only settled when all of them are.
import type { SgNode } from '@ast-grep/napi';
import { bindingsIn, parametersOf } from '../query/bindings';
import type { SessionResolver } from '../query/sessions';
import { callArgs, dottedName, namedChildren, sameNode, start } from '../query/syntax';
import { constructedEntity, type Provenances, type Statement } from './provenance';
import { ownReturns } from './routes';
import { ownerOf } from './scope';

export type ReturnSource =
  /** The objects (one, or a list of them) a statement of the function loaded. */
  | { k: 'stmt'; stmt: Statement; shape: 'object' | 'list' }
  /** Whatever this call returns, returned unchanged. */
  | { k: 'call'; call: SgNode }
  /**
   * A call of a name that may be a class: a constructed object if the name is a model, else a call to follow
   * (`invalid` then says why it cannot be).
   */
  | { k: 'new'; call: SgNode; entity: string[]; invalid: string | null }
  | { k: 'opaque'; why: string };

/** Session calls after which loaded relationships may be unloaded again (expired, detached, rolled back). */
const INVALIDATING = new Set(['refresh', 'expire', 'expire_all', 'rollback', 'expunge', 'expunge_all', 'close', 'reset', 'invalidate']);
const LOOPS = new Set(['for_statement', 'while_statement']);
/** Methods of a session call's Result / ScalarResult, looked through to the session call. */
const RESULT_METHODS = new Set(['all', 'first', 'one', 'one_or_none', 'scalar', 'scalar_one', 'scalar_one_or_none', 'scalars', 'unique', 'fetchall']);

/**
 * The sources of every value-returning `return` of `fn`; null when the function returns no value (or is a
 * generator, whose `return` is not what a call hands back).
 */
export function returnSources(fn: SgNode, provenances: Provenances, sessions: SessionResolver): ReturnSource[] | null {
  if (fn.findAll({ rule: { kind: 'yield' } }).some((y) => ownerOf(y)?.id() === fn.id())) return null;
  const out: ReturnSource[] = [];
  for (const ret of ownReturns(fn)) {
    const value = namedChildren(ret)[0];
    if (!value || value.kind() === 'none') continue;
    out.push(sourceOf(fn, ret, value, provenances, sessions));
  }
  return out.length > 0 ? out : null;
}

function sourceOf(fn: SgNode, ret: SgNode, value: SgNode, provenances: Provenances, sessions: SessionResolver): ReturnSource {
  // `to_domain(m) if m else None`: a caller reading an attribute reads it on the other branch's value.
  const other = value.kind() === 'conditional_expression' ? nonNoneBranch(value) : null;
  if (other) return sourceOf(fn, ret, other, provenances, sessions);
  const p = provenances.of(value, fn);
  if (p && p.path.length === 0 && p.load.k === 'query') {
    if (p.shape !== 'object' && p.shape !== 'list') return { k: 'opaque', why: `it returns a \`Result\` of rows, not the loaded objects` };
    const invalid = invalidatedBetween(fn, p.load.stmt.anchor, ret);
    return invalid ? { k: 'opaque', why: invalid } : { k: 'stmt', stmt: p.load.stmt, shape: p.shape };
  }
  const traced = traceToCall(fn, value, 0);
  if (!traced) return { k: 'opaque', why: `it returns \`${short(value.text())}\`, which is not the result of a query or call this tool can follow` };
  const invalid = invalidatedBetween(fn, traced, ret);
  const callee = traced.field('function') as SgNode;
  const dotted = dottedName(callee);
  if (p?.load.k === 'new' && dotted) return { k: 'new', call: traced, entity: constructedEntity(dotted), invalid };
  if (invalid) return { k: 'opaque', why: invalid };
  // `(await db.scalars(stmt)).all()`: the session call under the result methods says why it was not followed.
  let inner = traced;
  for (let guard = 0; guard < 8; guard++) {
    const f = inner.field('function') as SgNode;
    const object = f.kind() === 'attribute' ? f.field('object') : null;
    const receiver = object ? traceToCall(fn, object, 0) : null;
    if (!receiver || !RESULT_METHODS.has(f.field('attribute')?.text() ?? '')) break;
    inner = receiver;
  }
  const innerCallee = inner.field('function') as SgNode;
  const receiver = innerCallee.kind() === 'attribute' ? innerCallee.field('object') : null;
  if (receiver && sessions.resolve(receiver)) return { k: 'opaque', why: sessionCallWhy(fn, inner, innerCallee.field('attribute')?.text() ?? '') };
  if (inner !== traced) return { k: 'opaque', why: `it returns \`${short(traced.text())}\`, which is not the result of a query or call this tool can follow` };
  return { k: 'call', call: traced };
}

/** The branch of `a if c else None` (or `None if c else a`) that is not `None`; null for any other conditional. */
function nonNoneBranch(conditional: SgNode): SgNode | null {
  const [value, , alternative] = namedChildren(conditional);
  if (!value || !alternative) return null;
  if (alternative.kind() === 'none' && value.kind() !== 'none') return value;
  if (value.kind() === 'none' && alternative.kind() !== 'none') return alternative;
  return null;
}

/** `await f(...)`, `(f(...))`, or a local bound once to one of those: the call. */
function traceToCall(fn: SgNode, node: SgNode, depth: number): SgNode | null {
  if (depth > 8) return null;
  switch (node.kind()) {
    case 'parenthesized_expression': {
      const inner = namedChildren(node);
      return inner.length === 1 ? traceToCall(fn, inner[0] as SgNode, depth + 1) : null;
    }
    case 'await': {
      const inner = namedChildren(node)[0];
      return inner ? traceToCall(fn, inner, depth + 1) : null;
    }
    case 'call':
      return node;
    case 'identifier': {
      const name = node.text();
      if (parametersOf(fn).some((p) => p.name === name)) return null;
      const bindings = bindingsIn(fn, name);
      if (bindings.length !== 1) return null;
      const target = bindings[0] as SgNode;
      const parent = target.parent();
      if (parent?.kind() !== 'assignment' || !sameNode(parent.field('left'), target)) return null;
      const right = parent.field('right');
      return right && right.kind() !== 'assignment' ? traceToCall(fn, right, depth + 1) : null;
    }
    default:
      return null;
  }
}

/**
 * A session call that may unload relationships between the load (`from`) and the `return`: textually between
 * them, or anywhere in a loop around the load (a later iteration's call runs after it).
 */
export function invalidatedBetween(fn: SgNode, from: SgNode, ret: SgNode): string | null {
  const loops = from.ancestors().filter((a) => LOOPS.has(String(a.kind())) && ownerOf(a)?.id() === fn.id() && !ret.ancestors().some((r) => sameNode(r, a)));
  for (const call of fn.findAll({ rule: { kind: 'call' } })) {
    if (ownerOf(call)?.id() !== fn.id()) continue;
    const callee = call.field('function');
    const method = callee?.kind() === 'attribute' ? (callee.field('attribute')?.text() ?? '') : '';
    if (!INVALIDATING.has(method)) continue;
    const between = start(call) > start(from) && start(call) < start(ret);
    const inLoop = loops.some((l) => call.ancestors().some((a) => sameNode(a, l)));
    if (between || inLoop) return `\`${short(callee?.text() ?? method)}()\` runs between the load and the \`return\` and may unload what was loaded`;
  }
  return null;
}

/** Why a session call whose statement was not understood cannot take a loader; a generic query says so. */
function sessionCallWhy(fn: SgNode, call: SgNode, method: string): string {
  const first = callArgs(call).positional[0];
  const entity = first ? selectedEntity(fn, first, method) : null;
  if (entity && ['self', 'cls'].includes(entity[0] as string)) {
    return `its query loads \`${entity.join('.')}\`, a class known only at run time (a generic CRUD base): a model-specific loader cannot be added to it`;
  }
  return `the statement of \`${short(call.text())}\` is not a \`select(Model)\` this tool can extend`;
}

/** The entity of `db.get(E, pk)`, or of the `select(E)` an execute call runs (inline or through a local). */
function selectedEntity(fn: SgNode, arg: SgNode, method: string): string[] | null {
  if (method === 'get' || method === 'get_one') return dottedName(arg);
  let node: SgNode | null = arg;
  for (let guard = 0; node && guard < 32; guard++) {
    if (node.kind() === 'identifier') {
      const bindings = bindingsIn(fn, node.text()).sort((a, b) => start(a) - start(b));
      const parent = bindings[0]?.parent();
      node = parent?.kind() === 'assignment' ? parent.field('right') : null;
      continue;
    }
    if (node.kind() === 'parenthesized_expression') {
      node = namedChildren(node)[0] ?? null;
      continue;
    }
    if (node.kind() !== 'call') return null;
    const callee = node.field('function') as SgNode;
    const name = dottedName(callee);
    if (name && name[name.length - 1] === 'select') {
      const entity = callArgs(node).positional[0];
      return entity ? dottedName(entity) : null;
    }
    node = callee.kind() === 'attribute' ? callee.field('object') : null;
  }
  return null;
}

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
