// SARIF 2.1.0, the format code-scanning UIs read: one run, the rules with links to their pages, one
// result per finding.
import type { OutcomeFinding } from '../../engine/pipeline';
import type { RunReport } from '../../engine/run';
import type { RuleLevel } from '../config/schema';
import { knownRules, ruleDocPath, ruleTitle } from '../rules';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * Which text a finding's line refers to: 'input' = the file as it is on disk before the run (dry-run:
 * nothing was written), 'output' = the file as the run wrote it (apply).
 */
export type PositionsIn = 'input' | 'output';

export function positionOf(f: OutcomeFinding, where: PositionsIn): { line: number; column: number } {
  return where === 'input' ? { line: f.inputLine, column: f.inputColumn } : { line: f.line, column: f.column };
}

export function levelOf(rule: string, levels: Readonly<Record<string, RuleLevel>>): RuleLevel {
  return levels[rule] ?? 'warning';
}

export function sarifReport(report: RunReport, levels: Readonly<Record<string, RuleLevel>>, version: string, where: PositionsIn): string {
  const findings = report.files.flatMap((file) => (file.status === 'changed' || file.status === 'unchanged' ? file.findings.map((f) => ({ file, f })) : []));
  // Every known rule, plus any a transform reported without a page (so ruleIndex always resolves).
  const ids = [...new Set([...knownRules(), ...findings.map(({ f }) => f.rule)])].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'awaitify',
            version,
            rules: ids.map((id) => ({
              id,
              shortDescription: { text: ruleTitle(id) },
              helpUri: ruleDocPath(id),
              defaultConfiguration: { level: levelOf(id, levels) },
            })),
          },
        },
        results: findings.map(({ file, f }) => ({
          ruleId: f.rule,
          ruleIndex: index.get(f.rule) as number,
          level: levelOf(f.rule, levels),
          message: { text: `${f.message} (fix: ${f.hint})` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: file.path },
                region: { startLine: positionOf(f, where).line, startColumn: positionOf(f, where).column },
              },
            },
          ],
          properties: { transform: f.transform },
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
