// `awaitify apply --interactive` after the run: refusals of what cannot work, the review on the
// terminal, the writes, and the summary of what was written.
import { promises as fs } from 'node:fs';
import type { RunReport, Summary } from '../../engine/run';
import { writeFileAtomic } from '../../engine/write';
import { formatFindings, formatProblems } from '../print/summary';
import type { Io, RunCommandArgs } from '../run-command';
import { ChangedFile, ReviewResult, reviewFiles } from './session';
import { terminalReview } from './terminal';

export const EXIT_INTERRUPTED = 130;

/** Why `--interactive` cannot run with these arguments on this terminal, or null. Checked before any work. */
export function interactiveRefusal(args: RunCommandArgs, io: Io): string | null {
  if (args.mode !== 'apply') return '--interactive only goes with apply';
  if (args.format !== 'text') return `--interactive asks its questions as text; it cannot be combined with --format ${args.format} (or --json)`;
  if (args.check) return '--interactive and --check contradict each other: --check is for unattended runs; use `awaitify dry-run --check`';
  if (args.annotate) return '--interactive cannot review the comments --annotate adds; run `awaitify apply --annotate` on its own';
  if (io.stdin?.isTTY !== true) {
    return '--interactive needs a terminal to ask its questions, and stdin is not one; use `awaitify dry-run` to review and `awaitify apply` to write';
  }
  return null;
}

export async function interactiveApply(report: RunReport, summary: Summary, changed: ChangedFile[], io: Io): Promise<number> {
  let review: ReviewResult;
  const terminal = terminalReview(io.stdin as NodeJS.ReadStream, io.stdout);
  try {
    review = await reviewFiles(changed, terminal, writeUnlessChangedOnDisk);
  } finally {
    terminal.close();
  }
  io.stderr.write(`${summaryLines(report, summary, review).join('\n')}\n`);
  if (review.ending === 'aborted') return EXIT_INTERRUPTED;
  if (summary.errored > 0 || review.files.some((f) => f.status === 'failed')) return 2;
  if (review.files.some((f) => f.status === 'refused')) return 1;
  return 0;
}

/** A review takes minutes: a file edited meanwhile (in an editor, by a formatter) is not overwritten. */
async function writeUnlessChangedOnDisk(file: ChangedFile, content: Buffer): Promise<void> {
  const now = await fs.readFile(file.absPath);
  if (!now.equals(Buffer.from(file.before, 'utf8'))) throw new Error('it changed on disk during the review; run awaitify again');
  await writeFileAtomic(file.absPath, content);
}

function summaryLines(report: RunReport, summary: Summary, review: ReviewResult): string[] {
  const count = (status: string): number => review.files.filter((f) => f.status === status).length;
  const sum = (key: 'accepted' | 'rejected'): number => review.files.reduce((n, f) => n + f[key], 0);
  const notReviewed = review.files.reduce((n, f) => n + (f.total - f.accepted - f.rejected), 0);
  const lines = [
    `awaitify: ${summary.scanned} file(s) scanned, ${summary.changed} with changes to review, ${summary.unchanged} unchanged, ` +
      `${summary.skipped} skipped, ${summary.errored} errored`,
    `awaitify: interactive: ${count('written')} file(s) written, ${count('unchanged')} left as they were by your answers` +
      (count('refused') > 0 ? `, ${count('refused')} refused` : '') +
      (count('failed') > 0 ? `, ${count('failed')} failed` : '') +
      (count('not-reviewed') > 0 ? `, ${count('not-reviewed')} not reviewed` : '') +
      `; changes: ${sum('accepted')} accepted, ${sum('rejected')} rejected` +
      (notReviewed > 0 ? `, ${notReviewed} not reviewed` : ''),
  ];
  if (review.ending === 'quit') lines.push('quit: the changes accepted before `q` were written; nothing after it');
  if (review.ending === 'aborted') lines.push('interrupted: files finished before the interruption were written; nothing else');
  for (const f of review.files) {
    if (f.status === 'refused') lines.push(`not written ${f.path}: ${f.reason ?? ''} (its ${f.accepted} accepted change(s) were not applied)`);
    if (f.status === 'failed') lines.push(`error   ${f.path}: cannot write: ${f.reason ?? ''}`);
  }
  const partial = review.files.filter((f) => f.status === 'written' && f.accepted < f.total);
  if (partial.length > 0) {
    lines.push(
      `written with only some of their changes (${partial.length}): review them; the checks catch broken syntax, awaits outside async def ` +
        'and missing imports, not a function made async whose callers were left sync; `awaitify dry-run` shows what is left:',
      ...partial.map((f) => `  ${f.path}: ${f.accepted} of ${f.total} change(s)`),
    );
  }
  lines.push(...formatProblems(report.files));
  // Findings of reviewed files were shown before their changes; the rest are listed here.
  const reviewed = new Set(review.files.filter((f) => f.status !== 'not-reviewed').map((f) => f.path));
  lines.push(...formatFindings(report.files.filter((f) => !reviewed.has(f.path))));
  return lines;
}
