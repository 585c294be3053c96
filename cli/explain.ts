import { knownRules, ruleDoc, ruleTitle } from './rules';
import type { Io } from './run-command';
import { EXIT_ERROR, EXIT_OK } from './run-command';
import { closest } from './suggest';

/** `awaitify explain RULE`: the rule's page from docs/rules, the same text the repository and package ship. */
export function explainCommand(rule: string | undefined, list: boolean, io: Pick<Io, 'stdout' | 'stderr'>): number {
  if (list || rule === undefined) {
    if (!list) {
      io.stderr.write('awaitify: name a rule (e.g. `awaitify explain QUERY-ESCAPES`), or list them with `awaitify explain --list`\n');
      return EXIT_ERROR;
    }
    const rules = knownRules();
    // Two spaces past the longest id, so an id never runs into its title.
    const width = Math.max(0, ...rules.map((id) => id.length)) + 2;
    for (const id of rules) io.stdout.write(`${id.padEnd(width)}${ruleTitle(id)}\n`);
    return EXIT_OK;
  }
  const doc = ruleDoc(rule) ?? ruleDoc(rule.toUpperCase());
  if (doc === null) {
    const near = closest(rule.toUpperCase(), knownRules());
    const hint = near.length > 0 ? ` Closest: ${near.join(', ')}.` : '';
    io.stderr.write(`awaitify: unknown rule "${rule}".${hint} See \`awaitify explain --list\`.\n`);
    return EXIT_ERROR;
  }
  io.stdout.write(doc.endsWith('\n') ? doc : `${doc}\n`);
  return EXIT_OK;
}
