import type { RunReport, Summary } from '../../engine/run';
import { unifiedDiff } from './diff';

export const REPORT_VERSION = 1;

/** The machine-readable report: every file with its status, edits (by transform), findings and diff. */
export function jsonReport(report: RunReport, summary: Summary, mode: string): string {
  return JSON.stringify(
    {
      version: REPORT_VERSION,
      mode,
      summary,
      missingPaths: report.missingPaths,
      files: report.files.map((file) => {
        const base = { path: file.path, status: file.status };
        switch (file.status) {
          case 'changed':
            return { ...base, edits: file.edits, findings: file.findings, counts: file.counts, ignored: file.ignored, diff: unifiedDiff(file.path, file.before, file.after) };
          case 'unchanged':
            return { ...base, edits: [], findings: file.findings, counts: file.counts, ignored: file.ignored };
          case 'skipped':
            return { ...base, reason: file.reason };
          case 'error':
            return { ...base, transform: file.transform, message: file.message };
        }
      }),
    },
    null,
    2,
  );
}
