import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from './package-root';

/** Rule pages ship in docs/rules/<RULE>.md; the pages are the list of rules a user can name. */
export function rulesDir(): string {
  return path.join(packageRoot(), 'docs', 'rules');
}

export function knownRules(): string[] {
  return fs
    .readdirSync(rulesDir())
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -3))
    .sort();
}

export function ruleDoc(rule: string): string | null {
  if (!knownRules().includes(rule)) return null;
  return fs.readFileSync(path.join(rulesDir(), `${rule}.md`), 'utf8');
}

/** The rule page as a path relative to the package root, as SARIF's helpUri and docs links use it. */
export function ruleDocPath(rule: string): string {
  return `docs/rules/${rule}.md`;
}

/** The title of a rule page: `# RULE: title` → `title` (the rule id when the page has no title line). */
export function ruleTitle(rule: string): string {
  const first = (ruleDoc(rule) ?? '').split('\n')[0] ?? '';
  const match = /^#\s*[A-Z0-9-]+:\s*(.+)$/.exec(first);
  return match ? (match[1] as string).trim() : rule;
}
