// The checks a partial selection of changes must pass before its file is written.
import { partialSelectionProblem } from '../cli/interactive/verify';
import { asyncOutsideAsync } from '../transforms/python/support/async-context';
import { parsePython } from '../transforms/python/support/language';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

describe('asyncOutsideAsync', () => {
  const misplaced = (source: string): string[] => asyncOutsideAsync(parsePython(source)).map(({ node }) => node.text().split('\n')[0] as string);

  test('accepts await, async with, async for and async comprehensions in an async def', () => {
    const source = lines(
      'async def f(db):',
      '    await db.commit()',
      '    async with db.begin() as tx:',
      '        pass',
      '    async for row in db.stream(q):',
      '        pass',
      '    return [r async for r in db.stream(q)]',
    );
    expect(misplaced(source)).toEqual([]);
  });

  test('finds them in a plain def, a lambda, a class body, a default value and at module level', () => {
    const source = lines(
      'def f(db):',
      '    await db.commit()',
      '    async with db.begin() as tx:',
      '        pass',
      '    async for row in db.stream(q):',
      '        pass',
      '    return [r async for r in db.stream(q)]',
      'async def g(x=await h()):',
      '    k = lambda: await x',
      '    class C:',
      '        y = await x',
      'await top()',
    );
    expect(misplaced(source)).toEqual([
      'await db.commit()',
      'async with db.begin() as tx:',
      'async for row in db.stream(q):',
      'async for r in db.stream(q)',
      'await h()',
      'await x',
      'await x',
      'await top()',
    ]);
  });
});

describe('partialSelectionProblem', () => {
  const before = lines('from app.db import Session', '', 'def f(db: Session):', '    return db.get(1)');
  const after = lines('from app.db import AsyncSession', '', 'async def f(db: AsyncSession):', '    return await db.get(1)');

  test('the full output and the untouched input pass', () => {
    expect(partialSelectionProblem(before, after, after)).toBeNull();
    expect(partialSelectionProblem(before, after, before)).toBeNull();
  });

  test('a mix that does not parse is refused', () => {
    const broken = lines('def f(:', '    pass');
    expect(partialSelectionProblem(before, after, broken)).toMatch(/do not parse together \(line 1/);
  });

  test('an await whose async def was rejected is refused', () => {
    const mixed = lines('from app.db import AsyncSession', '', 'def f(db: AsyncSession):', '    return await db.get(1)');
    expect(partialSelectionProblem(before, after, mixed)).toMatch(/line 4 would use `await db.get\(1\)` outside an `async def`/);
  });

  test('await outside async def that the input already had is not blamed on the selection', () => {
    const oldBad = lines('def g():', '    await x', 'def f(db):', '    return db');
    const newBad = lines('def g():', '    await x', 'async def f(db):', '    return await db');
    const mixed = lines('def g():', '    await x', 'async def f(db):', '    return db');
    expect(partialSelectionProblem(oldBad, newBad, mixed)).toBeNull();
  });

  test('a use of a name whose new import was rejected is refused', () => {
    const mixed = lines('from app.db import Session', '', 'async def f(db: AsyncSession):', '    return await db.get(1)');
    expect(partialSelectionProblem(before, after, mixed)).toMatch(/`AsyncSession` would be used without its import: an accepted change uses it, and the change that imports it was rejected/);
  });

  test('a removed import whose uses were kept is refused', () => {
    const mixed = lines('from app.db import AsyncSession', '', 'async def f(db: Session):', '    return await db.get(1)');
    expect(partialSelectionProblem(before, after, mixed)).toMatch(/`Session` would be used without its import: an accepted change removes the import, and a rejected one keeps a use of it/);
  });

  test('a new import beside the old one is harmless, replacing the old one is not; attribute and keyword names are not uses', () => {
    const importOnly = lines('from app.db import AsyncSession', '', 'def f(db: Session):', '    return db.get(1)');
    const beforeWithSession = lines('from app.db import Session', '', 'def f(db: Session):', '    return db.get(1)');
    expect(partialSelectionProblem(beforeWithSession, after, lines('from app.db import AsyncSession, Session', '', 'def f(db: Session):', '    return db.get(1)'))).toBeNull();
    expect(partialSelectionProblem(before, after, importOnly)).toMatch(/`Session`/);
    const attributeOnly = lines('from app.db import AsyncSession', '', 'async def f(db: AsyncSession):', '    return await db.Session.get(1, Session=2)');
    expect(partialSelectionProblem(before, after, attributeOnly)).toBeNull();
  });

  test('CRLF and a BOM are decoded as the engine decodes them', () => {
    const crlf = (text: string): string => `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    expect(partialSelectionProblem(crlf(before), crlf(after), crlf(after))).toBeNull();
  });
});
