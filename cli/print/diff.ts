import { formatPatch, structuredPatch, type StructuredPatch } from 'diff';

const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const CYAN = '\u001b[36m';
const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

/**
 * A changed file's diff as jsdiff structures it (3 lines of context, a/ and b/ names): made once per file,
 * then printed (formatFilePatch) and attributed to transforms (print/hunks.ts) from the same hunks. The
 * line diff is the costly part of printing a report (about 1 ms per changed file), so it is not done twice.
 */
export function filePatch(displayPath: string, before: string, after: string): StructuredPatch {
  return structuredPatch(`a/${displayPath}`, `b/${displayPath}`, before, after, undefined, undefined, { context: 3 });
}

/** The patch as a unified diff, as `git apply` and `patch -p1` expect. */
export function formatFilePatch(patch: StructuredPatch): string {
  // jsdiff starts with an "Index:"-less "===" line only when given a header; drop any leading separator
  // so the first line is the "---" header git expects.
  return formatPatch(patch).replace(/^={3,}\n/, '');
}

/** A unified diff with a/ and b/ headers. */
export function unifiedDiff(displayPath: string, before: string, after: string): string {
  return formatFilePatch(filePatch(displayPath, before, after));
}

export function colorizeDiff(patch: string): string {
  return patch
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return `${BOLD}${line}${RESET}`;
      if (line.startsWith('@@')) return `${CYAN}${line}${RESET}`;
      if (line.startsWith('+')) return `${GREEN}${line}${RESET}`;
      if (line.startsWith('-')) return `${RED}${line}${RESET}`;
      return line;
    })
    .join('\n');
}
