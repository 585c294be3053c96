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
  else expect(target.note).toBeNull();
});

test('the flag or the configuration wins over the pin', () => {
  write('requirements.txt', 'SQLAlchemy==1.4.29\n');
  expect(sqlalchemyTarget({ sqlalchemyVersion: '2.0', sqlalchemyNamed: true }, root)).toEqual({ version: '2.0', note: null });
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
