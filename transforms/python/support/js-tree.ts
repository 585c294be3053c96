// Python trees as plain JS: parsed by tree-sitter compiled to WebAssembly (web-tree-sitter) with the same
// grammar @ast-grep/lang-python is built from (tree-sitter-python 0.25.0), copied into typed arrays
// (tree-copy.ts: one cursor walk, or after an incremental parse mostly slices of the copy before it), and
// read through the SgRoot/SgNode methods the analyses use.
//
// Why: through @ast-grep/napi every question to a node (kind, children, field, parent, id...) crosses
// N-API and allocates a wrapper; the analyses ask about 3,800 of them per tree, and that was half of a
// run's CPU. The cursor copy costs about as much as a parse, and after it every question is an array read.
// Measured on the 1k benchmark tree (docs/performance.md, "JS trees"): the same report, byte for byte, at
// about half the CPU and memory.
//
// Only the parts of the SgNode interface the analyses use exist; rules are the shapes they write (a kind,
// `any` of rules, `not`, a `regex` on the text, `has` a field whose text matches a regex). Anything else
// throws, so a new use fails loudly in the tests instead of answering wrongly.
import { readFileSync } from 'node:fs';
import type { NapiConfig, Range, SgNode, SgRoot } from '@ast-grep/napi';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { LineIndex } from '../../../engine/lines';
import { BYTES_PER_NODE, copyTree, type NodeArrays, type SourceEdit, subtreeEnd } from './tree-copy';
import { DirectCalls, directCalls, sameAsPublicWalk } from './tree-cursor';

/** tree-sitter's symbol for an ERROR node (`ts_builtin_sym_error`, as an unsigned 16-bit id). */
const ERROR_SYMBOL = 65535;

let parser: Parser | null = null;
let language: Language | null = null;
let loading: Promise<void> | null = null;
/** The binding's cursor functions, when present and checked (tree-cursor.ts); null: the public cursor. */
let calls: DirectCalls | null = null;

/** Loads the WebAssembly parser once; parseJsTree works only after it resolved. */
export function loadJsTrees(): Promise<void> {
  loading ??= (async () => {
    // Emscripten fills this object with the module's exports (see tree-cursor.ts).
    const module: Record<string, unknown> = {};
    await Parser.init(module);
    const grammar = await Language.load(readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')));
    const p = new Parser();
    p.setLanguage(grammar);
    const direct = directCalls(module);
    calls = direct !== null && sameAsPublicWalk(p, direct, CURSOR_SAMPLE) ? direct : null;
    language = grammar;
    parser = p;
  })();
  return loading;
}

/** The binding's cursor functions the copy calls, or null when it reads trees through the public TreeCursor. */
export function directCursorCalls(): DirectCalls | null {
  return calls;
}

// Nests deeper than a cursor's first stack (so moving down reallocates it), with fields, a match statement,
// non-ASCII text, a missing token and an ERROR node.
const CURSOR_SAMPLE = [
  'class A(B, metaclass=M):',
  '    def f(self, x: "ü" = 1) -> int:',
  '        match x:',
  '            case [a, *rest] if a:',
  '                return {k: [v for v in (1, (2, (3, (4, (5, (6, (7, (8,))))))))] for k in x}',
  'def g(:',
  '    pass',
  'x = = 1',
  '',
].join('\n');

export function jsTreesLoaded(): boolean {
  return parser !== null;
}

/** A parsed tree as a JS copy, typed as the SgRoot the analyses take (it answers the methods they call). */
export function parseJsTree(source: string): SgRoot {
  if (parser === null || language === null) throw new Error('parseJsTree before loadJsTrees() resolved');
  return new JsRoot(source, parser, language, null) as unknown as SgRoot;
}

export type { SourceEdit };

/**
 * The tree of `source`, which is `old`'s text with `edits` applied (sorted, not overlapping, offsets in
 * the old text). When tree-sitter's own tree of `old` is still at hand (the last one this thread parsed, or
 * one pinned by shelveJsTree), tree-sitter parses again incrementally: it is told where the text changed
 * and reuses the old tree's unchanged subtrees, which is most of a transform's output (a few `await`s and
 * renames in a file). Otherwise, a full parse. Either way the copy is the one a full parse of `source`
 * gives (checked on every fixture's edits by __tests__/incremental-parse.test.ts).
 */
export function reparseJsTree(old: SgRoot, source: string, edits: readonly SourceEdit[]): SgRoot {
  if (parser === null || language === null) throw new Error('reparseJsTree before loadJsTrees() resolved');
  const root = old as unknown as JsRoot;
  const previous = unpin(root) ?? (retained !== null && retained.root === root ? retained.tree : null);
  if (previous === null) return parseJsTree(source);
  if (retained?.tree === previous) retained = null;
  try {
    markEdits(previous, root.source, edits);
    return new JsRoot(source, parser, language, previous, { copy: root, edits }) as unknown as SgRoot;
  } finally {
    previous.delete();
  }
}

/**
 * The WebAssembly tree of the last copy made, kept for reparseJsTree; the one before it is deleted then,
 * unless shelveJsTree pinned it.
 */
let retained: { root: JsRoot; tree: Tree } | null = null;

function retain(root: JsRoot, tree: Tree): void {
  if (retained !== null && !pinned.has(retained.root)) retained.tree.delete();
  retained = { root, tree };
}

/**
 * tree-sitter's trees of kept copies whose files the next segment will likely edit, so that edit's re-parse
 * is incremental too. Bounded apart from the engine's kept-tree budget: tree-sitter's trees take about 83
 * bytes a node against the copy's 25 (measured on the 1k bench tree), and the WebAssembly heap never
 * shrinks, so whatever this holds at its peak stays the thread's for the rest of the run.
 */
const pinned = new Map<JsRoot, Tree>();
let pinnedBytes = 0;
export const PINNED_TREE_BYTES = 48 * 1024 * 1024;
const WASM_BYTES_PER_NODE = 84;

function unpin(root: JsRoot): Tree | null {
  const tree = pinned.get(root);
  if (tree === undefined) return null;
  pinned.delete(root);
  pinnedBytes -= root.size * WASM_BYTES_PER_NODE;
  return tree;
}

/** Frees tree-sitter's tree of a copy, if one is pinned; the engine is done with the copy. */
export function disposeJsTree(tree: SgRoot): void {
  const root = tree as unknown as JsRoot;
  const pinnedTree = unpin(root);
  if (pinnedTree === null) return;
  if (retained?.root === root) retained = null;
  pinnedTree.delete();
}

/** How many of tree-sitter's trees are pinned, and their estimated bytes (for tests). */
export function pinnedTrees(): { count: number; bytes: number } {
  return { count: pinned.size, bytes: pinnedBytes };
}

/**
 * Tells `tree` (of `text`) where the text changed. Last edit first, so the positions of an edit, taken in
 * the old text, are still right when it is marked: only text after it has moved.
 */
function markEdits(tree: Tree, text: string, edits: readonly SourceEdit[]): void {
  const lines = new LineIndex(text);
  const point = (index: number) => {
    const row = lines.lineOf(index);
    return { row, column: index - lines.lineStart(row) };
  };
  for (let k = edits.length - 1; k >= 0; k--) {
    const { start, end, text: inserted } = edits[k] as SourceEdit;
    const startPosition = point(start);
    const lastBreak = inserted.lastIndexOf('\n');
    let rows = 0;
    for (let at = inserted.indexOf('\n'); at >= 0; at = inserted.indexOf('\n', at + 1)) rows++;
    const newEndPosition =
      lastBreak < 0
        ? { row: startPosition.row, column: startPosition.column + inserted.length }
        : { row: startPosition.row + rows, column: inserted.length - lastBreak - 1 };
    tree.edit({ startIndex: start, oldEndIndex: end, newEndIndex: start + inserted.length, startPosition, oldEndPosition: point(end), newEndPosition });
  }
}

export function isJsTree(tree: unknown): boolean {
  return tree instanceof JsRoot;
}

/**
 * See JsRoot.shelve. With `editsLikely` (a transform of the next segment may act on the file), tree-sitter's
 * tree of the copy is pinned too when it is the last one parsed and PINNED_TREE_BYTES allows, so the re-parse
 * after that transform's edits is incremental. The engine disposes of every tree it drops (disposeJsTree).
 */
export function shelveJsTree(tree: SgRoot, editsLikely: boolean): number {
  const root = tree as unknown as JsRoot;
  // Pinned for an earlier segment that left the file as it was, and no longer needed: room for another.
  if (!editsLikely) disposeJsTree(tree);
  else if (retained !== null && retained.root === root && !pinned.has(root)) {
    const bytes = root.size * WASM_BYTES_PER_NODE;
    if (pinnedBytes + bytes <= PINNED_TREE_BYTES) {
      pinned.set(root, retained.tree);
      pinnedBytes += bytes;
    }
  }
  return root.shelve();
}

/**
 * The copy's typed arrays (tree-copy.ts) are the tree's own fields, read directly by the matchers: sized from the
 * parse's node count, a node costs 25 bytes (it cost 88 in growable JS arrays), which matters because the engine
 * keeps a file's tree between segments (see `shelve`).
 */
export interface JsRoot extends NodeArrays {}

export class JsRoot {
  /** One node object per node, made when first asked for; null until then and after `shelve`. */
  private nodes: (JsNode | undefined)[] | null = null;
  private lines: LineIndex | null = null;
  /** See kindIndex; null until first needed and after `shelve`. */
  private byKind: KindIndex | null = null;
  /**
   * The analyses' per-tree memo tables (cached-tree.ts's treeMemo). A JS tree is its own memoising view:
   * its answers are array reads, and its node objects are one per node already.
   */
  readonly memo = new Map<string, unknown>();

  constructor(
    readonly source: string,
    parser: Parser,
    readonly language: Language,
    /** The edited tree of the text this one replaces, for an incremental parse (reparseJsTree); null: a full parse. */
    old: Tree | null,
    /** The copy of `old` and the edits made to its text, to copy the subtrees they left alone from. */
    previous: { copy: JsRoot; edits: readonly SourceEdit[] } | null = null,
  ) {
    const tree = old === null ? parser.parse(source) : parser.parse(source, old);
    if (tree === null) throw new Error('tree-sitter returned no tree');
    let arrays: NodeArrays;
    try {
      const before = old !== null && previous !== null ? { copy: previous.copy, edits: previous.edits, changed: old.getChangedRanges(tree) } : null;
      arrays = copyTree(tree, tree.rootNode.descendantCount, calls, before);
    } catch (error) {
      tree.delete();
      throw error;
    }
    Object.assign(this, arrays);
    retain(this, tree);
  }

  /**
   * Drops the node objects, line index, kind index and memo tables made since the parse, keeping the copy
   * itself; returns the bytes the copy holds. The engine calls it when it keeps a tree between segments:
   * the tree then answers as a fresh parse of its text would, and no memo outlives the segment.
   */
  shelve(): number {
    this.nodes = null;
    this.lines = null;
    this.byKind = null;
    this.memo.clear();
    // Not the text: the file holds that string whether or not its tree is kept.
    return this.kinds.length * BYTES_PER_NODE;
  }

  get size(): number {
    return this.kinds.length;
  }

  node(i: number): SgNode | null {
    if (i < 0) return null;
    this.nodes ??= new Array<JsNode | undefined>(this.kinds.length);
    let node = this.nodes[i];
    if (node === undefined) {
      node = new JsNode(this, i);
      this.nodes[i] = node;
    }
    return node as unknown as SgNode;
  }

  root(): SgNode {
    return this.node(0) as SgNode;
  }

  filename(): string {
    return 'anonymous';
  }

  kindName(i: number): string {
    const id = this.kinds[i] as number;
    return id === ERROR_SYMBOL ? 'ERROR' : (this.language.types[id] ?? `#${id}`);
  }

  text(i: number): string {
    return this.source.slice(this.starts[i], this.ends[i]);
  }

  /** ast-grep's position: 0-based line and UTF-16 column. */
  position(index: number): { line: number; column: number; index: number } {
    this.lines ??= new LineIndex(this.source);
    const line = this.lines.lineOf(index);
    return { line, column: index - this.lines.lineStart(line), index };
  }

  /** One past the last node of i's subtree, in pre-order. */
  subtreeEnd(i: number): number {
    return subtreeEnd(this, i);
  }

  /** A compiled matcher; memoised by its text for the process, since the analyses repeat a few matchers. */
  compiled(matcher: Matcher): CompiledRule {
    const key = commonRuleKey(matcher) ?? JSON.stringify(matcher);
    let compiled = compiledRules.get(key);
    if (compiled === undefined) {
      compiled = compileRule(this.language, typeof matcher === 'object' && matcher !== null && 'rule' in matcher ? (matcher as NapiConfig).rule : matcher);
      compiledRules.set(key, compiled);
    }
    return compiled;
  }

  /**
   * The nodes of i's subtree (i included) that match, in pre-order. A rule that names its kinds looks only
   * at nodes of those kinds, found through the kind index; any other scans the subtree.
   */
  matching(i: number, matcher: Matcher): SgNode[] {
    const { test, keys } = this.compiled(matcher);
    const end = this.subtreeEnd(i);
    const out: SgNode[] = [];
    if (keys === null) {
      for (let k = i; k < end; k++) if (test(this, k)) out.push(this.node(k) as SgNode);
      return out;
    }
    const { offsets, nodes } = this.kindIndex();
    for (const key of keys) {
      const last = offsets[key + 1] as number;
      for (let at = lowerBound(nodes, offsets[key] as number, last, i); at < last && (nodes[at] as number) < end; at++) {
        const k = nodes[at] as number;
        if (test(this, k)) out.push(this.node(k) as SgNode);
      }
    }
    if (keys.length > 1) out.sort((a, b) => (a as unknown as JsNode).id() - (b as unknown as JsNode).id());
    return out;
  }

  /** The first node of i's subtree (i included) that matches, in pre-order, or -1. */
  firstMatching(i: number, matcher: Matcher): number {
    const { test, keys } = this.compiled(matcher);
    const end = this.subtreeEnd(i);
    if (keys === null) {
      for (let k = i; k < end; k++) if (test(this, k)) return k;
      return -1;
    }
    const { offsets, nodes } = this.kindIndex();
    let found = -1;
    for (const key of keys) {
      const last = offsets[key + 1] as number;
      // The first of this kind; a later kind's first may come earlier.
      for (let at = lowerBound(nodes, offsets[key] as number, last, i); at < last && (nodes[at] as number) < end && (found < 0 || (nodes[at] as number) < found); at++) {
        const k = nodes[at] as number;
        if (test(this, k)) {
          found = k;
          break;
        }
      }
    }
    return found;
  }

  /**
   * Node indices grouped by kind key (see kindKey), each group in pre-order; made when first needed. Two
   * typed arrays rather than a Map of growing arrays, which was a tenth of all a run allocated. ERROR
   * nodes are left out: no rule looks them up by kind.
   */
  private kindIndex(): KindIndex {
    if (this.byKind !== null) return this.byKind;
    const slots = 2 * this.language.types.length;
    const offsets = new Int32Array(slots + 1);
    const count = this.kinds.length;
    for (let i = 0; i < count; i++) {
      const kind = this.kinds[i] as number;
      if (kind === ERROR_SYMBOL) continue;
      const key = kindKey(kind, this.named[i] === 1);
      // Never met (kind ids index the grammar's own type list); a node left out would go unseen by every rule.
      if (key >= slots) throw new Error(`node kind id ${kind} is outside the grammar's ${this.language.types.length} types`);
      offsets[key + 1] = (offsets[key + 1] as number) + 1;
    }
    for (let key = 0; key < slots; key++) offsets[key + 1] = (offsets[key + 1] as number) + (offsets[key] as number);
    const next = offsets.slice(0, slots);
    const nodes = new Int32Array(offsets[slots] as number);
    for (let i = 0; i < count; i++) {
      const kind = this.kinds[i] as number;
      if (kind === ERROR_SYMBOL) continue;
      const key = kindKey(kind, this.named[i] === 1);
      const at = next[key] as number;
      nodes[at] = i;
      next[key] = at + 1;
    }
    this.byKind = { offsets, nodes };
    return this.byKind;
  }
}

/** Nodes of kind key k are nodes[offsets[k]] to nodes[offsets[k + 1] - 1], in pre-order. */
interface KindIndex {
  offsets: Int32Array;
  nodes: Int32Array;
}

/** A rule as a test of one node, and the kinds (as kindKey) a matching node must have, or null: any kind. */
interface CompiledRule {
  test: (tree: JsRoot, i: number) => boolean;
  keys: number[] | null;
}

/**
 * The memo key of `{ rule: { kind } }` and `{ rule: { kind, regex } }` (string values), most of the matchers
 * the analyses pass, made without JSON.stringify (a stringify per query was 2% of a worker's time at 10k);
 * null for any other shape. Equal keys mean equal rules; a key never starts like JSON (`{`, `"`, a digit).
 */
export function commonRuleKey(matcher: Matcher): string | null {
  if (typeof matcher !== 'object' || matcher === null) return null;
  let rule: unknown;
  for (const key in matcher) {
    if (key !== 'rule') return null;
    rule = (matcher as { rule: unknown }).rule;
  }
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) return null;
  let kind: unknown;
  let regex: unknown;
  let hasRegex = false;
  for (const key in rule) {
    if (key === 'kind') kind = (rule as { kind: unknown }).kind;
    else if (key === 'regex') {
      hasRegex = true;
      regex = (rule as { regex: unknown }).regex;
    } else return null;
  }
  if (typeof kind !== 'string') return null;
  if (!hasRegex) return `kind:${kind}`;
  return typeof regex === 'string' ? `kind+regex:${kind}\0${regex}` : null;
}

/** Process-wide: there is one Python grammar (loadJsTrees loads it once), so kind and field ids are the same for every tree. */
const compiledRules = new Map<string, CompiledRule>();

function kindKey(id: number, named: boolean): number {
  return id * 2 + (named ? 1 : 0);
}

/** The first position in list[from, to) (sorted) holding a value not below `value`; `to` if none. */
function lowerBound(list: Int32Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function compileRule(language: Language, rule: unknown): CompiledRule {
  if (typeof rule !== 'object' || rule === null) throw new Error(`JS trees do not support the matcher ${JSON.stringify(rule)}`);
  const tests: ((tree: JsRoot, i: number) => boolean)[] = [];
  // Every key of a rule object must hold, so the kinds of any one key that names kinds bound the matches.
  let keys: number[] | null = null;
  for (const [key, value] of Object.entries(rule as Record<string, unknown>)) {
    if (key === 'kind') {
      const kind = kindRule(language, String(value));
      tests.push(kind.test);
      keys = kind.keys;
    } else if (key === 'regex') {
      const literal = anchoredLiteral(String(value));
      if (literal === null) {
        const re = new RegExp(String(value));
        tests.push((tree, i) => re.test(tree.text(i)));
      } else {
        // `^name$`, the common case (every use of a name): compared in place, without a string per node tested.
        tests.push((tree, i) => {
          const from = tree.starts[i] as number;
          return (tree.ends[i] as number) - from === literal.length && tree.source.startsWith(literal, from);
        });
      }
    } else if (key === 'any') {
      const parts = (value as unknown[]).map((part) => compileRule(language, part));
      tests.push((tree, i) => {
        for (const part of parts) if (part.test(tree, i)) return true;
        return false;
      });
      // Bounded only when every alternative is.
      if (keys === null && parts.every((part) => part.keys !== null)) keys = [...new Set(parts.flatMap((part) => part.keys as number[]))];
    } else if (key === 'not') {
      const inner = compileRule(language, value);
      tests.push((tree, i) => !inner.test(tree, i));
    } else if (key === 'has') tests.push(hasFieldTest(language, value));
    else throw new Error(`JS trees do not support the rule key ${key} (in ${JSON.stringify(rule)})`);
  }
  const test =
    tests.length === 1
      ? (tests[0] as CompiledRule['test'])
      : (tree: JsRoot, i: number): boolean => {
          // A loop, not tests.every: a closure per call was a tenth of all a run allocated.
          for (const t of tests) if (!t(tree, i)) return false;
          return true;
        };
  return { test, keys };
}

/**
 * The text a regex matches exactly when it is `^` + a literal (metacharacters escaped) + `$`, else null.
 * Without flags, `^` and `$` match only at the ends of the text, so the regex holds just for that text.
 */
export function anchoredLiteral(source: string): string | null {
  const match = /^\^((?:[^\\.*+?^${}()|[\]]|\\[.*+?^${}()|[\]\\])*)\$$/.exec(source);
  return match === null ? null : (match[1] as string).replace(/\\(.)/g, '$1');
}

/** ast-grep's `kind` names a named node type; a type that exists only as a token matches the token. */
function kindRule(language: Language, kind: string): CompiledRule {
  // ERROR nodes are left to a scan (keys null): whether tree-sitter marks one named is not ours to assume.
  if (kind === 'ERROR') return { test: (tree, i) => tree.kinds[i] === ERROR_SYMBOL, keys: null };
  const named = language.idForNodeType(kind, true);
  // The kind index (JsRoot.kindIndex) has a slot for each of the grammar's types and no more.
  for (const id of [named, language.idForNodeType(kind, false)]) if (id !== null && id >= language.types.length) throw new Error(`node kind ${kind} has id ${id}, outside the grammar's types`);
  if (named !== null) return { test: (tree, i) => tree.kinds[i] === named && tree.named[i] === 1, keys: [kindKey(named, true)] };
  const anonymous = language.idForNodeType(kind, false);
  if (anonymous === null) throw new Error(`no node kind ${kind} in the Python grammar`);
  return { test: (tree, i) => tree.kinds[i] === anonymous && tree.named[i] === 0, keys: [kindKey(anonymous, false)] };
}

/** web-tree-sitter's fieldIdForName searches the field list on every call; the analyses ask a few names many times. */
const fieldIds = new Map<string, number | null>();

function fieldId(language: Language, name: string): number | null {
  let id = fieldIds.get(name);
  if (id === undefined) {
    id = language.fieldIdForName(name);
    fieldIds.set(name, id);
  }
  return id;
}

function hasFieldTest(language: Language, value: unknown): (tree: JsRoot, i: number) => boolean {
  const has = value as Record<string, unknown>;
  const keys = Object.keys(has).sort().join(',');
  if (keys !== 'field,regex') throw new Error(`JS trees support has: { field, regex } only, not ${JSON.stringify(value)}`);
  const field = fieldId(language, String(has.field));
  const re = new RegExp(String(has.regex));
  return (tree, i) => {
    for (let c = tree.firstChild[i] as number; c >= 0; c = tree.nextSibling[c] as number) {
      if (tree.fields[c] === field && re.test(tree.text(c))) return true;
    }
    return false;
  };
}

type Matcher = string | number | NapiConfig;


export class JsNode {
  constructor(
    private readonly tree: JsRoot,
    private readonly i: number,
  ) {}

  id(): number {
    return this.i;
  }

  kind(): string {
    return this.tree.kindName(this.i);
  }

  get kindToRefine(): string {
    return this.kind();
  }

  is(kind: string): boolean {
    return this.kind() === kind;
  }

  range(): Range {
    return { start: this.tree.position(this.tree.starts[this.i] as number), end: this.tree.position(this.tree.ends[this.i] as number) };
  }

  /** `range().start.index` without the line lookups and objects of a Range. */
  startIndex(): number {
    return this.tree.starts[this.i] as number;
  }

  /** `range().end.index`, likewise. */
  endIndex(): number {
    return this.tree.ends[this.i] as number;
  }

  text(): string {
    return this.tree.text(this.i);
  }

  isNamed(): boolean {
    return this.tree.named[this.i] === 1;
  }

  isLeaf(): boolean {
    return this.tree.firstChild[this.i] === -1;
  }

  isNamedLeaf(): boolean {
    return this.isLeaf() && this.isNamed();
  }

  children(): SgNode[] {
    const out: SgNode[] = [];
    for (let c = this.tree.firstChild[this.i] as number; c >= 0; c = this.tree.nextSibling[c] as number) out.push(this.tree.node(c) as SgNode);
    return out;
  }

  namedChildren(): SgNode[] {
    const t = this.tree;
    const out: SgNode[] = [];
    for (let c = t.firstChild[this.i] as number; c >= 0; c = t.nextSibling[c] as number) if (t.named[c] === 1) out.push(t.node(c) as SgNode);
    return out;
  }

  child(nth: number): SgNode | null {
    if (nth < 0) return null;
    let c = this.tree.firstChild[this.i] as number;
    for (let k = 0; k < nth && c >= 0; k++) c = this.tree.nextSibling[c] as number;
    return this.tree.node(c);
  }

  parent(): SgNode | null {
    return this.tree.node(this.tree.parents[this.i] as number);
  }

  ancestors(): SgNode[] {
    const out: SgNode[] = [];
    for (let a = this.tree.parents[this.i] as number; a >= 0; a = this.tree.parents[a] as number) out.push(this.tree.node(a) as SgNode);
    return out;
  }

  /**
   * The first child under a field. tree-sitter also gives a node the fields of a hidden rule shown under an
   * alias: in this grammar only `match_statement`'s body (`_match_block` shown as `block`), whose
   * `case_clause`s answer the statement's `alternative`. (ast-grep's fieldChildren does not look there.)
   */
  field(name: string): SgNode | null {
    const direct = this.firstInField(name);
    if (direct !== null || this.tree.kindName(this.i) !== 'match_statement') return direct;
    const body = this.firstInField('body');
    return body === null ? null : (body as unknown as JsNode).firstInField(name);
  }

  fieldChildren(name: string): SgNode[] {
    const t = this.tree;
    const id = fieldId(t.language, name);
    const out: SgNode[] = [];
    if (id === null) return out;
    for (let c = t.firstChild[this.i] as number; c >= 0; c = t.nextSibling[c] as number) if (t.fields[c] === id) out.push(t.node(c) as SgNode);
    return out;
  }

  private firstInField(name: string): SgNode | null {
    const t = this.tree;
    const id = fieldId(t.language, name);
    if (id === null) return null;
    for (let c = t.firstChild[this.i] as number; c >= 0; c = t.nextSibling[c] as number) if (t.fields[c] === id) return t.node(c);
    return null;
  }

  /** This node and its descendants that match, in pre-order (as ast-grep answers). */
  findAll(matcher: Matcher): SgNode[] {
    return this.tree.matching(this.i, matcher);
  }

  find(matcher: Matcher): SgNode | null {
    return this.tree.node(this.tree.firstMatching(this.i, matcher));
  }

  matches(matcher: Matcher): boolean {
    return this.tree.compiled(matcher).test(this.tree, this.i);
  }

  next(): SgNode | null {
    return this.tree.node(this.tree.nextSibling[this.i] as number);
  }

  prev(): SgNode | null {
    const parent = this.tree.parents[this.i] as number;
    if (parent < 0) return null;
    let previous = -1;
    for (let c = this.tree.firstChild[parent] as number; c >= 0 && c !== this.i; c = this.tree.nextSibling[c] as number) previous = c;
    return this.tree.node(previous);
  }

  nextAll(): SgNode[] {
    const out: SgNode[] = [];
    for (let c = this.tree.nextSibling[this.i] as number; c >= 0; c = this.tree.nextSibling[c] as number) out.push(this.tree.node(c) as SgNode);
    return out;
  }

  prevAll(): SgNode[] {
    const out: SgNode[] = [];
    for (let n = this.prev(); n !== null; n = n.prev()) out.push(n);
    return out;
  }

  getRoot(): SgRoot {
    return this.tree as unknown as SgRoot;
  }
}

// SgNode methods no analysis calls on an engine tree: each throws, naming itself, so a new use fails loudly
// in the tests instead of meeting a missing method.
for (const method of ['inside', 'has', 'precedes', 'follows', 'getMatch', 'getMultipleMatches', 'getTransformed', 'replace', 'commitEdits']) {
  Object.defineProperty(JsNode.prototype, method, {
    value: (): never => {
      throw new Error(`JS trees do not support ${method}()`);
    },
  });
}

/** The engine's syntax check on a JS tree: the first ERROR node in pre-order, else the first zero-width (missing) one. */
export function jsSyntaxProblem(tree: SgRoot): { node: SgNode; error: boolean } | null {
  const t = tree as unknown as JsRoot;
  let firstEmpty = -1;
  for (let i = 0; i < t.size; i++) {
    if (t.kinds[i] === ERROR_SYMBOL) return { node: t.node(i) as SgNode, error: true };
    if (firstEmpty < 0 && i > 0 && t.starts[i] === t.ends[i] && t.kindName(i) !== 'module') firstEmpty = i;
  }
  return firstEmpty < 0 ? null : { node: t.node(firstEmpty) as SgNode, error: false };
}
