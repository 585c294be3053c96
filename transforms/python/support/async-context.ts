// What tree-sitter accepts but CPython's compiler rejects: `await`, `async with`, `async for` and asynchronous
// comprehensions where the code around them is not an `async def` body. A transform that leaves one behind (an
// `async with` in a function that had to stay a plain def) writes a module that fails to import, so the engine
// treats it as a syntax error: the transform's output is refused and the file left as it was, loudly.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import { asyncKeyword, isAsyncDef } from '../query/syntax';

const ASYNC_NODES = { rule: { any: [{ kind: 'await' }, { kind: 'with_statement' }, { kind: 'for_statement' }, { kind: 'for_in_clause' }] } };

/** The first await / async with / async for / async comprehension clause where CPython rejects it, with why. */
export function misplacedAsync(root: SgRoot, source: string): { node: SgNode; message: string } | null {
  if (!source.includes('await') && !source.includes('async')) return null;
  const [first] = asyncOutsideAsync(root);
  if (!first) return null;
  const kind = first.node.kind();
  const what = kind === 'await' ? "'await'" : kind === 'with_statement' ? "'async with'" : kind === 'for_statement' ? "'async for'" : 'an asynchronous comprehension';
  return { node: first.node, message: `${what} ${first.why}` };
}

/** Every await / async with / async for / async comprehension clause CPython rejects where it stands, in tree order. */
export function asyncOutsideAsync(root: SgRoot): { node: SgNode; why: string }[] {
  const out: { node: SgNode; why: string }[] = [];
  for (const node of root.root().findAll(ASYNC_NODES)) {
    if (node.kind() !== 'await' && asyncKeyword(node) === undefined) continue;
    const verdict = asyncAllowed(node);
    if (verdict !== true) out.push({ node, why: verdict });
  }
  return out;
}

/**
 * CPython's rule: the innermost function scope around the node is an `async def` body. A generator expression
 * becomes an async generator instead, which any scope may hold (only its first iterable runs outside it; being
 * lenient there can only miss an error, never invent one). A lambda or a class body is a scope of its own; the
 * decorators, defaults and annotations of a def belong to the scope around it.
 */
function asyncAllowed(node: SgNode): true | string {
  let child = node;
  for (let a = node.parent(); a !== null; child = a, a = a.parent()) {
    switch (a.kind()) {
      case 'generator_expression':
        return true;
      case 'lambda':
        if (a.field('body')?.id() === child.id()) return 'inside a lambda';
        break;
      case 'class_definition':
        if (a.field('body')?.id() === child.id()) return 'in a class body, outside an async function';
        break;
      case 'function_definition':
        if (a.field('body')?.id() === child.id()) return isAsyncDef(a) ? true : `outside an async function (in the plain def \`${a.field('name')?.text() ?? '?'}\`)`;
        break;
    }
  }
  return 'at module level, outside an async function';
}
