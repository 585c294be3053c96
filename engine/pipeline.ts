import { planAnnotations } from './annotate';
import { mapEnd, mapOffset, OverlappingEditsError, InvalidEditError, sortAndCheckEdits, applyEdits, EditSpan, unmapOffset } from './edits';
import { findIgnoreMarkers, IgnoreMarkers, touchesIgnoredLine } from './ignore';
import { LineIndex } from './lines';
import type { ExcludedRegion, FindingInput, LanguageSupport, Prefilter, SyntaxProblem, TextEdit, Transform, TransformOptions } from './types';

/** An edit as reported: which transform made it, why, and where it landed in the output. */
export interface EditRecord {
  transform: string;
  reason: string;
  /** 1-based line in the output text. */
  line: number;
  /**
   * 1-based line in the output text where the edit's text ends (a later transform rewriting across
   * that end stretches it to the end of its own text); equal to `line` for one-line edits and deletions.
   */
  endLine: number;
}

export interface OutcomeFinding {
  rule: string;
  /** 1-based, in the output text. */
  line: number;
  column: number;
  /**
   * 1-based, in the input text: where the finding is in the file as it is on disk before the run
   * (a finding inside inserted text points at the line where the insertion starts).
   */
  inputLine: number;
  inputColumn: number;
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
      /** The `exclude-functions` names that matched a function of this file. */
      excludedFunctions: string[];
    }
  | { status: 'skipped'; reason: string; ignored: number }
  | { status: 'error'; transform: string | null; message: string };

export interface ProcessOptions {
  annotate: boolean;
  /** Refuse an output the language's compiler would reject (LanguageSupport.outputProblem); see outputIsFinal. */
  verify?: boolean;
}

/** Whether the run's output is meant to be finished code: no transform in it leaves work for one not in it. */
export function outputIsFinal(transforms: readonly Transform<unknown>[]): boolean {
  return transforms.every((t) => t.finishedBy === undefined || transforms.some((u) => u.id === t.finishedBy));
}

interface Tracked {
  offset: number;
}
interface TrackedFinding extends Tracked {
  finding: FindingInput;
  transform: string;
}
interface TrackedEdit extends Tracked {
  /** Where the edit's text ends, kept in step with the text like `offset`. */
  end: number;
  transform: string;
  reason: string;
}

export const ANNOTATE_STEP = 'annotate';

type Failure = Extract<FileOutcome, { status: 'error' }> | Extract<FileOutcome, { status: 'skipped' }>;

/**
 * One file on its way through the transforms: the current text and tree, plus what earlier
 * transforms reported, with offsets kept in step with the text. It lives across the whole-project
 * index passes between segments of a preset.
 */
export class FileState<Tree> {
  readonly findings: TrackedFinding[] = [];
  readonly edits: TrackedEdit[] = [];
  ignored = 0;
  readonly counts: Record<string, number> = {};
  /** Every applied step's edits, in order: maps output positions back to the input. */
  readonly history: EditSpan[][] = [];
  /** Configured names of excluded functions found in the file; null until looked for. */
  excludedNames: Set<string> | null = null;
  /**
   * Null once released: between segments unless the engine kept it within its budget (FileWork's
   * keptTreeBytes, LanguageSupport.shelve), so a large project's trees are not all alive while it is indexed.
   */
  tree: Tree | null;

  constructor(
    readonly source: string,
    public text: string,
    tree: Tree,
  ) {
    this.tree = tree;
  }

  /** The current tree, parsed again if it was released. */
  treeFor(language: LanguageSupport<Tree>): Tree {
    if (this.tree === null) this.tree = language.parse(this.text);
    return this.tree;
  }

  release(language: LanguageSupport<Tree>): void {
    if (this.tree !== null) language.dispose?.(this.tree);
    this.tree = null;
  }

  /** Where `offset` of the current text was in the input (text a step wrote: where it was written). */
  inputOffset(offset: number): number {
    let original = offset;
    for (let i = this.history.length - 1; i >= 0; i--) original = unmapOffset(original, this.history[i] as EditSpan[]);
    return original;
  }

  private inputLines: LineIndex | null = null;

  /** The input's 1-based line of `offset` of the current text (TransformContext.inputLine). */
  readonly inputLine = (offset: number): number => {
    this.inputLines ??= new LineIndex(this.source);
    return this.inputLines.position(this.inputOffset(offset)).line;
  };
}

/** Parses the input; a file that already has a syntax error is never rewritten. */
export function startFile<Tree>(source: string, language: LanguageSupport<Tree>): FileState<Tree> | Failure {
  const tree = language.parse(source);
  const problem = language.firstSyntaxError(tree, source);
  if (problem) return { status: 'skipped', reason: `syntax error in input at ${formatProblem(problem)}`, ignored: 0 };
  return new FileState(source, source, tree);
}

/** Applies one transform's edits, re-parses, and moves tracked offsets; a failure names the transform. */
function step<Tree>(state: FileState<Tree>, id: string, planned: TextEdit[], language: LanguageSupport<Tree>): Failure | null {
  let sorted: TextEdit[];
  try {
    sorted = sortAndCheckEdits(planned, state.text.length);
  } catch (error) {
    if (error instanceof OverlappingEditsError || error instanceof InvalidEditError) {
      return { status: 'error', transform: id, message: `internal error in ${id}: ${error.message}` };
    }
    throw error;
  }
  if (sorted.length === 0) return null;
  const next = applyEdits(state.text, sorted);
  if (next === state.text) return null;
  const nextTree = state.tree !== null && language.reparse ? language.reparse(state.tree, next, sorted) : language.parse(next);
  const problem = language.firstSyntaxError(nextTree, next);
  if (problem) {
    return { status: 'error', transform: id, message: `internal error in ${id}: its output does not parse (${formatProblem(problem)}); file left unchanged` };
  }
  for (const tracked of state.edits) tracked.end = mapEnd(tracked.end, sorted);
  for (const tracked of [...state.findings, ...state.edits]) tracked.offset = mapOffset(tracked.offset, sorted);
  state.history.push(sorted.map((edit) => ({ start: edit.start, end: edit.end, length: edit.text.length })));
  let delta = 0;
  for (const edit of sorted) {
    const start = edit.start + delta;
    state.edits.push({ offset: start, end: start + edit.text.length, transform: id, reason: edit.reason ?? id });
    delta += edit.text.length - (edit.end - edit.start);
  }
  state.release(language);
  state.tree = nextTree;
  state.text = next;
  return null;
}

/** Runs transforms in order over one file; each sees the previous one's output, re-parsed. */
export function runTransforms<Tree>(
  state: FileState<Tree>,
  path: string,
  transforms: readonly Transform<Tree>[],
  language: LanguageSupport<Tree>,
  transformOptions: TransformOptions,
  index?: unknown,
  absPath: string = path,
): Failure | null {
  const regionsOf = (text: string, tree: () => Tree): ExcludedRegion[] => language.excludedRegions?.(text, tree, absPath, transformOptions) ?? [];
  if (state.excludedNames === null) {
    // Looked for even when no transform acts on the file, so a name matching only here is not reported as a typo.
    state.excludedNames = new Set(regionsOf(state.text, () => state.treeFor(language)).map((r) => r.name));
  }
  for (const transform of transforms) {
    if (!mayAct(transform.prefilter, state.text, transformOptions)) continue;
    const tree = state.treeFor(language);
    const text = state.text;
    const regions = state.excludedNames.size > 0 ? regionsOf(text, () => tree) : [];
    // Without the marker text there is no ignore comment: skip the line index and the scan.
    const lines = text.includes(IGNORE_MARK) || regions.length > 0 ? new LineIndex(text) : null;
    const markers = lines && text.includes(IGNORE_MARK) ? findIgnoreMarkers(lines, language.lineComment, (offset) => language.isInsideString(tree, offset)) : null;
    if (markers?.file) return { status: 'skipped', reason: 'awaitify: ignore-file', ignored: 1 };
    // An excluded function is left as if every one of its lines carried an ignore comment.
    const excluded = lines && regions.length > 0 ? excludedLines(regions, lines) : null;
    // Transforms ask isIgnored themselves to keep their edits coherent (an import stays because a use
    // on an ignored line stays), so their questions count too: each distinct spot left alone counts once.
    const ignoredSpots = new Set<string>();
    const isIgnored = (start: number, end: number): boolean => {
      const hit =
        lines !== null && ((markers !== null && touchesIgnoredLine(markers, lines, start, end)) || (excluded !== null && touchesIgnoredLine(excluded, lines, start, end)));
      if (hit) ignoredSpots.add(`${start}:${end}`);
      return hit;
    };
    // Findings inside an excluded function are still reported (a call there to a function made async
    // is broken code the user must see); only ignore comments silence findings.
    const isSilenced = (offset: number): boolean => {
      const hit = lines !== null && markers !== null && touchesIgnoredLine(markers, lines, offset, offset);
      if (hit) ignoredSpots.add(`${offset}:${offset}`);
      return hit;
    };
    let result;
    try {
      result = transform.run({ path, source: text, tree, options: transformOptions, isIgnored, index, inputLine: state.inputLine });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { status: 'error', transform: transform.id, message: `internal error in ${transform.id}: ${message}` };
    }
    const kept = result.edits.filter((edit) => !isIgnored(edit.start, edit.end));
    dropResolved(state.findings, result.resolves ?? []);
    for (const finding of result.findings) {
      if (isSilenced(finding.offset)) continue;
      // A later pass over the same code (async-create-all after async-engine) may find what an earlier one reported.
      const same = state.findings.some((f) => f.offset === finding.offset && f.finding.rule === finding.rule && f.finding.message === finding.message);
      if (!same) state.findings.push({ offset: finding.offset, finding, transform: transform.id });
    }
    state.ignored += ignoredSpots.size;
    const failure = step(state, transform.id, kept, language);
    if (failure) return failure;
    for (const [key, value] of Object.entries(result.counts ?? {})) state.counts[key] = (state.counts[key] ?? 0) + value;
  }
  return null;
}

/** Removes the earlier findings a transform settled (TransformResult.resolves); offsets are in the text it was given. */
function dropResolved(findings: TrackedFinding[], resolves: readonly { rule: string; offset: number }[]): void {
  if (resolves.length === 0) return;
  const settled = new Set(resolves.map((r) => `${r.rule}@${r.offset}`));
  for (let i = findings.length - 1; i >= 0; i--) {
    const f = findings[i] as TrackedFinding;
    if (settled.has(`${f.finding.rule}@${f.offset}`)) findings.splice(i, 1);
  }
}

/** The lines of the excluded regions, as ignore markers. */
function excludedLines(regions: readonly ExcludedRegion[], lines: LineIndex): IgnoreMarkers {
  const marked = new Set<number>();
  for (const region of regions) {
    const last = lines.lineOf(Math.max(region.start, region.end - 1));
    for (let line = lines.lineOf(region.start); line <= last; line++) marked.add(line);
  }
  return { file: false, lines: marked };
}

/** The text every ignore comment contains: a file with one always runs, so `ignore-file` is still honoured. */
const IGNORE_MARK = 'awaitify:';

/** False only when the prefilter proves the transform (or indexer) has nothing to do on this text. */
export function mayAct(prefilter: Prefilter | undefined, text: string, options: TransformOptions): boolean {
  if (prefilter === undefined || text.includes(IGNORE_MARK)) return true;
  const words = typeof prefilter === 'function' ? prefilter(options) : prefilter;
  return words.some((word) => text.includes(word));
}

/** The input holds no code the language's compiler would reject (LanguageSupport.outputProblem). */
function inputHasNone<Tree>(source: string, language: LanguageSupport<Tree>): boolean {
  const tree = language.parse(source);
  const problem = language.outputProblem?.(tree, source) ?? null;
  language.dispose?.(tree);
  return problem === null;
}

/** Writes annotations if asked, and turns the state into the file's outcome. */
export function finishFile<Tree>(state: FileState<Tree>, language: LanguageSupport<Tree>, options: ProcessOptions): FileOutcome {
  if (options.verify && state.text !== state.source && language.outputProblem) {
    const tree = state.treeFor(language);
    const problem = language.outputProblem(tree, state.text);
    // Only what the run wrote: an input that holds such code already (an earlier transform's unfinished output,
    // run through the rest alone) is not this run's doing. Parsed again only in that rare case.
    if (problem && inputHasNone(state.source, language)) {
      const at = new LineIndex(state.text).lineStart(problem.line - 1) + problem.column - 1;
      // The transform whose edit wrote the offending code, when one edit covers it.
      const culprit = [...state.edits].reverse().find((e) => e.offset <= at && at <= e.end)?.transform ?? null;
      state.release(language);
      return { status: 'error', transform: culprit, message: `internal error${culprit ? ` in ${culprit}` : ''}: the output would not compile (${formatProblem(problem)}); file left unchanged` };
    }
  }
  if (options.annotate && state.findings.length > 0) {
    const tree = state.treeFor(language);
    const annotationEdits = planAnnotations(
      state.text,
      state.findings.map(({ offset, finding }) => ({ offset, rule: finding.rule, message: finding.message })),
      language.lineComment,
      (offset) => language.isInsideString(tree, offset),
    );
    const failure = step(state, ANNOTATE_STEP, annotationEdits, language);
    if (failure) return failure;
  }
  state.release(language);
  const outputLines = new LineIndex(state.text);
  const inputLines = state.history.length === 0 ? outputLines : new LineIndex(state.source);
  const inputPosition = (offset: number): { line: number; column: number } => inputLines.position(state.inputOffset(offset));
  return {
    status: state.text === state.source ? 'unchanged' : 'changed',
    output: state.text,
    edits: state.edits
      .filter((edit) => edit.transform !== ANNOTATE_STEP)
      .map((edit) => ({ transform: edit.transform, reason: edit.reason, line: outputLines.position(edit.offset).line, endLine: endLineOf(edit, outputLines) })),
    findings: state.findings.map(({ offset, finding, transform }) => {
      const position = outputLines.position(offset);
      const input = inputPosition(offset);
      return { rule: finding.rule, line: position.line, column: position.column, inputLine: input.line, inputColumn: input.column, message: finding.message, hint: finding.hint, transform };
    }),
    ignored: state.ignored,
    counts: state.counts,
    excludedFunctions: [...(state.excludedNames ?? [])].sort(),
  };
}

/**
 * One file through transforms that need no project index (fixtures, tests, single files). Pure:
 * no I/O. A transform whose output no longer parses, which throws, or whose edits overlap, fails
 * the file (left untouched) with an error naming it.
 */
export function processSource<Tree>(
  source: string,
  path: string,
  transforms: readonly Transform<Tree>[],
  language: LanguageSupport<Tree>,
  transformOptions: TransformOptions,
  options: ProcessOptions,
  index?: unknown,
): FileOutcome {
  const state = startFile(source, language);
  if (!(state instanceof FileState)) return state;
  const failure = runTransforms(state, path, transforms, language, transformOptions, index);
  if (failure) {
    state.release(language);
    return failure;
  }
  return finishFile(state, language, { ...options, verify: options.verify ?? outputIsFinal(transforms) });
}

/** The last line holding the edit's text: a text ending in a newline ends on the line before the next one. */
function endLineOf(edit: TrackedEdit, lines: LineIndex): number {
  const start = lines.position(edit.offset).line;
  if (edit.end <= edit.offset) return start;
  const last = edit.end - 1;
  return Math.max(start, lines.position(last).line);
}

function formatProblem(problem: SyntaxProblem): string {
  return `line ${problem.line}, column ${problem.column}: ${problem.message}`;
}
