// The audit report as text (a Markdown summary a team pastes into a pull request, then one
// `path:line:col: RULE message` line per finding) and as JSON for machines.
import { AUDIT_RULES } from '../../transforms/python/audit/rules';
import type { AuditFinding, HandlerCounts } from '../../transforms/python/audit/analyze';
import type { AuditReport } from '../audit-command';
import type { RuleLevel } from '../config/schema';
import { levelOf } from './sarif';

export const AUDIT_REPORT_VERSION = 1;

export interface AuditSummary {
  files: { scanned: number; audited: number; skipped: number };
  handlers: HandlerCounts;
  findings: number;
  /** Every rule, zeros included, in the table's order. */
  findingsByRule: Record<string, number>;
  /** Findings on lines carrying `# awaitify: ignore`, not reported. */
  ignored: number;
}

export function summarizeAudit(report: AuditReport): AuditSummary {
  const summary: AuditSummary = {
    files: { scanned: report.files.length, audited: 0, skipped: 0 },
    handlers: { sync: 0, async: 0 },
    findings: 0,
    findingsByRule: Object.fromEntries(AUDIT_RULES.map((r) => [r.id, 0])),
    ignored: 0,
  };
  for (const file of report.files) {
    if (file.status === 'skipped') {
      summary.files.skipped++;
      continue;
    }
    summary.files.audited++;
    summary.handlers.sync += file.handlers.sync;
    summary.handlers.async += file.handlers.async;
    summary.ignored += file.ignored;
    for (const f of file.findings) {
      summary.findings++;
      summary.findingsByRule[f.rule] = (summary.findingsByRule[f.rule] ?? 0) + 1;
    }
  }
  return summary;
}

export function auditText(report: AuditReport): string {
  const summary = summarizeAudit(report);
  const lines = ['## awaitify audit', '', '| rule | count | description |', '|---|---:|---|'];
  for (const rule of AUDIT_RULES) lines.push(`| ${rule.id} | ${summary.findingsByRule[rule.id] ?? 0} | ${rule.description} |`);
  lines.push(`| **total** | ${summary.findings} | |`, '');
  const { sync, async } = summary.handlers;
  lines.push(`- route handlers: ${sync} sync, ${async} async`);
  lines.push(`- files: ${summary.files.scanned} scanned, ${summary.files.audited} audited, ${summary.files.skipped} skipped`);
  if (summary.ignored > 0) lines.push(`- ${summary.ignored} finding(s) on ignored lines not reported`);
  const skipped = report.files.flatMap((f) => (f.status === 'skipped' ? [`skipped ${f.path}: ${f.reason}`] : []));
  if (skipped.length > 0) lines.push('', ...skipped);
  const findings = report.files.flatMap((f) => (f.status === 'audited' ? f.findings.map((x) => findingLine(f.path, x)) : []));
  if (findings.length > 0) lines.push('', ...findings);
  return `${lines.join('\n')}\n`;
}

function findingLine(path: string, f: AuditFinding): string {
  return `${path}:${f.line}:${f.column}: ${f.rule} ${f.message}`;
}

/** `levels`: the configuration's `rules` table; each finding carries its level (`warning` by default), as in a run's JSON. */
export function auditJson(report: AuditReport, levels: Readonly<Record<string, RuleLevel>> = {}): string {
  return JSON.stringify(
    {
      version: AUDIT_REPORT_VERSION,
      command: 'audit',
      summary: summarizeAudit(report),
      files: report.files.map((f) =>
        f.status === 'skipped'
          ? { path: f.path, status: f.status, reason: f.reason }
          : { path: f.path, status: f.status, handlers: f.handlers, findings: f.findings.length },
      ),
      findings: report.files.flatMap((f) =>
        f.status === 'audited'
          ? f.findings.map((x) => ({ rule: x.rule, level: levelOf(x.rule, levels), file: f.path, line: x.line, column: x.column, message: x.message, hint: x.hint }))
          : [],
      ),
    },
    null,
    2,
  );
}
