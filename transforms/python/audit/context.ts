// Whether code runs on the event loop: inside the body of an `async def`, and not inside a nested plain
// `def` or a lambda (their bodies run whenever they are called, usually in a thread or sync code).
// Generator expressions and comprehensions run where they are written, so they count as the async def's.
import type { SgNode } from '@ast-grep/napi';
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

export function functionName(fn: SgNode): string {
  return fn.field('name')?.text() ?? '?';
}
