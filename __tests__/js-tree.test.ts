// The JS trees the engine analyses (support/js-tree.ts) must be ast-grep's trees, node for node: same kinds,
// ranges, text, named-ness, children, fields, and the same answers to the rules the analyses write.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { SgNode, SgRoot } from '@ast-grep/napi';
import { end, start } from '../transforms/python/query/syntax';
import { firstSyntaxError, parsePython } from '../transforms/python/support/language';
import { anchoredLiteral, commonRuleKey, directCursorCalls, loadJsTrees, parseJsTree, shelveJsTree } from '../transforms/python/support/js-tree';
import { DirectCalls, describeWalk, sameAsPublicWalk } from '../transforms/python/support/tree-cursor';
import { Language, Parser } from 'web-tree-sitter';

const FIXTURES = path.join(__dirname, '..', 'testfixtures');

function pythonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? pythonFiles(full) : name.endsWith('.py') ? [full] : [];
  });
}

function preorder(tree: SgRoot): SgNode[] {
  const out: SgNode[] = [];
  const stack = [tree.root()];
  while (stack.length > 0) {
    const node = stack.pop() as SgNode;
    out.push(node);
    const children = node.children();
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as SgNode);
  }
  return out;
}

/**
 * Everything the analyses read from a node, with nodes named by their pre-order position. Field lookups
 * through N-API are slow, so every field name is asked on every `step`th node only (and all of them on
 * the small cases).
 */
function describeTree(tree: SgRoot, fieldNames: readonly string[], step = 1): string[] {
  const nodes = preorder(tree);
  const position = new Map<number, number>(nodes.map((n, i) => [n.id(), i]));
  const at = (n: SgNode | null): string => (n === null ? '-' : String(position.get(n.id())));
  return nodes.map((n, i) => {
    const asked = i % step === 0 ? fieldNames : [];
    const fields = asked.map((f) => `${f}=${at(n.field(f as never))}/${n.fieldChildren(f as never).map(at).join(',')}`).filter((f) => !f.endsWith('=-/'));
    // start/end: a JS node answers them from its arrays (no Range), and must agree with ast-grep's range.
    // child(k) and next() walk sibling links, namedChildren filters in place: each must agree with children().
    // next() passes over a zero-width (missing) token here: tree-sitter's next sibling does, while children()
    // and the JS tree's next() do not; no analysis reads a tree that has one (the engine refuses the file).
    let next = n.next();
    while (next !== null && start(next) === end(next)) next = next.next();
    const links = [at(n.child(0)), at(n.child(2)), at(next), at(n.prev()), n.namedChildren().map(at).join(',')].join(' ');
    return [n.kind(), JSON.stringify(n.range()), `${start(n)}-${end(n)}`, n.isNamed(), JSON.stringify(n.text()), at(n.parent()), n.children().map(at).join(','), links, fields.join(' ')].join(' | ');
  });
}

const RULES = [
  { rule: { kind: 'call' } },
  { rule: { kind: 'identifier', regex: '^(db|session|self)$' } },
  // Exact names (what nameTable asks for every name it looks up) are compared in place, without a RegExp.
  { rule: { kind: 'identifier', regex: '^db$' } },
  { rule: { kind: 'attribute', regex: '^db\\.query$' } },
  { rule: { kind: 'identifier', regex: '^d$' } },
  { rule: { any: [{ kind: 'import_from_statement' }, { kind: 'future_import_statement' }, { kind: 'import_statement' }] } },
  { rule: { any: [{ kind: 'await' }, { kind: 'yield' }, { kind: 'with_statement' }, { kind: 'return_statement' }] } },
  { rule: { kind: 'attribute', has: { field: 'attribute', regex: '^(query|execute|commit|Session)$' } } },
  { rule: { kind: 'string', regex: 'Session' } },
  { rule: { any: [{ kind: 'ERROR' }, { regex: '^$', not: { kind: 'module' } }] } },
];

// Field names the analyses ask for (grep `.field('` in transforms/python).
const FIELDS = ['alternative', 'subject', 'guard', 'name', 'parameters', 'body', 'function', 'arguments', 'object', 'attribute', 'left', 'right', 'type', 'value', 'return_type', 'module_name', 'alias', 'superclasses', 'condition', 'consequence', 'alternative', 'key', 'operator', 'argument', 'definition', 'subscript'];

beforeAll(() => loadJsTrees());

// Fixture inputs (the outputs are the same shapes again); every app file.
const sources = pythonFiles(FIXTURES).filter((f) => !f.endsWith('.output.py'));

test('the fixtures give enough sources to compare', () => {
  expect(sources.length).toBeGreaterThan(400);
});

test.each([
  ['empty', ''],
  ['whitespace only', '\n  \n'],
  ['a missing token', 'def f(:\n    pass\n'],
  ['an ERROR node', 'x = = 1\nclass :\n'],
  ['CRLF and non-ASCII', 'def f():\r\n    return "héllo 😀"  # ünïcode\r\n'],
  ['tabs and a match statement', 'match x:\n\tcase [a, *rest]:\n\t\tpass\n\tcase {"k": v} if v:\n\t\tpass\n'],
])('%s: same tree and same syntax verdict', (_name, source) => {
  const a = parsePython(source);
  const b = parseJsTree(source);
  expect(describeTree(b, FIELDS)).toEqual(describeTree(a, FIELDS));
  expect(firstSyntaxError(b)).toEqual(firstSyntaxError(a));
});

test('every fixture: same tree, same rule answers, same syntax verdict', () => {
  let nodes = 0;
  for (const file of sources) {
    const source = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const a = parsePython(source);
    const b = parseJsTree(source);
    const expected = describeTree(a, FIELDS, 40);
    expect({ file, tree: describeTree(b, FIELDS, 40) }).toEqual({ file, tree: expected });
    nodes += expected.length;
    const na = preorder(a);
    const nb = preorder(b);
    const indexA = new Map(na.map((n, i) => [n.id(), i]));
    const indexB = new Map(nb.map((n, i) => [n.id(), i]));
    for (const rule of RULES) {
      const answers = (index: Map<number, number>, start: SgNode) => {
        const first = start.find(rule);
        return { found: start.findAll(rule).map((n) => index.get(n.id())), first: first === null ? null : index.get(first.id()), matches: start.matches(rule) };
      };
      // From the root and from every 40th node, so subtree searches are compared too.
      for (let i = 0; i < na.length; i += 40) {
        expect({ file, rule, i, ...answers(indexB, nb[i] as SgNode) }).toEqual({ file, rule, i, ...answers(indexA, na[i] as SgNode) });
      }
    }
    expect({ file, problem: firstSyntaxError(b) }).toEqual({ file, problem: firstSyntaxError(a) });
  }
  expect(nodes).toBeGreaterThan(100_000);
});

test('an exact-text regex is recognised only when nothing in it but the anchors is special', () => {
  expect(anchoredLiteral('^db$')).toBe('db');
  expect(anchoredLiteral('^$')).toBe('');
  expect(anchoredLiteral('^db\\.query$')).toBe('db.query');
  expect(anchoredLiteral('^a\\\\$')).toBe('a\\');
  expect(anchoredLiteral('^\\$x\\(\\)$')).toBe('$x()');
  for (const open of ['db', '^db', 'db$', '^d.b$', '^(db|session)$', '^a|b$', '^db\\$', '^a\\d$', '^[ab]$', '^a*$']) expect(anchoredLiteral(open)).toBeNull();
});

test('the common rule shapes get a memo key of their own, equal only for equal rules', () => {
  expect(commonRuleKey({ rule: { kind: 'call' } })).toBe('kind:call');
  expect(commonRuleKey({ rule: { kind: 'identifier', regex: '^db$' } })).toBe('kind+regex:identifier\0^db$');
  expect(commonRuleKey({ rule: { regex: '^db$', kind: 'identifier' } })).toBe(commonRuleKey({ rule: { kind: 'identifier', regex: '^db$' } }));
  expect(commonRuleKey({ rule: { kind: 'identifier', regex: '^d$' } })).not.toBe(commonRuleKey({ rule: { kind: 'identifier', regex: '^db$' } }));
  expect(commonRuleKey({ rule: { kind: 'call' } })).not.toBe(commonRuleKey({ rule: { kind: 'call', regex: '' } }));
  // Everything else is keyed by its JSON as before.
  for (const other of ['call', { rule: { kind: 'call', not: { kind: 'x' } } }, { rule: { any: [{ kind: 'call' }] } }, { rule: { kind: 'call' }, constraints: {} }, { rule: { kind: 'x', regex: undefined } }]) {
    expect(commonRuleKey(other as never)).toBeNull();
  }
  const tree = parseJsTree('db = 1\nd = db\n');
  expect(tree.root().findAll({ rule: { kind: 'identifier', regex: '^db$' } }).map((n) => n.text())).toEqual(['db', 'db']);
  expect(tree.root().findAll({ rule: { kind: 'identifier', regex: '^d$' } }).map((n) => n.text())).toEqual(['d']);
  expect(tree.root().findAll({ rule: { kind: 'identifier' } })).toHaveLength(3);
});

test('a rule shape the JS tree does not know throws instead of answering', () => {
  const tree = parseJsTree('x = 1\n');
  expect(() => tree.root().findAll({ rule: { pattern: 'x = $A' } })).toThrow(/do not support/);
  expect(() => tree.root().findAll({ rule: { kind: 'no_such_kind' } })).toThrow(/no node kind/);
  expect(() => tree.root().inside({ rule: { kind: 'module' } })).toThrow('JS trees do not support inside()');
});

test('a shelved tree answers as a fresh parse of its text, with new node objects', () => {
  const source = 'class A:\n    def f(self, db):\n        return db.query(A).filter(A.id == 1).first()  # ü\n';
  const tree = parseJsTree(source);
  const before = describeTree(tree, FIELDS);
  const call = tree.root().find({ rule: { kind: 'call' } });
  const bytes = shelveJsTree(tree, false);
  // 25 bytes per node in the typed arrays; the text is the file's own string, held with or without the tree.
  expect(bytes).toBe(25 * (tree as unknown as { size: number }).size);
  expect(describeTree(tree, FIELDS)).toEqual(describeTree(parseJsTree(source), FIELDS));
  expect(describeTree(tree, FIELDS)).toEqual(before);
  const again = tree.root().find({ rule: { kind: 'call' } });
  expect(again).not.toBe(call);
  expect(again?.range()).toEqual(call?.range());
});

describe('reading trees through the binding', () => {
  let parser: Parser;
  beforeAll(async () => {
    parser = new Parser();
    parser.setLanguage(await Language.load(readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm'))));
  });

  // With the pinned web-tree-sitter the direct calls exist and pass the check at load; if an upgrade
  // removed them, copies would silently fall back to the slower public cursor.
  test('the copy calls the cursor functions directly', () => {
    expect(directCursorCalls()).not.toBeNull();
  });

  test('every fixture reads the same through the direct calls as through the public cursor', () => {
    const calls = directCursorCalls() as DirectCalls;
    for (const file of sources) {
      const tree = parser.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
      if (tree === null) throw new Error(`no tree for ${file}`);
      expect({ file, nodes: describeWalk(tree, calls) }).toEqual({ file, nodes: describeWalk(tree, null) });
      tree.delete();
    }
  });

  test('the check at load refuses calls that read differently', () => {
    const calls = directCursorCalls() as DirectCalls;
    const source = 'def f(x):\n    return [x for x in (1, (2, (3, (4, (5, (6,))))))]\n';
    expect(sameAsPublicWalk(parser, calls, source)).toBe(true);
    expect(sameAsPublicWalk(parser, { ...calls, field: () => 0 }, source)).toBe(false);
    expect(sameAsPublicWalk(parser, { ...calls, start: (tree) => calls.start(tree) + 1 }, source)).toBe(false);
  });
});
