import type { TextEdit } from './types';

export class OverlappingEditsError extends Error {
  constructor(
    readonly first: TextEdit,
    readonly second: TextEdit,
  ) {
    super(
      `overlapping edits: [${first.start}, ${first.end}) ${JSON.stringify(first.text)} and ` +
        `[${second.start}, ${second.end}) ${JSON.stringify(second.text)}`,
    );
  }
}

export class InvalidEditError extends Error {}

/**
 * Edits sorted by position. Insertions at the same offset keep the order they were given in, and
 * an insertion may touch the boundary of a replacement; anything else that overlaps is an error,
 * because silently dropping one edit (as ast-grep's commitEdits does) would produce half a rewrite.
 */
export function sortAndCheckEdits(edits: readonly TextEdit[], sourceLength: number): TextEdit[] {
  const indexed = edits.map((edit, order) => ({ edit, order }));
  for (const { edit } of indexed) {
    if (!Number.isInteger(edit.start) || !Number.isInteger(edit.end) || edit.start < 0 || edit.end < edit.start || edit.end > sourceLength) {
      throw new InvalidEditError(`edit out of range: [${edit.start}, ${edit.end}) in a text of length ${sourceLength}`);
    }
  }
  indexed.sort((a, b) => a.edit.start - b.edit.start || widthOf(a.edit) - widthOf(b.edit) || a.order - b.order);
  const sorted = indexed.map((entry) => entry.edit);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as TextEdit;
    const next = sorted[i] as TextEdit;
    if (next.start < prev.end) throw new OverlappingEditsError(prev, next);
  }
  return sorted;
}

function widthOf(edit: TextEdit): number {
  return edit.end - edit.start;
}

export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const sorted = sortAndCheckEdits(edits, source.length);
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of sorted) {
    parts.push(source.slice(cursor, edit.start), edit.text);
    cursor = edit.end;
  }
  parts.push(source.slice(cursor));
  return parts.join('');
}

/**
 * Where an offset of the old text lands in the new text. An offset inside a replaced range moves to
 * the start of the replacement, so a finding on rewritten code points at the rewrite.
 */
export function mapOffset(offset: number, sortedEdits: readonly TextEdit[]): number {
  let delta = 0;
  for (const edit of sortedEdits) {
    if (edit.start >= offset && !(edit.start === offset && edit.end === offset)) break;
    if (offset < edit.end) return edit.start + delta;
    delta += edit.text.length - (edit.end - edit.start);
  }
  return offset + delta;
}

/**
 * Where the end of a tracked range of the old text lands in the new text. Unlike `mapOffset`, an end
 * inside a replaced range moves to the end of the replacement (the range grows to cover the rewrite),
 * and an insertion exactly at the end stays outside the range.
 */
export function mapEnd(offset: number, sortedEdits: readonly TextEdit[]): number {
  let delta = 0;
  for (const edit of sortedEdits) {
    if (edit.start >= offset) break;
    if (offset < edit.end) return edit.start + delta + edit.text.length;
    delta += edit.text.length - (edit.end - edit.start);
  }
  return offset + delta;
}

/** Where an edit was and how long its text is: enough to map positions back to the text before it. */
export interface EditSpan {
  start: number;
  end: number;
  length: number;
}

/**
 * Whether [start, end) of the text after `steps` (each step's edits, in order) is text none of them wrote or
 * removed from: the input's own, only moved. An insertion at either end does not touch it; a deletion inside does.
 */
export function untouchedRange(start: number, end: number, steps: readonly (readonly EditSpan[])[]): boolean {
  let from = start;
  let to = end;
  for (let k = steps.length - 1; k >= 0; k--) {
    let delta = 0;
    for (const edit of steps[k] as readonly EditSpan[]) {
      const newStart = edit.start + delta;
      const newEnd = newStart + edit.length;
      const touches = edit.length > 0 ? newStart < to && from < newEnd : from < newStart && newStart < to;
      if (touches) return false;
      if (newStart >= to) break;
      delta += edit.length - (edit.end - edit.start);
    }
    from -= delta;
    to -= delta;
  }
  return true;
}

/**
 * The inverse of mapOffset: where an offset of the new text was in the old one. An offset inside
 * inserted or replacement text maps to the start of the edit (the line where the insertion starts).
 */
export function unmapOffset(offset: number, sortedEdits: readonly EditSpan[]): number {
  let delta = 0;
  for (const edit of sortedEdits) {
    const newStart = edit.start + delta;
    if (offset < newStart) break;
    if (offset < newStart + edit.length) return edit.start;
    delta += edit.length - (edit.end - edit.start);
  }
  return offset - delta;
}
