// Which functions eager-load looks at: async code, FastAPI routes, and the response model a route serialises.
// Shared by the rewrite pass and the project summary, which must agree on them.
import type { SgNode } from '@ast-grep/napi';
import { callArgs, decoratorsOf, isAsyncDef, namedChildren } from '../query/syntax';
import { ownerOf } from './scope';

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'api_route']);

/** `async def`, or a plain def already holding an `await` of its own (it becomes async later in the run). */
export function isAsyncCode(fn: SgNode): boolean {
  if (isAsyncDef(fn)) return true;
  return fn.findAll({ rule: { kind: 'await' } }).some((a) => ownerOf(a)?.id() === fn.id());
}

/** Decorated as a FastAPI route (`@router.get(...)`, `@app.post(...)`...). */
export function isRoute(fn: SgNode): boolean {
  return decoratorsOf(fn).some((decorator) => {
    const call = namedChildren(decorator)[0];
    const callee = call?.kind() === 'call' ? call.field('function') : null;
    return callee?.kind() === 'attribute' && ROUTE_METHODS.has(callee.field('attribute')?.text() ?? '');
  });
}

/** The response model of a FastAPI route: `response_model=` of its decorator, else its return annotation. */
export function responseModelText(fn: SgNode): string | null {
  for (const decorator of decoratorsOf(fn)) {
    const call = namedChildren(decorator)[0];
    const callee = call?.kind() === 'call' ? call.field('function') : null;
    if (callee?.kind() !== 'attribute' || !ROUTE_METHODS.has(callee.field('attribute')?.text() ?? '')) continue;
    const model = callArgs(call as SgNode).keywords.get('response_model');
    if (model) return model.kind() === 'none' ? null : model.text();
    return fn.field('return_type')?.text() ?? null;
  }
  return null;
}

/** The `return` statements of `fn`'s own body (not those of nested defs and lambdas). */
export function ownReturns(fn: SgNode): SgNode[] {
  return fn.findAll({ rule: { kind: 'return_statement' } }).filter((r) => ownerOf(r)?.id() === fn.id());
}
