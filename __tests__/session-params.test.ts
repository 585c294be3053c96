// Unannotated parameters taken for sessions from the calls handing them one (query/session-params.ts): the
// summary of a file, and the whole-project decision, on cases the preset fixtures do not reach.
import { DEFAULT_TRANSFORM_OPTIONS, type SessionFactoryKind } from '../engine/types';
import { inferSessionParams, summarizeHandoffs, type HandoffSummary } from '../transforms/python/query/session-params';
import { SessionResolver, sessionOptionsFrom } from '../transforms/python/query/sessions';
import { collectImports } from '../transforms/python/support/imports';
import { parsePython } from '../transforms/python/support/language';
import { staysSyncSession } from '../transforms/python/query/sync-sessions';
import { callArgs } from '../transforms/python/query/syntax';

function summary(source: string, path = 'app/crud.py'): HandoffSummary | null {
  const tree = parsePython(source);
  const imports = collectImports(tree);
  return summarizeHandoffs(tree, imports, new SessionResolver(tree, imports, sessionOptionsFrom(DEFAULT_TRANSFORM_OPTIONS, path)), path.startsWith('tests/'));
}

/** The inference over files given by source, each its own module `app/<name>.py` importable as `app.<name>`. */
function infer(files: Record<string, string>): Record<string, Record<string, Record<string, boolean>>> {
  const summaries = new Map<string, { handoffs?: HandoffSummary }>();
  for (const [path, source] of Object.entries(files)) {
    const handoffs = summary(source, path);
    summaries.set(path, handoffs ? { handoffs } : {});
  }
  return inferSessionParams(summaries, (module) => {
    const path = `${module.replace(/^\.+/, 'app.').replace(/\./g, '/')}.py`;
    return summaries.has(path) ? path : null;
  });
}

const ROUTE = `from sqlalchemy.orm import Session
from app.crud import walk, save


def route(db: Session):
    walk(db, 3)
    save(db)
`;

describe('session parameters inferred from their calls', () => {
  test('a recursive helper handing itself its own parameter is a session when a caller hands it one', () => {
    const found = infer({
      'app/crud.py': `def walk(db, depth):
    db.flush()
    if depth > 0:
        walk(db, depth - 1)


def save(db):
    db.commit()
`,
      'app/routes.py': ROUTE,
    });
    expect(found).toEqual({ 'app/crud.py': { walk: { db: false }, save: { db: false } } });
  });

  test('a cycle of parameters no session reaches is not taken', () => {
    const found = infer({
      'app/crud.py': `def ping(db, n):
    db.flush()
    pong(db, n)


def pong(db, n):
    ping(db, n)
`,
    });
    expect(found).toEqual({});
  });

  test("handed SQLAlchemy's session by one caller and SQLModel's by another: not taken", () => {
    const found = infer({
      'app/crud.py': 'def save(db):\n    db.commit()\n',
      'app/a.py': 'from sqlalchemy.orm import Session\nfrom app.crud import save\n\n\ndef a(db: Session):\n    save(db)\n',
      'app/b.py': 'from sqlmodel import Session\nfrom app.crud import save\n\n\ndef b(db: Session):\n    save(db)\n',
    });
    expect(found).toEqual({});
  });

  test('a call with *args hands unknown values: not taken', () => {
    const found = infer({
      'app/crud.py': 'def save(db):\n    db.commit()\n\n\ndef again(*args):\n    save(*args)\n',
      'app/routes.py': ROUTE,
    });
    expect(found['app/crud.py']?.save).toBeUndefined();
  });

  test('a parameter handed on to one that is handed something else: the first is a session, the other not', () => {
    const found = infer({
      'app/crud.py': `def save(db):
    db.commit()


def service(db):
    save(db)


def other():
    save(object())
`,
      'app/routes.py': 'from sqlalchemy.orm import Session\nfrom app.crud import service\n\n\ndef route(db: Session):\n    service(db)\n',
    });
    expect(found).toEqual({ 'app/crud.py': { service: { db: false } } });
  });

  test('annotated, defaulted, rebound parameters, methods, nested and decorated functions are no candidates', () => {
    const found = summary(`import functools


def annotated(db: object):
    db.commit()


def defaulted(db=None):
    db.commit()


def rebound(db):
    db = db or make()
    db.commit()


@functools.cache
def decorated(db):
    db.commit()


class Repo:
    def method(self, db):
        db.commit()


def outer():
    def nested(db):
        db.commit()
    return nested


def plain(db, item):
    db.commit()
`);
    expect(found?.defs).toEqual({ plain: { params: ['db', 'item'], cands: ['db'] } });
  });

  test('keyword-only parameters are matched by keyword only', () => {
    const found = infer({
      'app/crud.py': 'def save(item, *, db):\n    db.add(item)\n    db.commit()\n',
      'app/routes.py': 'from sqlalchemy.orm import Session\nfrom app.crud import save\n\n\ndef route(db: Session):\n    save(1, db=db)\n',
    });
    expect(found).toEqual({ 'app/crud.py': { save: { db: false } } });
  });
});

describe('sessions the run knows stay sync (staysSyncSession)', () => {
  /** Whether the session handed to `helper(...)` in `source` (module app/jobs.py) stays sync, with a factory table. */
  function handedStaysSync(source: string, factories: Record<string, SessionFactoryKind> = {}): boolean {
    const tree = parsePython(source);
    const imports = collectImports(tree);
    const options = { ...DEFAULT_TRANSFORM_OPTIONS, sessionFactories: factories };
    const sessions = new SessionResolver(tree, imports, sessionOptionsFrom(options, 'app/jobs.py'));
    const call = tree.root().findAll({ rule: { kind: 'call' } }).find((c) => c.field('function')?.text() === 'helper')!;
    const info = sessions.resolve(callArgs(call).positional[0]!);
    expect(info).not.toBeNull();
    return staysSyncSession(info!, sessions, options, '/p/app/jobs.py');
  }

  test('Session(engine) on an engine the function binds stays sync; on a module-level one it is not told', () => {
    expect(handedStaysSync(`from sqlalchemy.orm import Session\n\n\ndef job(engine):\n    with Session(engine) as s:\n        helper(s)\n`)).toBe(true);
    expect(handedStaysSync(`from sqlalchemy import create_engine\nfrom sqlalchemy.orm import Session\n\n\ndef job(url):\n    engine = create_engine(url)\n    with Session(engine) as s:\n        helper(s)\n`)).toBe(true);
    expect(handedStaysSync(`from sqlalchemy import create_engine\nfrom sqlalchemy.orm import Session\n\nengine = create_engine("sqlite://")\n\n\ndef job():\n    with Session(engine) as s:\n        helper(s)\n`)).toBe(false);
  });

  test('AsyncSession(engine) makes an AsyncSession whatever its engine', () => {
    expect(handedStaysSync(`from sqlalchemy.ext.asyncio import AsyncSession\n\n\nasync def job(engine):\n    async with AsyncSession(engine) as s:\n        helper(s)\n`)).toBe(false);
  });

  test('a project factory stays sync when the factory table gives it no twin', () => {
    const local = `from sqlalchemy import create_engine\nfrom sqlalchemy.orm import sessionmaker\n\nget_session = sessionmaker(bind=create_engine("sqlite://"))\n\n\ndef job():\n    s = get_session()\n    helper(s)\n`;
    expect(handedStaysSync(local, { 'app.jobs.get_session': 'none', 'jobs.get_session': 'none' })).toBe(true);
    expect(handedStaysSync(local, { 'app.jobs.get_session': 'twin', 'jobs.get_session': 'twin' })).toBe(false);
    expect(handedStaysSync(local)).toBe(false);
    const imported = `from app.db import make_session\n\n\ndef job():\n    with make_session() as s:\n        helper(s)\n`;
    expect(handedStaysSync(imported, { 'app.db.make_session': 'none' })).toBe(true);
    expect(handedStaysSync(imported, { 'app.db.make_session': 'twin' })).toBe(false);
  });
});

describe('session parameters through re-exports', () => {
  test("a call through a package's __init__.py re-export reaches the def in its submodule", () => {
    const summaries = new Map<string, { handoffs?: HandoffSummary; reexports?: ReadonlyMap<string, { module: string; name: string }> }>();
    summaries.set('app/crud/users.py', { handoffs: summary('def get_user(db, user_id):\n    return db.get(1, user_id)\n', 'app/crud/users.py') ?? undefined });
    summaries.set('app/crud/__init__.py', { reexports: new Map([['get_user', { module: '.users', name: 'get_user' }]]) });
    summaries.set('app/routes.py', {
      handoffs: summary('from sqlalchemy.orm import Session\nfrom app import crud\n\n\ndef route(db: Session):\n    return crud.get_user(db, 1)\n', 'app/routes.py') ?? undefined,
    });
    const files: Record<string, string> = { 'app.crud': 'app/crud/__init__.py', '.users': 'app/crud/users.py' };
    const found = inferSessionParams(summaries, (module) => files[module] ?? null);
    expect(found).toEqual({ 'app/crud/users.py': { get_user: { db: false } } });
  });
});
