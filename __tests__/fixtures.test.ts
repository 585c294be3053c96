// Fixture tests, discovered from testfixtures/python/<transform>/<case>.input.py (+ .output.py,
// optional .findings.json and .options.json). Every case also proves that the output parses (ours
// and CPython's parser) and that a second run changes nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { processSource } from '../engine/pipeline';
import { DEFAULT_TRANSFORM_OPTIONS, TransformOptions } from '../engine/types';
import { pythonLanguage } from '../transforms/python/support/language';
import { findTransform } from '../transforms/registry';

const ROOT = path.join(__dirname, '..', 'testfixtures', 'python');

interface ExpectedFinding {
  rule: string;
  line: number;
}

interface FixtureCase {
  transform: string;
  name: string;
  input: string;
  output: string;
  findings: ExpectedFinding[];
  options: TransformOptions;
  outputPath: string;
}

function loadCases(): FixtureCase[] {
  if (!existsSync(ROOT)) return [];
  const cases: FixtureCase[] = [];
  for (const transform of readdirSync(ROOT).sort()) {
    const dir = path.join(ROOT, transform);
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.input.py')) continue;
      const name = file.slice(0, -'.input.py'.length);
      const at = (suffix: string): string => path.join(dir, `${name}${suffix}`);
      const outputPath = at('.output.py');
      const optionsFile = at('.options.json');
      const findingsFile = at('.findings.json');
      cases.push({
        transform,
        name,
        input: readFileSync(at('.input.py'), 'utf8'),
        output: existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : '<missing .output.py>',
        findings: existsSync(findingsFile) ? (JSON.parse(readFileSync(findingsFile, 'utf8')) as ExpectedFinding[]) : [],
        options: {
          ...DEFAULT_TRANSFORM_OPTIONS,
          ...(name.startsWith('select-stage-') ? { queryStage: 'select' } : {}),
          ...(existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as Partial<TransformOptions>) : {}),
        },
        outputPath,
      });
    }
  }
  return cases;
}

const cases = loadCases();

function run(c: FixtureCase, source: string) {
  const transform = findTransform(c.transform);
  if (!transform) throw new Error(`fixture directory ${c.transform} names no registered transform`);
  return processSource(source, `${c.name}.py`, [transform], pythonLanguage, c.options, { annotate: false });
}

function sortedFindings(findings: { rule: string; line: number }[]): string[] {
  return findings.map((f) => `${f.rule}@${f.line}`).sort();
}

describe.each([...new Set(cases.map((c) => c.transform))])('%s fixtures', (transformId) => {
  test.each(cases.filter((c) => c.transform === transformId).map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const first = run(c, c.input);
    if (first.status === 'error' || first.status === 'skipped') throw new Error(`${first.status}: ${'message' in first ? first.message : first.reason}`);
    expect(first.output).toBe(c.output);
    expect(sortedFindings(first.findings)).toEqual(sortedFindings(c.findings));
    expect(pythonLanguage.firstSyntaxError(pythonLanguage.parse(first.output), first.output)).toBeNull();

    const second = run(c, first.output);
    if (second.status === 'error' || second.status === 'skipped') throw new Error(`second run ${second.status}`);
    expect(second.status).toBe('unchanged');
    expect(second.output).toBe(first.output);
  });
});

test('every fixture output is accepted by CPython\'s parser', () => {
  const outputs = cases.map((c) => c.outputPath).filter((p) => existsSync(p));
  if (outputs.length === 0) return;
  const script = 'import ast, sys\nfor p in sys.argv[1:]:\n    ast.parse(open(p, encoding="utf-8").read(), p)\n';
  expect(() => execFileSync('python3', ['-c', script, ...outputs], { stdio: ['ignore', 'pipe', 'pipe'] })).not.toThrow();
});

test('every rule a fixture expects has its docs page', () => {
  const rules = new Set(cases.flatMap((c) => c.findings.map((f) => f.rule)));
  const missing = [...rules].filter((rule) => !existsSync(path.join(__dirname, '..', 'docs', 'rules', `${rule}.md`)));
  expect(missing).toEqual([]);
});

test('fixtures were discovered', () => {
  expect(cases.length).toBeGreaterThan(0);
});
