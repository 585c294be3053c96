// Which transform made each diff hunk: edits carry the output line they landed on, hunks their
// range of output lines, so each edit belongs to the hunk whose range holds its line.
import { structuredPatch } from 'diff';
import type { EditRecord } from '../../engine/pipeline';

export interface HunkAttribution {
  /** The hunk's `@@ -a,b +c,d @@` header, as in the printed diff. */
  header: string;
  /** Distinct transforms behind the hunk, in the order they ran. */
  transforms: string[];
  /** Distinct `transform: reason` pairs. */
  reasons: string[];
}

/** The same hunks `unifiedDiff` prints (same context), each with the edits that fall in it. */
export function attributeHunks(before: string, after: string, edits: readonly EditRecord[]): HunkAttribution[] {
  const patch = structuredPatch('a', 'b', before, after, undefined, undefined, { context: 3 });
  return patch.hunks.map((hunk) => {
    const first = hunk.newStart;
    const last = hunk.newStart + Math.max(hunk.newLines, 1) - 1;
    const inside = edits.filter((e) => e.line >= first && e.line <= last);
    return {
      header: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
      transforms: [...new Set(inside.map((e) => e.transform))],
      reasons: [...new Set(inside.map((e) => (e.reason === e.transform ? e.transform : `${e.transform}: ${e.reason}`)))],
    };
  });
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
