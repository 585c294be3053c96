// The review dialogue of `apply --interactive`: per file, its findings, then each change with the
// reasons behind it and a question. The terminal is abstracted as `ReviewIo`, so the dialogue is tested
// with scripted answers and the writing as a callback; terminal.ts binds it to a real terminal.
import type { FileReport } from '../../engine/run';
import { colorizeDiff } from '../print/diff';
import { applyChanges, Change, planChanges } from './changes';
import { partialSelectionProblem } from './verify';

export type ChangedFile = Extract<FileReport, { status: 'changed' }>;

export interface ReviewIo {
  /** Diffs, questions and what happened go here. */
  write(text: string): void;
  /** One line of answer; null when the input ended or the user interrupted (Ctrl-C). */
  ask(question: string): Promise<string | null>;
  color: boolean;
}

/** Writes a reviewed file's new content; throws (with a message for the user) when it cannot. */
export type WriteReviewed = (file: ChangedFile, content: Buffer) => Promise<void>;

export interface FileResult {
  path: string;
  /**
   * written: some or all changes were written; unchanged: every change was rejected; refused: the
   * accepted changes failed the checks and nothing was written; failed: writing failed; not-reviewed:
   * the review ended (q, Ctrl-C) before this file was finished, and nothing was written to it.
   */
  status: 'written' | 'unchanged' | 'refused' | 'failed' | 'not-reviewed';
  total: number;
  accepted: number;
  rejected: number;
  reason?: string;
}

export interface ReviewResult {
  files: FileResult[];
  /** finished: every change was answered; quit: `q`; aborted: Ctrl-C or end of input. */
  ending: 'finished' | 'quit' | 'aborted';
}

export const HELP = [
  'y - apply this change',
  'n - do not apply this change',
  'a - apply this change and all later changes in this file',
  'd - do not apply this change or any later change in this file',
  'q - quit: do not apply this change or any later one; files with changes accepted so far are written',
  '? - print this help',
].join('\n');

const KEYS = '[y,n,a,d,q,?]';

type Decision = { accepted: Set<number>; rejected: number; stop: 'quit' | 'aborted' | null };

export async function reviewFiles(files: readonly ChangedFile[], io: ReviewIo, write: WriteReviewed): Promise<ReviewResult> {
  const results: FileResult[] = [];
  let ending: ReviewResult['ending'] = 'finished';
  for (const file of files) {
    const changes = planChanges(file.before, file.after, file.edits);
    if (ending !== 'finished') {
      results.push({ path: file.path, status: 'not-reviewed', total: changes.length, accepted: 0, rejected: 0 });
      continue;
    }
    const outcome = await reviewFile(file, changes, io, write);
    results.push(outcome.result);
    if (outcome.stop) ending = outcome.stop;
  }
  return { files: results, ending };
}

async function reviewFile(
  file: ChangedFile,
  changes: Change[],
  io: ReviewIo,
  write: WriteReviewed,
): Promise<{ result: FileResult; stop: 'quit' | 'aborted' | null }> {
  const total = changes.length;
  const base = { path: file.path, total };
  for (;;) {
    showFile(file, total, io);
    const decision = await decide(file, changes, io);
    if (decision.stop === 'aborted') {
      io.write(`\ninterrupted: nothing was written to ${file.path} or any later file\n`);
      return { result: { ...base, status: 'not-reviewed', accepted: 0, rejected: 0 }, stop: 'aborted' };
    }
    const counts = { accepted: decision.accepted.size, rejected: decision.rejected };
    if (decision.stop === 'quit') io.write(`quit: ${decision.accepted.size > 0 ? `writing the ${decision.accepted.size} change(s) accepted in ${file.path}; ` : ''}no later change is applied\n`);
    if (decision.accepted.size === 0) {
      io.write(`${file.path}: no change accepted, file left as it is\n`);
      return { result: { ...base, ...counts, status: 'unchanged' }, stop: decision.stop };
    }
    let content: Buffer;
    if (decision.accepted.size === total) {
      content = file.output;
    } else {
      let text = '';
      let problem: string | null;
      try {
        text = applyChanges(file.before, file.after, changes, decision.accepted);
        problem = partialSelectionProblem(file.before, file.after, text);
      } catch (error) {
        // A bug here must cost this file, not the answers already given for the others.
        problem = `internal error: ${error instanceof Error ? error.message : String(error)}`;
      }
      if (problem !== null) {
        io.write(`not writing ${file.path}: ${problem}\n`);
        if (decision.stop === null) {
          const again = await askAgain(file.path, io);
          if (again === null) {
            io.write(`\ninterrupted: nothing was written to ${file.path} or any later file\n`);
            return { result: { ...base, status: 'not-reviewed', accepted: 0, rejected: 0 }, stop: 'aborted' };
          }
          if (again) continue;
        }
        return { result: { ...base, ...counts, status: 'refused', reason: problem }, stop: decision.stop };
      }
      content = Buffer.from(text, 'utf8');
    }
    try {
      await write(file, content);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      io.write(`cannot write ${file.path}: ${reason}\n`);
      return { result: { ...base, ...counts, status: 'failed', reason }, stop: decision.stop };
    }
    io.write(`wrote ${file.path} (${decision.accepted.size} of ${total} change(s))\n`);
    return { result: { ...base, ...counts, status: 'written' }, stop: decision.stop };
  }
}

function showFile(file: ChangedFile, total: number, io: ReviewIo): void {
  const header = `--- a/${file.path}\n+++ b/${file.path}`;
  io.write(`\n${io.color ? colorizeDiff(header) : header}\n${file.path}: ${total} change(s)\n`);
  if (file.findings.length > 0) {
    io.write(`findings (${file.findings.length}; lines as in the file with every change applied):\n`);
    for (const f of file.findings) io.write(`  ${file.path}:${f.line}:${f.column}: ${f.rule} ${f.message}\n      fix: ${f.hint}\n`);
  }
}

async function decide(file: ChangedFile, changes: Change[], io: ReviewIo): Promise<Decision> {
  const accepted = new Set<number>();
  let rejected = 0;
  for (const [index, change] of changes.entries()) {
    showChange(change, changes.length, io);
    const answer = await ask(`Apply change ${change.id}/${changes.length} to ${file.path} ${KEYS}? `, io);
    if (answer === null) return { accepted, rejected, stop: 'aborted' };
    const rest = changes.slice(index);
    switch (answer) {
      case 'y':
        accepted.add(change.id);
        break;
      case 'n':
        rejected++;
        break;
      case 'a':
        for (const c of rest) accepted.add(c.id);
        return { accepted, rejected, stop: null };
      case 'd':
        return { accepted, rejected: rejected + rest.length, stop: null };
      case 'q':
        // What q leaves out counts as not reviewed, not as rejected: nobody looked at it.
        return { accepted, rejected, stop: 'quit' };
    }
  }
  return { accepted, rejected, stop: null };
}

/** Asks until one of the keys is given; `?` (and anything unknown) prints the help first. */
async function ask(question: string, io: ReviewIo): Promise<'y' | 'n' | 'a' | 'd' | 'q' | null> {
  for (;;) {
    const raw = await io.ask(question);
    if (raw === null) return null;
    const key = raw.trim().toLowerCase();
    if (key === 'y' || key === 'n' || key === 'a' || key === 'd' || key === 'q') return key;
    if (key === 'yes') return 'y';
    if (key === 'no') return 'n';
    // An empty answer decides nothing: a stray Enter must not accept or reject code.
    if (key !== '') io.write(`${HELP}\n`);
  }
}

async function askAgain(path: string, io: ReviewIo): Promise<boolean | null> {
  for (;;) {
    const raw = await io.ask(`Review ${path} again (r), or leave it as it is (s) [r,s]? `);
    if (raw === null) return null;
    const key = raw.trim().toLowerCase();
    if (key === 'r') return true;
    if (key === 's') return false;
    io.write('r - review the file again from its first change\ns - write nothing to it and go on\n');
  }
}

function showChange(change: Change, total: number, io: ReviewIo): void {
  const together = change.hunks.length > 1 ? ` (${change.hunks.length} hunks made by one edit: taken or left together)` : '';
  io.write(`\nchange ${change.id}/${total}${together}\n`);
  const reasons = change.reasons.length > 0 ? change.reasons : ['(no transform recorded an edit here)'];
  for (const reason of reasons) io.write(`  why: ${reason}\n`);
  for (const hunk of change.hunks) {
    // The diff's lines keep a CR of CRLF files and the BOM of line 1: a terminal must not see either.
    const body = [hunk.header, ...hunk.lines.map((line) => line.replace(/\r$/, '').replace(/^(.)\uFEFF/, '$1'))].join('\n');
    io.write(`${io.color ? colorizeDiff(body) : body}\n`);
  }
}
