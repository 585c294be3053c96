// The pieces a reviewer accepts or rejects, and the text that results. A change is one diff hunk, or
// several when a single edit spans them (a rewrite whose middle lines stay the same is printed as two
// hunks): taking half of an edit would write code no transform produced.
import type { EditRecord } from '../../engine/pipeline';
import { filePatch } from '../print/diff';
import { editsInHunk, reasonsOf } from '../print/hunks';

export interface Hunk {
  /** 0-based index of the hunk's first line (context included) in the old text, and its number of old lines. */
  oldStart: number;
  oldLines: number;
  /** The same in the new text. */
  newStart: number;
  newLines: number;
  /** `@@ -a,b +c,d @@`, as the printed diff shows it. */
  header: string;
  /** The hunk's body as a unified diff prints it: ' ', '-', '+' and '\' lines, without line endings. */
  lines: string[];
}

export interface Change {
  /** 1-based, in the order the changes are shown. */
  id: number;
  /** In file order; more than one only when an edit spans them. */
  hunks: Hunk[];
  /** Distinct `transform: reason` pairs of the edits in the change. */
  reasons: string[];
}

export type ChangeEdit = Pick<EditRecord, 'transform' | 'reason' | 'line' | 'endLine'>;

/** The hunks of the before → after diff (3 lines of context, as `dry-run` prints), grouped by the edits behind them. */
export function planChanges(before: string, after: string, edits: readonly ChangeEdit[]): Change[] {
  // The same diff `dry-run` prints; only the hunks are used, so the file name does not matter.
  const patch = filePatch('', before, after);
  const hunks: Hunk[] = patch.hunks.map((h) => ({
    // structuredPatch counts from 1 even for a hunk with no old (or new) lines; the printed header does not.
    oldStart: h.oldStart - 1,
    oldLines: h.oldLines,
    newStart: h.newStart - 1,
    newLines: h.newLines,
    header: `@@ -${h.oldLines === 0 ? h.oldStart - 1 : h.oldStart},${h.oldLines} +${h.newLines === 0 ? h.newStart - 1 : h.newStart},${h.newLines} @@`,
    lines: h.lines,
  }));
  const inside = patch.hunks.map((h) => editsInHunk(h, edits));

  // Union-find over hunks: an edit that meets several hunks ties them together.
  const parent = hunks.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  for (const edit of edits) {
    const met = inside.flatMap((list, i) => (list.includes(edit) ? [i] : []));
    for (const i of met.slice(1)) parent[root(i)] = root(met[0] as number);
  }
  const groups = new Map<number, number[]>();
  hunks.forEach((_, i) => {
    const r = root(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  return [...groups.values()]
    .sort((a, b) => (a[0] as number) - (b[0] as number))
    .map((members, index) => ({
      id: index + 1,
      hunks: members.map((i) => hunks[i] as Hunk),
      reasons: reasonsOf([...new Set(members.flatMap((i) => inside[i] ?? []))]),
    }));
}

/** Lines with their line endings, as the diff splits them (a last line without a newline is a line too). */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * The text with exactly the accepted changes: the new lines of their hunks, the old lines of every
 * other hunk, and the unchanged lines between. All accepted gives `after`, none gives `before`.
 * Throws if the hunks do not describe `before` → `after` (a caller's bug, never silently patched over).
 */
export function applyChanges(before: string, after: string, changes: readonly Change[], accepted: ReadonlySet<number>): string {
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  const chosen = changes
    .flatMap((change) => change.hunks.map((hunk) => ({ hunk, take: accepted.has(change.id) })))
    .sort((a, b) => a.hunk.oldStart - b.hunk.oldStart);
  const out: string[] = [];
  let o = 0;
  let n = 0;
  const copyUnchanged = (oldEnd: number, newEnd: number): void => {
    const same = oldLines.slice(o, oldEnd);
    const other = newLines.slice(n, newEnd);
    if (oldEnd < o || same.length !== other.length || same.some((line, i) => line !== other[i])) {
      throw new Error(`the hunks do not match the texts (lines ${o + 1}-${oldEnd} of the old text)`);
    }
    out.push(...same);
  };
  for (const { hunk, take } of chosen) {
    copyUnchanged(hunk.oldStart, hunk.newStart);
    out.push(...(take ? newLines.slice(hunk.newStart, hunk.newStart + hunk.newLines) : oldLines.slice(hunk.oldStart, hunk.oldStart + hunk.oldLines)));
    o = hunk.oldStart + hunk.oldLines;
    n = hunk.newStart + hunk.newLines;
  }
  copyUnchanged(oldLines.length, newLines.length);
  return out.join('');
}
