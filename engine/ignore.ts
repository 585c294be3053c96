import { LineIndex } from './lines';

// `# awaitify: ignore` on a line stops every edit that touches the line (like `# noqa`);
// `# awaitify: ignore-file` among the comments at the top of a file stops all edits in it.

export interface IgnoreMarkers {
  file: boolean;
  /** 0-based lines carrying an ignore comment. */
  lines: Set<number>;
}

function markerPattern(comment: string): { line: RegExp; file: RegExp } {
  const c = comment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    line: new RegExp(`${c}\\s*awaitify:\\s*ignore(?![-\\w])`),
    file: new RegExp(`^\\s*${c}\\s*awaitify:\\s*ignore-file(?![-\\w])`),
  };
}

/** Whether one line of text carries an `awaitify: ignore` marker after `lineComment` (a string may hold it too). */
export function carriesIgnoreMarker(line: string, lineComment: string): boolean {
  return line.includes('awaitify:') && markerPattern(lineComment).line.test(line);
}

export function findIgnoreMarkers(
  lines: LineIndex,
  lineComment: string,
  isInsideString: (offset: number) => boolean,
): IgnoreMarkers {
  const pattern = markerPattern(lineComment);
  const markers: IgnoreMarkers = { file: false, lines: new Set() };
  const text = lines.text;
  if (!text.includes('awaitify:')) return markers;
  let inHeader = true;
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    const trimmed = content.trim();
    if (inHeader && trimmed !== '' && !trimmed.startsWith(lineComment)) inHeader = false;
    if (!content.includes('awaitify:')) continue;
    if (inHeader && pattern.file.test(content)) {
      markers.file = true;
      continue;
    }
    const match = pattern.line.exec(content);
    if (match && !isInsideString(lines.lineStart(line) + match.index)) markers.lines.add(line);
  }
  return markers;
}

/** Lines an edit touches: an insertion touches the line it lands on. */
export function touchesIgnoredLine(markers: IgnoreMarkers, lines: LineIndex, start: number, end: number): boolean {
  if (markers.lines.size === 0) return false;
  const first = lines.lineOf(start);
  const last = end > start ? lines.lineOf(end - 1) : first;
  for (let line = first; line <= last; line++) if (markers.lines.has(line)) return true;
  return false;
}
