import { createTwoFilesPatch } from 'diff';

const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const CYAN = '\u001b[36m';
const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

/** A unified diff with a/ and b/ headers, as `git apply` and `patch -p1` expect. */
export function unifiedDiff(displayPath: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(`a/${displayPath}`, `b/${displayPath}`, before, after, undefined, undefined, { context: 3 });
  // The diff library starts with an "Index:"-less "===" line only when given a header; drop any
  // leading separator so the first line is the "---" header git expects.
  return patch.replace(/^={3,}\n/, '');
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
