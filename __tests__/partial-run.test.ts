// A run on part of a project (one file, one directory) must migrate those files exactly as a run on the
// whole project would: whether a function becomes async, and so whether a call needs `await`, depends on
// modules outside the paths given. These tests compare the two through the built CLI.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { changedPaths, cloneRepo, ensureBuilt, FileTree, makeRepo, read, removeTempDirs, runCli, snapshot, tempDir, writeTree } from './helpers/cli';

const BLOG = path.resolve(__dirname, '..', 'testfixtures', 'apps', 'blog');

interface JsonFile {
  path: string;
  status: string;
}
interface JsonReport {
  files: JsonFile[];
  project?: { root: string; indexed: number; wouldChange: string[] };
}

function treeOf(dir: string, prefix = ''): FileTree {
  const tree: FileTree = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '__pycache__' || entry.name === '.pytest_cache') continue;
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(tree, treeOf(abs, `${prefix}${entry.name}/`));
    else tree[`${prefix}${entry.name}`] = fs.readFileSync(abs);
  }
  return tree;
}

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

/** Outside the blog's own root (its pytest.ini): must not be read when only blog files are named. */
const TOOLS_SCRIPT = lines('def get(db, id):', '    return db.get(object, id)');

function jsonRun(cwd: string, args: string[]): JsonReport {
  const result = runCli(cwd, ['dry-run', ...args, '--format', 'json', '--jobs', '1']);
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as JsonReport;
}

describe('a run on part of a project', () => {
  let repo: string;
  let backend: string;
  let whole: JsonReport;
  let wholeByPath: Map<string, JsonFile>;

  beforeAll(() => {
    ensureBuilt();
    const tree: FileTree = { 'tools/script.py': TOOLS_SCRIPT };
    for (const [rel, content] of Object.entries(treeOf(BLOG))) tree[`backend/${rel}`] = content;
    repo = makeRepo(tree);
    backend = path.join(repo, 'backend');
    whole = jsonRun(backend, ['.']);
    wholeByPath = new Map(whole.files.map((f) => [f.path, f]));
  });
  afterAll(removeTempDirs);

  test('the whole run is what the parts are compared with: it changes files across the project', () => {
    const changed = whole.files.filter((f) => f.status === 'changed').map((f) => f.path);
    expect(changed).toEqual(expect.arrayContaining(['app/api/deps.py', 'app/crud/base.py', 'app/db/session.py', 'tests/conftest.py']));
    expect(whole.project).toBeUndefined();
  });

  // deps.py calls CRUD methods defined in app/crud (made async there); conftest.py overrides get_db defined in
  // deps.py; the route calls CRUD and services; base.py is called, and calls nothing else of the project.
  test.each(['app/api/deps.py', 'app/api/routes/items.py', 'app/crud/base.py', 'tests/conftest.py', 'tests/api/test_items.py'])(
    '%s alone gets exactly the report the whole run gives it',
    (target) => {
      const part = jsonRun(backend, [target]);
      expect(part.files).toEqual([wholeByPath.get(target)]);
      const othersChanged = whole.files.filter((f) => f.status === 'changed' && f.path !== target).map((f) => f.path);
      expect(part.project).toEqual({ root: '.', indexed: whole.files.length - 1, wouldChange: othersChanged });
    },
  );

  test('a directory alone gets the whole run’s reports for its files', () => {
    const part = jsonRun(backend, ['app/api']);
    const expected = whole.files.filter((f) => f.path.startsWith('app/api/'));
    expect(part.files).toEqual(expected);
    expect(part.project?.indexed).toBe(whole.files.length - expected.length);
  });

  test('the notes say what was read and what else would change', () => {
    const result = runCli(backend, ['dry-run', 'app/api/deps.py', '--jobs', '1']);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`awaitify: note: read ${whole.files.length - 1} more file(s) of the project at . for the index`);
    expect(result.stderr).toMatch(/these changes assume the rest of the project is migrated as well: \d+ other file\(s\) would change \(app\/api\/routes\/items\.py, /);
  });

  test('from another directory, the root is found above the paths and printed relative to it', () => {
    const part = jsonRun(repo, ['backend/app/api/deps.py']);
    expect(part.files.map((f) => f.path)).toEqual(['backend/app/api/deps.py']);
    expect(part.project?.root).toBe('backend');
    // tools/ is outside the blog's root: not read.
    expect(part.project?.indexed).toBe(whole.files.length - 1);
  });

  test('--project-root widens the index to the directory given', () => {
    const part = jsonRun(repo, ['backend/app/api/deps.py', '--project-root', '.']);
    expect(part.project?.root).toBe('.');
    expect(part.project?.indexed).toBe(whole.files.length);
  });

  test('--project-root that does not hold the paths is a usage error', () => {
    const result = runCli(repo, ['dry-run', 'backend/app/api/deps.py', '--project-root', 'tools']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--project-root tools does not hold every path given');
  });

  test('callees migrated first, callers later: the callers end as one run on the whole project leaves them', () => {
    const wholeRepo = cloneRepo(repo);
    expect(runCli(path.join(wholeRepo, 'backend'), ['apply', '.', '--jobs', '1']).status).toBe(0);
    const pieces = cloneRepo(repo);
    const piecesBackend = path.join(pieces, 'backend');
    // CRUD first: when the routes and dependencies run, the CRUD methods are already `async def`.
    for (const part of ['app/crud', 'app/db', 'app/api']) {
      expect(runCli(piecesBackend, ['apply', part, '--jobs', '1', '--allow-dirty']).status).toBe(0);
    }
    for (const file of ['app/api/deps.py', 'app/api/routes/items.py', 'app/api/routes/users.py']) {
      expect(read(piecesBackend, file)).toBe(read(path.join(wholeRepo, 'backend'), file));
    }
  });

  test('apply writes the named file only, as the whole run would write it', () => {
    const before = snapshot(backend);
    const result = runCli(backend, ['apply', 'app/api/deps.py', '--jobs', '1']);
    expect(result.status).toBe(0);
    expect(changedPaths(before, snapshot(backend))).toEqual(['app/api/deps.py']);
    const wholeDeps = runCli(backend, ['dry-run', 'app/api/deps.py', '--format', 'json', '--jobs', '1']);
    // The file as written is already migrated: a second run on it has nothing left to change there.
    expect((JSON.parse(wholeDeps.stdout) as JsonReport).files[0]?.status).toBe('unchanged');
  });
});

describe('the project root', () => {
  afterAll(removeTempDirs);
  beforeAll(ensureBuilt);

  test('is the configuration file’s directory when there is one', () => {
    const repo = makeRepo({
      'awaitify.toml': '',
      'svc/pytest.ini': '[pytest]\n',
      'svc/app/crud.py': lines('def get(db, id):', '    return db.get(object, id)'),
      'svc/app/routes.py': lines(
        'from fastapi import Depends',
        'from sqlalchemy.orm import Session',
        'from app.crud import get',
        'from app.db import get_db',
        '',
        '',
        'def read(id: int, db: Session = Depends(get_db)):',
        '    return get(db, id)',
      ),
      'other/helpers.py': lines('X = 1'),
    });
    const part = jsonRun(repo, ['svc/app/routes.py']);
    expect(part.project?.root).toBe('.');
    expect(part.project?.indexed).toBe(2);
  });

  test('unknown: the run says so when it is on part of a directory tree', () => {
    const dir = tempDir();
    writeTree(dir, { 'a.py': lines('X = 1'), 'b.py': lines('Y = 2') });
    const onFile = runCli(dir, ['dry-run', 'a.py', '--jobs', '1']);
    expect(onFile.status).toBe(0);
    expect(onFile.stderr).toContain('awaitify: note: no project root found above a.py');
    const onDir = runCli(dir, ['dry-run', '--jobs', '1']);
    expect(onDir.stderr).not.toContain('no project root found');
  });
});
