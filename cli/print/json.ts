import type { RunReport, Summary } from '../../engine/run';
import type { RuleLevel } from '../config/schema';
import { formatFilePatch } from './diff';
import { attributeHunks } from './hunks';
import { Patches } from './patches';
import { levelOf } from './sarif';

export const REPORT_VERSION = 1;

/** The machine-readable report: every file with its status, edits (by transform), findings and diff. */
export function jsonReport(
  report: RunReport,
  summary: Summary,
  mode: string,
  levels: Readonly<Record<string, RuleLevel>> = {},
  patches: Patches = new Patches(),
): string {
  const withLevels = <F extends { rule: string }>(findings: F[]) => findings.map((f) => ({ ...f, level: levelOf(f.rule, levels) }));
  return JSON.stringify(
    {
      version: REPORT_VERSION,
      mode,
      summary,
      missingPaths: report.missingPaths,
      // A run on part of a project: what else was read for the index, and what else a whole run would change.
      ...(report.context ? { project: report.context } : {}),
      files: report.files.map((file) => {
        const base = { path: file.path, status: file.status };
        switch (file.status) {
          case 'changed': {
            const patch = patches.of(file);
            return {
              ...base,
              edits: file.edits,
              findings: withLevels(file.findings),
              counts: file.counts,
              ignored: file.ignored,
              diff: formatFilePatch(patch),
              hunks: attributeHunks(patch, file.edits).map(({ header, transforms }) => ({ header, transforms })),
            };
          }
          case 'unchanged':
            return { ...base, edits: [], findings: withLevels(file.findings), counts: file.counts, ignored: file.ignored };
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
