// Copying a web-tree-sitter tree into the typed arrays of a JS tree (js-tree.ts), node by node with one
// cursor walk; after an incremental parse, the parts the edits left alone are copied from the copy of the
// tree before them instead.
//
// Why: a cursor step is several calls into WebAssembly per node, and after an incremental parse the walk
// was most of a re-parse's cost (tree-sitter itself reuses the unchanged subtrees and is quick). A transform's
// edits touch a few places of a file (an `await` here, a renamed annotation there), so most subtrees of the
// new tree are subtrees of the old one at shifted offsets: a typed-array copy, no WebAssembly call per node.
import type { Range, Tree } from 'web-tree-sitter';
import { advance, type DirectCalls, skipSubtree, walkTree } from './tree-cursor';

/** The copy: node i's fields at index i of each array, nodes in pre-order. */
export interface NodeArrays {
  readonly kinds: Uint16Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** 1 for a named node. */
  readonly named: Uint8Array;
  readonly fields: Uint16Array;
  readonly parents: Int32Array;
  readonly firstChild: Int32Array;
  readonly nextSibling: Int32Array;
}

/** What a node costs in the typed arrays: five Int32 (starts, ends, parents, firstChild, nextSibling), two Uint16 (kinds, fields), one Uint8 (named). */
export const BYTES_PER_NODE = 25;

/** One edit of a text, in UTF-16 offsets of the text before it (engine TextEdit's shape). */
export interface SourceEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * The tree before an incremental parse, for copyTree: its copy, the edits made to its text (sorted, not
 * overlapping, offsets in the old text), and tree-sitter's changed ranges between it and the new tree
 * (`oldTree.getChangedRanges(newTree)`, offsets in the new text).
 */
export interface Before {
  copy: NodeArrays;
  edits: readonly SourceEdit[];
  changed: readonly Range[];
}

/** Counts for tests: nodes copied from the tree before an edit, and copies that fell back to a full walk. */
export const reuseCounts = { reusedNodes: 0, walkedNodes: 0, fallbacks: 0 };

/**
 * The copy of `tree` (`count` nodes). With `before`, subtrees the edits did not touch are copied from its
 * copy; should a reused subtree not have the size the new tree gives it (never seen: tree-sitter's changed
 * ranges cover every structural change), the copy starts over with a full walk.
 */
export function copyTree(tree: Tree, count: number, calls: DirectCalls | null, before: Before | null): NodeArrays {
  if (before !== null) {
    const reused = walkCopy(tree, count, calls, new Reuse(before));
    if (reused !== null) return reused;
    reuseCounts.fallbacks++;
  }
  const copy = walkCopy(tree, count, calls, null);
  if (copy === null) throw new Error('tree copy failed without reuse');
  return copy;
}

function allocate(count: number): NodeArrays {
  // One buffer for all eight arrays: one allocation per parse instead of eight.
  const buffer = new ArrayBuffer(count * BYTES_PER_NODE);
  return {
    starts: new Int32Array(buffer, 0, count),
    ends: new Int32Array(buffer, 4 * count, count),
    parents: new Int32Array(buffer, 8 * count, count),
    firstChild: new Int32Array(buffer, 12 * count, count).fill(-1),
    nextSibling: new Int32Array(buffer, 16 * count, count).fill(-1),
    kinds: new Uint16Array(buffer, 20 * count, count),
    fields: new Uint16Array(buffer, 22 * count, count),
    named: new Uint8Array(buffer, 24 * count, count),
  };
}

/** Pre-order copy; null when a reused subtree's size disagrees with the new tree (the caller walks again without reuse). */
function walkCopy(tree: Tree, count: number, calls: DirectCalls | null, reuse: Reuse | null): NodeArrays | null {
  const out = allocate(count);
  const { kinds, starts, ends, named, fields, parents, firstChild, nextSibling } = out;
  // `lastChild[p]` is p's latest child so far, to link the next one as its sibling.
  const lastChild = new Int32Array(count).fill(-1);
  const walk = walkTree(tree, calls);
  // `parent` is the parent of the node the walk is on.
  let parent = -1;
  let i = 0;
  try {
    for (let up: number | null = -1; up !== null; ) {
      if (i >= count) throw new Error(`tree-sitter reported ${count} nodes but the walk found more`);
      const kind = walk.typeId();
      const start = walk.start();
      const end = walk.end();
      const isNamed = walk.named();
      const from = reuse === null ? -1 : reuse.find(start, end, kind, isNamed);
      let size = 1;
      if (from >= 0) {
        size = reuse!.copyInto(out, from, i, start, parent, count);
        if (size < 0) return null;
      } else {
        kinds[i] = kind;
        starts[i] = start;
        ends[i] = end;
        named[i] = isNamed ? 1 : 0;
        parents[i] = parent;
      }
      fields[i] = walk.field();
      if (parent >= 0) {
        const previous = lastChild[parent] as number;
        if (previous < 0) firstChild[parent] = i;
        else nextSibling[previous] = i;
        lastChild[parent] = i;
      }
      if (from >= 0) {
        up = skipSubtree(walk);
        // The next node in pre-order must come right after the reused subtree; otherwise it was not the same subtree.
        if ((up === null ? count : walk.descendantIndex()) !== i + size) return null;
        reuseCounts.reusedNodes += size;
      } else {
        up = advance(walk);
        if (up === -1) parent = i;
        reuseCounts.walkedNodes++;
      }
      if (up !== null) for (let k = 0; k < up; k++) parent = parents[parent] as number;
      i += size;
    }
  } finally {
    walk.close();
  }
  if (i !== count) throw new Error(`tree-sitter reported ${count} nodes but the walk found ${i}`);
  return out;
}

/** An edit in the new text's offsets: its inserted text is [start, end); it replaced `removed` characters. */
interface NewEdit {
  start: number;
  end: number;
  removed: number;
}

/** Finds, for a node of the new tree, the same subtree in the copy of the tree before the edits. */
class Reuse {
  private readonly edits: NewEdit[];
  private readonly changed: readonly Range[];
  private readonly copy: NodeArrays;

  constructor(before: Before) {
    this.copy = before.copy;
    // find() stops at the first range past a node.
    this.changed = [...before.changed].sort((a, b) => a.startIndex - b.startIndex);
    let shift = 0;
    this.edits = before.edits.map((edit) => {
      const start = edit.start + shift;
      shift += edit.text.length - (edit.end - edit.start);
      return { start, end: start + edit.text.length, removed: edit.end - edit.start };
    });
  }

  /**
   * The index in the old copy of the node that the new tree's node [start, end) of this kind is a copy of,
   * or -1. Only a node that no changed range touches (tree-sitter: outside them, every character has the
   * same ancestors in both trees) and no edit reaches into (an edit can change a leaf's text but not the
   * structure, e.g. a renamed identifier) qualifies; its offsets all moved by the edits before it.
   */
  find(start: number, end: number, kind: number, isNamed: boolean): number {
    // Zero-width nodes (missing tokens) are leaves; walking them is as cheap.
    if (end <= start) return -1;
    for (const range of this.changed) {
      if (range.startIndex > end) break;
      if (range.endIndex >= start) return -1;
    }
    let shift = 0;
    for (const edit of this.edits) {
      if (edit.start > end) break;
      if (edit.end === edit.start) {
        if (edit.removed === 0) continue;
        // A deletion at either end or inside the node may have taken text of the node's own.
        if (edit.start >= start) return -1;
        shift -= edit.removed;
      } else {
        if (edit.start < end && start < edit.end) return -1;
        if (edit.end <= start) shift += edit.end - edit.start - edit.removed;
      }
    }
    const oldStart = start - shift;
    const oldEnd = end - shift;
    const { starts, ends, kinds, named } = this.copy;
    const want = isNamed ? 1 : 0;
    for (let k = lowerBound(starts, oldStart); k < starts.length && starts[k] === oldStart; k++) {
      // Nodes sharing a start nest, outermost first, so their ends only shrink.
      if ((ends[k] as number) < oldEnd) break;
      if (ends[k] === oldEnd && kinds[k] === kind && named[k] === want) return k;
    }
    return -1;
  }

  /**
   * Copies old node `from`'s subtree to index `at` onward, offsets moved to `start`, under `parent` (its
   * field is the caller's to set, and its next sibling); returns its size, or -1 when it does not fit.
   */
  copyInto(out: NodeArrays, from: number, at: number, start: number, parent: number, count: number): number {
    const old = this.copy;
    const size = subtreeEnd(old, from) - from;
    if (at + size > count) return -1;
    const to = from + size;
    out.kinds.set(old.kinds.subarray(from, to), at);
    out.named.set(old.named.subarray(from, to), at);
    out.fields.set(old.fields.subarray(from, to), at);
    const delta = start - (old.starts[from] as number);
    const moved = at - from;
    for (let k = from; k < to; k++) {
      const j = k + moved;
      out.starts[j] = (old.starts[k] as number) + delta;
      out.ends[j] = (old.ends[k] as number) + delta;
      out.parents[j] = (old.parents[k] as number) + moved;
      const child = old.firstChild[k] as number;
      out.firstChild[j] = child < 0 ? -1 : child + moved;
      const sibling = old.nextSibling[k] as number;
      out.nextSibling[j] = sibling < 0 ? -1 : sibling + moved;
    }
    out.parents[at] = parent;
    out.nextSibling[at] = -1;
    return size;
  }
}

/** One past the last node of i's subtree, in pre-order. */
export function subtreeEnd(arrays: NodeArrays, i: number): number {
  for (let k = i; k >= 0; k = arrays.parents[k] as number) {
    const next = arrays.nextSibling[k] as number;
    if (next >= 0) return next;
  }
  return arrays.kinds.length;
}

/** The first index of `list` (sorted) holding a value not below `value`; its length if none. */
function lowerBound(list: Int32Array, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
