// propagate-async beyond its fixtures (__tests__/fixtures.test.ts runs the directory fixtures through
// the engine, options.json included): the indexer's name resolution on its own, and the blog app.
import * as path from 'node:path';
import { DEFAULT_TRANSFORM_OPTIONS } from '../engine/types';
import { pythonProjectIndexer } from '../transforms/python/index/indexer';
import type { ModuleSummary } from '../transforms/python/index/types';
import { transform } from '../transforms/python/propagate-async';
import type { AsyncPlan } from '../transforms/python/propagate/plan';
import { parsePython } from '../transforms/python/support/language';
import { removeTempDirs, tempDir } from './helpers/cli';
import { readTree, runProject } from './helpers/project-fixtures';

afterAll(removeTempDirs);

const ROOT = path.join(__dirname, '..', 'testfixtures', 'python', 'propagate-async');

describe('reason chains', () => {
  test('a route made async names the chain down to the awaited session call', () => {
    const run = runProject(transform, readTree(path.join(ROOT, 'route-service-crud', 'input')));
    expect(run.reasons).toContain(
      'app/services/user_service.py: propagate-async: get_user is async because it awaits crud_user.get (app/crud/base.py: CRUDBase.get awaits db.get)',
    );
    expect(run.reasons).toContain(
      'app/api/routes/users.py: propagate-async: route handler read_user is async because it awaits user_service.get_user (app/services/user_service.py: get_user awaits crud_user.get; app/crud/base.py: CRUDBase.get awaits db.get)',
    );
  });
});

/** Builds the project index over in-memory files and evaluates one call site's callee. */
function resolveIn(files: Record<string, string>, file: string, calleeText: string): string | null {
  const summaries = new Map<string, ModuleSummary>();
  for (const [rel, source] of Object.entries(files)) {
    summaries.set(rel, pythonProjectIndexer.summarize({ path: rel, absPath: `/repo/${rel}`, source, tree: parsePython(source), options: DEFAULT_TRANSFORM_OPTIONS }));
  }
  const index = pythonProjectIndexer.build(summaries, DEFAULT_TRANSFORM_OPTIONS);
  const module = summaries.get(file) as ModuleSummary;
  const sites = [...module.moduleCalls, ...module.functions.flatMap((f) => f.calls)].filter((c) => c.text === calleeText);
  if (sites.length !== 1) throw new Error(`${sites.length} calls of ${calleeText} in ${file}`);
  const fn = index.resolveFunction(file, sites[0]!.callee);
  if (!fn) return null;
  const target = index.function(fn.path, fn.id);
  return `${fn.path}:${target?.qualname}`;
}

describe('project index resolution', () => {
  test('a module-level instance re-exported by a package, imported under an alias', () => {
    const files = {
      'src/app/crud/base.py': 'class CRUDBase:\n    def get(self, db, id):\n        return None\n',
      'src/app/crud/crud_user.py': 'from app.crud.base import CRUDBase\nclass CRUDUser(CRUDBase):\n    pass\nuser = CRUDUser()\n',
      'src/app/crud/__init__.py': 'from .crud_user import user\n',
      'src/app/api.py': 'from app.crud import user as crud_user\ndef f(db):\n    return crud_user.get(db, 1)\n',
    };
    expect(resolveIn(files, 'src/app/api.py', 'crud_user.get')).toBe('src/app/crud/base.py:CRUDBase.get');
  });

  test('a plain import of a dotted module path, and a package without __init__.py', () => {
    const files = {
      'app/services/users.py': 'def find(db):\n    return 1\n',
      'app/api.py': 'import app.services.users\ndef f(db):\n    return app.services.users.find(db)\n',
    };
    expect(resolveIn(files, 'app/api.py', 'app.services.users.find')).toBe('app/services/users.py:find');
  });

  test('the same import written twice is one binding; two different bindings of a name stay unresolved', () => {
    const files = {
      'app/crud.py': 'def find(db):\n    return 1\n',
      'app/other.py': 'def find(db):\n    return 2\n',
      'app/twice.py': 'from app.crud import find\nfrom app.crud import find\ndef f(db):\n    return find(db)\n',
      'app/plain.py': 'import app\nimport app\ndef f(db):\n    return app.crud.find(db)\n',
      'app/mixed.py': 'from app.crud import find\nfrom app.other import find\ndef f(db):\n    return find(db)\n',
      'app/rebound.py': 'from app.crud import find\nfind = None\ndef f(db):\n    return find(db)\n',
    };
    expect(resolveIn(files, 'app/twice.py', 'find')).toBe('app/crud.py:find');
    expect(resolveIn(files, 'app/plain.py', 'app.crud.find')).toBe('app/crud.py:find');
    expect(resolveIn(files, 'app/mixed.py', 'find')).toBeNull();
    expect(resolveIn(files, 'app/rebound.py', 'find')).toBeNull();
  });

  test('an ambiguous module path is not resolved, unless only one candidate root holds the importer', () => {
    const files = {
      'a/utils.py': 'def helper():\n    return 1\n',
      'b/utils.py': 'def helper():\n    return 2\n',
      'c/main.py': 'from utils import helper\ndef f():\n    return helper()\n',
      'a/main.py': 'from utils import helper\ndef g():\n    return helper()\n',
    };
    expect(resolveIn(files, 'c/main.py', 'helper')).toBeNull();
    expect(resolveIn(files, 'a/main.py', 'helper')).toBe('a/utils.py:helper');
  });

  test('self attributes typed by constructor injection, parameters typed by annotations and Depends', () => {
    const files = {
      'app/repo.py': 'class Repo:\n    def get(self, i):\n        return i\ndef get_repo() -> Repo:\n    return Repo()\n',
      'app/svc.py': [
        'from typing import Annotated, Optional',
        'from fastapi import Depends',
        'from app.repo import Repo, get_repo',
        'class Service:',
        '    def __init__(self, repo: Repo):',
        '        self.repo = repo',
        '    def find(self, i):',
        '        return self.repo.get(i)',
        'def a(repo: Optional["Repo"] = None):',
        '    return repo.get(1)',
        'def b(repo=Depends(get_repo)):',
        '    return repo.get(2)',
        'def c(repo: Annotated[Repo, Depends()]):',
        '    return repo.get(3)',
        '',
      ].join('\n'),
    };
    expect(resolveIn(files, 'app/svc.py', 'self.repo.get')).toBe('app/repo.py:Repo.get');
    const summaries = new Map<string, ModuleSummary>();
    for (const [rel, source] of Object.entries(files)) {
      summaries.set(rel, pythonProjectIndexer.summarize({ path: rel, absPath: `/repo/${rel}`, source, tree: parsePython(source), options: DEFAULT_TRANSFORM_OPTIONS }));
    }
    const index = pythonProjectIndexer.build(summaries, DEFAULT_TRANSFORM_OPTIONS);
    const calls = (summaries.get('app/svc.py') as ModuleSummary).functions.filter((f) => ['a', 'b', 'c'].includes(f.name)).map((f) => f.calls[0]);
    for (const call of calls) expect(index.resolveFunction('app/svc.py', call!.callee)).toEqual({ path: 'app/repo.py', id: expect.any(Number) });
  });

  test('a generic class annotation is an instance of the class; Type[...] and Callable[...] are not', () => {
    const files = {
      'app/repo.py': 'from typing import Generic, TypeVar\nT = TypeVar("T")\nclass Repository(Generic[T]):\n    def get(self, i):\n        return i\n',
      'app/svc.py': [
        'from typing import Callable, Type',
        'from app.repo import Repository',
        'def a(users: Repository[int]):',
        '    return users.get(1)',
        'def b(kind: Type[Repository[int]]):',
        '    return kind.get(2)',
        'def c(make: Callable[[], Repository[int]]):',
        '    return make.get(3)',
        '',
      ].join('\n'),
    };
    expect(resolveIn(files, 'app/svc.py', 'users.get')).toBe('app/repo.py:Repository.get');
    expect(resolveIn(files, 'app/svc.py', 'kind.get')).toBeNull();
    expect(resolveIn(files, 'app/svc.py', 'make.get')).toBeNull();
  });

  test('classmethods, staticmethods, super() and the MRO across modules', () => {
    const files = {
      'app/base.py': 'class Base:\n    def save(self):\n        return 1\n    @classmethod\n    def make(cls):\n        return cls()\n',
      'app/child.py': [
        'from app.base import Base',
        'class Child(Base):',
        '    def save(self):',
        '        return super().save()',
        '    @staticmethod',
        '    def util():',
        '        return Child.make()',
        '',
      ].join('\n'),
    };
    expect(resolveIn(files, 'app/child.py', 'super().save')).toBe('app/base.py:Base.save');
    expect(resolveIn(files, 'app/child.py', 'Child.make')).toBe('app/base.py:Base.make');
  });

  test('a local that shadows an imported name is not taken for it', () => {
    const files = {
      'app/helpers.py': 'def load(db):\n    return 1\n',
      'app/main.py': 'from app.helpers import load\ndef f(db, load):\n    return load(db)\n',
    };
    expect(resolveIn(files, 'app/main.py', 'load')).toBeNull();
  });
});

/** The propagate-async findings over in-memory files (the input as insert-await leaves it). */
function findingsOf(files: Record<string, string>, rule: string): string[] {
  return runProject(transform, new Map(Object.entries(files))).findings.filter((f) => f.includes(`:${rule}@`));
}

const REPO = [
  'from sqlalchemy import select',
  'from sqlalchemy.ext.asyncio import AsyncSession',
  'class Repo:',
  '    def __init__(self, db: AsyncSession):',
  '        self.db = db',
  '    def get(self, pk):',
  '        return await self.db.get(Repo, pk)',
  '    def all(self):',
  '        return (await self.db.scalars(select(Repo))).all()',
  '    def delete(self, obj):',
  '        await self.db.delete(obj)',
  '',
].join('\n');

describe('calls on receivers of unknown class (ASYNC-CALL-UNKNOWN-RECEIVER)', () => {
  const RULE = 'ASYNC-CALL-UNKNOWN-RECEIVER';

  test('third-party values, what they return, yield and await to are not project objects', () => {
    const files = {
      'app/repo.py': REPO,
      'app/routes.py': [
        'from fastapi import APIRouter',
        'from sqlalchemy import MetaData',
        'router = APIRouter()',
        'meta = MetaData()',
        '@router.get("/")',
        'def index(conn):',
        '    for table in reversed(meta.sorted_tables):',
        '        conn.execute(table.delete())',
        '    return 1',
        '',
      ].join('\n'),
    };
    expect(findingsOf(files, RULE)).toEqual([]);
  });

  test('items of a builtin container may be anything, and are flagged', () => {
    const files = {
      'app/repo.py': REPO,
      'app/jobs.py': 'def purge(repos: list, obj):\n    for r in repos:\n        r.delete(obj)\n',
    };
    expect(findingsOf(files, RULE)).toEqual([`app/jobs.py:${RULE}@3`]);
  });

  test('what a project function returns or provides is followed: a third-party client is not a suspect', () => {
    const files = {
      'app/repo.py': REPO,
      'app/clients.py': 'import redis\nREGISTRY = {}\ndef get_redis():\n    return redis.Redis()\ndef make():\n    return REGISTRY["repo"]\n',
      'app/use.py': [
        'from fastapi import Depends',
        'from app.clients import get_redis, make',
        'def a(key):',
        '    return get_redis().get(key)',
        'def b(key, r=Depends(get_redis)):',
        '    return r.get(key)',
        'def c(key):',
        '    return make().get(key)',
        '',
      ].join('\n'),
    };
    expect(findingsOf(files, RULE)).toEqual([`app/use.py:${RULE}@8`]);
  });

  test('items of an annotated container are of the annotated class', () => {
    const files = {
      'app/repo.py': REPO,
      'app/jobs.py': [
        'from typing import Dict, Iterable, List',
        'from app.repo import Repo',
        'def rows_csv(rows: Iterable[Dict[str, str]]):',
        '    for row in rows:',
        '        row.get("id")',
        'def first(repos: List[Repo], pk):',
        '    for repo in repos:',
        '        return repo.get(pk)',
        '',
      ].join('\n'),
    };
    expect(findingsOf(files, RULE)).toEqual([`app/jobs.py:${RULE}@8`]);
  });

  test('only methods made async by this run count: one async before, or one that stays sync, does not', () => {
    const files = {
      'app/repo.py': REPO,
      'app/other.py': 'class Cache:\n    async def find(self, k):\n        return k\n    def lookup(self, k):\n        return k\n',
      'app/use.py': 'def f(x, k):\n    return x.find(k), x.lookup(k)\n',
    };
    expect(findingsOf(files, RULE)).toEqual([]);
  });

  test('an unknown receiver is flagged, never awaited on a name guess, even when one class has the method and the caller becomes async', () => {
    const files = {
      'app/repo.py': REPO,
      'app/use.py': 'from app.repo import Repo\ndef f(repo: Repo, other, pk):\n    return repo.get(pk), other.get(pk)\n',
    };
    const run = runProject(transform, new Map(Object.entries(files)));
    expect(run.outputs.get('app/use.py')).toBe('from app.repo import Repo\nasync def f(repo: Repo, other, pk):\n    return await repo.get(pk), other.get(pk)\n');
    expect(run.findings).toEqual([`app/use.py:${RULE}@3`]);
  });

  test('an unannotated test parameter is the fixture of its name: a TestClient is third-party, a service fixture resolved', () => {
    const files = {
      'app/repo.py': REPO,
      'app/services.py': 'from app.repo import Repo\nclass Service:\n    def __init__(self, repo: Repo):\n        self.repo = repo\n    def find(self, pk):\n        return self.repo.get(pk)\n',
      'tests/conftest.py': [
        'import pytest',
        'from fastapi.testclient import TestClient',
        'from app.main import app',
        'from app.repo import Repo',
        'from app.services import Service',
        '@pytest.fixture',
        'def client():',
        '    with TestClient(app) as c:',
        '        yield c',
        '@pytest.fixture',
        'def service(db):',
        '    return Service(Repo(db))',
        '',
      ].join('\n'),
      'tests/api/test_items.py': 'def test_api(client, mocker):\n    assert client.get("/").status_code == 200\n    mocker.patch.dict({}).get("x")\n\ndef test_service(service):\n    assert service.find(1) is None\n',
    };
    // The service fixture is the only one of its name: its value's class is known, the call resolved and awaited.
    expect(findingsOf(files, RULE)).toEqual([]);
    // A fixture of that name in a class somewhere (it may be the one pytest hands): not resolved, flagged.
    const classFixture = 'import pytest\nclass TestOther:\n    @pytest.fixture\n    def service(self):\n        return None\n    def test_x(self, service):\n        pass\n';
    expect(findingsOf({ ...files, 'tests/test_other.py': classFixture }, RULE)).toEqual([`tests/api/test_items.py:${RULE}@6`]);
  });

  test('with a session argument the call is ASYNC-CALL-UNRESOLVED alone, and its message names the candidates', () => {
    const files = {
      'app/repo.py': REPO,
      'app/use.py': 'from sqlalchemy.ext.asyncio import AsyncSession\ndef f(svc, db: AsyncSession):\n    return svc.get(db, 1)\n',
    };
    expect(runProject(transform, new Map(Object.entries(files))).findings).toEqual(['app/use.py:ASYNC-CALL-UNRESOLVED@3']);
    const summaries = new Map<string, ModuleSummary>();
    for (const [rel, source] of Object.entries(files)) {
      summaries.set(rel, pythonProjectIndexer.summarize({ path: rel, absPath: `/repo/${rel}`, source, tree: parsePython(source), options: DEFAULT_TRANSFORM_OPTIONS }));
    }
    const plan = transform.indexer!.build(summaries, DEFAULT_TRANSFORM_OPTIONS) as AsyncPlan;
    const [finding] = plan.fileFor('app/use.py', files['app/use.py'])!.findings;
    expect(finding?.message).toContain('a method `get` becomes async in `Repo.get` (app/repo.py:6)');
  });
});

describe('fixture values', () => {
  const REPOS = 'class UserRepo:\n    def create(self, email):\n        return None\nclass OtherRepo:\n    def create(self, email):\n        return None\n';
  const conftest = (body: string): string => `import pytest\nfrom app.repos import UserRepo, OtherRepo\n${body}`;
  const ROOT_CONFTEST = conftest('@pytest.fixture\ndef repo(db):\n    return UserRepo(db)\n');
  const TEST = 'def test_x(repo):\n    repo.create("a")\n';

  test('a test parameter is the fixture pytest finds by its name: the nearest conftest defining it', () => {
    const files = { 'app/repos.py': REPOS, 'tests/conftest.py': ROOT_CONFTEST, 'tests/api/test_x.py': TEST };
    expect(resolveIn(files, 'tests/api/test_x.py', 'repo.create')).toBe('app/repos.py:UserRepo.create');
    const closer = conftest('@pytest.fixture\ndef repo():\n    yield OtherRepo()\n');
    expect(resolveIn({ ...files, 'tests/api/conftest.py': closer }, 'tests/api/test_x.py', 'repo.create')).toBe('app/repos.py:OtherRepo.create');
    // The test module's own fixture comes first; `name=` is the name it is requested by.
    const own = `import pytest\nfrom app.repos import OtherRepo\n@pytest.fixture(name="repo")\ndef repo_fixture():\n    return OtherRepo()\n${TEST}`;
    expect(resolveIn({ ...files, 'tests/api/test_x.py': own }, 'tests/api/test_x.py', 'repo.create')).toBe('app/repos.py:OtherRepo.create');
  });

  test('not resolved where pytest may hand the parameter something else', () => {
    const files = { 'app/repos.py': REPOS, 'tests/conftest.py': ROOT_CONFTEST };
    const cases: Record<string, string> = {
      parametrized: `import pytest\n@pytest.mark.parametrize("repo", [None])\n${TEST}`,
      'imported fixture': `from tests.fakes import repo\n${TEST}`,
      'star import': `from tests.fakes import *\n${TEST}`,
      'module pytestmark': `import pytest\npytestmark = pytest.mark.parametrize("repo", [None])\n${TEST}`,
      'class with a base': 'class TestX(Base):\n    def test_x(self, repo):\n        repo.create("a")\n',
      'two fixtures of the name in the module': `import pytest\n@pytest.fixture\ndef repo():\n    return None\n@pytest.fixture(name="repo")\ndef other():\n    return None\n${TEST}`,
      'a name= that is no literal': `import pytest\nNAME = "x"\n@pytest.fixture(name=NAME)\ndef f():\n    return None\n${TEST}`,
      'pytest_generate_tests': `def pytest_generate_tests(metafunc):\n    pass\n${TEST}`,
      'a fixture with another decorator': `import pytest\nfrom app.repos import UserRepo\n@pytest.fixture\n@wrapped\ndef repo():\n    return UserRepo()\n${TEST}`,
    };
    for (const [what, source] of Object.entries(cases)) {
      expect([what, resolveIn({ ...files, 'tests/test_x.py': source }, 'tests/test_x.py', 'repo.create')]).toEqual([what, null]);
    }
  });

  test("a fixture's parameter is resolved only when the project defines one fixture of its name", () => {
    const seeded = conftest('@pytest.fixture\ndef repo(db):\n    return UserRepo(db)\n@pytest.fixture\ndef alice(repo):\n    return repo.create("a")\n');
    const files = { 'app/repos.py': REPOS, 'tests/conftest.py': seeded };
    expect(resolveIn(files, 'tests/conftest.py', 'repo.create')).toBe('app/repos.py:UserRepo.create');
    // A test below the other conftest requesting `alice` hands it that conftest's `repo`.
    const other = conftest('@pytest.fixture\ndef repo():\n    return OtherRepo()\n');
    expect(resolveIn({ ...files, 'tests/sub/conftest.py': other }, 'tests/conftest.py', 'repo.create')).toBeNull();
    // A fixture requesting its own name gets the one it overrides.
    const overriding = conftest('@pytest.fixture\ndef repo(repo):\n    repo.create("a")\n    return repo\n');
    expect(resolveIn({ ...files, 'tests/sub/conftest.py': overriding }, 'tests/sub/conftest.py', 'repo.create')).toBeNull();
  });
});

describe('functions made async stored in containers', () => {
  test('a dict or list display holding one is flagged; one given to a call, or holding data, is not', () => {
    const files = {
      'app/repo.py': REPO,
      'app/handlers.py': [
        'from fastapi import FastAPI',
        'from app.repo import Repo',
        'def find_order(repo: Repo, pk):',
        '    return repo.get(pk)',
        'HANDLERS = {"order": find_order}',
        'app = FastAPI(on_startup=[find_order])',
        'def row(user):',
        '    return {"id": user.id, "cls": Repo, "fmt": str}',
        '',
      ].join('\n'),
    };
    expect(runProject(transform, new Map(Object.entries(files))).findings).toEqual(['app/handlers.py:ASYNC-CALL-SYNC-CONTEXT@5']);
  });
});

describe('on the bundled blog app, after the transforms before it', () => {
  // Resolution once depended on which file's summary was evaluated first (a depth-limited result was
  // memoized): the engine's file order varies, so the whole chain is run and checked for its worst symptom.
  test('every CRUD call through `from app import crud` resolves and is awaited', async () => {
    const { cpSync } = await import('node:fs');
    const { runProject: runEngine } = await import('../engine/run');
    const { pythonLanguage } = await import('../transforms/python/support/language');
    const { findTransform } = await import('../transforms/registry');
    const dir = tempDir('awaitify-propagate-');
    cpSync(path.join(__dirname, '..', 'testfixtures', 'apps', 'blog'), dir, { recursive: true });
    const ids = ['async-engine', 'async-session', 'async-get-db', 'query-to-select', 'insert-await', 'propagate-async'];
    const report = await runEngine({
      paths: ['.'],
      cwd: dir,
      exclude: [],
      language: pythonLanguage,
      transforms: ids.map((id) => findTransform(id)!),
      transformOptions: DEFAULT_TRANSFORM_OPTIONS,
      annotate: false,
      maxFileSize: 1 << 20,
    });
    expect(report.files.filter((f) => f.status === 'error')).toEqual([]);
    const unresolved = report.files.flatMap((f) => ('findings' in f ? f.findings.filter((x) => x.rule === 'ASYNC-CALL-UNRESOLVED').map((x) => `${f.path}:${x.line}`) : []));
    expect(unresolved).toEqual([]);
    // Its receivers are all annotated or third-party (`@router.get` included): nothing to flag.
    const unknownReceivers = report.files.flatMap((f) => ('findings' in f ? f.findings.filter((x) => x.rule === 'ASYNC-CALL-UNKNOWN-RECEIVER').map((x) => `${f.path}:${x.line}`) : []));
    expect(unknownReceivers).toEqual([]);
    const items = report.files.find((f) => f.path === 'app/api/routes/items.py');
    expect(items?.status).toBe('changed');
    const text = items && items.status === 'changed' ? items.after : '';
    expect(text).toContain('async def _get_owned_item(');
    expect(text).toContain('item = await crud.item.get(db, id=item_id)');
    expect(text).toContain('count = await crud.item.count_by_owner(db, owner_id=owner_id)');
  }, 60000);
});

describe('counts', () => {
  test('awaits insert-await wrote into functions kept sync are counted as taken out again', async () => {
    const { runPreset } = await import('./helpers/tree-fixtures');
    const { loadJsTrees } = await import('../transforms/python/support/js-tree');
    await loadJsTrees();
    const dir = tempDir();
    const { cpSync } = await import('node:fs');
    cpSync(path.join(__dirname, '..', 'testfixtures', 'presets', 'default', 'generator-delegated-stays-sync', 'input'), dir, { recursive: true });
    const report = await runPreset('default', dir);
    const count = (file: string, key: string): number => {
      const f = report.files.find((r) => r.path === file);
      return f && 'counts' in f ? (f.counts?.[key] ?? 0) : 0;
    };
    // iter_users: `await db.scalars(...)` and `await db.close()`, both written by insert-await, both gone again.
    expect(count('app/export.py', 'awaits added')).toBe(2);
    expect(count('app/export.py', 'awaits taken out again')).toBe(2);
    // The two routes kept on get_db: `await db.get(...)` and the parenthesised `(await db.scalars(...)).all()`.
    expect(count('app/main.py', 'awaits taken out again')).toBe(2);
    // users_of is given its session, so it stays async (flagged at its call): nothing taken out.
    expect(count('app/feed.py', 'awaits taken out again')).toBe(0);
  });
});

describe('session holders that hold no session', () => {
  /** The plan over in-memory files (the input as the transforms before propagate-async leave it). */
  function planOf(files: Record<string, string>): AsyncPlan {
    const summaries = new Map<string, ModuleSummary>();
    for (const [rel, source] of Object.entries(files)) {
      summaries.set(rel, pythonProjectIndexer.summarize({ path: rel, absPath: `/repo/${rel}`, source, tree: parsePython(source), options: DEFAULT_TRANSFORM_OPTIONS }));
    }
    return transform.indexer!.build(summaries, DEFAULT_TRANSFORM_OPTIONS) as AsyncPlan;
  }
  const heldBack = (plan: AsyncPlan, files: Record<string, string>, file: string): string[] =>
    (plan.fileFor(file, files[file] as string)?.annotationsBack ?? []).flatMap((h) => (h.why === 'held' ? h.attrs.map((a) => `${h.id}:${a}`) : []));

  const CLIENTS = [
    'from collections import defaultdict',
    'from typing import DefaultDict, List, Optional',
    '',
    'import boto3',
    'import httpx',
    'import redis',
    'import requests',
    '',
    '',
    'class ApiClient:',
    '    def __init__(self, base_url: str) -> None:',
    '        self.base_url = base_url',
    '        self.session = requests.Session()',
    '',
    '    def fetch(self, path):',
    '        return self.session.get(self.base_url + path).json()',
    '',
    '    def close(self):',
    '        self.session.close()',
    '',
    '',
    'class Gateway:',
    '    def __init__(self, client: Optional[httpx.Client] = None):',
    '        self.client = client or httpx.Client()',
    '        self.aws = boto3.session.Session()',
    '',
    '    def remove(self, url):',
    '        self.aws.get_credentials()',
    '        return self.client.delete(url)',
    '',
    '',
    'class Cache:',
    '    store: "redis.Redis"',
    '',
    '    def __init__(self):',
    '        self.store = redis.Redis()',
    '        self._handlers: DefaultDict[str, List[str]] = defaultdict(list)',
    '',
    '    def lookup(self, key):',
    '        self._handlers.get(key)',
    '        return self.store.get(key)',
    '',
  ].join('\n');
  const LOGS = [
    'import logging',
    '',
    'from sqlalchemy.ext.asyncio import AsyncSession',
    'from sqlalchemy.orm import Session as S',
    '',
    'from app.db import SessionLocal',
    '',
    '',
    'class DatabaseLogHandler(logging.Handler):',
    '    def __init__(self, session: AsyncSession) -> None:',
    '        super().__init__()',
    '        self.session: AsyncSession = session',
    '        self.http = None',
    '',
    '    def emit(self, record):',
    '        self.session.add(record)',
    '        self.session.commit()',
    '',
    '',
    'class AliasedHandler(logging.Handler):',
    '    def __init__(self, db: S) -> None:',
    '        super().__init__()',
    '        self.db = db',
    '',
    '    def emit(self, record):',
    '        self.db.commit()',
    '',
    '',
    'class FactoryHandler(logging.Handler):',
    '    def __init__(self) -> None:',
    '        super().__init__()',
    '        self.db = SessionLocal()',
    '',
    '    def emit(self, record):',
    '        self.db.commit()',
    '',
  ].join('\n');
  const DB = 'from sqlalchemy import create_engine\nfrom sqlalchemy.orm import sessionmaker\nSessionLocal = sessionmaker(bind=create_engine("sqlite://"))\n';

  test('HTTP clients, cloud SDK sessions, caches and containers kept on self are no session holders; sessions, aliased or from a factory, are', () => {
    const files = { 'app/__init__.py': '', 'app/db.py': DB, 'app/clients.py': CLIENTS, 'app/logs.py': LOGS };
    const plan = planOf(files);
    expect(plan.fileFor('app/clients.py', CLIENTS)).toBeNull();
    const others = (file: string): Record<string, string[]> => {
      const module = pythonProjectIndexer.summarize({ path: file, absPath: `/repo/${file}`, source: files[file as keyof typeof files], tree: parsePython(files[file as keyof typeof files]), options: DEFAULT_TRANSFORM_OPTIONS });
      return Object.fromEntries(module.classes.map((c) => [c.name, c.holder?.others ?? []]));
    };
    expect(others('app/clients.py')).toEqual({ ApiClient: ['base_url', 'session'], Gateway: ['client'], Cache: ['_handlers', 'store'] });
    expect(others('app/logs.py')).toEqual({ DatabaseLogHandler: [], AliasedHandler: [], FactoryHandler: [] });
    // Only the holder with an AsyncSession annotation to give back gets a plan.
    expect(heldBack(plan, files, 'app/logs.py')).toEqual([`${LOGS.indexOf('class DatabaseLogHandler')}:session`]);
  });

  test('an attribute a subclass stores something else in may hold a session', () => {
    const handler = [
      'import logging',
      '',
      'import requests',
      'from sqlalchemy.ext.asyncio import AsyncSession',
      '',
      '',
      'class Handler(logging.Handler):',
      '    def __init__(self, db: AsyncSession) -> None:',
      '        super().__init__()',
      '        self.db = db',
      '        self.session = requests.Session()',
      '',
      '    def emit(self, record):',
      '        self.session.get("https://example.com/ping")',
      '        self.db.commit()',
      '',
    ].join('\n');
    const sub = 'from app.handler import Handler\nfrom app.db import SessionLocal\n\n\nclass DbHandler(Handler):\n    def __init__(self):\n        self.session = SessionLocal()\n';
    const files = { 'app/__init__.py': '', 'app/db.py': DB, 'app/handler.py': handler, 'app/sub.py': '' };
    const id = handler.indexOf('class Handler');
    expect(heldBack(planOf(files), files, 'app/handler.py')).toEqual([`${id}:db`]);
    const withSub = { ...files, 'app/sub.py': sub };
    expect(heldBack(planOf(withSub), withSub, 'app/handler.py')).toEqual([`${id}:db`, `${id}:session`]);
  });

  test('a holder with no AsyncSession annotation to give back gets no plan, whatever its attribute holds', () => {
    const fetcher = [
      'import requests',
      '',
      '',
      'class Fetcher:',
      '    def __init__(self, session, backend: "Any") -> None:',
      '        self.session = session',
      '        self.backend = backend',
      '',
      '    def fetch(self, url):',
      '        self.backend.query(url)',
      '        return self.session.get(url)',
      '',
      '',
      'def make():',
      '    return Fetcher(requests.Session(), None)',
      '',
    ].join('\n');
    const files = { 'app/__init__.py': '', 'app/fetch.py': fetcher };
    expect(planOf(files).fileFor('app/fetch.py', fetcher)).toBeNull();
  });
});

describe('a handler that stays a plain def on the async session (ASYNC-SESSION-TO-SYNC-CODE)', () => {
  // It calls something made async and hands its session to sync code: broken on either session, so it keeps the
  // async dependency. The finding names the call that keeps the sync session from it, which is what a reader asks.
  test('says which call keeps it from the sync session', async () => {
    const { runPreset } = await import('./helpers/tree-fixtures');
    const { loadJsTrees } = await import('../transforms/python/support/js-tree');
    await loadJsTrees();
    const dir = tempDir();
    const { cpSync } = await import('node:fs');
    cpSync(path.join(__dirname, '..', 'testfixtures', 'presets', 'default', 'session-handed-to-sync-helper-flagged', 'input'), dir, { recursive: true });
    const report = await runPreset('default', dir);
    const messages = report.files
      .filter((f) => f.path === 'app/routes.py')
      .flatMap((f) => ('findings' in f ? f.findings.filter((x) => x.rule === 'ASYNC-SESSION-TO-SYNC-CODE') : []))
      .map((x) => `${x.line}: ${x.message}`);
    const named = messages.find((m) => m.startsWith('26: '));
    expect(named).toContain('not given the sync one back because it also calls `crud.get_item(...)`, a coroutine function after the migration');
    // One already async says nothing of the sync session.
    expect(messages.find((m) => m.startsWith('33: '))).not.toContain('sync one back');
  });
});
