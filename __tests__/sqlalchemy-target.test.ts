// The SQLAlchemy version a run targets when neither --sqlalchemy nor the configuration names it: the project's
// dependency pin, when it rules 2.x out (cli/sqlalchemy-target.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { sqlalchemyTarget } from '../cli/sqlalchemy-target';

const UNNAMED = { sqlalchemyVersion: '2.0', sqlalchemyNamed: false } as const;
let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'awaitify-sa-target-'));
  mkdirSync(path.join(root, '.git'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

test.each([
  ['requirements.txt', 'fastapi==0.92.0\nSQLAlchemy==1.4.29\n', '1.4'],
  ['requirements.txt', 'sqlalchemy[asyncio]<2\n', '1.4'],
  ['requirements-dev.in', 'sqlalchemy~=1.4.40\n', '1.4'],
  ['pyproject.toml', '[tool.poetry.dependencies]\nSQLAlchemy = "^1.4.3"\n', '1.4'],
  ['pyproject.toml', '[project]\ndependencies = ["sqlalchemy>=1.4,<2.0"]\n', '1.4'],
  ['Pipfile', '[packages]\nsqlalchemy = {version = "==1.4.46"}\n', '1.4'],
  ['requirements.txt', 'SQLAlchemy==2.0.3\nsqlalchemy2-stubs==0.0.2a32\n', '2.0'],
  ['requirements.txt', 'sqlalchemy>=1.4\n', '2.0'],
  ['requirements.txt', 'sqlalchemy\n', '2.0'],
  // Other packages named like it pin nothing of SQLAlchemy's own.
  ['requirements.txt', 'flask-sqlalchemy==2.5.1\nsqlalchemy-utils==0.38.3\nsqlalchemy2-stubs==0.0.2a27\n', '2.0'],
])('%s with %j targets %s', (file, text, version) => {
  write(file, text);
  const target = sqlalchemyTarget(UNNAMED, root);
  expect(target.version).toBe(version);
  if (version === '1.4') expect(target.note).toMatch(new RegExp(`^the async code targets SQLAlchemy 1\\.4 \\(${file.replace('.', '\\.')}: `));
  // A file naming only other packages (flask-sqlalchemy, which installs SQLAlchemy itself) declares no version of it.
  else if (/^sqlalchemy[[<>=~\s]/im.test(text)) expect(target.note).toBeNull();
  else expect(target.note).toMatch(/^no dependency file .* names SQLAlchemy/);
});

test('no dependency file naming SQLAlchemy: 2.0, with a note saying it was not declared', () => {
  // A version installed by a Dockerfile's `pip install SQLAlchemy==1.3.24` is not seen: the run must say it guessed.
  write('Dockerfile', 'RUN pip install fastapi SQLAlchemy==1.3.24\n');
  expect(sqlalchemyTarget(UNNAMED, root)).toMatchObject({ version: '2.0', refusal: null, note: expect.stringMatching(/^no dependency file .* names SQLAlchemy, so the async code targets SQLAlchemy 2\.0: .* pass --sqlalchemy 1\.4/) });
  write('requirements.txt', 'sqlalchemy\n');
  expect(sqlalchemyTarget(UNNAMED, root).note).toBeNull();
});

test('the flag or the configuration wins over the pin', () => {
  write('requirements.txt', 'SQLAlchemy==1.4.29\n');
  expect(sqlalchemyTarget({ sqlalchemyVersion: '2.0', sqlalchemyNamed: true }, root)).toEqual({ version: '2.0', note: null, refusal: null });
});

test('the nearest directory naming SQLAlchemy decides, up to the repository root', () => {
  write('requirements.txt', 'SQLAlchemy==1.4.29\n');
  write('backend/requirements.txt', 'SQLAlchemy>=2.0\n');
  write('backend/app/x.txt', '');
  expect(sqlalchemyTarget(UNNAMED, path.join(root, 'backend', 'app')).version).toBe('2.0');
  write('service/setup.cfg', '[metadata]\nname = service\n');
  expect(sqlalchemyTarget(UNNAMED, path.join(root, 'service'))).toMatchObject({ version: '1.4', note: expect.stringContaining('(../requirements.txt: `SQLAlchemy==1.4.29`') });
  // Above the repository's root nothing counts.
  write('repo/.git/HEAD', '');
  write('repo/app/main.py', '');
  expect(sqlalchemyTarget(UNNAMED, path.join(root, 'repo', 'app')).version).toBe('2.0');
});

describe('the files of the run: each is governed by the nearest requirement above it', () => {
  test('a monorepo run from its root finds backend/requirements.txt through the files below it', () => {
    write('backend/requirements.txt', 'SQLAlchemy==1.4.29\n');
    write('backend/app/main.py', '');
    write('tools/gen.py', '');
    // tools/ is governed by no requirement: it does not argue against backend's pin.
    const target = sqlalchemyTarget(UNNAMED, root, [path.join(root, 'backend/app/main.py'), path.join(root, 'tools/gen.py')]);
    expect(target).toMatchObject({ version: '1.4', refusal: null, note: expect.stringContaining('(backend/requirements.txt: `SQLAlchemy==1.4.29` allows no 2.x)') });
    // The start directory alone (no files) sees nothing, as before.
    expect(sqlalchemyTarget(UNNAMED, root).version).toBe('2.0');
  });

  test('parts that agree on 1.4 are all named', () => {
    write('backend/pyproject.toml', '[tool.poetry.dependencies]\nSQLAlchemy = "^1.4.3"\n');
    write('server/setup.cfg', '[options]\ninstall_requires =\n    sqlalchemy<2\n');
    const files = [path.join(root, 'backend/app/a.py'), path.join(root, 'server/b.py')];
    expect(sqlalchemyTarget(UNNAMED, root, files)).toMatchObject({ version: '1.4', note: expect.stringContaining('(backend/pyproject.toml: `SQLAlchemy ^1.4.3`, server/setup.cfg: `SQLAlchemy<2` allow no 2.x)') });
  });

  test('parts that disagree: no guess, a refusal naming both sides and the option', () => {
    write('backend/requirements.txt', 'SQLAlchemy==1.4.29\n');
    write('worker/requirements.txt', 'sqlalchemy>=2.0\n');
    const files = [path.join(root, 'backend/a.py'), path.join(root, 'worker/b.py')];
    const target = sqlalchemyTarget(UNNAMED, root, files);
    expect(target.version).toBeNull();
    expect(target.refusal).toContain('backend/requirements.txt: `SQLAlchemy==1.4.29` allows no 2.x, while worker/requirements.txt allows 2.x');
    expect(target.refusal).toContain('--sqlalchemy 1.4 or --sqlalchemy 2.0');
    // Named, the version is followed whatever the parts say.
    expect(sqlalchemyTarget({ sqlalchemyVersion: '1.4', sqlalchemyNamed: true }, root, files)).toEqual({ version: '1.4', note: null, refusal: null });
    // A run over one part follows that part.
    expect(sqlalchemyTarget(UNNAMED, root, [path.join(root, 'worker/b.py')]).version).toBe('2.0');
  });
});

test.each([
  ['poetry.lock', '[[package]]\nname = "alembic"\nversion = "1.9.0"\n\n[[package]]\nname = "sqlalchemy"\nversion = "1.4.46"\ndescription = "Database Abstraction Library"\n', '1.4'],
  ['uv.lock', 'version = 1\n\n[[package]]\nname = "sqlalchemy"\nversion = "2.0.36"\nsource = { registry = "https://pypi.org/simple" }\n', '2.0'],
  ['Pipfile.lock', JSON.stringify({ _meta: {}, default: { sqlalchemy: { hashes: [], version: '==1.4.46' } }, develop: {} }), '1.4'],
])('the version %s locks decides over the range it was resolved from', (file, text, version) => {
  write('pyproject.toml', '[tool.poetry.dependencies]\nSQLAlchemy = ">=1.4"\n');
  write(file, text);
  const target = sqlalchemyTarget(UNNAMED, root, [path.join(root, 'app/main.py')]);
  expect(target.version).toBe(version);
  if (version === '1.4') expect(target.note).toContain(`(${file}: \`SQLAlchemy 1.4.46\` (locked) allows no 2.x)`);
});
