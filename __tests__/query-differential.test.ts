// Differential test of query-to-select: testfixtures/differential/query_functions.py (legacy Query code) is
// converted in both stages, and compare.py checks over seeded SQLite that every converted function returns
// what the original returns: select stage on a sync Session, async stage on an AsyncSession (aiosqlite),
// on SQLAlchemy 2.x (scripts/python-env.sh, pinned from PyPI) and 1.4 (scripts/debian-python.sh).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { processSource } from '../engine/pipeline';
import { DEFAULT_TRANSFORM_OPTIONS } from '../engine/types';
import { transform } from '../transforms/python/query-to-select';
import { pythonLanguage } from '../transforms/python/support/language';

const ROOT = path.join(__dirname, '..');
const DIR = path.join(ROOT, 'testfixtures', 'differential');
// First-time interpreter setup (venv build, apt) can take minutes.
const SETUP_TIMEOUT = 20 * 60 * 1000;

function convert(stage: 'select' | 'async'): string {
  const source = readFileSync(path.join(DIR, 'query_functions.py'), 'utf8');
  const out = processSource(source, 'query_functions.py', [transform], pythonLanguage, { ...DEFAULT_TRANSFORM_OPTIONS, queryStage: stage }, { annotate: false });
  if (out.status !== 'changed') throw new Error(`conversion did not change the module: ${JSON.stringify(out)}`);
  // Every query in the module is meant to be convertible: a finding means the comparison would be hollow.
  expect(out.findings).toEqual([]);
  return out.output;
}

function interpreter(script: string): string {
  return execFileSync(path.join(ROOT, 'scripts', script), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: SETUP_TIMEOUT }).trim();
}

describe('query-to-select differential', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'awaitify-diff-'));
    writeFileSync(path.join(work, 'select_stage.py'), convert('select'));
    writeFileSync(path.join(work, 'async_stage.py'), convert('async'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test.each([
    ['SQLAlchemy 2.x', 'python-env.sh', /^SQLAlchemy 2\./m],
    ['SQLAlchemy 1.4', 'debian-python.sh', /^SQLAlchemy 1\.4\./m],
  ])(
    'converted queries return what the originals return on %s',
    (_label, script, version) => {
      const python = interpreter(script);
      const args = [path.join(DIR, 'compare.py'), path.join(DIR, 'query_functions.py'), path.join(work, 'select_stage.py'), path.join(work, 'async_stage.py')];
      let output: string;
      try {
        output = execFileSync(python, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (error) {
        const e = error as { stdout?: string; stderr?: string };
        throw new Error(`compare.py failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
      }
      expect(output).toMatch(version);
      expect(output).toMatch(/ 0 differences$/m);
    },
    SETUP_TIMEOUT,
  );
});
