// Whole-preset fixtures, discovered from testfixtures/presets/<preset>/<case>/input/** + output/** (+ findings.json
// with {path, rule, line}). Each case runs the preset's transforms with its options, as the CLI resolves them,
// through runProject; then every output file must compile under CPython (compile(), not only parse: an `await`
// in a plain def parses but does not compile), and a second run must change nothing. These catch what a
// transform's own fixtures cannot: how the transforms of a preset work together.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { presetFor, selectTransforms } from '../cli/run-command';
import { runProject } from '../engine/run';
import { DEFAULT_TRANSFORM_OPTIONS } from '../engine/types';
import { isJsTree, loadJsTrees } from '../transforms/python/support/js-tree';
import { pythonLanguage } from '../transforms/python/support/language';

const ROOT = path.join(__dirname, '..', 'testfixtures', 'presets');

interface PresetCase {
  preset: string;
  name: string;
  dir: string;
  findings: { path: string; rule: string; line: number }[];
}

function loadCases(): PresetCase[] {
  if (!existsSync(ROOT)) return [];
  const found: PresetCase[] = [];
  for (const preset of readdirSync(ROOT).sort()) {
    for (const name of readdirSync(path.join(ROOT, preset)).sort()) {
      const dir = path.join(ROOT, preset, name);
      if (!statSync(dir).isDirectory() || !existsSync(path.join(dir, 'input'))) continue;
      const findingsFile = path.join(dir, 'findings.json');
      found.push({ preset, name, dir, findings: existsSync(findingsFile) ? (JSON.parse(readFileSync(findingsFile, 'utf8')) as PresetCase['findings']) : [] });
    }
  }
  return found;
}

function listFiles(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listFiles(root, child));
    else out.push(child);
  }
  return out.sort();
}

function runPreset(presetId: string, dir: string) {
  const preset = presetFor(presetId, undefined);
  return runProject({
    paths: ['.'],
    cwd: dir,
    exclude: [],
    language: pythonLanguage,
    transforms: selectTransforms(preset, undefined),
    transformOptions: { ...DEFAULT_TRANSFORM_OPTIONS, ...preset.options },
    annotate: false,
    maxFileSize: 1 << 20,
  });
}

/** Compiles each file with CPython; returns the errors (empty when all compile). */
function compileErrors(files: string[]): string {
  if (files.length === 0) return '';
  const script =
    'import sys\nbad = []\nfor p in sys.argv[1:]:\n    try:\n        compile(open(p, encoding="utf-8").read(), p, "exec")\n' +
    '    except SyntaxError as e:\n        bad.append(f"{p}:{e.lineno}: {e.msg}")\nprint("\\n".join(bad))\n';
  return execFileSync('python3', ['-c', script, ...files], { encoding: 'utf8' }).trim();
}

const cases = loadCases();

beforeAll(async () => {
  await loadJsTrees();
  expect(isJsTree(pythonLanguage.parse('x = 1\n'))).toBe(true);
});

(cases.length > 0 ? describe.each([...new Set(cases.map((c) => c.preset))]) : describe.skip.each([['none']]))('preset %s', (presetId) => {
  test.each(cases.filter((c) => c.preset === presetId).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const work = mkdtempSync(path.join(tmpdir(), 'awaitify-preset-'));
    try {
      cpSync(path.join(c.dir, 'input'), work, { recursive: true });
      const first = await runPreset(c.preset, work);
      expect(first.files.filter((f) => f.status === 'error' || f.status === 'skipped')).toEqual([]);
      for (const f of first.files) if (f.status === 'changed') writeFileSync(path.join(work, f.path), f.output);
      const expectedRoot = path.join(c.dir, 'output');
      expect(listFiles(work)).toEqual(listFiles(expectedRoot));
      for (const file of listFiles(expectedRoot)) {
        expect(`${file}:\n${readFileSync(path.join(work, file), 'utf8')}`).toBe(`${file}:\n${readFileSync(path.join(expectedRoot, file), 'utf8')}`);
      }
      const findings = first.files.flatMap((f) => (f.status === 'changed' || f.status === 'unchanged' ? f.findings.map((x) => `${f.path}:${x.rule}@${x.line}`) : []));
      expect(findings.sort()).toEqual(c.findings.map((f) => `${f.path}:${f.rule}@${f.line}`).sort());
      expect(compileErrors(listFiles(work).filter((f) => f.endsWith('.py')).map((f) => path.join(work, f)))).toBe('');

      const second = await runPreset(c.preset, work);
      expect(second.files.filter((f) => f.status !== 'unchanged').map((f) => f.path)).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

test('every rule a preset fixture expects has its docs page', () => {
  const rules = new Set(cases.flatMap((c) => c.findings.map((f) => f.rule)));
  expect([...rules].filter((rule) => !existsSync(path.join(__dirname, '..', 'docs', 'rules', `${rule}.md`)))).toEqual([]);
});
