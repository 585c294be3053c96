// What async-tests' findings say, where the (rule, line) pairs the fixture tests check are not enough: a
// fixture left sync must name the calls in it that no longer run.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runProject } from '../engine/run';
import { DEFAULT_TRANSFORM_OPTIONS } from '../engine/types';
import { pythonLanguage } from '../transforms/python/support/language';
import { findTransform } from '../transforms/registry';

const CASE = path.join(__dirname, '..', 'testfixtures', 'python', 'async-tests', 'session-fixture-async-call', 'input');

test('a session fixture left sync names the calls of async functions it leaves un-awaited', async () => {
  const work = mkdtempSync(path.join(tmpdir(), 'awaitify-messages-'));
  try {
    cpSync(CASE, work, { recursive: true });
    const transform = findTransform('async-tests');
    if (!transform) throw new Error('async-tests is not registered');
    const result = await runProject({ paths: ['.'], cwd: work, exclude: [], language: pythonLanguage, transforms: [transform], transformOptions: DEFAULT_TRANSFORM_OPTIONS, annotate: false, maxFileSize: 1 << 20 });
    const conftest = result.files.find((f) => f.path === 'tests/conftest.py');
    const findings = conftest && (conftest.status === 'changed' || conftest.status === 'unchanged') ? conftest.findings : [];
    expect(findings.map((f) => f.rule)).toEqual(['TESTS-SESSION-FIXTURE']);
    expect(findings[0]?.message).toContain('`crud.create_user(...)` (line 10), is not awaited');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
