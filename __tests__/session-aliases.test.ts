// The SQLModel project layout (fastapi/full-stack-fastapi-template): the engine in app/core/db.py, get_db and
// `SessionDep = Annotated[Session, Depends(get_db)]` in app/api/deps.py, handlers in other modules annotated
// with the imported alias. What the whole default preset must do with it, run as a user runs it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runProject } from '../engine/run';
import { DEFAULT_TRANSFORM_OPTIONS } from '../engine/types';
import { PLUGIN_PATH } from '../transforms/python/plugin';
import { moduleNamesOf } from '../transforms/python/scaffold/engine-index';
import { pythonLanguage } from '../transforms/python/support/language';
import { findPreset, findTransform } from '../transforms/registry';
import { ensureBuilt, makeRepo, removeTempDirs, runCli } from './helpers/cli';

afterAll(removeTempDirs);

const PROJECT = {
  'app/__init__.py': '',
  'app/core/__init__.py': '',
  'app/api/__init__.py': '',
  'app/api/routes/__init__.py': '',
  'app/core/db.py': ['from sqlmodel import create_engine', '', 'engine = create_engine("sqlite:///./app.db")', ''].join('\n'),
  'app/models.py': ['from sqlmodel import Field, SQLModel', '', '', 'class Item(SQLModel, table=True):', '    id: int | None = Field(default=None, primary_key=True)', ''].join('\n'),
  'app/api/deps.py': [
    'from collections.abc import Generator',
    'from typing import Annotated',
    '',
    'from fastapi import Depends',
    'from sqlmodel import Session',
    '',
    'from app.core.db import engine',
    '',
    '',
    'def get_db() -> Generator[Session, None, None]:',
    '    with Session(engine) as session:',
    '        yield session',
    '',
    '',
    'SessionDep = Annotated[Session, Depends(get_db)]',
    '',
  ].join('\n'),
  'app/api/routes/items.py': [
    'from fastapi import APIRouter',
    'from sqlmodel import select',
    '',
    'from app.api.deps import SessionDep',
    'from app.models import Item',
    '',
    'router = APIRouter()',
    '',
    '',
    '@router.get("/")',
    'def read_items(session: SessionDep):',
    '    return session.exec(select(Item)).all()',
    '',
  ].join('\n'),
  'app/api/routes/relative.py': [
    'from fastapi import APIRouter',
    '',
    'from ..deps import SessionDep',
    'from app.models import Item',
    '',
    'router = APIRouter()',
    '',
    '',
    '@router.get("/{id}")',
    'def read_item(id: int, session: SessionDep):',
    '    return session.get(Item, id)',
    '',
  ].join('\n'),
  // A script opening a session on the imported engine: it gets the twin engine and an AsyncSession.
  'app/seed.py': [
    'from sqlmodel import Session',
    '',
    'from app.core.db import engine',
    'from app.models import Item',
    '',
    '',
    'def main() -> None:',
    '    with Session(engine) as session:',
    '        session.add(Item())',
    '        session.commit()',
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
    '',
  ].join('\n'),
  // Another module's alias of the same name that is not a session: its users stay as they are.
  'app/web/__init__.py': '',
  'app/web/deps.py': ['from typing import Annotated', '', 'from requests import Session', '', 'HttpDep = Annotated[Session, "http"]', ''].join('\n'),
  'app/web/views.py': [
    'from app.web.deps import HttpDep',
    '',
    '',
    'def fetch(client: HttpDep):',
    '    return client.get("https://example.org")',
    '',
  ].join('\n'),
};

beforeAll(() => ensureBuilt());

describe('a session alias and an engine defined in other modules', () => {
  test('apply migrates the handlers that use the imported alias', () => {
    const repo = makeRepo(PROJECT);
    const result = runCli(repo, ['apply', '.']);
    expect(result.status).toBe(0);
    const read = (file: string): string => fs.readFileSync(path.join(repo, file), 'utf8');

    expect(read('app/core/db.py')).toContain('async_engine = create_async_engine("sqlite+aiosqlite:///./app.db")');
    const deps = read('app/api/deps.py');
    expect(deps).toContain('from app.core.db import async_engine, engine');
    expect(deps).toContain('async with AsyncSession(async_engine, expire_on_commit=False) as session:');
    expect(deps).toContain('SessionDep = Annotated[AsyncSession, Depends(get_async_db)]');

    const items = read('app/api/routes/items.py');
    expect(items).toContain('async def read_items(session: SessionDep):');
    expect(items).toContain('return (await session.exec(select(Item))).all()');
    const relative = read('app/api/routes/relative.py');
    expect(relative).toContain('async def read_item(id: int, session: SessionDep):');
    expect(relative).toContain('return await session.get(Item, id)');

    expect(read('app/web/views.py')).toBe(PROJECT['app/web/views.py']);

    const seed = read('app/seed.py');
    // `Session(engine)` was the only use of both names: their imports go with it.
    expect(seed).toContain('from app.core.db import async_engine\n');
    expect(seed).not.toMatch(/\bengine\b/);
    expect(seed).not.toContain('from sqlmodel import Session');
    expect(seed).toContain('async def main() -> None:\n    async with AsyncSession(async_engine, expire_on_commit=False) as session:');
    expect(seed).toContain('        await session.commit()');
    expect(seed).toContain('    asyncio.run(main())');
  });

  test('worker threads find the same aliases (the options an index extends reach every thread)', async () => {
    const repo = makeRepo(PROJECT);
    const transforms = findPreset('default')!.transforms.map((id) => findTransform(id)!);
    const options = { ...DEFAULT_TRANSFORM_OPTIONS, ...findPreset('default')!.options };
    const run = (jobs: number | null) =>
      runProject({
        paths: ['.'],
        cwd: repo,
        exclude: [],
        language: pythonLanguage,
        transforms,
        transformOptions: options,
        annotate: false,
        maxFileSize: 1024 * 1024,
        parallel: jobs === null ? undefined : { jobs, plugin: PLUGIN_PATH, minFilesPerWorker: 1 },
      });
    const here = await run(null);
    const workers = await run(2);
    const items = here.files.find((f) => f.path === 'app/api/routes/items.py');
    expect(items?.status).toBe('changed');
    expect(workers).toEqual(here);
  });
});

test('the names a module may be imported as', () => {
  expect(moduleNamesOf('/srv/my-repo/app/api/deps.py')).toEqual(['deps', 'api.deps', 'app.api.deps']);
  expect(moduleNamesOf('/srv/app/core/__init__.py')).toEqual(['core', 'app.core', 'srv.app.core']);
});
