import { parse, registerDynamicLanguage, SgNode, SgRoot } from '@ast-grep/napi';
import python from '@ast-grep/lang-python';
import type { LanguageSupport, SyntaxProblem } from '../../../engine/types';
import { forgetView, shareView } from './cached-tree';
import { misplacedAsync } from './async-context';
import { excludedFunctions } from './excluded-functions';
import { disposeJsTree, isJsTree, jsSyntaxProblem, jsTreesLoaded, loadJsTrees, parseJsTree, reparseJsTree, shelveJsTree } from './js-tree';

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
 *
 * Reported: the first ERROR node in pre-order if there is one, else the first zero-width node. Each
 * search is a full tree walk, so a clean file (the common case) gets one walk matching either kind;
 * only when it stops at a zero-width node does a second walk look for an ERROR node after it.
 */
export function firstSyntaxError(root: SgRoot): SyntaxProblem | null {
  // A JS tree finds the same node in one pass over its arrays.
  const problem = isJsTree(root) ? jsSyntaxProblem(root) : nativeSyntaxProblem(root);
  if (problem === null) return null;
  const { start } = problem.node.range();
  if (problem.error) return { line: start.line + 1, column: start.column + 1, message: `cannot parse: ${describe(problem.node)}` };
  if (root.root().text().length === 0) return null;
  return { line: start.line + 1, column: start.column + 1, message: `missing ${JSON.stringify(problem.node.kind())}` };
}

function nativeSyntaxProblem(root: SgRoot): { node: SgNode; error: boolean } | null {
  const top = root.root();
  const first = top.find(ERROR_OR_EMPTY);
  if (first === null) return null;
  const error = first.kind() === 'ERROR' ? first : top.find(ERROR);
  return error ? { node: error, error: true } : { node: first, error: false };
}

const ERROR = { rule: { kind: 'ERROR' } };
// Matched natively: a node with empty text is an invented (missing) token. Walking the tree from JS
// costs one native call per node, several times slower.
const EMPTY = { regex: '^$', not: { kind: 'module' } };
const ERROR_OR_EMPTY = { rule: { any: [{ kind: 'ERROR' }, EMPTY] } };

function describe(node: SgNode): string {
  const text = node.text().split('\n')[0] ?? '';
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
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
  // The engine's trees are JS copies once the WebAssembly parser has loaded (see js-tree.ts); before that
  // (a transform run synchronously by a test, say) ast-grep's, which answer the same.
  ready: loadJsTrees,
  // A JS tree is its own memoising view. An ast-grep tree parsed here is the engine's: it disposes each, so
  // its view can be shared meanwhile.
  parse: (source) => {
    if (jsTreesLoaded()) return parseJsTree(source);
    const tree = parsePython(source);
    shareView(tree);
    return tree;
  },
  // Only a JS tree parses again incrementally (ast-grep's binding cannot edit a tree).
  reparse: (tree, source, edits) => (isJsTree(tree) ? reparseJsTree(tree, source, edits) : pythonLanguage.parse(source)),
  dispose: (tree) => (isJsTree(tree) ? disposeJsTree(tree) : forgetView(tree)),
  // A JS tree is plain memory the engine can account for; a native one is not kept (its size is unknown to us).
  shelve: (tree, editsLikely) => (isJsTree(tree) ? shelveJsTree(tree, editsLikely) : null),
  firstSyntaxError: (tree) => firstSyntaxError(tree),
  outputProblem: (tree, source) => {
    const misplaced = misplacedAsync(tree, source);
    if (misplaced === null) return null;
    const { start } = misplaced.node.range();
    return { line: start.line + 1, column: start.column + 1, message: misplaced.message };
  },
  isInsideString: (tree, offset) => isInsideString(tree, offset),
  lineComment: '#',
  // Files that sit in a Python project's top directory; the nearest one above the given paths bounds the index.
  projectMarkers: ['awaitify.toml', 'pyproject.toml', 'setup.py', 'setup.cfg', 'tox.ini', 'pytest.ini', 'requirements.txt', 'alembic.ini'],
  excludedRegions: (source, tree, absPath, options) =>
    options.excludeFunctions && options.excludeFunctions.length > 0 ? excludedFunctions(source, tree, absPath, options.excludeFunctions) : [],
};
