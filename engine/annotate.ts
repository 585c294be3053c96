import { LineIndex } from './lines';
import type { TextEdit } from './types';

export interface Annotation {
  offset: number;
  rule: string;
  message: string;
}

export function annotationComment(lineComment: string, rule: string, message: string): string {
  return `${lineComment} awaitify[${rule}]: ${message.replace(/\s+/g, ' ').trim()}`;
}

/**
 * Comments written above the lines that carry findings. A comment already present in the block of
 * comments right above the line is not written again, so re-runs never duplicate it. A line that
 * continues a backslash-continued statement gets its comment above the statement's first line, since
 * a comment line cannot sit inside a continuation.
 */
export function planAnnotations(
  text: string,
  annotations: readonly Annotation[],
  lineComment: string,
  isInsideString: (offset: number) => boolean,
): TextEdit[] {
  const lines = new LineIndex(text);
  const byLine = new Map<number, string[]>();
  for (const annotation of annotations) {
    let line = lines.lineOf(annotation.offset);
    while (line > 0 && lines.lineText(line - 1).endsWith('\\')) line--;
    if (isInsideString(lines.lineStart(line))) continue;
    const comment = annotationComment(lineComment, annotation.rule, annotation.message);
    const existing = commentBlockAbove(lines, line, lineComment);
    const planned = byLine.get(line) ?? [];
    if (existing.has(comment) || planned.includes(comment)) continue;
    planned.push(comment);
    byLine.set(line, planned);
  }
  const edits: TextEdit[] = [];
  for (const [line, comments] of [...byLine.entries()].sort((a, b) => a[0] - b[0])) {
    const content = lines.lineText(line);
    const indent = /^[ \t]*/.exec(content)?.[0] ?? '';
    edits.push({
      start: lines.lineStart(line),
      end: lines.lineStart(line),
      text: comments.map((comment) => `${indent}${comment}\n`).join(''),
      reason: 'annotate: finding comment',
    });
  }
  return edits;
}

function commentBlockAbove(lines: LineIndex, line: number, lineComment: string): Set<string> {
  const found = new Set<string>();
  for (let above = line - 1; above >= 0; above--) {
    const trimmed = lines.lineText(above).trim();
    if (!trimmed.startsWith(lineComment)) break;
    found.add(trimmed);
  }
  return found;
}
