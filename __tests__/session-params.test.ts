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

  test('annotated, defaulted, rebound parameters, nested and decorated functions and methods (but staticmethods), and `self` are no candidates', () => {
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
        self.add(db)

    @staticmethod
    def static(db):
        db.commit()

    @functools.cache
    def cached(self, db):
        db.commit()

    def __call__(self, db):
        db.commit()

    def unbound(db):
        db.commit()


def outer():
    def nested(db):
        db.commit()
    return nested

    class Local:
        def method(self, db):
            db.commit()


def plain(db, item):
    db.commit()
`);
    expect(found?.defs).toEqual({
      plain: { params: ['db', 'item'], cands: ['db'] },
      'Repo.method': { params: ['db'], cands: ['db'] },
      'Repo.static': { params: ['db'], cands: ['db'], bind: 'static' },
    });
    expect(found?.classes).toEqual({ Repo: { bases: [], names: ['method', 'static', 'cached', '__call__', 'unbound'] } });
  });

  test('methods called on module-level instances, through packages, bases and `self`, take the session their calls hand', () => {
    const found = infer({
      'app/base.py': `class CRUDBase:
    def __init__(self, model):
        self.model = model

    def get(self, db, id):
        return db.get(self.model, id)

    def remove(self, db, id):
        obj = self.get(db, id)
        db.delete(obj)
`,
      'app/users.py': `from typing import Generic
from app.base import CRUDBase
from app.models import User


class CRUDUser(CRUDBase, Generic[T]):
    def by_email(self, db, email):
        return db.query(User).filter(User.email == email).first()


user = CRUDUser(User)
`,
      'app/items.py': `from app import base


class CRUDItem(base.CRUDBase):
    def get(self, db, id):
        return db.get(Item, id)


item = CRUDItem(Item)
plain = base.CRUDBase(Tag)
`,
      'app/routes.py': `from sqlalchemy.orm import Session
from app import users, items


def route(db: Session):
    users.user.by_email(db, "a")
    users.user.remove(db, 1)
    items.item.get(db, 2)
`,
    });
    expect(found).toEqual({
      'app/users.py': { 'CRUDUser.by_email': { db: false } },
      'app/base.py': { 'CRUDBase.remove': { db: false }, 'CRUDBase.get': { db: false } },
      'app/items.py': { 'CRUDItem.get': { db: false } },
    });
  });

  test('a call on `self` hands its arguments to the overrides of the method in subclasses too', () => {
    const found = infer({
      'app/base.py': `class CRUDBase:
    def get(self, db, id):
        return db.get(Thing, id)

    def remove(self, db, id):
        obj = self.get(db, id)
        db.delete(obj)
`,
      'app/items.py': `from app.base import CRUDBase


class CRUDItem(CRUDBase):
    def get(self, db, id):
        return db.query(Item).filter(Item.id == id).first()


class Audited(CRUDItem, Mixin):
    def get(self, db, id):
        db.flush()
        return super().get(db, id)


item = CRUDItem()
`,
      'app/routes.py': `from sqlalchemy.orm import Session
from app.items import item


def route(db: Session, other):
    item.remove(db, 1)
`,
    });
    expect(found).toEqual({
      'app/base.py': { 'CRUDBase.remove': { db: false }, 'CRUDBase.get': { db: false } },
      'app/items.py': { 'CRUDItem.get': { db: false }, 'Audited.get': { db: false } },
    });
  });

  test('a method is found on the MRO of a class with several bases, and a mixin\'s call on `self` reaches the class it is mixed into', () => {
    const found = infer({
      'app/repo.py': `class Base:
    def store(self, db):
        db.flush()


class Mixin:
    def keep(self, db):
        self.store(db)


class Other:
    def ping(self):
        pass


class Mixed(Mixin, Other, Base):
    pass


mixed = Mixed()
`,
      'app/routes.py': `from sqlalchemy.orm import Session
from app.repo import mixed


def route(db: Session):
    mixed.keep(db)
`,
    });
    expect(found).toEqual({ 'app/repo.py': { 'Mixin.keep': { db: false }, 'Base.store': { db: false } } });
  });

  test('staticmethods and classmethods are reached through the class, an instance and `cls`; a plain method through the class is not', () => {
    const found = infer({
      'app/repo.py': `class Repo:
    @staticmethod
    def get(db, id):
        db.flush()

    @classmethod
    def make(cls, db):
        cls.get(db, 1)

    @property
    def size(self):
        return 0

    def plain(self, db):
        db.flush()

    @cached
    def other(db):
        db.flush()


repo = Repo()
`,
      'app/routes.py': `from sqlalchemy.orm import Session
from app.repo import Repo, repo


def route(db: Session):
    Repo.make(db)
    repo.make(db)
    Repo.plain(repo, db)
    Repo.other(db)
`,
    });
    expect(found).toEqual({ 'app/repo.py': { 'Repo.make': { db: false }, 'Repo.get': { db: false } } });
  });

  test('an import in the function (or one enclosing it) binds the callee, over the module\'s name; two different ones bind nothing', () => {
    const found = infer({
      'app/crud.py': 'def save(db):\n    db.commit()\n\n\ndef keep(db):\n    db.flush()\n',
      'app/other.py': 'def save(db):\n    db.commit()\n\n\ndef keep(db):\n    db.flush()\n',
      'app/routes.py': `from sqlalchemy.orm import Session
from app.other import save


def route(db: Session):
    from app.crud import save

    def inner():
        save(db)

    inner()


def twice(db: Session, fast):
    if fast:
        from app.crud import keep
    else:
        from app.other import keep
    keep(db)
`,
    });
    expect(found).toEqual({ 'app/crud.py': { save: { db: false } } });
  });

  test('a method is not taken when a call hands it something else, a base of its class is not a project class, or its instance is rebound', () => {
    const files = (mixedBases: string, rebound: string): Record<string, string> => ({
      'app/repo.py': `class Base:
    def store(self, db):
        db.flush()


class Mixed(${mixedBases}):
    pass


class Plain:
    def keep(self, db):
        db.flush()


class Repo:
    def save(self, db, obj):
        db.flush()


mixed = Mixed()
again = Plain()
${rebound}
repo = Repo()
`,
      'app/routes.py': `from sqlalchemy.orm import Session
from app.repo import repo, mixed, again


def route(db: Session, other):
    repo.save(db, 1)
    repo.save(other, 2)
    mixed.store(db)
    again.keep(db)
`,
    });
    expect(infer(files('Base, Other', 'again = Plain()'))).toEqual({});
    // The same calls with one base and one binding: both taken, so the refusals above are the bases and the rebinding.
    expect(infer(files('Base', ''))).toEqual({ 'app/repo.py': { 'Base.store': { db: false }, 'Plain.keep': { db: false } } });
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
