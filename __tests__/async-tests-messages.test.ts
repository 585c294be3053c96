// What async-tests' findings say, where the (rule, line) pairs the fixture tests check are not enough: a
// fixture left sync must name the calls in it that no longer run; an override left sync, why its key stays.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runProject } from '../engine/run';
import { DEFAULT_TRANSFORM_OPTIONS } from '../engine/types';
import { pythonLanguage } from '../transforms/python/support/language';
import { findTransform } from '../transforms/registry';

const CASE = path.join(__dirname, '..', 'testfixtures', 'python', 'async-tests', 'session-fixture-async-call-left-sync', 'input');
// The default preset's output: async-get-db keyed the override by get_async_db, async-tests could not convert it.
const UNCONVERTED_OVERRIDE = path.join(__dirname, '..', 'testfixtures', 'presets', 'default', 'override-nested-local-factory', 'output');

/** Runs async-tests alone on a copy of `dir`; the findings and output of the file at `file`. */
/** Runs `body` on a temporary copy of a preset case's input, removed afterwards. */
async function inCopyOf(presetCase: string, body: (work: string) => Promise<void>): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'awaitify-engine-fixture-'));
  try {
    cpSync(path.join(PRESETS, presetCase, 'input'), work, { recursive: true });
    await body(work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function runAsyncTests(dir: string, file: string): Promise<{ findings: { rule: string; message: string }[]; changed: boolean }> {
  const work = mkdtempSync(path.join(tmpdir(), 'awaitify-messages-'));
  try {
    cpSync(dir, work, { recursive: true });
    const transform = findTransform('async-tests');
    if (!transform) throw new Error('async-tests is not registered');
    const result = await runProject({ paths: ['.'], cwd: work, exclude: [], language: pythonLanguage, transforms: [transform], transformOptions: DEFAULT_TRANSFORM_OPTIONS, annotate: false, maxFileSize: 1 << 20 });
    const found = result.files.find((f) => f.path === file);
    const findings = found && (found.status === 'changed' || found.status === 'unchanged') ? found.findings : [];
    return { findings, changed: found?.status === 'changed' };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

test('a session fixture left sync names the calls of async functions it leaves un-awaited', async () => {
  const { findings } = await runAsyncTests(CASE, 'tests/conftest.py');
  expect(findings.map((f) => f.rule)).toEqual(['TESTS-SESSION-FIXTURE']);
  expect(findings[0]?.message).toContain('`crud.create_user(...)` (line 10), is not awaited');
});

test('an override left sync keeps its async key, and says its requests fail rather than reach the real database', async () => {
  const { findings, changed } = await runAsyncTests(UNCONVERTED_OVERRIDE, 'tests/test_notes.py');
  expect(changed).toBe(false);
  expect(findings.map((f) => f.rule)).toEqual(['TESTS-SESSION-FIXTURE']);
  expect(findings[0]?.message).toContain('keyed by `get_async_db`: until it yields an AsyncSession, every request through it fails');
  expect(findings[0]?.message).toContain('not set back to `get_db` on purpose');
  expect(findings[0]?.message).toContain("reach the application's own database");
});

const PRESETS = path.join(__dirname, '..', 'testfixtures', 'presets', 'default');

test('a session fixture on an engine fixture another test takes names that test, not a missing module engine', async () => {
  const { findings } = await runAsyncTests(path.join(PRESETS, 'session-fixture-engine-fixture-used-sync', 'input'), 'tests/conftest.py');
  const message = findings.find((f) => f.rule === 'TESTS-SESSION-FIXTURE')?.message ?? '';
  expect(message).toContain('its engine comes from the fixture `engine`');
  expect(message).toContain('`test_users_table_exists` (tests/test_schema.py, line 4) takes `engine` too');
  expect(message).not.toContain('no async engine');
});

test('a session fixture on an engine fixture defined again in a test module names that fixture', async () => {
  const { findings } = await runAsyncTests(path.join(PRESETS, 'session-fixture-engine-fixture-overridden', 'input'), 'tests/conftest.py');
  const message = findings.find((f) => f.rule === 'TESTS-SESSION-FIXTURE')?.message ?? '';
  expect(message).toContain('its engine comes from the fixture `engine`');
  expect(message).toContain('another fixture `engine` (tests/test_other_database.py, line 8)');
});

test('a session fixture on an engine fixture of another conftest says that one is not converted', async () => {
  await inCopyOf('session-fixture-engine-fixture', async (work) => {
    const conftest = path.join(work, 'tests', 'conftest.py');
    const text = readFileSync(conftest, 'utf8');
    const engineFixture = /@pytest\.fixture\(scope="session"\)\ndef engine\(\):\n(?: {4}.*\n)+\n\n/.exec(text)?.[0] ?? '';
    expect(engineFixture).not.toBe('');
    mkdirSync(path.join(work, 'tests', 'api'));
    writeFileSync(path.join(work, 'tests', 'api', '__init__.py'), '');
    writeFileSync(path.join(work, 'tests', 'api', 'conftest.py'), text.replace(engineFixture, ''));
    renameSync(path.join(work, 'tests', 'test_app.py'), path.join(work, 'tests', 'api', 'test_app.py'));
    writeFileSync(conftest, `import pytest\nfrom sqlalchemy import create_engine\n\n\n${engineFixture.trimEnd()}\n`);
    const { findings } = await runAsyncTests(work, 'tests/api/conftest.py');
    const message = findings.find((f) => f.rule === 'TESTS-SESSION-FIXTURE')?.message ?? '';
    expect(message).toContain('its engine `engine` is a fixture parameter, and no fixture of this file named `engine` makes it');
  });
});

test('a session fixture on an engine fixture of an in-memory SQLite database is left sync, saying why', async () => {
  await inCopyOf('session-fixture-engine-fixture', async (work) => {
    const conftest = path.join(work, 'tests', 'conftest.py');
    writeFileSync(conftest, readFileSync(conftest, 'utf8').replace('create_engine("sqlite:///./test.db")', 'create_engine("sqlite:///:memory:")'));
    const { findings, changed } = await runAsyncTests(work, 'tests/conftest.py');
    expect(changed).toBe(false);
    const message = findings.find((f) => f.rule === 'TESTS-SESSION-FIXTURE')?.message ?? '';
    expect(message).toContain('its engine comes from the fixture `engine`, which makes its engine on an in-memory SQLite database');
  });
});

test('an engine fixture holding `with _engine.begin():` open stays sync in a project pinning pytest-asyncio before loop_scope, saying so', async () => {
  await inCopyOf('session-fixture-engine-fixture-held-transaction', async (work) => {
    writeFileSync(path.join(work, 'requirements-dev.txt'), 'pytest==8.3.3\npytest-asyncio==0.23.8\n');
    const { findings, changed } = await runAsyncTests(work, 'tests/conftest.py');
    expect(changed).toBe(false);
    const message = findings.find((f) => f.rule === 'TESTS-SESSION-FIXTURE')?.message ?? '';
    expect(message).toContain('its engine comes from the fixture `engine`, whose engine would have to become an AsyncEngine, but it would become an async fixture with `loop_scope`, and the project keeps pytest-asyncio below 0.24 (requirements-dev.txt: `pytest-asyncio==0.23.8`)');
  });
});

test('a scoped session fixture left sync for a pytest-asyncio pin before loop_scope says how to convert it by hand on that version', async () => {
  const { findings } = await runAsyncTests(path.join(PRESETS, 'session-scoped-fixture-old-pin', 'input'), 'tests/conftest.py');
  const message = findings.find((f) => f.rule === 'TESTS-FIXTURE-SCOPE')?.message ?? '';
  expect(message).toContain('keeps pytest-asyncio below 0.24');
  expect(message).toContain('`@pytest.fixture(scope="session") def event_loop(): loop = asyncio.new_event_loop(); yield loop; loop.close()`');
  expect(message).toContain('a plain `@pytest.mark.asyncio`');
});

test('a session fixture whose with block hands the session to a sync helper stays sync, naming that call', async () => {
  const { findings, changed } = await runAsyncTests(path.join(PRESETS, 'session-scoped-fixture-with-block-sync-helper', 'output'), 'tests/conftest.py');
  expect(changed).toBe(false);
  expect(findings.map((f) => f.rule)).toEqual(['TESTS-SESSION-FIXTURE']);
  expect(findings[0]?.message).toContain('its `with` block hands the session to `crud.add_defaults(...)`, which is not a project function that is async after the migration');
});

test('code left on get_db with a file test database: the finding says how to keep a sync override that a later run leaves alone', async () => {
  const { findings } = await runAsyncTests(path.join(PRESETS, 'override-annotation-depends', 'output'), 'tests/conftest.py');
  const message = findings.find((f) => f.rule === 'TESTS-SYNC-DEPENDENCY-NOT-OVERRIDDEN')?.message ?? '';
  expect(message).toContain('`NoteStore.__init__` (app/store.py) still depends on the sync `get_db`');
  expect(message).toContain('in a module starting with `# awaitify: ignore-file` that conftest.py imports');
  expect(message).toContain('`app.dependency_overrides[get_db] = override_get_db_sync`');
  expect(message).toContain('a later run would rename its key');
  expect(message).not.toContain('SQLite in memory, which only');
});

test('code left on get_db with an in-memory test database: the finding says no sync override can share it', async () => {
  const { findings } = await runAsyncTests(path.join(PRESETS, 'override-annotation-depends-memory', 'output'), 'tests/conftest.py');
  const message = findings.find((f) => f.rule === 'TESTS-SYNC-DEPENDENCY-NOT-OVERRIDDEN')?.message ?? '';
  expect(message).toContain('The test database `sqlite://` is SQLite in memory');
  expect(message).toContain('a sync engine and an async engine made on it are two separate databases');
  expect(message).toContain('cannot be kept beside the async one here');
  expect(message).not.toContain('By hand, when');
});
