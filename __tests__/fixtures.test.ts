// Fixture tests, discovered from testfixtures/python/<transform>/<case>.input.py (+ .output.py,
// optional .findings.json and .options.json), and multi-file cases as directories
// <transform>/<case>/input/** + output/** (+ findings.json with {path, rule, line}, options.json),
// which run through the whole engine so transforms with a project index see every file. Every case
// also proves that the output parses (ours and CPython's parser) and that a second run changes nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { processSource } from '../engine/pipeline';
import { runProject } from '../engine/run';
import { DEFAULT_TRANSFORM_OPTIONS, TransformOptions } from '../engine/types';
import { pythonLanguage } from '../transforms/python/support/language';
import { isJsTree, loadJsTrees } from '../transforms/python/support/js-tree';
import { findTransform } from '../transforms/registry';
import { expectTreeFixture, listFiles } from './helpers/tree-fixtures';

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

interface DirectoryCase {
  transform: string;
  name: string;
  dir: string;
  findings: (ExpectedFinding & { path: string })[];
  options: TransformOptions;
}

function loadDirectoryCases(): DirectoryCase[] {
  if (!existsSync(ROOT)) return [];
  const found: DirectoryCase[] = [];
  for (const transform of readdirSync(ROOT).sort()) {
    for (const name of readdirSync(path.join(ROOT, transform)).sort()) {
      const dir = path.join(ROOT, transform, name);
      if (!statSync(dir).isDirectory() || !existsSync(path.join(dir, 'input'))) continue;
      const json = <T>(file: string, fallback: T): T => (existsSync(path.join(dir, file)) ? (JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T) : fallback);
      found.push({ transform, name, dir, findings: json('findings.json', []), options: { ...DEFAULT_TRANSFORM_OPTIONS, ...json('options.json', {}) } });
    }
  }
  return found;
}

const directoryCases = loadDirectoryCases();

async function runTree(c: DirectoryCase, dir: string) {
  const transform = findTransform(c.transform);
  if (!transform) throw new Error(`fixture directory ${c.transform} names no registered transform`);
  return runProject({ paths: ['.'], cwd: dir, exclude: [], language: pythonLanguage, transforms: [transform], transformOptions: c.options, annotate: false, maxFileSize: 1 << 20 });
}

function run(c: FixtureCase, source: string) {
  const transform = findTransform(c.transform);
  if (!transform) throw new Error(`fixture directory ${c.transform} names no registered transform`);
  return processSource(source, `${c.name}.py`, [transform], pythonLanguage, c.options, { annotate: false });
}

function sortedFindings(findings: { rule: string; line: number }[]): string[] {
  return findings.map((f) => `${f.rule}@${f.line}`).sort();
}

// The engine parses into JS trees once the WebAssembly parser is loaded, as every CLI run does: the fixtures
// run on those. (Tests that never load it run the same transforms on ast-grep's trees.)
beforeAll(() => loadJsTrees());

test('fixtures run on the JS trees the engine uses', () => {
  const tree = pythonLanguage.parse('x = 1\n');
  expect(isJsTree(tree)).toBe(true);
  pythonLanguage.dispose?.(tree);
});

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

const directoryTransforms = [...new Set(directoryCases.map((c) => c.transform))];
// jest refuses an empty table; with no directory fixtures there is simply nothing to run here.
(directoryTransforms.length > 0 ? describe.each(directoryTransforms) : describe.skip.each([['none']]))('%s multi-file fixtures', (transformId) => {
  test.each(directoryCases.filter((c) => c.transform === transformId).map((c) => [c.name, c] as const))('%s', (_name, c) =>
    expectTreeFixture(c, (dir) => runTree(c, dir)),
  );
});

test('every fixture output is accepted by CPython\'s parser', () => {
  const outputs = [
    ...cases.map((c) => c.outputPath),
    ...directoryCases.flatMap((c) => listFiles(path.join(c.dir, 'output')).filter((f) => f.endsWith('.py')).map((f) => path.join(c.dir, 'output', f))),
  ].filter((p) => existsSync(p));
  if (outputs.length === 0) return;
  const script = 'import ast, sys\nfor p in sys.argv[1:]:\n    ast.parse(open(p, encoding="utf-8").read(), p)\n';
  expect(() => execFileSync('python3', ['-c', script, ...outputs], { stdio: ['ignore', 'pipe', 'pipe'] })).not.toThrow();
});

test('every rule a fixture expects has its docs page', () => {
  const rules = new Set([...cases, ...directoryCases].flatMap((c) => c.findings.map((f) => f.rule)));
  const missing = [...rules].filter((rule) => !existsSync(path.join(__dirname, '..', 'docs', 'rules', `${rule}.md`)));
  expect(missing).toEqual([]);
});

test('fixtures were discovered', () => {
  expect(cases.length).toBeGreaterThan(0);
});
