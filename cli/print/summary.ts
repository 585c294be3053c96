import type { FileReport, Summary } from '../../engine/run';

export function formatSummary(summary: Summary, mode: 'dry-run' | 'apply' | 'check'): string {
  const verb = mode === 'apply' ? 'changed' : 'would change';
  const lines = [
    `awaitify: ${summary.scanned} file(s) scanned, ${summary.changed} ${verb}, ${summary.unchanged} unchanged, ` +
      `${summary.skipped} skipped, ${summary.errored} errored` +
      (summary.ignored > 0 ? `; ${summary.ignored} spot(s) left alone by ignore comments or exclude-functions` : ''),
  ];
  const rules = Object.entries(summary.findingsByRule).sort(([a], [b]) => (a < b ? -1 : 1));
  const counts = Object.entries(summary.counts).filter(([, n]) => n > 0);
  if (counts.length > 0) lines.push(`counts: ${counts.map(([key, n]) => `${n} ${key}`).join(', ')}`);
  if (rules.length > 0) {
    lines.push(`findings: ${summary.findings} (${rules.map(([rule, count]) => `${rule}: ${count}`).join(', ')})`);
  }
  return lines.join('\n');
}

/** Skipped and errored files, each with its reason: a user must see why a file was not migrated. */
export function formatProblems(files: readonly FileReport[]): string[] {
  const lines: string[] = [];
  for (const file of files) {
    if (file.status === 'skipped') lines.push(`skipped ${file.path}: ${file.reason}`);
    if (file.status === 'error') lines.push(`error   ${file.path}: ${file.message}`);
  }
  return lines;
}

/** Per-file counters (e.g. queries converted vs flagged), so a reviewer sees where the manual work is. */
export function formatCounts(files: readonly FileReport[]): string[] {
  const lines: string[] = [];
  for (const file of files) {
    if (file.status !== 'changed' && file.status !== 'unchanged') continue;
    const entries = Object.entries(file.counts).filter(([, n]) => n > 0);
    if (entries.length > 0) lines.push(`${file.path}: ${entries.map(([key, n]) => `${n} ${key}`).join(', ')}`);
  }
  return lines;
}

/**
 * Every function propagate-async made async, with the call chain that made it so: a reviewer must be
 * able to follow why a function's signature changed.
 */
export function formatMadeAsync(files: readonly FileReport[]): string[] {
  const entries: string[] = [];
  for (const file of files) {
    if (file.status !== 'changed') continue;
    for (const edit of file.edits) {
      if (edit.transform !== 'propagate-async') continue;
      const because = / is async because /.exec(edit.reason);
      if (because) entries.push(`  ${file.path}:${edit.line}: ${edit.reason.replace(/^propagate-async: /, '')}`);
    }
  }
  return entries.length > 0 ? [`made async (${entries.length}):`, ...entries] : [];
}

export function formatFindings(files: readonly FileReport[]): string[] {
  const lines: string[] = [];
  for (const file of files) {
    if (file.status !== 'changed' && file.status !== 'unchanged') continue;
    for (const f of file.findings) {
      lines.push(`${file.path}:${f.line}:${f.column}: ${f.rule} ${f.message}`);
      lines.push(`    fix: ${f.hint}`);
    }
  }
  return lines;
}
