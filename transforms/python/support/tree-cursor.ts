// Reading a web-tree-sitter tree node by node, for the JS copy (js-tree.ts).
//
// web-tree-sitter's TreeCursor keeps its state in JS and, on every property read and every move, writes it
// into the WebAssembly module's transfer buffer (and after a move reads it back): some forty slow memory
// accesses per node, which cost about as much as the parse itself (docs/performance.md, "Kept trees"). The
// binding's C functions behind those methods read and write the cursor in that same buffer, so a walk that
// calls them directly, and nothing else in between, can leave the cursor there for the whole walk.
//
// Those functions are the WebAssembly module's exports, which Emscripten puts on the options object handed
// to Parser.init. They are not web-tree-sitter's public API (the version is pinned in package.json), so
// they are used only when every one exists and a walk through them reads a sample tree exactly as the
// public cursor does (checked once, when the parser loads); otherwise the walk uses the public cursor.
import type { Parser, Tree } from 'web-tree-sitter';

/** The current node of a pre-order walk, and the moves. */
export interface NodeWalk {
  typeId(): number;
  /** UTF-16 offsets. */
  start(): number;
  end(): number;
  named(): boolean;
  /** 0 when the node is under no field. */
  field(): number;
  /** The node's place in the tree's pre-order (the root is 0). */
  descendantIndex(): number;
  firstChild(): boolean;
  nextSibling(): boolean;
  parent(): boolean;
  /** Frees the cursor; the walk must not be used after. */
  close(): void;
}

/** The binding's cursor functions; each takes the tree's address and works on the cursor in the transfer buffer. */
export interface DirectCalls {
  typeId(tree: number): number;
  start(tree: number): number;
  end(tree: number): number;
  named(tree: number): number;
  field(tree: number): number;
  descendantIndex(tree: number): number;
  firstChild(tree: number): number;
  nextSibling(tree: number): number;
  parent(tree: number): number;
  delete(tree: number): void;
}

const EXPORTS: Record<keyof DirectCalls, string> = {
  typeId: '_ts_tree_cursor_current_node_type_id_wasm',
  start: '_ts_tree_cursor_start_index_wasm',
  end: '_ts_tree_cursor_end_index_wasm',
  named: '_ts_tree_cursor_current_node_is_named_wasm',
  field: '_ts_tree_cursor_current_field_id_wasm',
  descendantIndex: '_ts_tree_cursor_current_descendant_index_wasm',
  firstChild: '_ts_tree_cursor_goto_first_child_wasm',
  nextSibling: '_ts_tree_cursor_goto_next_sibling_wasm',
  parent: '_ts_tree_cursor_goto_parent_wasm',
  delete: '_ts_tree_cursor_delete_wasm',
};

/** The cursor functions among the module's exports (the object given to Parser.init), or null if one is missing. */
export function directCalls(module: Record<string, unknown>): DirectCalls | null {
  const calls: Partial<Record<keyof DirectCalls, unknown>> = {};
  for (const [name, exported] of Object.entries(EXPORTS) as [keyof DirectCalls, string][]) {
    const fn = module[exported];
    if (typeof fn !== 'function') return null;
    calls[name] = fn;
  }
  return calls as DirectCalls;
}

/** A pre-order walk from the tree's root: through `calls` when given, else through the public TreeCursor. */
export function walkTree(tree: Tree, calls: DirectCalls | null): NodeWalk {
  const cursor = tree.walk();
  if (calls === null) return publicWalk(cursor);
  // walk() left the new cursor in the transfer buffer, where the calls below read and move it. The JS
  // cursor object is stale from here on: its delete() would free the cursor's first stack, which moving
  // deeper may have reallocated, so the walk frees the cursor through the buffer instead.
  const address = (tree as unknown as Record<number, number>)[0] as number;
  return {
    typeId: () => calls.typeId(address),
    start: () => calls.start(address),
    end: () => calls.end(address),
    named: () => calls.named(address) === 1,
    field: () => calls.field(address),
    descendantIndex: () => calls.descendantIndex(address),
    firstChild: () => calls.firstChild(address) === 1,
    nextSibling: () => calls.nextSibling(address) === 1,
    parent: () => calls.parent(address) === 1,
    close: () => calls.delete(address),
  };
}

function publicWalk(cursor: ReturnType<Tree['walk']>): NodeWalk {
  return {
    typeId: () => cursor.nodeTypeId,
    start: () => cursor.startIndex,
    end: () => cursor.endIndex,
    named: () => cursor.nodeIsNamed,
    field: () => cursor.currentFieldId,
    descendantIndex: () => cursor.currentDescendantIndex,
    firstChild: () => cursor.gotoFirstChild(),
    nextSibling: () => cursor.gotoNextSibling(),
    parent: () => cursor.gotoParent(),
    close: () => cursor.delete(),
  };
}

/**
 * Moves the walk to the next node in pre-order. Returns how many levels it climbed before stepping to a
 * sibling, -1 when it went down to the first child, or null when the walk is over.
 */
export function advance(walk: NodeWalk): number | null {
  if (walk.firstChild()) return -1;
  return skipSubtree(walk);
}

/** Moves the walk past the current node's subtree, to the next node in pre-order after it; returns as advance does (never -1). */
export function skipSubtree(walk: NodeWalk): number | null {
  for (let up = 0; ; up++) {
    if (walk.nextSibling()) return up;
    if (!walk.parent()) return null;
  }
}

/** Every node of the tree in pre-order, as `kind start end named field index` lines. */
export function describeWalk(tree: Tree, calls: DirectCalls | null): string[] {
  const walk = walkTree(tree, calls);
  const out: string[] = [];
  do out.push(`${walk.typeId()} ${walk.start()} ${walk.end()} ${walk.named() ? 1 : 0} ${walk.field()} ${walk.descendantIndex()}`);
  while (advance(walk) !== null);
  walk.close();
  return out;
}

/**
 * True when a walk through `calls` reads `source`'s tree exactly as the public cursor does. The sample
 * should nest deeper than a cursor's first stack holds, have fields, missing tokens, ERROR nodes and
 * non-ASCII text.
 */
export function sameAsPublicWalk(parser: Parser, calls: DirectCalls, source: string): boolean {
  const tree = parser.parse(source);
  if (tree === null) return false;
  try {
    const expected = describeWalk(tree, null);
    const actual = describeWalk(tree, calls);
    return expected.length > 1 && expected.length === actual.length && expected.every((line, i) => line === actual[i]);
  } finally {
    tree.delete();
  }
}
