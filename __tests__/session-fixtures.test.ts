// Which session fixtures a test module sees by name (pytest's lookup: own module, then each conftest upwards),
// and which parameters the resolver then takes for that session.
import type { SgNode } from '@ast-grep/napi';
import { ANY_FIXTURE, SessionResolver, runSessionWords, visibleSessionFixtures, type SessionOptions } from '../transforms/python/query/sessions';
import { moduleFixtures, type FixtureEntry } from '../transforms/python/testing/fixtures';
import { DEFAULT_TRANSFORM_OPTIONS } from '../engine/types';
import { collectImports } from '../transforms/python/support/imports';
import { parsePython } from '../transforms/python/support/language';

const TABLE = {
  'tests/conftest.py': { db: false, client: null },
  'tests/api/conftest.py': { db: null },
  'tests/sql/conftest.py': { session: true },
  'tests/dynamic/conftest.py': { [ANY_FIXTURE]: null },
  'tests/test_own.py': { db: null },
};

describe('visibleSessionFixtures', () => {
  test('a conftest above the module hands its session fixture to the tests below it', () => {
    expect(visibleSessionFixtures(TABLE, 'tests/test_users.py')).toEqual({ db: false });
    expect(visibleSessionFixtures(TABLE, 'tests/sql/deep/test_rows.py')).toEqual({ db: false, session: true });
  });

  test('the nearest definition of a name wins, whatever it is', () => {
    expect(visibleSessionFixtures(TABLE, 'tests/api/test_routes.py')).toEqual({});
    expect(visibleSessionFixtures(TABLE, 'tests/test_own.py')).toEqual({});
  });

  test('a fixture named by an expression hides every farther fixture', () => {
    expect(visibleSessionFixtures(TABLE, 'tests/dynamic/test_x.py')).toEqual({});
  });

  test('modules that are not tests see none', () => {
    expect(visibleSessionFixtures(TABLE, 'app/crud.py')).toEqual({});
  });

  test("the run's words hold every session fixture's name, so a test naming nothing else is read", () => {
    expect(runSessionWords({ ...DEFAULT_TRANSFORM_OPTIONS, sessionFixtures: TABLE })).toEqual(expect.arrayContaining(['db', 'session']));
    expect(runSessionWords({ ...DEFAULT_TRANSFORM_OPTIONS, sessionFixtures: TABLE })).not.toContain('client');
  });
});

describe('moduleFixtures', () => {
  const table = (source: string): Record<string, FixtureEntry> | null => {
    const tree = parsePython(source);
    return moduleFixtures(tree, source, new SessionResolver(tree, collectImports(tree), { dependencyNames: ['get_db'], facades: [] }));
  };

  test('a sync session fixture in a converted shape, by its requested name; other fixtures hide', () => {
    const source = [
      'import pytest',
      'from sqlmodel import Session',
      'from app.db import SessionLocal, engine',
      '@pytest.fixture',
      'def db():',
      '    session = SessionLocal()',
      '    yield session',
      '    session.close()',
      '@pytest.fixture(name="session")',
      'def session_fixture():',
      '    with Session(engine) as session:',
      '        yield session',
      '@pytest.fixture',
      'def client():',
      '    return object()',
      '',
    ].join('\n');
    // Imported names hide too: one may be a fixture of another module.
    expect(table(source)).toEqual({ db: false, session: true, client: null, Session: null, SessionLocal: null, engine: null });
  });

  test('a fixture opening its session with an imported name waits for the project pass to say whether it is a factory', () => {
    const source = 'import pytest\nfrom app.db import Session\n@pytest.fixture\ndef db_session():\n    try:\n        session = Session()\n        yield session\n    finally:\n        session.close()\n';
    expect(table(source)).toEqual({ Session: null, db_session: { factory: { module: 'app.db', name: 'Session', relativeLevel: 0 } } });
  });

  test('a fixture imported from another module hides the name', () => {
    expect(table('from tests.fakes import db\nfrom .helpers import make as factory\nfrom app.models import *\n')).toEqual({ db: null, factory: null });
  });

  test('a fixture named by an expression hides any name', () => {
    expect(table('import pytest\nNAME = "db"\n@pytest.fixture(name=NAME)\ndef anything():\n    return 1\n')).toEqual({ [ANY_FIXTURE]: null });
  });
});

describe('a parameter named after a session fixture', () => {
  const OPTIONS: SessionOptions = { dependencyNames: ['get_db'], facades: [], fixtures: { db: false } };
  /** Whether the receiver of each `.commit()` call, in order, resolves to a session. */
  const commits = (source: string): boolean[] => {
    const tree = parsePython(source);
    const resolver = new SessionResolver(tree, collectImports(tree), OPTIONS);
    return tree
      .root()
      .findAll({ rule: { kind: 'call' } })
      .filter((c) => c.field('function')?.field('attribute')?.text() === 'commit')
      .map((c) => resolver.resolve(c.field('function')?.field('object') as SgNode) !== null);
  };

  test('is the session in tests, test methods and fixtures', () => {
    const source = [
      'import pytest',
      'def test_a(db):',
      '    db.commit()',
      'class TestB:',
      '    def test_b(self, db):',
      '        db.commit()',
      '@pytest.fixture',
      'def seeded(db):',
      '    db.commit()',
      '',
    ].join('\n');
    expect(commits(source)).toEqual([true, true, true]);
  });

  test('is not in helpers, nested defs, parametrized tests, own-name fixtures, or beside a class fixture', () => {
    const source = [
      'import pytest',
      'def helper(db):',
      '    db.commit()',
      'def test_nested(db):',
      '    def inner():',
      '        db.commit()',
      '@pytest.mark.parametrize("db", [1])',
      'def test_param(db):',
      '    db.commit()',
      '@pytest.fixture',
      'def db(db):',
      '    db.commit()',
      'class TestC:',
      '    @pytest.fixture',
      '    def db(self):',
      '        return 1',
      '    def test_c(self, db):',
      '        db.commit()',
      'class Helper:',
      '    def test_d(self, db):',
      '        db.commit()',
      'def test_default(db=None):',
      '    db.commit()',
      '',
    ].join('\n');
    expect(commits(source)).toEqual([false, false, false, false, false, false, false]);
  });

  test('is not when the module imports the name (a fixture of another module, maybe)', () => {
    expect(commits('from tests.fakes import db\ndef test_a(db):\n    db.commit()\n')).toEqual([false]);
    expect(commits('from .fakes import db\ndef test_a(db):\n    db.commit()\n')).toEqual([false]);
  });
});
