import { parse, registerDynamicLanguage, SgNode, SgRoot } from '@ast-grep/napi';
import python from '@ast-grep/lang-python';
import type { LanguageSupport, SyntaxProblem } from '../../../engine/types';

let registered = false;

function ensureRegistered(): void {
  if (registered) return;
  registerDynamicLanguage({ python });
  registered = true;
}

export function parsePython(source: string): SgRoot {
  ensureRegistered();
  return parse('python', source);
}

/**
 * tree-sitter repairs some syntax errors by inventing a zero-width token (`def f(:` gets a missing `)`),
 * which is not an ERROR node. Both count as syntax errors for us.
 */
export function firstSyntaxError(root: SgRoot): SyntaxProblem | null {
  const top = root.root();
  const error = top.find({ rule: { kind: 'ERROR' } });
  if (error) {
    const { start } = error.range();
    return { line: start.line + 1, column: start.column + 1, message: `cannot parse: ${describe(error)}` };
  }
  if (top.text().length === 0) return null;
  const missing = findZeroWidthLeaf(top);
  if (missing) {
    const { start } = missing.range();
    return { line: start.line + 1, column: start.column + 1, message: `missing ${JSON.stringify(missing.kind())}` };
  }
  return null;
}

function describe(node: SgNode): string {
  const text = node.text().split('\n')[0] ?? '';
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function findZeroWidthLeaf(node: SgNode): SgNode | null {
  // Matched natively: a node with empty text is an invented (missing) token. Walking the tree from JS
  // costs one native call per node, several times slower.
  const empty = node.find({ rule: { regex: '^$', not: { kind: 'module' } } });
  return empty;
}

export function isInsideString(root: SgRoot, offset: number): boolean {
  for (const str of root.root().findAll({ rule: { kind: 'string' } })) {
    const { start, end } = str.range();
    if (offset > start.index && offset < end.index) return true;
  }
  return false;
}

export const pythonLanguage: LanguageSupport<SgRoot> = {
  id: 'python',
  extensions: ['py'],
  parse: parsePython,
  firstSyntaxError: (tree) => firstSyntaxError(tree),
  isInsideString: (tree, offset) => isInsideString(tree, offset),
  lineComment: '#',
};
