// A memoising view of an ast-grep tree: the same nodes, answering the same questions, but every native
// call is made at most once per node. Each call into @ast-grep/napi (kind(), range(), text(), parent(),
// field()...) crosses N-API and allocates a fresh wrapper, and the analyses ask the same node the same
// question many times (every call site walks its ancestors, every name lookup walks scopes): the indexer
// spent most of its time in those crossings and in collecting the garbage they left.
//
// A CachedNode is used wherever an SgNode is (the helpers only use SgNode's methods), so the analyses
// run unchanged on it. There is one CachedNode per tree node (found by the native node id, which is
// stable within a parse), so identity comparisons keep working; it holds no state beyond answers that
// cannot change, because a tree is never edited in place (a transform's output is parsed again).
import type { NapiConfig, Range, SgNode, SgRoot } from '@ast-grep/napi';
import { isJsTree, JsRoot } from './js-tree';

type Matcher = string | number | NapiConfig;

/**
 * A cached view of a parsed tree (the view itself when given one; a JS tree, which answers from arrays and
 * keeps its own memo tables, is its own view). A tree the engine parsed has one view,
 * shared by every transform and summary that asks for it until the engine releases the tree (the
 * analyses of one file ask largely the same questions, and each first question is a native call).
 * Any other tree gets a new view, which lives as long as whoever holds it.
 */
export function cachedTree(tree: SgRoot): SgRoot {
  if ((tree as unknown) instanceof CachedRoot || isJsTree(tree)) return tree;
  if (!engineTrees.has(tree)) return new CachedRoot(tree) as unknown as SgRoot;
  let view = sharedViews.get(tree);
  if (view === undefined) {
    view = new CachedRoot(tree);
    sharedViews.set(tree, view);
  }
  return view as unknown as SgRoot;
}

/**
 * Trees parsed by the engine (pythonLanguage.parse), whose view is shared; the engine disposes every
 * one it parsed, which drops the view (forgetView). A weak set: marking a tree does not keep it.
 */
const engineTrees = new WeakSet<SgRoot>();
/**
 * Not a WeakMap, on purpose: a native node keeps a strong N-API reference to its SgRoot, so an entry
 * whose value holds the tree's nodes would never be collected. Entries leave when the engine disposes
 * the tree, and only engine trees get one.
 */
const sharedViews = new Map<SgRoot, CachedRoot>();

/** The engine owns this tree and will dispose it: its view may be shared until then. */
export function shareView(tree: SgRoot): void {
  engineTrees.add(tree);
}

/** The engine released the tree: its view goes with it. */
export function forgetView(tree: SgRoot): void {
  sharedViews.delete(tree);
}

/**
 * Per-tree memo tables for analyses (bindings, parameters), stored on the view so they die with it;
 * undefined for a node outside a cached view, whose tree has nowhere safe to keep them.
 */
export function treeMemo<T>(node: SgNode, slot: string, init: () => T): T | undefined {
  const root = node.getRoot() as unknown;
  const memo = root instanceof CachedRoot || root instanceof JsRoot ? root.memo : null;
  if (memo === null) return undefined;
  let value = memo.get(slot) as T | undefined;
  if (value === undefined) {
    value = init();
    memo.set(slot, value);
  }
  return value;
}

class CachedRoot {
  private readonly nodes = new Map<number, CachedNode>();
  readonly memo = new Map<string, unknown>();
  private top: SgNode | null = null;

  constructor(private readonly tree: SgRoot) {}

  root(): SgNode {
    this.top ??= this.wrap(this.tree.root());
    return this.top;
  }

  filename(): string {
    return this.tree.filename();
  }

  /** The one CachedNode of this native node. Typed as SgNode: it implements SgNode's methods. */
  wrap(node: SgNode): SgNode {
    const id = node.id();
    let cached = this.nodes.get(id);
    if (!cached) {
      cached = new CachedNode(this, node, id);
      this.nodes.set(id, cached);
    }
    return cached as unknown as SgNode;
  }

  wrapAll(nodes: SgNode[]): SgNode[] {
    return nodes.map((n) => this.wrap(n));
  }

  wrapOrNull(node: SgNode | null | undefined): SgNode | null {
    return node == null ? null : this.wrap(node);
  }
}

const UNSET = Symbol('unset');

class CachedNode {
  private kindValue: string | undefined;
  private rangeValue: Range | undefined;
  private textValue: string | undefined;
  private namedValue: boolean | undefined;
  private childrenValue: SgNode[] | undefined;
  parentValue: SgNode | null | typeof UNSET = UNSET;
  private fields: Map<string, SgNode | null> | undefined;
  private searches: Map<string, SgNode[]> | undefined;

  constructor(
    private readonly owner: CachedRoot,
    private readonly native: SgNode,
    private readonly nodeId: number,
  ) {}

  id(): number {
    return this.nodeId;
  }

  kind(): string {
    this.kindValue ??= String(this.native.kind());
    return this.kindValue;
  }

  get kindToRefine(): string {
    return this.kind();
  }

  is(kind: string): boolean {
    return this.kind() === kind;
  }

  /** Shared, not copied: nothing here writes to a Range. */
  range(): Range {
    this.rangeValue ??= this.native.range();
    return this.rangeValue;
  }

  text(): string {
    this.textValue ??= this.native.text();
    return this.textValue;
  }

  isNamed(): boolean {
    this.namedValue ??= this.native.isNamed();
    return this.namedValue;
  }

  isLeaf(): boolean {
    return this.native.isLeaf();
  }

  isNamedLeaf(): boolean {
    return this.native.isNamedLeaf();
  }

  /** A new array each time, as the native call returns: callers may sort or filter it in place. */
  children(): SgNode[] {
    if (this.childrenValue === undefined) {
      this.childrenValue = this.owner.wrapAll(this.native.children());
      // Their parent is known now, which saves a native parent() per child when walking back up.
      for (const child of this.childrenValue) (child as unknown as CachedNode).parentValue = this as unknown as SgNode;
    }
    return [...this.childrenValue];
  }

  namedChildren(): SgNode[] {
    return this.owner.wrapAll(this.native.namedChildren());
  }

  child(nth: number): SgNode | null {
    return this.owner.wrapOrNull(this.native.child(nth));
  }

  parent(): SgNode | null {
    if (this.parentValue === UNSET) this.parentValue = this.owner.wrapOrNull(this.native.parent());
    return this.parentValue;
  }

  /** Parent, grandparent... up to the root: what the native call returns, built from cached parents. */
  ancestors(): SgNode[] {
    const out: SgNode[] = [];
    for (let a = this.parent(); a !== null; a = a.parent()) out.push(a);
    return out;
  }

  field(name: string): SgNode | null {
    this.fields ??= new Map();
    let value = this.fields.get(name);
    if (value === undefined) {
      value = this.owner.wrapOrNull(this.native.field(name as never) as SgNode | null);
      this.fields.set(name, value);
    }
    return value;
  }

  fieldChildren(name: string): SgNode[] {
    return this.owner.wrapAll(this.native.fieldChildren(name as never) as SgNode[]);
  }

  /** Searches are memoised by their matcher: analyses repeat `findAll({ rule: { kind: 'call' } })` per scope. */
  findAll(matcher: Matcher): SgNode[] {
    const key = JSON.stringify(matcher);
    this.searches ??= new Map();
    let found = this.searches.get(key);
    if (!found) {
      found = this.owner.wrapAll(this.native.findAll(matcher));
      this.searches.set(key, found);
    }
    return [...found];
  }

  find(matcher: Matcher): SgNode | null {
    return this.owner.wrapOrNull(this.native.find(matcher));
  }

  matches(matcher: Matcher): boolean {
    return this.native.matches(matcher);
  }

  inside(matcher: Matcher): boolean {
    return this.native.inside(matcher);
  }

  has(matcher: Matcher): boolean {
    return this.native.has(matcher);
  }

  precedes(matcher: Matcher): boolean {
    return this.native.precedes(matcher);
  }

  follows(matcher: Matcher): boolean {
    return this.native.follows(matcher);
  }

  next(): SgNode | null {
    return this.owner.wrapOrNull(this.native.next());
  }

  prev(): SgNode | null {
    return this.owner.wrapOrNull(this.native.prev());
  }

  nextAll(): SgNode[] {
    return this.owner.wrapAll(this.native.nextAll());
  }

  prevAll(): SgNode[] {
    return this.owner.wrapAll(this.native.prevAll());
  }

  getRoot(): SgRoot {
    return this.owner as unknown as SgRoot;
  }

  getMatch(name: string): SgNode | null {
    return this.owner.wrapOrNull(this.native.getMatch(name));
  }

  getMultipleMatches(name: string): SgNode[] {
    return this.owner.wrapAll(this.native.getMultipleMatches(name));
  }

  getTransformed(name: string): string | null {
    return this.native.getTransformed(name);
  }

  replace(text: string): ReturnType<SgNode['replace']> {
    return this.native.replace(text);
  }

  commitEdits(edits: Parameters<SgNode['commitEdits']>[0]): string {
    return this.native.commitEdits(edits);
  }
}

/** The same context (or indexer input) over the cached view of its tree. */
export function withCachedTree<T extends { tree: SgRoot }>(ctx: T): T {
  return { ...ctx, tree: cachedTree(ctx.tree) };
}
