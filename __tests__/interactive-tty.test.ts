// `awaitify apply --interactive` end to end, as a person uses it: the built CLI on a real pseudo-terminal
// (tmux), answers typed at its prompts, and then the bytes on disk. Plus the refusals that need no terminal.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, cliEnv, cloneRepo, ensureBuilt, makeRepo, readBytes, removeTempDirs, runCli, snapshot, changedPaths, tempDir } from './helpers/cli';
import { hasTmux, TmuxSession } from './helpers/tmux';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const crlfWithBom = (text: string): Buffer => Buffer.concat([BOM, Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')]);

/** Two changes that depend on each other: the first replaces the imports the second's code uses. */
const ITEMS = lines(
  'from fastapi import APIRouter, Depends',
  'from sqlalchemy.orm import Session',
  '',
  'from app.db import get_db',
  'from app.models import Item',
  '',
  'router = APIRouter()',
  '',
  '',
  'def load_items(db: Session):',
  '    return db.query(Item).all()',
  '',
  '',
  '# Comment lines, so that the changes above and below are separate hunks.',
  '# ...',
  '# ...',
  '# ...',
  '',
  '',
  '@router.get("/items")',
  'def read_items(db: Session = Depends(get_db)):',
  '    return load_items(db)',
);

/** Two independent changes (each function is made async on its own). */
const USERS = lines(
  'from sqlalchemy import text',
  'from sqlalchemy.ext.asyncio import AsyncSession',
  '',
  '',
  'def count_users(db: AsyncSession):',
  '    return db.execute(text("select count(*) from users"))',
  '',
  '',
  '# Comment lines, so that the two functions are separate hunks.',
  '# ...',
  '# ...',
  '# ...',
  '',
  '',
  'def count_orders(db: AsyncSession):',
  '    return db.execute(text("select count(*) from orders"))',
);

const MODELS = lines('from sqlalchemy.orm import DeclarativeBase', '', '', 'class Base(DeclarativeBase):', '    pass', '', '', 'class Item(Base):', '    __tablename__ = "items"');

/** A query that leaves its function: findings, and one change (the annotation). */
const ORDERS = lines('from sqlalchemy.orm import Session', '', 'from app.models import Item', '', '', 'def item_query(db: Session):', '    return db.query(Item)');

const PROJECT = { 'app/__init__.py': '', 'app/models.py': MODELS, 'app/items.py': ITEMS, 'app/users.py': crlfWithBom(USERS) };

const question = (n: number, total: number, file: string): string => `Apply change ${n}/${total} to ${file} [y,n,a,d,q,?]?`;

beforeAll(() => {
  ensureBuilt();
  if (!hasTmux()) throw new Error('these tests drive a pseudo-terminal with tmux: install it (apt-get install tmux)');
});
afterAll(() => removeTempDirs());

describe('apply --interactive on a terminal', () => {
  let session: TmuxSession | null = null;
  afterEach(() => {
    session?.kill();
    session = null;
  });

  const start = (repo: string, ...extra: string[]): TmuxSession => {
    session = TmuxSession.start([process.execPath, BIN, 'apply', '--interactive', ...extra], repo, cliEnv(), tempDir('awaitify-tmux-'));
    return session;
  };

  test('writes the accepted changes only, byte for byte as apply writes them, after refusing a broken selection', async () => {
    const repo = makeRepo(PROJECT);
    const reference = cloneRepo(repo);
    expect(runCli(reference, ['apply']).status).toBe(0);

    const tty = start(repo);
    // items.py: the first change alone would leave `Session` and `get_db` used without their imports.
    await tty.waitFor(question(1, 2, 'app/items.py'));
    expect(tty.screen()).toContain('why: query-to-select: converted db.query(Item)');
    tty.answer('y');
    await tty.waitFor(question(2, 2, 'app/items.py'));
    tty.answer('n');
    await tty.waitFor('Review app/items.py again (r), or leave it as it is (s) [r,s]?');
    expect(tty.screen()).toMatch(/not writing app\/items\.py: `(Session|get_db)` would be used without its import/);
    tty.answer('r');
    await tty.waitFor(question(1, 2, 'app/items.py'), { count: 2 });
    tty.answer('a');
    // users.py (CRLF, BOM): ? prints the help; then the first function only.
    await tty.waitFor(question(1, 2, 'app/users.py'));
    tty.answer('?');
    await tty.waitFor('q - quit: do not apply this change or any later one');
    await tty.waitFor(question(1, 2, 'app/users.py'), { count: 2 });
    tty.answer('y');
    await tty.waitFor(question(2, 2, 'app/users.py'));
    tty.answer('n');
    expect(await tty.exitCode()).toBe(0);

    const screen = tty.screen();
    expect(screen).toContain('wrote app/items.py (2 of 2 change(s))');
    expect(screen).toContain('wrote app/users.py (1 of 2 change(s))');
    expect(screen).toContain('awaitify: interactive: 2 file(s) written, 0 left as they were by your answers; changes: 3 accepted, 1 rejected');
    expect(screen).toContain('  app/users.py: 1 of 2 change(s)');

    expect(readBytes(repo, 'app/items.py').equals(readBytes(reference, 'app/items.py'))).toBe(true);
    const users = readBytes(repo, 'app/users.py').toString('utf8');
    const expected = crlfWithBom(USERS)
      .toString('utf8')
      .replace('def count_users(db: AsyncSession):\r\n    return db.execute', 'async def count_users(db: AsyncSession):\r\n    return await db.execute');
    expect(users).toBe(expected);
    expect(users).not.toBe(crlfWithBom(USERS).toString('utf8'));
    expect(readBytes(reference, 'app/users.py').toString('utf8')).toContain('async def count_orders');
  });

  test('q writes nothing when nothing was accepted, and says so', async () => {
    const repo = makeRepo(PROJECT);
    const before = snapshot(repo);
    const tty = start(repo);
    await tty.waitFor(question(1, 2, 'app/items.py'));
    tty.answer('q');
    expect(await tty.exitCode()).toBe(0);
    expect(tty.screen()).toContain('quit: the changes accepted before `q` were written; nothing after it');
    expect(tty.screen()).toContain('changes: 0 accepted, 0 rejected, 4 not reviewed');
    expect(changedPaths(before, snapshot(repo))).toEqual([]);
  });

  test('Ctrl-C stops the review: the file under review is not written, the finished one is', async () => {
    const repo = makeRepo(PROJECT);
    const before = snapshot(repo);
    const tty = start(repo);
    await tty.waitFor(question(1, 2, 'app/items.py'));
    tty.answer('a');
    await tty.waitFor(question(1, 2, 'app/users.py'));
    tty.answer('y');
    await tty.waitFor(question(2, 2, 'app/users.py'));
    tty.key('C-c');
    expect(await tty.exitCode()).toBe(130);
    expect(tty.screen()).toContain('interrupted: nothing was written to app/users.py or any later file');
    expect(changedPaths(before, snapshot(repo))).toEqual(['app/items.py']);
  });
  test("shows a file's findings before its changes, and does not overwrite a file edited during the review", async () => {
    const repo = makeRepo({ 'app/__init__.py': '', 'app/models.py': MODELS, 'app/orders.py': ORDERS });
    const tty = start(repo);
    const screen = await tty.waitFor(question(1, 1, 'app/orders.py'));
    const finding = screen.indexOf('app/orders.py:7:12: QUERY-ESCAPES');
    expect(finding).toBeGreaterThan(-1);
    expect(finding).toBeLessThan(screen.indexOf('change 1/1'));
    const edited = `${ORDERS}# edited by hand meanwhile\n`;
    fs.writeFileSync(path.join(repo, 'app/orders.py'), edited);
    tty.answer('y');
    expect(await tty.exitCode()).toBe(2);
    expect(tty.screen()).toContain('cannot write app/orders.py: it changed on disk during the review');
    expect(fs.readFileSync(path.join(repo, 'app/orders.py'), 'utf8')).toBe(edited);
  });
});

describe('apply --interactive refusals', () => {
  test('stdin that is not a terminal is refused before anything runs (exit 2)', () => {
    const repo = makeRepo(PROJECT);
    const before = snapshot(repo);
    const result = runCli(repo, ['apply', '--interactive']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('awaitify: --interactive needs a terminal to ask its questions, and stdin is not one');
    expect(changedPaths(before, snapshot(repo))).toEqual([]);
  });

  test.each([
    [['--format', 'json'], '--interactive asks its questions as text; it cannot be combined with --format json'],
    [['--json'], 'cannot be combined with --format json'],
    [['--format', 'sarif'], 'cannot be combined with --format sarif'],
    [['--check'], '--interactive and --check contradict each other'],
    [['--annotate'], '--interactive cannot review the comments --annotate adds'],
  ])('%j is refused (exit 2)', (extra, message) => {
    const repo = makeRepo(PROJECT);
    const result = runCli(repo, ['apply', '-i', ...extra]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });

  test('dry-run has no --interactive', () => {
    const repo = makeRepo(PROJECT);
    const result = runCli(repo, ['dry-run', '--interactive']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown argument: interactive/);
  });
});
