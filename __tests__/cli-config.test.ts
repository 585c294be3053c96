// The built CLI with configuration files, `init`, `explain`, the output formats and --verbose.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { changedPaths, cloneRepo, diffTargets, ensureBuilt, git, makeRepo, read, removeTempDirs, runCli, snapshot, tempDir } from './helpers/cli';
import { compileErrors } from './helpers/tree-fixtures';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

/** Uses a dependency named get_session: only a configured name makes async-get-db touch it. */
const SESSION_DEP = lines(
  'from fastapi import Depends',
  'from sqlalchemy.orm import Session',
  'from app.db import get_session',
  '',
  '',
  'def read_items(db: Session = Depends(get_session)):',
  '    return db.execute("select 1")',
);

/** A legacy query that escapes its function: the select stage flags it (QUERY-ESCAPES) and leaves it. */
const ESCAPING_QUERY = lines(
  'from sqlalchemy.orm import Session',
  'from app.models import User',
  '',
  '',
  'def active(db: Session):',
  '    return db.query(User).filter(User.active)',
);

const DB_MODULE = lines(
  'from sqlalchemy import create_engine',
  'from sqlalchemy.orm import sessionmaker',
  '',
  'engine = create_engine("sqlite:///x.db")',
  'SessionLocal = sessionmaker(bind=engine)',
  '',
  '',
  'def get_session():',
  '    db = SessionLocal()',
  '    try:',
  '        yield db',
  '    finally:',
  '        db.close()',
);

beforeAll(() => {
  ensureBuilt();
});
afterAll(() => {
  removeTempDirs();
});

describe('the session dependency, when nothing names it', () => {
  const ITEMS = SESSION_DEP.replace('from app.db import get_session', 'from app.db import get_session\nfrom sqlalchemy import text').replace('db.execute("select 1")', 'db.execute(text("select 1")).scalar()');
  const NOTE = /note: the session dependency is `get_session` \(app\/db\.py\)/;

  test('is found by its shape: the twin is written, handlers depend on it, and a second run changes nothing', () => {
    const repo = makeRepo({ 'app/__init__.py': '', 'app/db.py': DB_MODULE, 'app/items.py': ITEMS });
    const dry = runCli(repo, ['dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stderr).toMatch(NOTE);
    expect(dry.stderr).toContain('its async twin will be `get_async_session`');
    expect(dry.stdout).toContain('+async def get_async_session():');
    expect(dry.stdout).toContain('+async def read_items(db: AsyncSession = Depends(get_async_session)):');
    expect(dry.stderr).not.toContain('ASYNC-SESSION-DEPENDENCY-SYNC');
    // A run on one file chooses as a run on the whole project does.
    const one = runCli(repo, ['dry-run', 'app/items.py']);
    expect(one.stderr).toMatch(NOTE);
    expect(one.stdout).toContain('+async def read_items(db: AsyncSession = Depends(get_async_session)):');
    expect(runCli(repo, ['apply']).status).toBe(0);
    expect(compileErrors(['app/db.py', 'app/items.py'].map((f) => path.join(repo, f)))).toBe('');
    git(repo, 'commit', '-qam', 'migrated');
    const before = snapshot(repo);
    const again = runCli(repo, ['apply']);
    expect(again.status).toBe(0);
    expect(changedPaths(before, snapshot(repo))).toEqual([]);
  });

  test('named by the configuration or a flag, or the default one defined: nothing is looked for', () => {
    const configured = makeRepo({ 'awaitify.toml': 'dependencies = { get_session = "aget_session" }\n', 'app/db.py': DB_MODULE, 'app/items.py': ITEMS });
    const byConfig = runCli(configured, ['dry-run']);
    expect(byConfig.stderr).not.toContain('the session dependency is');
    expect(byConfig.stdout).toContain('Depends(aget_session)');
    const byFlag = runCli(configured, ['dry-run', '--no-config', '--get-db-name', 'get_db']);
    expect(byFlag.stderr).not.toContain('the session dependency is');
    expect(byFlag.stdout).not.toContain('get_async_session');
    const withDefault = makeRepo({ 'app/db.py': `${DB_MODULE}\n\ndef get_db():\n    yield from get_session()\n`, 'app/items.py': ITEMS });
    const both = runCli(withDefault, ['dry-run']);
    expect(both.stderr).not.toContain('the session dependency is');
    expect(both.stdout).not.toContain('get_async_session');
  });

  test('an inferred dependency that gets no twin keeps the Session of an Annotated alias depending on it', () => {
    // async-session reads the dependency's name from the options: the inferred name must reach it, not `get_db`.
    const db = DB_MODULE.replace('        yield db\n', '        yield db\n        print(len(db.new))\n');
    const main = lines(
      'from typing import Annotated',
      'from fastapi import Depends',
      'from sqlalchemy import text',
      'from sqlalchemy.orm import Session',
      'from app import db as database',
      'from app.db import get_session',
      '',
      'SessionDep = Annotated[Session, Depends(get_session)]',
      'DatabaseDep = Annotated[Session, Depends(database.get_session)]',
      '',
      '',
      'def read_items(db: SessionDep, other: DatabaseDep):',
      '    return db.execute(text("select 1")).scalar()',
    );
    const repo = makeRepo({ 'app/__init__.py': '', 'app/db.py': db, 'app/items.py': main });
    const dry = runCli(repo, ['dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stderr).toMatch(NOTE);
    expect(dry.stderr).toContain('GETDB-NO-TWIN');
    expect(diffTargets(dry.stdout)).not.toContain('app/items.py');
  });

  test('several candidates: none is chosen, and the warning names them', () => {
    const repo = makeRepo({
      'app/db.py': `${DB_MODULE}\n\ndef get_db_session():\n    with SessionLocal() as s:\n        yield s\n`,
      'app/items.py': ITEMS,
      'app/other.py': ITEMS.replace(/get_session/g, 'get_db_session').replace('read_items', 'read_other'),
    });
    const result = runCli(repo, ['dry-run']);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('several functions yielding a session are named in Depends(...): `get_session` (app/db.py), `get_db_session` (app/db.py)');
    expect(result.stdout).not.toContain('get_async_');
  });
});

describe('the SQLAlchemy target, when nothing names it', () => {
  const ITEMS = SESSION_DEP.replace('from app.db import get_session', 'from app.db import get_session\nfrom sqlalchemy import text').replace('db.execute("select 1")', 'db.execute(text("select 1")).scalar()');
  const BACKEND = { 'backend/requirements.txt': 'fastapi==0.92.0\nSQLAlchemy==1.4.29\n', 'backend/app/__init__.py': '', 'backend/app/db.py': DB_MODULE, 'backend/app/items.py': ITEMS };

  test('a monorepo run from its root follows the requirement of the part its files are in', () => {
    const repo = makeRepo(BACKEND);
    const dry = runCli(repo, ['dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stderr).toContain('note: the async code targets SQLAlchemy 1.4 (backend/requirements.txt: `SQLAlchemy==1.4.29` allows no 2.x)');
    expect(dry.stdout).toContain('class_=AsyncSession');
    expect(dry.stdout).not.toContain('async_sessionmaker');
  });

  test('parts that disagree: the run refuses, names both, and writes nothing until the version is named', () => {
    const repo = makeRepo({ ...BACKEND, 'worker/pyproject.toml': '[project]\ndependencies = ["sqlalchemy>=2.0"]\n', 'worker/jobs.py': 'def run():\n    return 1\n' });
    const before = snapshot(repo);
    const refused = runCli(repo, ['apply']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('backend/requirements.txt: `SQLAlchemy==1.4.29` allows no 2.x, while worker/pyproject.toml allows 2.x');
    expect(refused.stderr).toContain('--sqlalchemy 1.4 or --sqlalchemy 2.0');
    expect(snapshot(repo)).toEqual(before);
    // One part at a time follows that part; the flag decides for the whole.
    expect(runCli(repo, ['dry-run', 'backend']).stderr).toContain('targets SQLAlchemy 1.4');
    const named = runCli(repo, ['dry-run', '--sqlalchemy', '1.4']);
    expect(named.status).toBe(0);
    expect(named.stdout).toContain('class_=AsyncSession');
  });
});

describe('configuration file', () => {
  test('awaitify.toml names the dependency; a flag overrides it', () => {
    const repo = makeRepo({ 'awaitify.toml': 'dependencies = { get_session = "get_async_session" }\n', 'app/items.py': SESSION_DEP });
    const configured = runCli(repo, ['dry-run', '--transforms', 'async-get-db']);
    expect(configured.status).toBe(0);
    expect(configured.stdout).toContain('+def read_items(db: Session = Depends(get_async_session)):');
    const overridden = runCli(repo, ['dry-run', '--transforms', 'async-get-db', '--async-get-db-name', 'aget_session']);
    expect(overridden.stdout).toContain('+def read_items(db: Session = Depends(aget_session)):');
    // Without the configuration the default name get_db leaves the file alone.
    expect(runCli(repo, ['dry-run', '--transforms', 'async-get-db', '--no-config']).stdout).toBe('');
  });

  test('[tool.awaitify] in the nearest pyproject.toml above the target path applies', () => {
    const repo = makeRepo({
      'pyproject.toml': '[project]\nname = "outer"\n',
      'svc/pyproject.toml': '[project]\nname = "svc"\n\n[tool.awaitify]\nstage = "select"\nexclude = ["app/legacy/**"]\n',
      'svc/app/users.py': ESCAPING_QUERY.replace('return db.query(User).filter(User.active)', 'return db.query(User).all()'),
      'svc/app/legacy/old.py': ESCAPING_QUERY.replace('return db.query(User).filter(User.active)', 'return db.query(User).all()'),
    });
    const result = runCli(repo, ['dry-run', 'svc']);
    expect(result.status).toBe(0);
    // The select stage ran (a default-preset run would not convert queries), and the exclude glob,
    // written relative to svc/, left svc/app/legacy out.
    expect(diffTargets(result.stdout)).toEqual(['svc/app/users.py']);
    expect(result.stdout).toContain('+    return db.scalars(select(User)).all()');
  });

  test('include keeps only matching files; --include replaces the configuration\'s globs', () => {
    const query = ESCAPING_QUERY.replace('return db.query(User).filter(User.active)', 'return db.query(User).all()');
    const repo = makeRepo({
      'svc/awaitify.toml': 'stage = "select"\ninclude = ["app/api/**"]\n',
      'svc/app/api/users.py': query,
      'svc/app/services/users.py': query,
      'svc/scripts/report.py': query,
    });
    // Written relative to svc/, applied from the repository root and from svc/ itself.
    expect(diffTargets(runCli(repo, ['dry-run', 'svc']).stdout)).toEqual(['svc/app/api/users.py']);
    expect(diffTargets(runCli(path.join(repo, 'svc'), ['dry-run']).stdout)).toEqual(['app/api/users.py']);
    // A named file outside the include is left out too, as an excluded one is.
    expect(runCli(repo, ['dry-run', 'svc/scripts/report.py']).stdout).toBe('');
    const flagged = runCli(repo, ['dry-run', 'svc', '--include', 'svc/scripts/*.py', '--include', 'svc/app/services/**']);
    expect(diffTargets(flagged.stdout)).toEqual(['svc/app/services/users.py', 'svc/scripts/report.py']);
    expect(flagged.stderr).not.toContain('recognised but not used');
  });

  test('a session handed to a left-out file is flagged: the index does not read left-out files', () => {
    const repo = makeRepo({
      'awaitify.toml': 'include = ["app/**"]\n',
      'app/api.py': lines('from sqlalchemy.orm import Session', 'from legacy.helpers import count_users', '', '', 'def stats(db: Session):', '    db.commit()', '    return count_users(db)'),
      'legacy/helpers.py': lines('from sqlalchemy.orm import Session', '', '', 'def count_users(db: Session):', '    return db.execute("select 1").scalar()'),
    });
    const result = runCli(repo, ['dry-run']);
    expect(diffTargets(result.stdout)).toEqual(['app/api.py']);
    expect(result.stderr).toMatch(/^app\/api\.py:7:12: ASYNC-CALL-UNRESOLVED /m);
  });

  test('unknown keys and wrong types: file, line, suggestion, exit 2, and nothing runs', () => {
    const repo = makeRepo({
      'awaitify.toml': 'sqlalchemy = "2.0"\ndependecies = { get_session = "get_async_session" }\n\n[rules]\nQUERY-ESCAPE = "error"\n',
      'app/items.py': SESSION_DEP,
    });
    const before = snapshot(repo);
    const result = runCli(repo, ['apply']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('awaitify: awaitify.toml:2: dependecies: unknown key "dependecies"; did you mean "dependencies"?');
    expect(result.stderr).toContain('awaitify: awaitify.toml:5: rules.QUERY-ESCAPE: unknown rule "QUERY-ESCAPE"; did you mean "QUERY-ESCAPES"?');
    expect(result.stderr).not.toMatch(/scanned/);
    expect(changedPaths(before, snapshot(repo))).toEqual([]);
  });

  test('several dependency pairs are refused rather than one used silently', () => {
    const repo = makeRepo({ 'awaitify.toml': 'dependencies = { get_db = "get_async_db", get_session = "get_async_session" }\n', 'app/items.py': SESSION_DEP });
    const result = runCli(repo, ['dry-run']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/awaitify\.toml:1: dependencies: this version migrates one session dependency; got 2/);
  });

  test('a key awaitify does not need is announced with the reason, not silently accepted', () => {
    const repo = makeRepo({ 'awaitify.toml': 'session-module = "app.db"\n', 'app/items.py': SESSION_DEP });
    const result = runCli(repo, ['dry-run']);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('awaitify: note: awaitify.toml:1: session-module: not needed: awaitify finds engines and session factories in every module');
    expect(result.stderr).toContain('the key has no effect, remove it');
  });

  test('session-types: an alias the run cannot see makes its users sessions; --session-type replaces it', () => {
    // The alias lives in a package outside the migrated tree, so the project pass cannot find it
    // (aliases the project defines itself are found without configuration: session-aliases.test.ts).
    const files = {
      'app/routes.py': lines('from shared.db import DbSession', '', '', 'def save(db: DbSession):', '    db.commit()'),
    };
    const configured = makeRepo({ 'awaitify.toml': 'session-types = ["DbSession"]\n', ...files });
    const result = runCli(configured, ['dry-run']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('+async def save(db: DbSession):\n+    await db.commit()');
    expect(result.stderr).not.toContain('recognised but not used');
    const replaced = runCli(configured, ['dry-run', '--session-type', 'OtherSession']);
    expect(diffTargets(replaced.stdout)).toEqual([]);
    expect(diffTargets(runCli(makeRepo(files), ['dry-run']).stdout)).toEqual([]);
  });

  test('session-facades makes a facade a session for the query conversion', () => {
    const facadeApp = 'from app.extensions import db\nfrom app.models import User\n\n\ndef first_user():\n    return db.session.query(User).first()\n';
    const configured = makeRepo({ 'awaitify.toml': 'session-facades = ["db.session"]\n', 'app/users.py': facadeApp });
    const converted = runCli(configured, ['dry-run', '--stage', 'select']);
    expect(converted.status).toBe(0);
    expect(converted.stdout).toContain('+    return db.session.scalar(select(User).limit(1))');
    expect(converted.stderr).not.toContain('recognised but not used');

    const plain = makeRepo({ 'app/users.py': facadeApp });
    const untouched = runCli(plain, ['dry-run', '--stage', 'select']);
    expect(untouched.status).toBe(0);
    expect(untouched.stdout).toBe('');
  });

  test('transforms.disable leaves a transform of the preset out', () => {
    const repo = makeRepo({ 'awaitify.toml': '[transforms]\ndisable = ["async-session"]\n', 'app/items.py': SESSION_DEP.replace(/get_session/g, 'get_db') });
    const result = runCli(repo, ['dry-run']);
    // Without async-session the annotation stays; the other transforms of the preset still run.
    expect(result.stdout).toContain('+async def read_items(db: Session = Depends(get_async_db)):');
    expect(result.stdout).not.toContain('AsyncSession');
  });
});

describe('init', () => {
  test('writes a starter awaitify.toml from what it detects, which then loads; never overwrites it', () => {
    const repo = makeRepo({ 'app/db.py': DB_MODULE, 'app/api.py': lines('from fastapi import APIRouter', 'router = APIRouter()') });
    const first = runCli(repo, ['init']);
    expect(first.status).toBe(0);
    const written = read(repo, 'awaitify.toml');
    expect(written).toContain('dependencies = { get_session = "get_async_session" }');
    expect(written).not.toContain('session-module');
    expect(written).toContain('awaitify writes their async twins there (nothing to set):\n#   app.db\n');
    expect(written).toMatch(/^router-names = \["router"\]$/m);
    const run = runCli(repo, ['dry-run', '--transforms', 'async-get-db']);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(/note:/);

    fs.writeFileSync(path.join(repo, 'awaitify.toml'), '# mine\n');
    const second = runCli(repo, ['init']);
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/awaitify\.toml already exists/);
    expect(read(repo, 'awaitify.toml')).toBe('# mine\n');
  });

  test('with a pyproject.toml it prints the table to add and leaves the file alone', () => {
    const pyproject = '[project]\nname = "x"\n';
    const repo = makeRepo({ 'pyproject.toml': pyproject, 'app/db.py': DB_MODULE });
    const result = runCli(repo, ['init']);
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith('[tool.awaitify]\n')).toBe(true);
    expect(result.stdout).toContain('\ndependencies = { get_session = "get_async_session" }');
    expect(read(repo, 'pyproject.toml')).toBe(pyproject);
    expect(fs.existsSync(path.join(repo, 'awaitify.toml'))).toBe(false);
    // What it printed, appended as told, is a valid configuration.
    fs.appendFileSync(path.join(repo, 'pyproject.toml'), `\n${result.stdout}`);
    expect(runCli(repo, ['dry-run']).status).toBe(0);
  });
});

describe('explain', () => {
  test('prints the rule page from docs/rules, byte for byte', () => {
    const result = runCli(tempDir(), ['explain', 'QUERY-ESCAPES']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(fs.readFileSync(path.join(__dirname, '..', 'docs', 'rules', 'QUERY-ESCAPES.md'), 'utf8'));
  });

  test('an unknown rule exits 2 with the closest ids; --list lists every page', () => {
    const unknown = runCli(tempDir(), ['explain', 'QUERY-ESCAPE']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown rule "QUERY-ESCAPE"\. Closest: QUERY-ESCAPES/);
    const list = runCli(tempDir(), ['explain', '--list']);
    expect(list.status).toBe(0);
    const pages = fs.readdirSync(path.join(__dirname, '..', 'docs', 'rules')).map((n) => n.replace(/\.md$/, '')).sort();
    expect(list.stdout.trim().split('\n').map((l) => l.split(/\s+/)[0])).toEqual(pages);
  });
});

describe('--format', () => {
  let repo: string;
  beforeAll(() => {
    repo = makeRepo({ 'awaitify.toml': 'stage = "select"\nrules = { QUERY-ESCAPES = "error" }\n', 'app/users.py': ESCAPING_QUERY });
  });

  test('sarif: SARIF 2.1.0 with the finding, its location and its configured level', () => {
    const result = runCli(repo, ['dry-run', '--format', 'sarif']);
    expect(result.status).toBe(0);
    const sarif = JSON.parse(result.stdout);
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results;
    expect(results).toEqual([
      expect.objectContaining({
        ruleId: 'QUERY-ESCAPES',
        level: 'error',
        locations: [{ physicalLocation: { artifactLocation: { uri: 'app/users.py' }, region: { startLine: 6, startColumn: 12 } } }],
      }),
    ]);
    expect(sarif.runs[0].tool.driver.rules[results[0].ruleIndex]).toMatchObject({ id: 'QUERY-ESCAPES', helpUri: 'docs/rules/QUERY-ESCAPES.md' });
  });

  test('github: one workflow command per finding, at its configured level', () => {
    const result = runCli(repo, ['dry-run', '--format', 'github']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^::error file=app\/users\.py,line=6,col=12,title=QUERY-ESCAPES::.+\n$/);
  });

  test('sarif and github point at the file on disk: dry-run at the input lines, apply at the written ones', () => {
    // The converted query gets `from sqlalchemy import select` added above the escaping one: in the
    // output the finding is one line further down than in the file a dry-run leaves on disk.
    const shifted = makeRepo({
      'awaitify.toml': 'stage = "select"\n',
      'app/users.py': lines(
        'from sqlalchemy.orm import Session',
        'from app.models import User',
        '',
        '',
        'def first(db: Session):',
        '    return db.query(User).first()',
        '',
        '',
        'def active(db: Session):',
        '    return db.query(User).filter(User.active)',
      ),
    });
    const region = (stdout: string): unknown => JSON.parse(stdout).runs[0].results.map((r: { locations: { physicalLocation: { region: unknown } }[] }) => r.locations[0]?.physicalLocation.region);
    expect(region(runCli(shifted, ['dry-run', '--format', 'sarif']).stdout)).toEqual([{ startLine: 10, startColumn: 12 }]);
    expect(runCli(shifted, ['dry-run', '--format', 'github']).stdout).toMatch(/^::warning file=app\/users\.py,line=10,col=12,title=QUERY-ESCAPES::/);
    const json = JSON.parse(runCli(shifted, ['dry-run', '--json']).stdout).files[0].findings[0];
    expect(json).toMatchObject({ line: 11, inputLine: 10 });
    const applied = runCli(shifted, ['apply', '--format', 'sarif']);
    expect(applied.status).toBe(0);
    expect(read(shifted, 'app/users.py').split('\n')[10]).toBe('    return db.query(User).filter(User.active)');
    expect(region(applied.stdout)).toEqual([{ startLine: 11, startColumn: 12 }]);
  });

  test('--json is --format json, and findings carry their level', () => {
    const viaAlias = runCli(repo, ['dry-run', '--json']);
    const viaFormat = runCli(repo, ['dry-run', '--format', 'json']);
    expect(viaAlias.stdout).toBe(viaFormat.stdout);
    expect(JSON.parse(viaFormat.stdout).files[0].findings[0]).toMatchObject({ rule: 'QUERY-ESCAPES', level: 'error' });
    expect(runCli(repo, ['dry-run', '--json', '--format', 'sarif']).status).toBe(2);
  });
});

describe('--verbose', () => {
  test('names the transforms of each hunk in lines git apply skips, and the patch still applies', () => {
    const repo = makeRepo({ 'app/db.py': DB_MODULE.replace(/get_session/g, 'get_db'), 'app/items.py': SESSION_DEP.replace(/get_session/g, 'get_db').replace('app.db', 'app.db') });
    const plain = runCli(repo, ['dry-run']);
    const verbose = runCli(repo, ['dry-run', '--verbose']);
    expect(plain.stdout).not.toMatch(/^# /m);
    const comments = verbose.stdout.split('\n').filter((l) => l.startsWith('# '));
    expect(comments).toContainEqual(expect.stringMatching(/^# app\/items\.py @@ -\d+,\d+ \+\d+,\d+ @@ .*async-get-db: get_db → get_async_db/));
    expect(comments).toContainEqual(expect.stringMatching(/^# app\/items\.py @@ .*async-session/));
    expect(comments).toContainEqual(expect.stringMatching(/^# app\/db\.py @@ .*async-engine/));
    // Every hunk is named: as many comments as hunk headers.
    expect(comments.length).toBe(verbose.stdout.split('\n').filter((l) => l.startsWith('@@ ')).length);
    expect(verbose.stdout.split('\n').filter((l) => !l.startsWith('# ')).join('\n')).toBe(plain.stdout);

    const patchFile = path.join(tempDir(), 'verbose.patch');
    fs.writeFileSync(patchFile, verbose.stdout);
    const clone = cloneRepo(repo);
    git(clone, 'apply', patchFile);
    expect(runCli(clone, ['dry-run']).stdout).toBe('');
  });
});
