// Line numbers for messages: the line of the file the user ran awaitify on. Analyses read the text the
// transforms before them left, which may have lines the input has not (an import added at the top), so a
// node's own line can be further down than where the user finds it.
import type { SgNode } from '@ast-grep/napi';
import { start } from '../query/syntax';

/** The 1-based line a message gives for a node. */
export type LineOf = (node: SgNode) => number;

/** The node's line in its own tree: right where no earlier transform changed the text, or nothing tracks it. */
export const treeLine: LineOf = (node) => node.range().start.line + 1;

/** The input's line of a node of `context`'s text (TransformContext.inputLine, IndexInput.inputLine), or its tree line. */
export function inputLineOf(context: { inputLine?(offset: number): number }): LineOf {
  return context.inputLine === undefined ? treeLine : (node) => context.inputLine?.(start(node)) ?? treeLine(node);
}
