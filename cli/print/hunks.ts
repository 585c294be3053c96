// Which transform made each diff hunk: edits carry the output lines they landed on, hunks their
// range of output lines, so each edit belongs to the hunks whose range meets its lines.
import type { StructuredPatch } from 'diff';
import type { EditRecord } from '../../engine/pipeline';

export interface HunkAttribution {
  /** The hunk's `@@ -a,b +c,d @@` header, as in the printed diff. */
  header: string;
  /** Distinct transforms behind the hunk, in the order they ran. */
  transforms: string[];
  /** Distinct `transform: reason` pairs. */
  reasons: string[];
}

/** An edit as attribution needs it; without `endLine` the edit is taken to end on the line it starts. */
export type AttributedEdit = Pick<EditRecord, 'transform' | 'reason' | 'line'> & { endLine?: number };

/** The hunks of a file's patch (print/diff.ts, filePatch), each with the edits that fall in it. */
export function attributeHunks(patch: Pick<StructuredPatch, 'hunks'>, edits: readonly AttributedEdit[]): HunkAttribution[] {
  return patch.hunks.map((hunk) => {
    const inside = editsInHunk(hunk, edits);
    return {
      header: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
      transforms: [...new Set(inside.map((e) => e.transform))],
      reasons: reasonsOf(inside),
    };
  });
}

/** The edits whose output lines meet the hunk's (1-based) range of new lines. */
export function editsInHunk<E extends AttributedEdit>(hunk: { newStart: number; newLines: number }, edits: readonly E[]): E[] {
  const first = hunk.newStart;
  const last = hunk.newStart + Math.max(hunk.newLines, 1) - 1;
  return edits.filter((e) => e.line <= last && (e.endLine ?? e.line) >= first);
}

/**
 * Distinct `transform: reason` pairs: just the transform when it gave no reason of its own, and the
 * reason alone when it already starts with the transform's name.
 */
export function reasonsOf(edits: readonly AttributedEdit[]): string[] {
  const label = (e: AttributedEdit): string =>
    e.reason === e.transform || e.reason.startsWith(`${e.transform}: `) ? e.reason : `${e.transform}: ${e.reason}`;
  return [...new Set(edits.map(label))];
}

/**
 * `# ...` lines naming the transforms of each hunk, printed before a file's `---` header: git apply and
 * patch skip such lines between files, while inside a hunk they would break the patch.
 */
export function attributionComments(path: string, hunks: readonly HunkAttribution[]): string {
  return hunks
    .map((h) => `# ${path} ${h.header} ${h.reasons.length > 0 ? h.reasons.join('; ') : '(no transform recorded an edit here)'}\n`)
    .join('');
}
