// Route handlers: functions decorated `@<router>.get(...)` (post, put, patch, delete, options, head, trace,
// api_route, websocket) where `<router>` is an `APIRouter(...)` / `FastAPI(...)` instance. Routers are
// recognised from what the name is bound to where the decorator sees it: a call of `APIRouter`/`FastAPI`
// (or a parameter annotated with them) is one; a call of any other class (`Flask(...)`, `Typer()`) is not;
// for names whose origin is not visible here (imported, made by a factory function like `create_app()`),
// the common names `app`, `application`, `api`, `router`, `*_router`, `*_app` are taken as routers.
// Names the configuration lists (`router-names`) are routers whatever they are bound to: the user knows
// what `users.get(...)` decorates better than a guess from the name.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import { decoratorsOf, dottedName, isAsyncDef, looksLikeClassName, namedChildren } from '../query/syntax';
import type { QualifiedNames } from './names';

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'trace', 'api_route', 'websocket']);
const ROUTER_CLASSES = new Set(['APIRouter', 'FastAPI']);
const CONVENTIONAL_ROUTER = /^(app|application|api|router|\w+_router|\w+_app)$/;

export interface RouteHandler {
  fn: SgNode;
  async: boolean;
}

export function routeHandlers(root: SgRoot, names: QualifiedNames, routerNames: readonly string[] = []): RouteHandler[] {
  const handlers: RouteHandler[] = [];
  for (const fn of root.root().findAll({ rule: { kind: 'function_definition' } })) {
    if (decoratorsOf(fn).some((d) => isRouteDecorator(d, names, routerNames))) handlers.push({ fn, async: isAsyncDef(fn) });
  }
  return handlers;
}

function isRouteDecorator(decorator: SgNode, names: QualifiedNames, routerNames: readonly string[]): boolean {
  const expr = namedChildren(decorator)[0];
  if (expr?.kind() !== 'call') return false;
  const callee = expr.field('function');
  if (callee?.kind() !== 'attribute') return false;
  const object = callee.field('object');
  const method = callee.field('attribute')?.text() ?? '';
  if (!ROUTE_METHODS.has(method) || object?.kind() !== 'identifier') return false;
  return routerNames.includes(object.text()) || isRouter(object, names);
}

function isRouter(id: SgNode, names: QualifiedNames): boolean {
  const bindings = names.visibleBindings(id);
  if (bindings === null) return false;
  const conventional = CONVENTIONAL_ROUTER.test(id.text());
  if (bindings.length === 0) return conventional;
  return bindings.every((b) => {
    if (b.role === 'import') return conventional;
    const verdict = bindingVerdict(b.node);
    return verdict === 'router' || (verdict === 'unknown' && conventional);
  });
}

/** What a binding occurrence stores: a router, something known not to be one, or something unknown. */
function bindingVerdict(id: SgNode): 'router' | 'not-router' | 'unknown' {
  const parent = id.parent();
  if (!parent) return 'unknown';
  const kind = parent.kind();
  if (kind === 'typed_parameter' || kind === 'typed_default_parameter' || (kind === 'assignment' && parent.field('type'))) {
    const type = parent.field('type');
    if (type && ROUTER_CLASSES.has(lastName(namedChildren(type)[0] ?? type) ?? '')) return 'router';
  }
  if (kind !== 'assignment' || parent.field('left')?.id() !== id.id()) return 'unknown';
  const value = parent.field('right');
  if (value?.kind() !== 'call') return 'unknown';
  const callee = lastName(value.field('function') as SgNode);
  if (callee === null) return 'unknown';
  if (ROUTER_CLASSES.has(callee)) return 'router';
  // Another class instantiated (`Flask(__name__)`, `typer.Typer()`): its `.get` is not a FastAPI route.
  return looksLikeClassName(callee) ? 'not-router' : 'unknown';
}

function lastName(node: SgNode): string | null {
  const dotted = dottedName(node);
  return dotted ? (dotted[dotted.length - 1] as string) : null;
}
