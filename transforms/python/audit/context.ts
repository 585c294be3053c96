// Whether code runs on the event loop: inside the body of an `async def`, and not inside a nested plain
// `def` or a lambda (their bodies run whenever they are called, usually in a thread or sync code).
// Generator expressions and comprehensions run where they are written, so they count as the async def's.
import type { SgNode } from '@ast-grep/napi';
import { runsWhereWritten } from '../awaits/context';
import { isAsyncDef } from '../query/syntax';

/** The `async def` whose body runs this node, or null. Decorators and default values belong to the outer scope. */
export function enclosingAsyncDef(node: SgNode): SgNode | null {
  let child = node;
  for (const ancestor of node.ancestors()) {
    const kind = ancestor.kind();
    if (kind === 'lambda' && ancestor.field('body')?.id() === child.id()) return null;
    if (kind === 'function_definition' && ancestor.field('body')?.id() === child.id()) return isAsyncDef(ancestor) ? ancestor : null;
    child = ancestor;
  }
  return null;
}

/**
 * The `async def` a call runs in while that function runs, for the blocking calls: as enclosingAsyncDef, but through a
 * `key=` lambda of `sorted`/`min`/`max`/`.sort` (called during the call), and through a generator expression only when
 * it is iterated at once (`any(...)`, `sum(...)`): one kept or handed on (`StreamingResponse(gen)`) runs later, maybe in
 * a thread. The same test propagate-async's ASYNC-BLOCKING-CALL applies (awaits/context.ts runsWhereWritten).
 */
export function asyncDefRunning(node: SgNode): SgNode | null {
  if (!runsWhereWritten(node)) return null;
  let child = node;
  for (const ancestor of node.ancestors()) {
    if (ancestor.kind() === 'function_definition' && ancestor.field('body')?.id() === child.id()) return isAsyncDef(ancestor) ? ancestor : null;
    child = ancestor;
  }
  return null;
}

export function functionName(fn: SgNode): string {
  return fn.field('name')?.text() ?? '?';
}
