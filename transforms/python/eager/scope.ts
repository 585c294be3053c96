// Which function a node's code runs in, shared by eager-load's checks.
import type { SgNode } from '@ast-grep/napi';
import { sameNode } from '../query/syntax';

const FUNCTION_LIKE = new Set(['function_definition', 'lambda', 'class_definition']);

/** The function, lambda or class whose body `node` runs in (decorators and defaults belong outside). */
export function ownerOf(node: SgNode): SgNode | null {
  let child = node;
  for (let a = node.parent(); a !== null; a = a.parent()) {
    if (FUNCTION_LIKE.has(String(a.kind())) && sameNode(a.field('body'), child)) return a;
    child = a;
  }
  return null;
}
