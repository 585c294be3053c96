// End-to-end tests of the built CLI: each runs `node dist/cli/main.js` in a throw-away git repository
// and checks what a user would see (exit code, stdout, stderr) and what ends up on disk.
import * as fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { allTransforms, presets } from '../transforms/registry';
import {
  BIN,
  changedPaths,
  cliEnv,
  cloneRepo,
  diffTargets,
  ensureBuilt,
  FileTree,
  git,
  makeRepo,
  parseSummary,
  read,
  readBytes,
  removeTempDirs,
  runCli,
  snapshot,
  tempDir,
  writeTree,
} from './helpers/cli';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

/** Touched by both async-session (the annotation) and async-get-db (the dependency). */
const APP = lines(
  'from fastapi import Depends',
  'from sqlalchemy import text',
  'from sqlalchemy.orm import Session',
  'from app.db import get_db',
  '',
  '',
  'def read_items(db: Session = Depends(get_db)):',
  '    return db.execute(text("select 1"))',
);

/** Touched by async-get-db only. */
const DEPENDS_ONLY = lines(
  'from fastapi import Depends',
  'from app.db import get_db',
  '',
  '',
  'def read_users(db=Depends(get_db)):',
  '    return db',
);

const UNTOUCHED = lines('def add(a, b):', '    return a + b');

// Lines no transform has a reason to touch, full of bytes an editor or a formatter might "fix":
// a literal tab in a string, tabs in a comment, trailing blanks.
const TAB_STRING_LINE = 'SEPARATOR = "a\tb"';
const TAB_COMMENT_LINE = '#\tcolumns:\tname\tvalue';
const TRAILING_BLANKS_LINE = 'LIMIT = 10   \t';
const TABBED = lines(
  'from fastapi import Depends',
  'from sqlalchemy.orm import Session',
  'from app.db import get_db',
  '',
  TAB_STRING_LINE,
  TAB_COMMENT_LINE,
  TRAILING_BLANKS_LINE,
  '',
  '',
  'def read_items(db: Session = Depends(get_db)):',
  '\tquery = "select 1"',
  '\treturn db.execute(query)',
);

const crlfWithBom = (text: string): Buffer => Buffer.concat([BOM, Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')]);

/** The project used by the dry-run and apply tests: five files to change, two to leave alone. */
const PROJECT: FileTree = {
  'app/__init__.py': '',
  'app/items.py': APP,
  'app/users.py': DEPENDS_ONLY,
  'app/noeol.py': APP.slice(0, -1),
  'app/plain.py': TABBED,
  'app/crlf.py': crlfWithBom(TABBED),
  'app/util.py': UNTOUCHED,
};
const PROJECT_CHANGED = ['app/crlf.py', 'app/items.py', 'app/noeol.py', 'app/plain.py', 'app/users.py'];

const wroteLines = (stdout: string): string[] => stdout.split('\n').filter((l) => l.startsWith('wrote ')).sort();

beforeAll(() => {
  ensureBuilt();
});

afterAll(() => {
  removeTempDirs();
});

test('the registry has the transforms these tests are written against', () => {
  // Every other test here feeds them input; without them the rest would test nothing.
  expect(allTransforms().map((t) => t.id)).toEqual(expect.arrayContaining(['async-session', 'async-get-db']));
});

describe('dry-run', () => {
  let repo: string;
  beforeAll(() => {
    repo = makeRepo(PROJECT);
  });

  test('prints a unified diff per changed file on stdout, the counts on stderr, and writes nothing', () => {
    const before = snapshot(repo);
    const result = runCli(repo, ['dry-run']);
    expect(result.status).toBe(0);
    expect(diffTargets(result.stdout)).toEqual(PROJECT_CHANGED);
    expect(result.stdout).toContain('--- a/app/items.py\n+++ b/app/items.py\n@@ ');
    expect(result.stdout).toContain('+async def read_items(db: AsyncSession = Depends(get_async_db)):');
    expect(result.stdout).toContain('+    return await db.execute(text("select 1"))');
    // Every function made async is listed with why, so a reviewer can follow the chain.
    expect(result.stderr).toMatch(/^made async \(\d+\):$/m);
    expect(result.stderr).toMatch(/^  app\/items\.py:\d+: read_items is async because it awaits db\.execute$/m);
    expect(result.stdout).not.toMatch(/scanned/);
    expect(parseSummary(result.stderr)).toEqual({ scanned: 7, changed: 5, unchanged: 2, skipped: 0, errored: 0, ignored: 0 });
    expect(result.stderr).toMatch(/5 would change/);
    expect(changedPaths(before, snapshot(repo))).toEqual([]);
  });

  test('writes nothing with --annotate or --json either', () => {
    const before = snapshot(repo);
    expect(runCli(repo, ['dry-run', '--annotate']).status).toBe(0);
    expect(runCli(repo, ['dry-run', '--json']).status).toBe(0);
    expect(changedPaths(before, snapshot(repo))).toEqual([]);
  });

  test('its output applies with `git apply` and gives exactly what `apply` writes', () => {
    const patch = runCli(repo, ['dry-run']).stdout;
    const patchFile = path.join(tempDir(), 'changes.patch');
    fs.writeFileSync(patchFile, patch);

    const viaPatch = cloneRepo(repo);
    git(viaPatch, 'apply', '--check', patchFile);
    git(viaPatch, 'apply', patchFile);

    const viaApply = cloneRepo(repo);
    expect(runCli(viaApply, ['apply']).status).toBe(0);

    const original = snapshot(repo);
    const applied = snapshot(viaApply);
    expect(changedPaths(original, applied, false)).toEqual(PROJECT_CHANGED);
    expect(changedPaths(snapshot(viaPatch), applied, false)).toEqual([]);
  });
});

describe('apply', () => {
  let repo: string;
  let before: ReturnType<typeof snapshot>;
  let first: ReturnType<typeof runCli>;
  beforeAll(() => {
    repo = makeRepo(PROJECT, (dir) => fs.chmodSync(path.join(dir, 'app/items.py'), 0o755));
    before = snapshot(repo);
    first = runCli(repo, ['apply']);
  });

  test('writes the changed files and reports them', () => {
    expect(first.status).toBe(0);
    expect(wroteLines(first.stdout)).toEqual(PROJECT_CHANGED.map((p) => `wrote ${p}`));
    expect(parseSummary(first.stderr)).toEqual({ scanned: 7, changed: 5, unchanged: 2, skipped: 0, errored: 0, ignored: 0 });
    expect(first.stderr).toMatch(/ 5 changed,/);
    expect(changedPaths(before, snapshot(repo), false)).toEqual(PROJECT_CHANGED);
    const items = read(repo, 'app/items.py');
    expect(items).toContain('Depends(get_async_db)');
    expect(items).not.toContain('Depends(get_db)');
    expect(items).toContain('AsyncSession');
    // No temporary file of the atomic write is left behind.
    expect(fs.readdirSync(path.join(repo, 'app')).filter((n) => n.includes('awaitify'))).toEqual([]);
  });

  test('keeps each file\'s mode', () => {
    expect(fs.statSync(path.join(repo, 'app/items.py')).mode & 0o777).toBe(0o755);
    expect(fs.statSync(path.join(repo, 'app/users.py')).mode & 0o777).toBe(before.get('app/users.py')?.mode);
  });

  test('keeps CRLF, a UTF-8 BOM, tabs and trailing blanks byte for byte outside the edits', () => {
    const plain = readBytes(repo, 'app/plain.py');
    const crlf = readBytes(repo, 'app/crlf.py');
    expect(plain.toString('utf8')).not.toBe(TABBED);
    // The same text as its LF twin, re-encoded: so the round trip lost nothing and added nothing.
    expect(crlf.equals(crlfWithBom(plain.toString('utf8')))).toBe(true);
    expect(crlf.subarray(0, 3).equals(BOM)).toBe(true);
    expect(crlf.toString('utf8')).not.toMatch(/(?<!\r)\n/);
    const out = plain.toString('utf8').split('\n');
    for (const line of [TAB_STRING_LINE, TAB_COMMENT_LINE, TRAILING_BLANKS_LINE]) expect(out).toContain(line);
    expect(read(repo, 'app/noeol.py').endsWith('\n')).toBe(false);
  });

  test('a second run changes nothing and touches no file', () => {
    const after = snapshot(repo);
    const second = runCli(repo, ['apply']);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe('');
    expect(parseSummary(second.stderr)).toMatchObject({ scanned: 7, changed: 0, unchanged: 7 });
    expect(second.stderr).toMatch(/ 0 changed,/);
    expect(changedPaths(after, snapshot(repo))).toEqual([]);
  });
});

describe('apply on a dirty tree', () => {
  const project: FileTree = { 'app/items.py': APP, 'app/users.py': DEPENDS_ONLY, 'app/plain.py': TABBED };

  test('refuses files with unstaged or staged changes, names them, and writes nothing', () => {
    const repo = makeRepo(project);
    fs.appendFileSync(path.join(repo, 'app/items.py'), '# local edit\n');
    fs.appendFileSync(path.join(repo, 'app/users.py'), '# staged edit\n');
    git(repo, 'add', 'app/users.py');
    const before = snapshot(repo);
    const result = runCli(repo, ['apply']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/uncommitted changes/);
    expect(result.stderr).toMatch(/^ {2}app\/items\.py$/m);
    expect(result.stderr).toMatch(/^ {2}app\/users\.py$/m);
    expect(result.stderr).not.toMatch(/^ {2}app\/plain\.py$/m);
    expect(result.stdout).not.toMatch(/wrote/);
    // Not even the clean file: a refusal is all or nothing.
    expect(changedPaths(before, snapshot(repo))).toEqual([]);
  });

  test('refuses an untracked file and a gitignored one (no undo for either)', () => {
    const repo = makeRepo({ ...project, '.gitignore': 'local_*.py\n' });
    writeTree(repo, { 'app/new.py': APP, 'app/local_settings.py': APP });
    const before = snapshot(repo);
    // The ignored file is only processed when named; the walk never finds it.
    const result = runCli(repo, ['apply', 'app', 'app/local_settings.py']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^ {2}app\/new\.py$/m);
    expect(result.stderr).toMatch(/^ {2}app\/local_settings\.py$/m);
    expect(result.stderr).not.toMatch(/^ {2}app\/items\.py$/m);
    expect(changedPaths(before, snapshot(repo))).toEqual([]);
  });

  test('a file outside any git repository is written, with a note that there is no undo', () => {
    const dir = tempDir();
    writeTree(dir, { 'app/items.py': APP });
    const result = runCli(dir, ['apply']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/1 file\(s\) are not in a git repository; there is no undo/);
    expect(read(dir, 'app/items.py')).toContain('Depends(get_async_db)');
  });

  test('--allow-dirty writes them', () => {
    const repo = makeRepo(project);
    fs.appendFileSync(path.join(repo, 'app/items.py'), '# local edit\n');
    writeTree(repo, { 'app/new.py': APP });
    const before = snapshot(repo);
    const result = runCli(repo, ['apply', '--allow-dirty']);
    expect(result.status).toBe(0);
    expect(changedPaths(before, snapshot(repo), false)).toEqual(['app/items.py', 'app/new.py', 'app/plain.py', 'app/users.py']);
    expect(read(repo, 'app/items.py')).toContain('# local edit\n');
    expect(read(repo, 'app/new.py')).toContain('Depends(get_async_db)');
  });
});

describe('exit codes', () => {
  let repo: string;
  beforeAll(() => {
    repo = makeRepo({ 'app/items.py': APP, 'app/users.py': DEPENDS_ONLY });
  });

  test('--check exits 1 when something would change, and 0 once the tree is migrated', () => {
    const before = snapshot(repo);
    const pending = runCli(repo, ['dry-run', '--check']);
    expect(pending.status).toBe(1);
    expect(changedPaths(before, snapshot(repo))).toEqual([]);

    const migrated = cloneRepo(repo);
    const applied = runCli(migrated, ['apply']);
    expect(applied.status).toBe(0);
    const done = runCli(migrated, ['dry-run', '--check']);
    expect(parseSummary(done.stderr)).toMatchObject({ changed: 0, unchanged: 2 });
    expect(done.status).toBe(0);
  });

  // Each is run as `apply` in a tree with work to do, so a usage error that still wrote would show.
  test.each([
    ['an unknown command', ['frobnicate'], /Unknown argument: frobnicate/],
    ['no command', [], /Name a command/],
    ['an unknown option', ['apply', '--frobnicate'], /Unknown argument: frobnicate/],
    ['an unknown option of list', ['list', '--frobnicate'], /Unknown argument: frobnicate/],
    ['an unknown transform', ['apply', '--transforms', 'async-get-db,no-such-transform'], /unknown transform "no-such-transform"/],
    ['an empty transform list', ['apply', '--transforms', ','], /--transforms needs at least one/],
    ['an unknown preset', ['apply', '--preset', 'no-such-preset'], /unknown preset "no-such-preset"/],
    ['a path that does not exist', ['apply', 'app/nope.py'], /app\/nope\.py: no such file or directory/],
    ['a missing path next to a good one', ['apply', 'app/items.py', 'nope'], /nope: no such file or directory/],
    ['a size limit that is not a number', ['apply', '--max-file-size', '2MB'], /--max-file-size/],
  ])('exits 2 for %s, says why, and writes nothing', (_name, args, message) => {
    const before = snapshot(repo);
    const result = runCli(repo, args);
    expect(result.stderr).toMatch(message);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(changedPaths(before, snapshot(repo))).toEqual([]);
  });

  test.each([[[]], [['dry-run']], [['apply']], [['list']]])('--help works for %j', (command) => {
    for (const flag of ['--help', '-h']) {
      const result = runCli(repo, [...command, flag]);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^awaitify/);
      if (command.length > 0) expect(result.stdout).toContain(`awaitify ${command[0]}`);
      if (command[0] === 'apply') expect(result.stdout).toContain('--allow-dirty');
      if (command[0] === 'dry-run') expect(result.stdout).toContain('--max-file-size');
    }
  });
});

describe('bad input is reported and the rest is processed', () => {
  const LIMIT = 4096;

  /**
   * A file no one can read, root included (tests often run as root, which reads chmod-000 files):
   * a link to /proc/self/mem, which stats as a regular file and fails every read with EIO. Elsewhere
   * than Linux, a chmod-000 file, which non-root users cannot read.
   */
  function makeUnreadable(repo: string, file: string): string {
    const abs = path.join(repo, file);
    if (process.platform === 'linux' && fs.existsSync('/proc/self/mem')) {
      fs.symlinkSync('/proc/self/mem', abs);
      return 'EIO';
    }
    fs.writeFileSync(abs, APP);
    fs.chmodSync(abs, 0o000);
    return 'EACCES';
  }

  test('non-UTF-8, binary, unreadable, dangling link, oversized and unparsable files are skipped with reasons', () => {
    const repo = makeRepo({ 'good.py': APP });
    writeTree(repo, {
      'latin1.py': Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\n${APP}`)]),
      'binary.py': Buffer.concat([Buffer.from(APP), Buffer.from([0, 1, 2])]),
      'big.py': APP + '# padding to go over the size limit\n'.repeat(LIMIT / 20),
      'syntax.py': `${APP}\n\ndef broken(:\n    pass\n`,
    });
    fs.symlinkSync('missing-target.py', path.join(repo, 'dangling.py'));
    const code = makeUnreadable(repo, 'unreadable.py');
    expect(fs.statSync(path.join(repo, 'big.py')).size).toBeGreaterThan(LIMIT);

    const result = runCli(repo, ['dry-run', '--max-file-size', String(LIMIT)]);
    expect(result.status).toBe(0);
    const err = result.stderr;
    expect(err).toMatch(/^skipped latin1\.py: not valid UTF-8 \(first bad byte at offset 5\)$/m);
    expect(err).toMatch(/^skipped binary\.py: binary file/m);
    expect(err).toMatch(/^skipped dangling\.py: broken symbolic link$/m);
    expect(err).toMatch(/^skipped big\.py: larger than the size limit \(\d+ > 4096 bytes; see --max-file-size\)$/m);
    expect(err).toMatch(/^skipped syntax\.py: syntax error in input at line 11/m);
    expect(err).toMatch(new RegExp(`^skipped unreadable\\.py: cannot read: ${code}$`, 'm'));
    expect(diffTargets(result.stdout)).toEqual(['good.py']);
    expect(parseSummary(err)).toEqual({ scanned: 7, changed: 1, unchanged: 0, skipped: 6, errored: 0, ignored: 0 });
  });
});

describe('discovery', () => {
  // Every file holds code that would change, so only discovery can explain a file left alone.
  const makeProject = (): string =>
    makeRepo({
      '.gitignore': 'generated/\n*_gen.py\n',
      'app/main.py': APP,
      'app/schema_gen.py': APP,
      'generated/models.py': APP,
      '.venv/pyvenv.cfg': 'home = /usr/bin\n',
      '.venv/lib/site.py': APP,
      'tools/env1/pyvenv.cfg': 'home = /usr/bin\n',
      'tools/env1/lib/helper.py': APP,
      'node_modules/pkg/x.py': APP,
      'app/__pycache__/cached.py': APP,
      'migrations/env.py': `from alembic import context\n${APP}`,
      'migrations/versions/0001_init.py': APP,
      // An app's own env.py beside a versions/ package is not Alembic's and is migrated.
      'api/env.py': APP,
      'api/versions/v1.py': APP,
      'legacy/old.py': APP,
      'legacy/deep/older.py': APP,
      'vendor/lib.py': APP,
    });
  const LEFT_ALONE = [
    'app/schema_gen.py',
    'generated/models.py',
    '.venv/lib/site.py',
    'tools/env1/lib/helper.py',
    'node_modules/pkg/x.py',
    'app/__pycache__/cached.py',
    'migrations/env.py',
    'migrations/versions/0001_init.py',
  ];

  test('a walk skips gitignored files and the default excludes', () => {
    const repo = makeProject();
    const result = runCli(repo, ['dry-run']);
    expect(result.status).toBe(0);
    expect(diffTargets(result.stdout)).toEqual(['api/env.py', 'api/versions/v1.py', 'app/main.py', 'legacy/deep/older.py', 'legacy/old.py', 'vendor/lib.py']);
  });

  test('files named on the command line are taken even where a walk would skip them', () => {
    // Proves the files above were left alone by discovery, not because nothing in them would change.
    const repo = makeProject();
    const result = runCli(repo, ['dry-run', ...LEFT_ALONE]);
    expect(result.status).toBe(0);
    expect(diffTargets(result.stdout)).toEqual([...LEFT_ALONE].sort());
  });

  test('--exclude globs (repeatable) leave files out, and only the rest is written', () => {
    const repo = makeProject();
    const before = snapshot(repo);
    const result = runCli(repo, ['apply', '--exclude', 'legacy/**', '--exclude', 'vendor/*.py']);
    expect(result.status).toBe(0);
    expect(wroteLines(result.stdout)).toEqual(['wrote api/env.py', 'wrote api/versions/v1.py', 'wrote app/main.py']);
    expect(changedPaths(before, snapshot(repo))).toEqual(['api/env.py', 'api/versions/v1.py', 'app/main.py']);
  });

  test('a single named file: only it changes', () => {
    const repo = makeProject();
    const before = snapshot(repo);
    const result = runCli(repo, ['apply', 'legacy/old.py']);
    expect(result.status).toBe(0);
    expect(parseSummary(result.stderr)).toMatchObject({ scanned: 1, changed: 1 });
    expect(changedPaths(before, snapshot(repo))).toEqual(['legacy/old.py']);
  });

  test('paths are relative to the working directory when run from a subdirectory', () => {
    const repo = makeProject();
    const result = runCli(path.join(repo, 'legacy'), ['dry-run']);
    expect(result.status).toBe(0);
    expect(diffTargets(result.stdout)).toEqual(['deep/older.py', 'old.py']);
  });
});

interface JsonEdit {
  transform: string;
  reason: string;
  line: number;
}
interface JsonFile {
  path: string;
  status: string;
  edits?: JsonEdit[];
  findings?: { rule: string; line: number; column: number; message: string; hint: string; transform: string }[];
  ignored?: number;
  diff?: string;
  reason?: string;
}
interface JsonReport {
  version: number;
  mode: string;
  summary: { scanned: number; changed: number; unchanged: number; skipped: number; errored: number; ignored: number; findings: number; findingsByRule: Record<string, number> };
  missingPaths: unknown[];
  files: JsonFile[];
}

function jsonRun(cwd: string, args: string[]): JsonReport {
  const result = runCli(cwd, [...args, '--json']);
  expect(result.status).toBe(0);
  // The report replaces the text output; stdout must be nothing but the JSON (parsed whole below).
  expect(result.stderr).not.toMatch(/file\(s\) scanned/);
  return JSON.parse(result.stdout) as JsonReport;
}

const fileIn = (report: JsonReport, p: string): JsonFile => {
  const file = report.files.find((f) => f.path === p);
  if (!file) throw new Error(`${p} not in the report: ${report.files.map((f) => f.path).join(', ')}`);
  return file;
};

describe('--json', () => {
  test('reports files, edits by transform, findings and the summary', () => {
    const repo = makeRepo({ 'app/items.py': APP, 'app/users.py': DEPENDS_ONLY, 'app/util.py': UNTOUCHED, 'app/broken.py': 'def f(:\n' });
    const report = jsonRun(repo, ['dry-run']);
    expect(report.version).toBe(1);
    expect(report.mode).toBe('dry-run');
    expect(report.summary).toMatchObject({ scanned: 4, changed: 2, unchanged: 1, skipped: 1, errored: 0, ignored: 0 });
    expect(report.files.map((f) => f.path)).toEqual(['app/broken.py', 'app/items.py', 'app/users.py', 'app/util.py']);

    const items = fileIn(report, 'app/items.py');
    expect(items.status).toBe('changed');
    const known = new Set(allTransforms().map((t) => t.id));
    for (const edit of items.edits ?? []) {
      expect(known.has(edit.transform)).toBe(true);
      expect(typeof edit.reason).toBe('string');
      expect(edit.line).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(items.edits?.map((e) => e.transform))).toEqual(new Set(['async-session', 'async-get-db', 'insert-await', 'propagate-async']));
    expect(Array.isArray(items.findings)).toBe(true);
    expect(items.diff?.startsWith('--- a/app/items.py\n+++ b/app/items.py\n')).toBe(true);
    expect(new Set(fileIn(report, 'app/users.py').edits?.map((e) => e.transform))).toEqual(new Set(['async-get-db']));

    expect(fileIn(report, 'app/util.py')).toMatchObject({ status: 'unchanged', edits: [], findings: [] });
    expect(fileIn(report, 'app/broken.py')).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^syntax error/) });
  });

  test('apply --json says it applied, and findings point at lines of the written file', () => {
    const repo = makeRepo({
      'app/items.py': APP,
      'app/check.py': lines('from sqlalchemy.orm import Session', '', '', 'def check(db: Session):', '    return isinstance(db, Session)'),
    });
    const report = jsonRun(repo, ['apply']);
    expect(report.mode).toBe('apply');
    expect(fileIn(report, 'app/items.py').status).toBe('changed');
    expect(read(repo, 'app/items.py')).toContain('Depends(get_async_db)');

    expect(report.summary).toMatchObject({ findings: 1, findingsByRule: { 'SESSION-ISINSTANCE': 1 } });
    const findings = fileIn(report, 'app/check.py').findings ?? [];
    expect(findings).toEqual([
      {
        rule: 'SESSION-ISINSTANCE',
        line: expect.any(Number),
        column: expect.any(Number),
        inputLine: expect.any(Number),
        inputColumn: expect.any(Number),
        message: expect.any(String),
        hint: expect.any(String),
        transform: 'async-session',
        level: 'warning',
      },
    ]);
    const [finding] = findings;
    const written = read(repo, 'app/check.py').split('\n');
    expect(written[(finding?.line ?? 0) - 1]).toContain('isinstance(db, Session)');
  });
});

describe('pipes', () => {
  test('a reader that stops early (| head) is not an error', () => {
    const repo = makeRepo(PROJECT);
    const bin = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
    const result = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" dry-run | head -c 20 > /dev/null`], { cwd: repo, encoding: 'utf8' });
    expect(result.stderr).not.toMatch(/EPIPE|internal error/);
    expect(result.status).toBe(0);
  });
});

describe('transform selection and list', () => {
  test('--transforms runs only the named transform', () => {
    const repo = makeRepo({ 'app/items.py': APP });
    const report = jsonRun(repo, ['dry-run', '--transforms', 'async-get-db']);
    const edits = fileIn(report, 'app/items.py').edits ?? [];
    expect(edits.length).toBeGreaterThan(0);
    expect(new Set(edits.map((e) => e.transform))).toEqual(new Set(['async-get-db']));

    const onlyGetDb = cloneRepo(repo);
    expect(runCli(onlyGetDb, ['apply', '--transforms', 'async-get-db']).status).toBe(0);
    expect(read(onlyGetDb, 'app/items.py')).toContain('Depends(get_async_db)');
    expect(read(onlyGetDb, 'app/items.py')).toContain('db: Session');
    expect(read(onlyGetDb, 'app/items.py')).not.toContain('AsyncSession');

    const onlySession = cloneRepo(repo);
    expect(runCli(onlySession, ['apply', '--transforms', 'async-session']).status).toBe(0);
    expect(read(onlySession, 'app/items.py')).toContain('db: AsyncSession');
    expect(read(onlySession, 'app/items.py')).toContain('Depends(get_db)');
  });

  test('list prints every transform, in order, and every preset', () => {
    const result = runCli(tempDir(), ['list']);
    expect(result.status).toBe(0);
    let previous = -1;
    for (const t of allTransforms()) {
      const at = result.stdout.search(new RegExp(`^ +${t.id} +${t.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
      expect(at).toBeGreaterThan(previous);
      previous = at;
    }
    for (const p of presets) {
      expect(result.stdout).toMatch(new RegExp(`^ +${p.id} .*\\[${p.transforms.join(', ')}\\]$`, 'm'));
    }
  });
});

describe('ignore comments', () => {
  const IGNORED_LINE = 'def read_items(db: Session = Depends(get_db)):  # awaitify: ignore';
  const OTHER_LINE = 'def read_other(db: Session = Depends(get_db)):';
  const project: FileTree = {
    'app/partly.py': lines(
      'from fastapi import Depends',
      'from sqlalchemy.orm import Session',
      'from app.db import get_db',
      '',
      '',
      IGNORED_LINE,
      '    return db.execute("select 1")',
      '',
      '',
      OTHER_LINE,
      '    return db.execute("select 2")',
    ),
    'app/legacy.py': `# Legacy module, migrated by hand.\n# awaitify: ignore-file\n${APP}`,
  };

  test('`# awaitify: ignore` keeps its line, `ignore-file` its file, and both are counted', () => {
    const repo = makeRepo(project);
    const report = jsonRun(repo, ['dry-run']);
    const partly = fileIn(report, 'app/partly.py');
    expect(partly.status).toBe('changed');
    expect(partly.ignored).toBeGreaterThanOrEqual(1);
    expect(fileIn(report, 'app/legacy.py')).toMatchObject({ status: 'skipped', reason: 'awaitify: ignore-file' });
    // The ignore-file marker counts as one spot.
    expect(report.summary.ignored).toBe((partly.ignored ?? 0) + 1);

    const before = snapshot(repo);
    const result = runCli(repo, ['apply']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^skipped app\/legacy\.py: awaitify: ignore-file$/m);
    expect(parseSummary(result.stderr).ignored).toBe(report.summary.ignored);
    expect(changedPaths(before, snapshot(repo))).toEqual(['app/partly.py']);
    const out = read(repo, 'app/partly.py').split('\n');
    expect(out).toContain(IGNORED_LINE);
    expect(out).not.toContain(OTHER_LINE);
  });
});

describe('--annotate', () => {
  // isinstance(x, Session) is false for an AsyncSession: async-session flags it and cannot fix it.
  const FLAGGED = lines('from sqlalchemy.orm import Session', '', '', 'def check(db: Session):', '    return isinstance(db, Session)');
  const COMMENT = /^ {4}# awaitify\[SESSION-ISINSTANCE\]: isinstance\(\.\.\., Session\) is False for an AsyncSession$/;

  test('writes a finding as a comment above its line once; a second run adds nothing', () => {
    const repo = makeRepo({ 'app/check.py': FLAGGED });
    const first = runCli(repo, ['apply', '--annotate']);
    expect(first.status).toBe(0);
    const out = read(repo, 'app/check.py').split('\n');
    expect(out.filter((l) => l.includes('awaitify['))).toHaveLength(1);
    const flaggedLine = out.findIndex((l) => l.includes('return isinstance(db, Session)'));
    expect(out[flaggedLine - 1]).toMatch(COMMENT);
    // The finding is reported against the file as written: its line is the flagged code, not the comment.
    expect(first.stderr).toMatch(new RegExp(`^app/check\\.py:${flaggedLine + 1}:\\d+: SESSION-ISINSTANCE `, 'm'));
    expect(first.stderr).toMatch(/^ {4}fix: /m);
    expect(first.stderr).toMatch(/^findings: 1 \(SESSION-ISINSTANCE: 1\)$/m);

    const after = snapshot(repo);
    const second = runCli(repo, ['apply', '--annotate']);
    expect(second.status).toBe(0);
    expect(parseSummary(second.stderr)).toMatchObject({ changed: 0, unchanged: 1 });
    expect(changedPaths(after, snapshot(repo))).toEqual([]);

    // Nothing left to change, but the finding remains: --check still fails.
    const check = runCli(repo, ['dry-run', '--check']);
    expect(parseSummary(check.stderr)).toMatchObject({ changed: 0 });
    expect(check.stderr).toMatch(/^findings: 1 /m);
    expect(check.status).toBe(1);
  });
});

describe('threads and free memory', () => {
  /** 130 small modules: enough for two workers (64 files each at least). */
  const project = (): string => {
    const dir = tempDir();
    const tree: FileTree = {};
    for (let i = 0; i < 130; i++) tree[`app/m${i}.py`] = `def f${i}(x):\n    return x + ${i}\n`;
    writeTree(dir, tree);
    return dir;
  };
  /** The CLI on a machine with two CPUs and `freeBytes` of free memory (os is stubbed before the CLI loads). */
  const runWithMemory = (dir: string, freeBytes: number, args: string[]) => {
    const stub = path.join(tempDir(), 'stub-os.js');
    fs.writeFileSync(stub, `const os = require('node:os');\nos.freemem = () => ${freeBytes};\nos.availableParallelism = () => 2;\n`);
    return spawnSync(process.execPath, ['--require', stub, BIN, ...args], { cwd: dir, env: cliEnv(), encoding: 'utf8' });
  };

  beforeAll(() => ensureBuilt());

  test('the default is fitted to free memory, with a note and, when even one thread may not fit, a warning', () => {
    const dir = project();
    const plenty = runWithMemory(dir, 64 * 1024 ** 3, ['dry-run']);
    expect(plenty.status).toBe(0);
    expect(plenty.stderr).not.toMatch(/thread|out of memory/);
    const tight = runWithMemory(dir, 1024 ** 2, ['dry-run']);
    expect(tight.status).toBe(0);
    expect(tight.stderr).toMatch(/^awaitify: note: using 1 thread, not 2: this project \(\d+ KiB of source\) needs about [\d.]+ (MiB|GiB) with 2 threads and 1 MiB is free; --jobs sets the number$/m);
    expect(tight.stderr).toMatch(/^awaitify: warning: this run may run out of memory: .* with 1 thread and 1 MiB is free$/m);
    // The same report either way.
    expect(parseSummary(tight.stderr)).toEqual(parseSummary(plenty.stderr));
  });

  test('an explicit --jobs is followed, with a warning naming it', () => {
    const result = runWithMemory(project(), 1024 ** 2, ['dry-run', '--jobs', '2']);
    expect(result.status).toBe(0);
    expect(result.stderr).not.toMatch(/note: using/);
    expect(result.stderr).toMatch(/^awaitify: warning: this run may run out of memory: .* with 2 threads and 1 MiB is free; fewer --jobs need less$/m);
  });
});

describe('a function kept a plain def gets its sync session back', () => {
  // insert-await turns `with Session(engine) as s:` in an authlib hook into `async with AsyncSession(...)`;
  // the hook must stay sync, so propagate-async gives it `Session(engine)` back; one it could not give back
  // would be refused, loudly (an internal error for the file: engine.test.ts covers how that is reported).
  const files: FileTree = {
    'app/__init__.py': '',
    'app/db.py': 'from sqlalchemy import create_engine\nfrom sqlalchemy.orm import sessionmaker\n\nengine = create_engine("sqlite:///./app.db")\nSessionLocal = sessionmaker(bind=engine)\n',
    'app/oauth.py':
      'from authlib.oauth2.rfc6749 import AuthorizationServer as _Base\nfrom sqlalchemy import text\nfrom sqlalchemy.orm import Session\n\nfrom app.db import engine\n\n\n' +
      'class Server(_Base):\n    def exists_nonce(self, nonce, request):\n        with Session(engine) as session:\n            return session.execute(text("select 1")).first() is not None\n',
  };

  test('`Session(engine)` on the sync engine, the file compiling and a second run changing nothing', () => {
    const repo = makeRepo(files);
    const result = runCli(repo, ['apply']);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('ASYNC-CALLER-BLOCKED');
    expect(read(repo, 'app/oauth.py')).toBe(files['app/oauth.py']);
    expect(read(repo, 'app/db.py')).toContain('async_sessionmaker');
    git(repo, 'commit', '-qam', 'migrated');
    const before = snapshot(repo);
    expect(runCli(repo, ['apply']).status).toBe(0);
    expect(changedPaths(before, snapshot(repo))).toEqual([]);
  });
});

