// `awaitify audit`: per-rule fixtures (testfixtures/audit/<case>.py with the exact expected findings in
// <case>.findings.json, optional <case>.handlers.json and <case>.options.json), then the command itself
// run as a real binary.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_TRANSFORM_OPTIONS, TransformOptions } from '../engine/types';
import { auditIndex, auditPython, auditSummary } from '../transforms/python/audit/analyze';
import { AUDIT_RULES } from '../transforms/python/audit/rules';
import { auditCommand } from '../cli/audit-command';
import type { Io } from '../cli/run-command';
import { firstSyntaxError, parsePython, pythonLanguage } from '../transforms/python/support/language';
import { changedPaths, ensureBuilt, makeRepo, removeTempDirs, runCli, snapshot } from './helpers/cli';

const ROOT = path.join(__dirname, '..');
const FIXTURES = path.join(ROOT, 'testfixtures', 'audit');

interface ExpectedFinding {
  rule: string;
  line: number;
}

interface AuditCase {
  name: string;
  source: string;
  findings: ExpectedFinding[];
  handlers: { sync: number; async: number } | null;
  options: TransformOptions;
}

function loadCases(): AuditCase[] {
  return readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.py'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.py'.length);
      const at = (suffix: string): string => path.join(FIXTURES, `${name}${suffix}`);
      const json = <T>(suffix: string): T | null => (existsSync(at(suffix)) ? (JSON.parse(readFileSync(at(suffix), 'utf8')) as T) : null);
      const findings = json<ExpectedFinding[]>('.findings.json');
      // An explicit file, even `[]`: a must-not-flag case states that it expects nothing.
      if (findings === null) throw new Error(`testfixtures/audit/${name}.findings.json is missing`);
      return {
        name,
        source: readFileSync(at('.py'), 'utf8'),
        findings,
        handlers: json<{ sync: number; async: number }>('.handlers.json'),
        options: { ...DEFAULT_TRANSFORM_OPTIONS, ...(json<Partial<TransformOptions>>('.options.json') ?? {}) },
      };
    });
}

const cases = loadCases();

function audit(c: AuditCase) {
  const tree = parsePython(c.source);
  expect(firstSyntaxError(tree)).toBeNull();
  // As the command audits a file: over the index of the files audited (this one alone here).
  const file = { path: `${c.name}.py`, absPath: path.join(FIXTURES, `${c.name}.py`), source: c.source, tree };
  const index = auditIndex([auditSummary(file, c.options)]);
  return auditPython({ ...file, options: c.options, index });
}

const key = (f: ExpectedFinding): string => `${f.rule}@${f.line}`;

describe('audit fixtures', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = audit(c);
    expect(result.findings.map(key).sort()).toEqual(c.findings.map(key).sort());
    if (c.handlers) expect(result.handlers).toEqual(c.handlers);
    for (const f of result.findings) {
      // The column points into the reported line, and every finding carries its rule's hint.
      const lineText = c.source.split('\n')[f.line - 1] ?? '';
      expect(f.column).toBeGreaterThanOrEqual(1);
      expect(f.column).toBeLessThanOrEqual(lineText.length);
      expect(f.hint).toBe(AUDIT_RULES.find((r) => r.id === f.rule)?.hint);
    }
  });

  test('every rule has a fixture expecting it and a docs page', () => {
    const expected = new Set(cases.flatMap((c) => c.findings.map((f) => f.rule)));
    for (const rule of AUDIT_RULES) {
      expect([rule.id, expected.has(rule.id)]).toEqual([rule.id, true]);
      expect([rule.id, existsSync(path.join(ROOT, 'docs', 'rules', `${rule.id}.md`))]).toEqual([rule.id, true]);
    }
  });

  test('findings name the function and the call', () => {
    const c = cases.find((x) => x.name === 'blocking-sleep') as AuditCase;
    const first = audit(c).findings[0];
    expect(first).toMatchObject({ rule: 'AUDIT-BLOCKING-SLEEP', line: 9, column: 5 });
    expect(first?.message).toBe('`time.sleep()` blocks the event loop inside async def `direct`');
  });
});

// Project cases: testfixtures/audit/<case>/ holds a small project (its .py files, audited together as the command
// does: over one index) and findings.json ([{path, rule, line}], paths relative to the case).
interface ProjectFinding extends ExpectedFinding {
  path: string;
}

function pythonFiles(dir: string, under = ''): string[] {
  return readdirSync(path.join(dir, under), { withFileTypes: true }).flatMap((entry) => {
    const rel = under === '' ? entry.name : `${under}/${entry.name}`;
    if (entry.isDirectory()) return pythonFiles(dir, rel);
    return entry.name.endsWith('.py') ? [rel] : [];
  });
}

const projectCases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('audit project fixtures', () => {
  test.each(projectCases)('%s', (name) => {
    const dir = path.join(FIXTURES, name);
    const options = DEFAULT_TRANSFORM_OPTIONS;
    const files = pythonFiles(dir)
      .sort()
      .map((rel) => {
        const source = readFileSync(path.join(dir, rel), 'utf8');
        const tree = parsePython(source);
        expect(firstSyntaxError(tree)).toBeNull();
        return { path: rel, absPath: path.join(dir, rel), source, tree };
      });
    const index = auditIndex(files.map((file) => auditSummary(file, options)));
    const found = files.flatMap((file) => auditPython({ ...file, options, index }).findings.map((f) => `${file.path}:${key(f)}`));
    const expected = (JSON.parse(readFileSync(path.join(dir, 'findings.json'), 'utf8')) as ProjectFinding[]).map((f) => `${f.path}:${key(f)}`);
    expect(found.sort()).toEqual(expected.sort());
  });
});

// CLI: run the built binary on a small repository.
const SYNC_APP = [
  'import time',
  'from fastapi import APIRouter, Depends',
  'from sqlalchemy.orm import Session',
  'from app.deps import get_db',
  '',
  'router = APIRouter()',
  '',
  '',
  '@router.get("/")',
  'def list_users(db: Session = Depends(get_db)):',
  '    return db.query(User).all()',
  '',
  '',
  '@router.get("/ping")',
  'async def ping():',
  '    time.sleep(1)  # awaitify: ignore',
  '    return {}',
  '',
].join('\n');

const CLEAN_APP = ['import asyncio', '', '', 'async def main():', '    await asyncio.sleep(1)', ''].join('\n');

describe('awaitify audit (CLI)', () => {
  beforeAll(() => ensureBuilt());
  afterAll(() => removeTempDirs());

  test('text report: a Markdown summary table, handler and file counts, then path:line:col findings', () => {
    const dir = makeRepo({
      'app/users.py': SYNC_APP,
      'app/clean.py': CLEAN_APP,
      'app/broken.py': 'def f(:\n',
      'app/skipme.py': '# awaitify: ignore-file\nimport time\n\n\nasync def f():\n    time.sleep(1)\n',
    });
    const before = snapshot(dir);
    const result = runCli(dir, ['audit']);
    expect(result.status).toBe(0);
    const out = result.stdout;
    expect(out).toContain('| rule | count | description |');
    expect(out).toMatch(/^\| AUDIT-SYNC-HANDLER \| 1 \| sync route handler doing database work \|$/m);
    expect(out).toMatch(/^\| AUDIT-LEGACY-QUERY \| 1 \| /m);
    expect(out).toMatch(/^\| AUDIT-SYNC-SESSION-PARAM \| 1 \| /m);
    // Every rule has its row, zeros included, so before/after tables line up.
    expect(out).toMatch(/^\| AUDIT-BLOCKING-SUBPROCESS \| 0 \| /m);
    for (const rule of AUDIT_RULES) expect(out).toContain(`| ${rule.id} |`);
    expect(out).toContain('route handlers: 1 sync, 1 async');
    expect(out).toContain('files: 4 scanned, 2 audited, 2 skipped');
    expect(out).toMatch(/^skipped app\/broken\.py: syntax error/m);
    expect(out).toMatch(/^skipped app\/skipme\.py: awaitify: ignore-file$/m);
    expect(out).toMatch(/^app\/users\.py:10:5: AUDIT-SYNC-HANDLER route handler `list_users` is sync/m);
    expect(out).toMatch(/^app\/users\.py:11:12: AUDIT-LEGACY-QUERY legacy `db\.query\(\.\.\.\)`$/m);
    // `# awaitify: ignore` silences the line.
    expect(out).toMatch(/^\| AUDIT-BLOCKING-SLEEP \| 0 \| /m);
    expect(out).not.toMatch(/^app\/users\.py:\d+:\d+: AUDIT-BLOCKING-SLEEP/m);
    expect(out).toContain('1 finding(s) on ignored lines not reported');
    expect(changedPaths(before, snapshot(dir))).toEqual([]);
  });

  test('--check exits 1 while findings remain, 0 when none do', () => {
    const dirty = makeRepo({ 'app/users.py': SYNC_APP });
    expect(runCli(dirty, ['audit', '--check']).status).toBe(1);
    const clean = makeRepo({ 'app/clean.py': CLEAN_APP });
    const result = runCli(clean, ['audit', '--check']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('route handlers: 0 sync, 0 async');
  });

  test('--json: files, findings with rule/file/line/column/message/hint, and a summary', () => {
    const dir = makeRepo({ 'app/users.py': SYNC_APP, 'app/broken.py': 'def f(:\n' });
    const result = runCli(dir, ['audit', '--json', '--check']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      version: number;
      command: string;
      summary: { files: { scanned: number; audited: number; skipped: number }; handlers: { sync: number; async: number }; findings: number; findingsByRule: Record<string, number> };
      files: { path: string; status: string; reason?: string; handlers?: { sync: number; async: number } }[];
      findings: { rule: string; file: string; line: number; column: number; message: string; hint: string }[];
    };
    expect(report.command).toBe('audit');
    expect(report.summary.files).toEqual({ scanned: 2, audited: 1, skipped: 1 });
    expect(report.summary.handlers).toEqual({ sync: 1, async: 1 });
    expect(report.summary.findings).toBe(3);
    expect(report.summary.findingsByRule['AUDIT-SYNC-HANDLER']).toBe(1);
    expect(report.summary.findingsByRule['AUDIT-BLOCKING-FILE']).toBe(0);
    expect(report.files).toEqual([
      { path: 'app/broken.py', status: 'skipped', reason: expect.stringContaining('syntax error') },
      { path: 'app/users.py', status: 'audited', handlers: { sync: 1, async: 1 }, findings: 3 },
    ]);
    const query = report.findings.find((f) => f.rule === 'AUDIT-LEGACY-QUERY');
    expect(query).toEqual({
      rule: 'AUDIT-LEGACY-QUERY',
      level: 'warning',
      file: 'app/users.py',
      line: 11,
      column: 12,
      message: 'legacy `db.query(...)`',
      hint: AUDIT_RULES.find((r) => r.id === 'AUDIT-LEGACY-QUERY')?.hint,
    });
  });

  test('a missing path or an unknown option is a usage error (exit 2); --get-db-name is honoured', () => {
    const dir = makeRepo({ 'a.py': 'from fastapi import Depends\n\n\ndef f(db=Depends(get_session)):\n    pass\n' });
    const missing = runCli(dir, ['audit', 'nope']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope: no such file or directory');
    const typo = runCli(dir, ['audit', '--chek']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('Unknown argument: chek');
    expect(runCli(dir, ['audit', '--check']).status).toBe(0);
    const custom = runCli(dir, ['audit', '--check', '--get-db-name', 'get_session']);
    expect(custom.status).toBe(1);
    expect(custom.stdout).toMatch(/^a\.py:4:7: AUDIT-SYNC-SESSION-PARAM /m);
  });

  test('reads the configuration as dry-run does: files, session names, facades, rule levels; flags override', () => {
    const dependent = 'from fastapi import Depends\n\n\ndef f(db=Depends(get_session)):\n    pass\n';
    const facade = 'from app.extensions import db\nfrom app.models import User\n\n\nasync def first():\n    return db.session.query(User).first()\n';
    const dir = makeRepo({
      'awaitify.toml': [
        'dependencies = { get_session = "get_async_session" }',
        'session-facades = ["db.session"]',
        'exclude = ["app/legacy/**"]',
        'include = ["app/**"]',
        'rules = { AUDIT-SYNC-SESSION-PARAM = "error" }',
        '',
      ].join('\n'),
      'app/deps.py': dependent,
      'app/facade.py': facade,
      'app/legacy/old.py': dependent,
      'scripts/tool.py': dependent,
    });
    const result = runCli(dir, ['audit', '--json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { files: { path: string }[]; findings: { rule: string; file: string; level: string }[] };
    // exclude and include left app/legacy and scripts out.
    expect(report.files.map((f) => f.path)).toEqual(['app/deps.py', 'app/facade.py']);
    // get_session is the configured dependency; db.session the configured facade.
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'AUDIT-SYNC-SESSION-PARAM', file: 'app/deps.py', level: 'error' }),
      expect.objectContaining({ rule: 'AUDIT-LEGACY-QUERY', file: 'app/facade.py', level: 'warning' }),
    ]);
    // The flag wins over the file; --no-config ignores it.
    const overridden = JSON.parse(runCli(dir, ['audit', '--json', '--get-db-name', 'get_db']).stdout) as { findings: { rule: string }[] };
    expect(overridden.findings.map((f) => f.rule)).toEqual(['AUDIT-LEGACY-QUERY']);
    const bare = JSON.parse(runCli(dir, ['audit', '--json', '--no-config']).stdout) as { files: { path: string }[]; findings: unknown[] };
    expect(bare.files).toHaveLength(4);
    expect(bare.findings).toEqual([]);
    // A broken configuration stops the audit too.
    const routed = makeRepo({
      'awaitify.toml': 'router-names = ["users"]\nsession-types = ["DbSession"]\n',
      'app/users.py': 'from app.deps import DbSession\nfrom app.routers import users\n\n\n@users.get("/")\ndef index(db: DbSession):\n    return None\n',
    });
    expect(runCli(routed, ['audit']).stdout).toMatch(/^app\/users\.py:6:5: AUDIT-SYNC-HANDLER route handler `index` is sync and takes the session `db`$/m);
    expect(runCli(routed, ['audit', '--router-name', 'other']).stdout).toContain('route handlers: 0 sync, 0 async');
    const untyped = runCli(routed, ['audit', '--session-type', 'Other']).stdout;
    expect(untyped).toContain('route handlers: 1 sync, 0 async\n- files');
    expect(untyped).not.toContain('AUDIT-SYNC-HANDLER route handler');
    const broken = makeRepo({ 'awaitify.toml': 'exclud = []\n', 'a.py': dependent });
    const refused = runCli(broken, ['audit']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('awaitify.toml:1: exclud: unknown key "exclud"; did you mean "exclude"?');
  });
});

// Parsing is most of an audit's cost: each file is parsed once to check it (and to summarize it for the index when
// the project has any `async def`), and once more for its audit only when there is an index to audit it over.
describe('awaitify audit: parses', () => {
  afterAll(() => removeTempDirs());

  async function parsesOf(files: Record<string, string>): Promise<{ parses: number; report: string }> {
    const dir = makeRepo(files);
    const written: string[] = [];
    const stream = { write: (chunk: string) => written.push(chunk) > 0 } as unknown as NodeJS.WriteStream;
    const io: Io = { cwd: dir, stdout: stream, stderr: stream };
    await pythonLanguage.ready?.();
    const parse = jest.spyOn(pythonLanguage, 'parse');
    try {
      await auditCommand({ paths: [], exclude: [], json: true, check: false, maxFileSize: 1 << 20, config: false }, io);
      return { parses: parse.mock.calls.length, report: written.join('') };
    } finally {
      parse.mockRestore();
    }
  }

  test('with an async def: twice per audited file, once per skipped one', async () => {
    const { parses, report } = await parsesOf({ 'app/users.py': SYNC_APP, 'app/clean.py': CLEAN_APP, 'app/broken.py': 'def f(:\n' });
    expect(JSON.parse(report).files.map((f: { path: string; status: string }) => `${f.path} ${f.status}`)).toEqual([
      'app/broken.py skipped',
      'app/clean.py audited',
      'app/users.py audited',
    ]);
    expect(parses).toBe(2 * 2 + 1);
  });

  test('without any async def: once per file', async () => {
    const handler = ['from fastapi import APIRouter', '', 'router = APIRouter()', '', '', '@router.get("/")', 'def root():', '    return {}', ''].join('\n');
    const { parses, report } = await parsesOf({ 'app/routes.py': handler, 'app/other.py': 'import time\n\n\ndef f():\n    time.sleep(1)\n' });
    expect(JSON.parse(report).files).toHaveLength(2);
    expect(parses).toBe(2);
  });
});
