// GitHub Actions workflow commands: each finding becomes an annotation on its line in the PR view.
import type { RunReport } from '../../engine/run';
import type { RuleLevel } from '../config/schema';
import { levelOf, positionOf, type PositionsIn } from './sarif';

const COMMAND: Record<RuleLevel, string> = { error: 'error', warning: 'warning', note: 'notice' };

// The runner's escaping: data escapes %, CR and LF; property values also `:` and `,`.
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function githubAnnotations(report: RunReport, levels: Readonly<Record<string, RuleLevel>>, where: PositionsIn): string {
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.status !== 'changed' && file.status !== 'unchanged') continue;
    for (const f of file.findings) {
      const at = positionOf(f, where);
      const props = [`file=${escapeProperty(file.path)}`, `line=${at.line}`, `col=${at.column}`, `title=${escapeProperty(f.rule)}`].join(',');
      lines.push(`::${COMMAND[levelOf(f.rule, levels)]} ${props}::${escapeData(`${f.message} (fix: ${f.hint})`)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
