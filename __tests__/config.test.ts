// Unit tests of the configuration: validation, key locations, discovery, merging with the command line;
// and of the printers that depend on it (rule levels in SARIF and GitHub output, hunk attribution).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lineOfKey } from '../cli/config/key-lines';
import { ConfigError, findConfig, loadConfig } from '../cli/config/load';
import { mergeConfig, rebaseGlob } from '../cli/config/merge';
import { KnownNames, validateConfig } from '../cli/config/schema';
import { detectInSource, Detected, moduleName } from '../cli/init/detect';
import { starterConfig } from '../cli/init/command';
import { asyncTwinName, chooseSessionDependency, dependencyNote } from '../cli/session-dependency';
import { githubAnnotations } from '../cli/print/github';
import { filePatch } from '../cli/print/diff';
import { attributeHunks } from '../cli/print/hunks';
import { sarifReport } from '../cli/print/sarif';
import { closest, editDistance } from '../cli/suggest';
import type { RunReport } from '../engine/run';

const KNOWN: KnownNames = {
  transforms: ['async-engine', 'async-session', 'async-get-db'],
  presets: ['default', 'select'],
  stages: ['select', 'async'],
  rules: ['QUERY-ESCAPES', 'GETDB-UNRESOLVED'],
};

const dirs: string[] = [];
function tmp(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awaitify-config-'));
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('suggestions', () => {
  test('edit distance and the closest candidates', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(closest('dependecies', ['dependencies', 'exclude', 'rules'])).toEqual(['dependencies']);
    expect(closest('zzzzzz', ['dependencies', 'exclude'])).toEqual([]);
  });
});

describe('validateConfig', () => {
  test('a full, valid configuration is typed, and unused keys are listed', () => {
    const v = validateConfig(
      {
        dependencies: { get_session: 'get_async_session' },
        'session-facades': ['db.session'],
        'router-names': ['router'],
        'session-module': 'app.db',
        sqlalchemy: '1.4',
        exclude: ['legacy/**'],
        transforms: { disable: ['async-engine'] },
        rules: { 'QUERY-ESCAPES': 'error' },
        stage: 'select',
      },
      KNOWN,
    );
    expect(v.problems).toEqual([]);
    expect(v.config).toEqual({
      dependencies: { sync: 'get_session', async: 'get_async_session' },
      sessionFacades: ['db.session'],
      routerNames: ['router'],
      sessionModule: 'app.db',
      sqlalchemy: '1.4',
      exclude: ['legacy/**'],
      transforms: { disable: ['async-engine'] },
      rules: { 'QUERY-ESCAPES': 'error' },
      stage: 'select',
    });
    expect(v.unused.sort()).toEqual(['session-module']);
  });

  test('unknown keys, wrong types and unknown names are problems with suggestions', () => {
    const v = validateConfig(
      {
        dependecies: {},
        sqlalchemy: 2,
        exclude: 'legacy/**',
        transforms: { enabel: ['async-engine'], disable: ['async-sesion'] },
        rules: { 'QUERY-ESCAPE': 'error', 'GETDB-UNRESOLVED': 'fatal' },
        preset: 'defualt',
      },
      KNOWN,
    );
    const byPath = Object.fromEntries(v.problems.map((p) => [p.keyPath.join('.'), p.message]));
    expect(byPath.dependecies).toMatch(/unknown key "dependecies"; did you mean "dependencies"\?/);
    expect(byPath.sqlalchemy).toMatch(/expected a string, got a number; write it quoted: "2.0"/);
    expect(byPath.exclude).toMatch(/expected an array of strings, got a string/);
    expect(byPath['transforms.enabel']).toMatch(/did you mean "enable"/);
    expect(byPath['transforms.disable.0']).toMatch(/unknown transform "async-sesion"; did you mean "async-session"/);
    expect(byPath['rules.QUERY-ESCAPE']).toMatch(/did you mean "QUERY-ESCAPES"/);
    expect(byPath['rules.GETDB-UNRESOLVED']).toMatch(/"fatal" is not one of "error", "warning", "note"/);
    expect(byPath.preset).toMatch(/did you mean "default"/);
    expect(v.problems).toHaveLength(8);
  });

  test('several dependency pairs are refused, not reduced to the first', () => {
    const v = validateConfig({ dependencies: { get_db: 'get_async_db', get_session: 'get_async_session' } }, KNOWN);
    expect(v.config.dependencies).toBeUndefined();
    expect(v.problems).toEqual([{ keyPath: ['dependencies'], message: expect.stringMatching(/one session dependency; got 2 \(get_db, get_session\)/) }]);
  });

  test('names must be Python names; preset and stage together are ambiguous', () => {
    const v = validateConfig({ dependencies: { 'get-db': 'get_async_db' }, 'session-facades': ['db.session()'], preset: 'select', stage: 'async' }, KNOWN);
    expect(v.problems.map((p) => p.keyPath.join('.'))).toEqual(['dependencies.get-db', 'session-facades.0', 'stage']);
  });
});

describe('lineOfKey', () => {
  const toml = [
    '[project]', // 1
    'name = "x"', // 2
    '', // 3
    '[tool.awaitify]', // 4
    'sqlalchemy = "2.0"', // 5
    'rules = { QUERY-ESCAPE = "error" }', // 6
    'exclude = [', // 7
    '  "a",', // 8
    ']', // 9
    '', // 10
    '[tool.awaitify.transforms]', // 11
    'disable = ["x"]', // 12
    "'quoted-key' = 1", // 13
  ].join('\n');
  test.each([
    [['sqlalchemy'], 5],
    [['rules', 'QUERY-ESCAPE'], 6],
    [['exclude', '0'], 7],
    [['transforms'], 11],
    [['transforms', 'disable', '0'], 12],
    [['transforms', 'quoted-key'], 13],
    [['missing'], null],
  ])('%j is on line %p', (keyPath, line) => {
    expect(lineOfKey(toml, ['tool', 'awaitify'], keyPath as string[])).toBe(line);
  });
  test('does not confuse a key of another table', () => {
    expect(lineOfKey(toml, ['tool', 'awaitify'], ['name'])).toBeNull();
    expect(lineOfKey(toml, [], ['project', 'name'])).toBe(2);
  });
});

describe('findConfig and loadConfig', () => {
  test('the nearest file wins, walking up from the first target path', () => {
    const dir = tmp({
      '.git/HEAD': '',
      'awaitify.toml': 'sqlalchemy = "1.4"\n',
      'svc/pyproject.toml': '[project]\nname = "svc"\n\n[tool.awaitify]\nsqlalchemy = "2.0"\n',
      'svc/app/main.py': '',
      'other/app.py': '',
    });
    expect(findConfig('svc/app/main.py', dir)).toEqual({ file: path.join(dir, 'svc/pyproject.toml'), kind: 'pyproject.toml' });
    expect(findConfig('other', dir)).toEqual({ file: path.join(dir, 'awaitify.toml'), kind: 'awaitify.toml' });
    const loaded = loadConfig(findConfig('svc', dir)!, dir, KNOWN);
    expect(loaded.config).toEqual({ sqlalchemy: '2.0' });
  });

  test('a pyproject.toml without the table does not stop the walk; the git root does', () => {
    const outer = tmp({ 'awaitify.toml': 'sqlalchemy = "1.4"\n', 'repo/.git/HEAD': '', 'repo/pyproject.toml': '[project]\nname = "x"\n', 'repo/a.py': '' });
    expect(findConfig('repo/a.py', outer)).toBeNull();
    const walk = tmp({ 'awaitify.toml': 'sqlalchemy = "1.4"\n', 'pkg/pyproject.toml': '[project]\nname = "x"\n', 'pkg/a.py': '' });
    expect(findConfig('pkg/a.py', walk)?.kind).toBe('awaitify.toml');
  });

  test('both files configuring the same directory is an error', () => {
    const dir = tmp({ '.git/HEAD': '', 'awaitify.toml': '', 'pyproject.toml': '[tool.awaitify]\n' });
    expect(() => findConfig('.', dir)).toThrow(/both configure awaitify/);
  });

  test('problems name the file and the line of the key', () => {
    const dir = tmp({ 'pyproject.toml': '[project]\nname = "x"\n\n[tool.awaitify]\nsqlalchemy = "2.0"\nrouter-name = ["r"]\n' });
    let error: unknown;
    try {
      loadConfig({ file: path.join(dir, 'pyproject.toml'), kind: 'pyproject.toml' }, dir, KNOWN);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual(['pyproject.toml:6: tool.awaitify.router-name: unknown key "router-name"; did you mean "router-names"?']);
  });

  test('invalid TOML is reported with its line', () => {
    const dir = tmp({ 'awaitify.toml': 'sqlalchemy = "2.0"\nexclude = [\n' });
    expect(() => loadConfig({ file: path.join(dir, 'awaitify.toml'), kind: 'awaitify.toml' }, dir, KNOWN)).toThrow(/^awaitify\.toml:\d+:\d+: invalid TOML/);
  });

  test('a key awaitify does not need comes back as a note saying why', () => {
    const dir = tmp({ 'awaitify.toml': 'sqlalchemy = "2.0"\nsession-module = "app.db"\n' });
    const loaded = loadConfig({ file: path.join(dir, 'awaitify.toml'), kind: 'awaitify.toml' }, dir, KNOWN);
    expect(loaded.notes).toEqual([expect.stringMatching(/^awaitify\.toml:2: session-module: not needed: .*remove it$/)]);
  });
});

describe('mergeConfig', () => {
  const loaded = (config: object, file = '/repo/awaitify.toml') => ({ file, kind: 'awaitify.toml' as const, config, notes: [] });

  test('defaults without a configuration', () => {
    expect(mergeConfig({ exclude: [] }, null, '/repo')).toMatchObject({ preset: 'default', getDbName: 'get_db', asyncGetDbName: 'get_async_db', sqlalchemyVersion: '2.0', exclude: [], disabled: [] });
  });

  test('the configuration fills what the command line leaves open, flag by flag', () => {
    const config = { dependencies: { sync: 'get_session', async: 'get_async_session' }, sqlalchemy: '1.4', stage: 'select', exclude: ['legacy/**'], transforms: { enable: ['a', 'b'], disable: ['c'] } };
    expect(mergeConfig({ exclude: ['x.py'] }, loaded(config), '/repo')).toMatchObject({
      preset: 'default',
      stage: 'select',
      getDbName: 'get_session',
      asyncGetDbName: 'get_async_session',
      sqlalchemyVersion: '1.4',
      exclude: ['x.py', 'legacy/**'],
      transforms: 'a,b',
      disabled: ['c'],
    });
    const overridden = mergeConfig({ exclude: [], preset: 'default', asyncGetDbName: 'aget', sqlalchemyVersion: '2.0', transforms: 'z' }, loaded(config), '/repo');
    expect(overridden).toMatchObject({ preset: 'default', stage: undefined, getDbName: 'get_session', asyncGetDbName: 'aget', sqlalchemyVersion: '2.0', transforms: 'z', disabled: [] });
  });

  test('exclude globs are relative to the configuration file', () => {
    expect(rebaseGlob('legacy/**', '/repo', '/repo')).toBe('legacy/**');
    expect(rebaseGlob('./legacy/**', '/repo/svc', '/repo')).toBe('svc/legacy/**');
    expect(rebaseGlob('app/legacy/**', '/repo', '/repo/app')).toBe('legacy/**');
    expect(rebaseGlob('**/old_*.py', '/repo', '/repo/app')).toBe('**/old_*.py');
    expect(rebaseGlob('app', '/repo', '/repo/app/sub')).toBe('**');
    expect(rebaseGlob('other/**', '/repo', '/repo/app')).toBeUndefined();
    expect(rebaseGlob('*/legacy/**', '/repo', '/repo/app')).toBeNull();
    const merged = mergeConfig({ exclude: [] }, loaded({ exclude: ['*/legacy/**'] }), '/repo/app');
    expect(merged.exclude).toEqual([]);
    expect(merged.notes).toEqual([expect.stringMatching(/"\*\/legacy\/\*\*" .* cannot be applied from this working directory/)]);
  });
});

describe('include', () => {
  const loaded = (config: object, file = '/repo/awaitify.toml') => ({ file, kind: 'awaitify.toml' as const, config, notes: [] });

  test('no include anywhere: no restriction', () => {
    expect(mergeConfig({ exclude: [] }, null, '/repo').include).toBeNull();
    expect(mergeConfig({ exclude: [], include: [] }, loaded({}), '/repo').include).toBeNull();
  });

  test('include globs are relative to the configuration file; --include replaces them', () => {
    expect(mergeConfig({ exclude: [] }, loaded({ include: ['app/**'] }, '/repo/svc/awaitify.toml'), '/repo').include).toEqual(['svc/app/**']);
    expect(mergeConfig({ exclude: [] }, loaded({ include: ['app/api/**', 'lib/**'] }), '/repo/app').include).toEqual(['api/**']);
    expect(mergeConfig({ exclude: [], include: ['x/*.py'] }, loaded({ include: ['app/**'] }), '/repo').include).toEqual(['x/*.py']);
  });

  test('an include glob that leads elsewhere includes nothing here; one that cannot be rebased stops the run', () => {
    // Everything below the working directory is outside the included files: nothing is migrated.
    expect(mergeConfig({ exclude: [] }, loaded({ include: ['lib/**'] }), '/repo/app').include).toEqual([]);
    expect(() => mergeConfig({ exclude: [] }, loaded({ include: ['*/api/**'] }), '/repo/app')).toThrow(ConfigError);
  });
});

describe('init detection', () => {
  const empty = (): Detected => ({ dependencies: [], sessionModules: [], routerNames: [] });

  test('finds the session dependency, the session module and the routers with the parser', () => {
    const d = empty();
    detectInSource(
      [
        'from sqlalchemy.orm import sessionmaker',
        'engine = create_engine(URL)',
        'SessionLocal = sessionmaker(bind=engine)',
        'router = APIRouter(prefix="/x")',
        'app = fastapi.FastAPI()',
        'def get_session():',
        '    with SessionLocal() as s:',
        '        yield s',
        'def get_db_helper():',
        '    return SessionLocal()',
        'async def get_async_db():',
        '    async with AsyncSessionLocal() as s:',
        '        yield s',
        'def get_token():',
        '    yield 1',
        'TEXT = "router = APIRouter()"',
      ].join('\n'),
      'src/app/db/session.py',
      d,
    );
    expect(d).toEqual({ dependencies: [{ name: 'get_session', file: 'src/app/db/session.py' }], sessionModules: ['app.db.session'], routerNames: ['router', 'app'] });
  });

  test('the session dependency by shape, when nothing names it', () => {
    const db = (name: string, opens = 'SessionLocal()'): string =>
      `SessionLocal = sessionmaker(bind=engine)\n\ndef ${name}():\n    with ${opens} as s:\n        yield s\n`;
    const route = (name: string): string => `def r(db: Session = Depends(deps.${name})):\n    pass\n`;
    const choose = (...files: [string, string][]) => chooseSessionDependency(files.map(([p, source]) => ({ path: p, source })), 'get_db');
    expect(choose(['db.py', db('get_session')], ['r.py', route('get_session')])).toEqual({ kind: 'inferred', name: 'get_session', asyncName: 'get_async_session', files: ['db.py'] });
    // `get_database` holds no `db`: it is a candidate by name all the same (left out, it was converted in place, and a
    // test override of it kept yielding a sync Session with no finding).
    expect(choose(['db.py', db('get_database')], ['r.py', route('get_database')])).toEqual({ kind: 'inferred', name: 'get_database', asyncName: 'get_async_database', files: ['db.py'] });
    // Session(engine) opens a session too; the factory may be bound in another module.
    expect(choose(['db.py', db('get_session', 'Session(engine)')], ['r.py', route('get_session')]).kind).toBe('inferred');
    expect(choose(['f.py', 'Maker = orm.sessionmaker()\n'], ['db.py', db('get_session', 'Maker()').replace(/^SessionLocal.*$/m, '')], ['r.py', route('get_session')]).kind).toBe('inferred');
    // Migrated before: the handlers depend on the twin, and the choice must be the first run's.
    const twin = 'async def get_async_session():\n    yield 1\n';
    expect(choose(['db.py', db('get_session') + twin], ['r.py', route('get_async_session')]).kind).toBe('inferred');
    expect(choose(['db.py', db('get_session') + twin], ['r.py', route('get_async_db')]).kind).toBe('default');
    // Not named in any Depends, defined by the default name, or the default depended on: the default stays.
    expect(choose(['db.py', db('get_session')])).toEqual({ kind: 'default' });
    expect(choose(['db.py', db('get_session')], ['r.py', route('get_session')], ['x.py', 'async def get_db():\n    yield 1\n'])).toEqual({ kind: 'default' });
    expect(choose(['db.py', db('get_session')], ['r.py', route('get_session') + route('get_db')])).toEqual({ kind: 'default' });
    // A session opened through the project's own helper, or a sessionmaker made in the generator: async-engine
    // could not write its twin, so nothing is chosen, and the run says why.
    expect(choose(['db.py', db('get_session', 'app_session()')], ['r.py', route('get_session')])).toEqual({ kind: 'unsupported', candidates: [{ name: 'get_session', files: ['db.py'] }] });
    const local = 'def get_db_session():\n    factory = sessionmaker(bind=create_engine(URL))\n    with factory() as s:\n        yield s\n';
    expect(choose(['db.py', local], ['r.py', route('get_db_session')])).toEqual({ kind: 'unsupported', candidates: [{ name: 'get_db_session', files: ['db.py'] }] });
    expect(dependencyNote({ kind: 'unsupported', candidates: [{ name: 'get_db_session', files: ['db.py'] }] }, 'get_db')).toMatch(/^warning: .*`get_db_session` \(db\.py\) yields a session .* none was chosen/);
    expect(choose(['db.py', db('get_session', 'app_session()')])).toEqual({ kind: 'default' });
    // Decorated (a context manager, not a dependency) or nested: not candidates.
    expect(choose(['db.py', db('get_session').replace('def ', '@contextmanager\ndef ')], ['r.py', route('get_session')])).toEqual({ kind: 'default' });
    expect(choose(['db.py', `class R:\n    ${db('get_session').replace(/\n/g, '\n    ')}`], ['r.py', route('get_session')])).toEqual({ kind: 'default' });
    expect(choose(['db.py', db('get_session') + db('get_db_session')], ['r.py', route('get_session') + route('get_db_session')])).toEqual({
      kind: 'ambiguous',
      candidates: [{ name: 'get_session', files: ['db.py'] }, { name: 'get_db_session', files: ['db.py'] }],
    });
  });

  test('module names and twin names', () => {
    expect(moduleName('app/db/__init__.py')).toBe('app.db');
    expect(asyncTwinName('get_session')).toBe('get_async_session');
    expect(asyncTwinName('db_session')).toBe('db_session_async');
  });

  test('the starter config prefills the first dependency and mentions the others', () => {
    const text = starterConfig({ dependencies: [{ name: 'get_session', file: 'a.py' }, { name: 'get_db', file: 'b.py' }], sessionModules: ['app.db'], routerNames: ['api'] });
    expect(text).toContain('dependencies = { get_session = "get_async_session" }');
    expect(text).toContain('# also found: get_db in b.py');
    expect(text).not.toContain('session-module');
    expect(text).toContain('#   app.db\n');
    // router-names is read (by audit): detected names are written live, not commented out.
    expect(text).toMatch(/^router-names = \["api"\]$/m);
    expect(starterConfig({ dependencies: [], sessionModules: [], routerNames: [] })).toMatch(/^# router-names = /m);
  });

  test('the starter config targets SQLAlchemy 1.4 when the project pins it below 2.0', () => {
    const none = { dependencies: [], sessionModules: [], routerNames: [] };
    expect(starterConfig(none)).toMatch(/^sqlalchemy = "2\.0"$/m);
    expect(starterConfig(none, { pins: ['requirements.txt: `SQLAlchemy==1.4.29`'], allowing: [] })).toMatch(/^sqlalchemy = "1\.4" {3}# requirements\.txt: `SQLAlchemy==1\.4\.29` allows no 2\.x$/m);
    // Parts of the project disagreeing: the key is left for the user, as a run refuses to guess.
    const split = starterConfig(none, { pins: ['backend/requirements.txt: `SQLAlchemy==1.4.29`'], allowing: ['worker/requirements.txt'] });
    expect(split).toMatch(/^# the Python files are governed by requirements that disagree on SQLAlchemy: backend\/requirements\.txt: .* while worker\/requirements\.txt allows 2\.x .*: choose one/m);
    expect(split).toMatch(/^# sqlalchemy = "1\.4"$/m);
    expect(split).not.toMatch(/^sqlalchemy =/m);
  });
});

describe('printers', () => {
  const report: RunReport = {
    missingPaths: [],
    excludedCount: 0,
    files: [
      {
        path: 'app/a,b.py',
        absPath: '/x/app/a,b.py',
        status: 'unchanged',
        ignored: 0,
        counts: {},
        excludedFunctions: [],
        findings: [
          { rule: 'QUERY-ESCAPES', line: 3, column: 5, inputLine: 2, inputColumn: 9, message: '100% escapes\nhere', hint: 'convert: by hand', transform: 'query-to-select' },
          { rule: 'GETDB-UNRESOLVED', line: 7, column: 1, inputLine: 7, inputColumn: 1, message: 'm', hint: 'h', transform: 'async-get-db' },
        ],
      },
    ],
  };

  test('SARIF 2.1.0: one run, rules with help links, results with locations and configured levels', () => {
    const sarif = JSON.parse(sarifReport(report, { 'QUERY-ESCAPES': 'error' }, '9.9.9', 'output'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    const [run] = sarif.runs;
    expect(run.tool.driver).toMatchObject({ name: 'awaitify', version: '9.9.9' });
    const rules = run.tool.driver.rules as { id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[];
    for (const rule of rules) {
      expect(rule.helpUri).toBe(`docs/rules/${rule.id}.md`);
      expect(fs.existsSync(path.join(__dirname, '..', rule.helpUri))).toBe(true);
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
    }
    expect(run.results).toHaveLength(2);
    for (const result of run.results) {
      expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(typeof result.message.text).toBe('string');
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('app/a,b.py');
    }
    expect(run.results[0]).toMatchObject({ ruleId: 'QUERY-ESCAPES', level: 'error', locations: [{ physicalLocation: { region: { startLine: 3, startColumn: 5 } } }] });
    expect(run.results[1]).toMatchObject({ ruleId: 'GETDB-UNRESOLVED', level: 'warning' });
    // A dry-run's results point at the file on disk, which the run did not change.
    const input = JSON.parse(sarifReport(report, {}, '9.9.9', 'input'));
    expect(input.runs[0].results[0]).toMatchObject({ locations: [{ physicalLocation: { region: { startLine: 2, startColumn: 9 } } }] });
  });

  test('GitHub annotations escape data and properties, and map levels to commands', () => {
    const out = githubAnnotations(report, { 'QUERY-ESCAPES': 'error', 'GETDB-UNRESOLVED': 'note' }, 'output');
    expect(out).toBe(
      '::error file=app/a%2Cb.py,line=3,col=5,title=QUERY-ESCAPES::100%25 escapes%0Ahere (fix: convert: by hand)\n' +
        '::notice file=app/a%2Cb.py,line=7,col=1,title=GETDB-UNRESOLVED::m (fix: h)\n',
    );
    expect(githubAnnotations(report, {}, 'input')).toMatch(/^::warning file=app\/a%2Cb\.py,line=2,col=9,/);
  });

  test('hunks are attributed to the edits whose output line they hold', () => {
    const before = Array.from({ length: 30 }, (_, i) => `line${i + 1}`).join('\n') + '\n';
    const after = before.replace('line2\n', 'LINE2\n').replace('line25\n', 'LINE25\n');
    const hunks = attributeHunks(filePatch('app/x.py', before, after), [
      { transform: 't1', reason: 'upper 2', line: 2 },
      { transform: 't2', reason: 'upper 25', line: 25 },
      { transform: 't2', reason: 't2', line: 25 },
    ]);
    expect(hunks).toEqual([
      { header: '@@ -1,5 +1,5 @@', transforms: ['t1'], reasons: ['t1: upper 2'] },
      { header: '@@ -22,7 +22,7 @@', transforms: ['t2'], reasons: ['t2: upper 25', 't2'] },
    ]);
  });
});
