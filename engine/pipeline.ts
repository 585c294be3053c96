import { planAnnotations } from './annotate';
import { mapOffset, OverlappingEditsError, InvalidEditError, sortAndCheckEdits, applyEdits } from './edits';
import { findIgnoreMarkers, touchesIgnoredLine } from './ignore';
import { LineIndex } from './lines';
import type { FindingInput, LanguageSupport, SyntaxProblem, TextEdit, Transform, TransformOptions } from './types';

/** An edit as reported: which transform made it, why, and where it landed in the output. */
export interface EditRecord {
  transform: string;
  reason: string;
  /** 1-based line in the output text. */
  line: number;
}

export interface OutcomeFinding {
  rule: string;
  line: number;
  column: number;
  message: string;
  hint: string;
  transform: string;
}

export type FileOutcome =
  | {
      status: 'changed' | 'unchanged';
      output: string;
      edits: EditRecord[];
      findings: OutcomeFinding[];
      /** Edits and findings suppressed by `# awaitify: ignore` comments. */
      ignored: number;
      counts: Record<string, number>;
    }
  | { status: 'skipped'; reason: string; ignored: number }
  | { status: 'error'; transform: string | null; message: string };

export interface ProcessOptions {
  annotate: boolean;
}

interface Tracked {
  offset: number;
}
interface TrackedFinding extends Tracked {
  finding: FindingInput;
  transform: string;
}
interface TrackedEdit extends Tracked {
  transform: string;
  reason: string;
}

export const ANNOTATE_STEP = 'annotate';

/**
 * Runs transforms in order over one file's text. Pure: no I/O. Each transform sees the previous
 * one's output, re-parsed; a transform whose output no longer parses, which throws, or whose edits
 * overlap, fails the file (left untouched) with an error naming it.
 */
export function processSource<Tree>(
  source: string,
  path: string,
  transforms: readonly Transform<Tree>[],
  language: LanguageSupport<Tree>,
  transformOptions: TransformOptions,
  options: ProcessOptions,
): FileOutcome {
  let tree = language.parse(source);
  const inputProblem = language.firstSyntaxError(tree, source);
  if (inputProblem) {
    return { status: 'skipped', reason: `syntax error in input at ${formatProblem(inputProblem)}`, ignored: 0 };
  }
  let text = source;
  const findings: TrackedFinding[] = [];
  const edits: TrackedEdit[] = [];
  let ignored = 0;
  const counts: Record<string, number> = {};

  const step = (id: string, planned: TextEdit[]): FileOutcome | null => {
    let sorted: TextEdit[];
    try {
      sorted = sortAndCheckEdits(planned, text.length);
    } catch (error) {
      if (error instanceof OverlappingEditsError || error instanceof InvalidEditError) {
        return { status: 'error', transform: id, message: `internal error in ${id}: ${error.message}` };
      }
      throw error;
    }
    if (sorted.length === 0) return null;
    const next = applyEdits(text, sorted);
    if (next === text) return null;
    const nextTree = language.parse(next);
    const problem = language.firstSyntaxError(nextTree, next);
    if (problem) {
      return { status: 'error', transform: id, message: `internal error in ${id}: its output does not parse (${formatProblem(problem)}); file left unchanged` };
    }
    for (const tracked of [...findings, ...edits]) tracked.offset = mapOffset(tracked.offset, sorted);
    let delta = 0;
    for (const edit of sorted) {
      edits.push({ offset: edit.start + delta, transform: id, reason: edit.reason ?? id });
      delta += edit.text.length - (edit.end - edit.start);
    }
    language.dispose?.(tree);
    tree = nextTree;
    text = next;
    return null;
  };

  for (const transform of transforms) {
    const lines = new LineIndex(text);
    const markers = findIgnoreMarkers(lines, language.lineComment, (offset) => language.isInsideString(tree, offset));
    if (markers.file) return { status: 'skipped', reason: 'awaitify: ignore-file', ignored: 1 };
    // Transforms ask isIgnored themselves to keep their edits coherent (an import stays because a use
    // on an ignored line stays), so their questions count too: each distinct spot left alone counts once.
    const ignoredSpots = new Set<string>();
    const isIgnored = (start: number, end: number): boolean => {
      const hit = touchesIgnoredLine(markers, lines, start, end);
      if (hit) ignoredSpots.add(`${start}:${end}`);
      return hit;
    };
    let result;
    try {
      result = transform.run({ path, source: text, tree, options: transformOptions, isIgnored });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { status: 'error', transform: transform.id, message: `internal error in ${transform.id}: ${message}` };
    }
    const kept = result.edits.filter((edit) => !isIgnored(edit.start, edit.end));
    for (const finding of result.findings) {
      if (!isIgnored(finding.offset, finding.offset)) findings.push({ offset: finding.offset, finding, transform: transform.id });
    }
    ignored += ignoredSpots.size;
    const failure = step(transform.id, kept);
    if (failure) return failure;
    for (const [key, value] of Object.entries(result.counts ?? {})) counts[key] = (counts[key] ?? 0) + value;
  }

  if (options.annotate && findings.length > 0) {
    const annotationEdits = planAnnotations(
      text,
      findings.map(({ offset, finding }) => ({ offset, rule: finding.rule, message: finding.message })),
      language.lineComment,
      (offset) => language.isInsideString(tree, offset),
    );
    const failure = step(ANNOTATE_STEP, annotationEdits);
    if (failure) return failure;
  }

  const outputLines = new LineIndex(text);
  return {
    status: text === source ? 'unchanged' : 'changed',
    output: text,
    edits: edits
      .filter((edit) => edit.transform !== ANNOTATE_STEP)
      .map((edit) => ({ transform: edit.transform, reason: edit.reason, line: outputLines.position(edit.offset).line })),
    findings: findings.map(({ offset, finding, transform }) => {
      const position = outputLines.position(offset);
      return { rule: finding.rule, line: position.line, column: position.column, message: finding.message, hint: finding.hint, transform };
    }),
    ignored,
    counts,
  };
}

function formatProblem(problem: SyntaxProblem): string {
  return `line ${problem.line}, column ${problem.column}: ${problem.message}`;
}
