// Whole-preset fixtures, discovered from testfixtures/presets/<preset>/<case>/input/** + output/** (+ findings.json
// with {path, rule, line}, and options.json with options a flag would set, e.g. {"sqlalchemyVersion": "1.4"} for
// `--sqlalchemy 1.4`). Each case runs the preset's transforms with its options, as the CLI resolves them,
// through runProject; then every output file must compile under CPython (compile(), not only parse: an `await`
// in a plain def parses but does not compile), and a second run must change nothing. These catch what a
// transform's own fixtures cannot: how the transforms of a preset work together.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { TransformOptions } from '../engine/types';
import { isJsTree, loadJsTrees } from '../transforms/python/support/js-tree';
import { pythonLanguage } from '../transforms/python/support/language';
import { compileErrors, expectTreeFixture, listFiles, runPreset } from './helpers/tree-fixtures';

const ROOT = path.join(__dirname, '..', 'testfixtures', 'presets');

interface PresetCase {
  preset: string;
  name: string;
  dir: string;
  findings: { path: string; rule: string; line: number }[];
  options: Partial<TransformOptions>;
}

function loadCases(): PresetCase[] {
  if (!existsSync(ROOT)) return [];
  const found: PresetCase[] = [];
  for (const preset of readdirSync(ROOT).sort()) {
    for (const name of readdirSync(path.join(ROOT, preset)).sort()) {
      const dir = path.join(ROOT, preset, name);
      if (!statSync(dir).isDirectory() || !existsSync(path.join(dir, 'input'))) continue;
      const findingsFile = path.join(dir, 'findings.json');
      const optionsFile = path.join(dir, 'options.json');
      found.push({
        preset,
        name,
        dir,
        findings: existsSync(findingsFile) ? (JSON.parse(readFileSync(findingsFile, 'utf8')) as PresetCase['findings']) : [],
        options: existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as PresetCase['options']) : {},
      });
    }
  }
  return found;
}

const cases = loadCases();

beforeAll(async () => {
  await loadJsTrees();
  expect(isJsTree(pythonLanguage.parse('x = 1\n'))).toBe(true);
});

(cases.length > 0 ? describe.each([...new Set(cases.map((c) => c.preset))]) : describe.skip.each([['none']]))('preset %s', (presetId) => {
  test.each(cases.filter((c) => c.preset === presetId).map((c) => [c.name, c] as const))('%s', (_name, c) =>
    expectTreeFixture(
      c,
      (dir) => runPreset(c.preset, dir, c.options),
      (work) => expect(compileErrors(listFiles(work).filter((f) => f.endsWith('.py')).map((f) => path.join(work, f)))).toBe(''),
    ),
  );
});

test('every rule a preset fixture expects has its docs page', () => {
  const rules = new Set(cases.flatMap((c) => c.findings.map((f) => f.rule)));
  expect([...rules].filter((rule) => !existsSync(path.join(__dirname, '..', 'docs', 'rules', `${rule}.md`)))).toEqual([]);
});
