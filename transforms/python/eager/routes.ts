// Which functions eager-load looks at: async code, FastAPI routes, and the response model a route serialises.
// Shared by the rewrite pass and the project summary, which must agree on them.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import { callArgs, decoratorsOf, isAsyncDef, namedChildren } from '../query/syntax';
import { ownerOf } from './scope';

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'api_route']);

/** `async def`, or a plain def already holding an `await` of its own (it becomes async later in the run). */
export function isAsyncCode(fn: SgNode): boolean {
  if (isAsyncDef(fn)) return true;
  return fn.findAll({ rule: { kind: 'await' } }).some((a) => ownerOf(a)?.id() === fn.id());
}

/** Decorated as a FastAPI route (`@router.get(...)`, `@app.post(...)`...), or registered as one (see registrationOf). */
export function isRoute(fn: SgNode): boolean {
  const decorated = decoratorsOf(fn).some((decorator) => {
    const call = namedChildren(decorator)[0];
    const callee = call?.kind() === 'call' ? call.field('function') : null;
    return callee?.kind() === 'attribute' && ROUTE_METHODS.has(callee.field('attribute')?.text() ?? '');
  });
  return decorated || registrationOf(fn) !== null;
}

/** The response model of a FastAPI route: `response_model=` of its decorator or registration, else its return annotation. */
export function responseModelText(fn: SgNode): string | null {
  for (const decorator of decoratorsOf(fn)) {
    const call = namedChildren(decorator)[0];
    const callee = call?.kind() === 'call' ? call.field('function') : null;
    if (callee?.kind() !== 'attribute' || !ROUTE_METHODS.has(callee.field('attribute')?.text() ?? '')) continue;
    const model = callArgs(call as SgNode).keywords.get('response_model');
    if (model) return model.kind() === 'none' ? null : model.text();
    return fn.field('return_type')?.text() ?? null;
  }
  const registration = registrationOf(fn);
  if (registration) {
    const model = callArgs(registration).keywords.get('response_model');
    if (model) return model.kind() === 'none' ? null : model.text();
    return fn.field('return_type')?.text() ?? null;
  }
  return null;
}

/** Per module: the `add_api_route(...)` call registering each def, by the def's offset (see registrationOf). */
const registrations = new WeakMap<SgRoot, Map<number, SgNode>>();

/**
 * The `router.add_api_route(path, endpoint, ...)` call (`app.add_api_route` alike) registering `fn` as a route in
 * its module: FastAPI serialises what it returns with the call's `response_model=` as it does for a decorator's.
 * The endpoint is a module-level def named as it is (`add_api_route("/items", list_items, ...)`), or a method of
 * the class whose method makes the call (`self.create`, the class-based routers registering their own methods in
 * `__init__`). Null when none registers it (a registration in another module, or in a base class for a method its
 * subclass overrides, is not seen).
 */
function registrationOf(fn: SgNode): SgNode | null {
  const root = fn.getRoot();
  let found = registrations.get(root);
  if (!found) {
    found = new Map();
    registrations.set(root, found);
    const top = root.root();
    if (top.text().includes('add_api_route')) {
      for (const call of top.findAll({ rule: { kind: 'call' } })) {
        const callee = call.field('function');
        if (callee?.kind() !== 'attribute' || callee.field('attribute')?.text() !== 'add_api_route') continue;
        const args = callArgs(call);
        const endpoint = args.keywords.get('endpoint') ?? args.positional[1];
        const def = endpoint ? endpointDef(call, endpoint) : null;
        if (def && !found.has(def.range().start.index)) found.set(def.range().start.index, call);
      }
    }
  }
  return found.get(fn.range().start.index) ?? null;
}

/** The def an `add_api_route` endpoint argument names (see registrationOf), or null. */
function endpointDef(call: SgNode, endpoint: SgNode): SgNode | null {
  const defsIn = (body: SgNode | null, name: string): SgNode | null => {
    for (const child of body ? namedChildren(body) : []) {
      const def = child.kind() === 'decorated_definition' ? child.field('definition') : child;
      if (def?.kind() === 'function_definition' && def.field('name')?.text() === name) return def;
    }
    return null;
  };
  if (endpoint.kind() === 'identifier') return defsIn(call.getRoot().root(), endpoint.text());
  const object = endpoint.kind() === 'attribute' ? endpoint.field('object') : null;
  const name = endpoint.field('attribute')?.text();
  const method = ownerOf(call);
  const self = method?.field('parameters') ? namedChildren(method.field('parameters') as SgNode)[0] : null;
  if (object?.kind() !== 'identifier' || !name || !method || self?.kind() !== 'identifier' || self.text() !== object.text()) return null;
  // The method making the call is a def directly in a class body.
  const holder = method.parent()?.kind() === 'decorated_definition' ? method.parent()?.parent() : method.parent();
  const cls = holder?.kind() === 'block' ? holder.parent() : null;
  return cls?.kind() === 'class_definition' ? defsIn(cls.field('body'), name) : null;
}

/** The `return` statements of `fn`'s own body (not those of nested defs and lambdas). */
export function ownReturns(fn: SgNode): SgNode[] {
  return fn.findAll({ rule: { kind: 'return_statement' } }).filter((r) => ownerOf(r)?.id() === fn.id());
}
