// Finding rules of insert-await and the fix hint shown with each (docs/rules/<RULE>.md explains more).
export const RULES = {
  syncContext: 'AWAIT-SYNC-CONTEXT',
  queryLeft: 'AWAIT-QUERY-LEFT',
  factoryUnknown: 'AWAIT-FACTORY-UNKNOWN',
  sessionOuter: 'AWAIT-SESSION-OUTER',
  withMixed: 'AWAIT-WITH-MIXED',
  asyncObject: 'AWAIT-ASYNC-OBJECT',
  misplaced: 'AWAIT-MISPLACED',
  bulk: 'AWAIT-BULK',
  sessionUnclosed: 'AWAIT-SESSION-UNCLOSED',
} as const;

export type AwaitRule = (typeof RULES)[keyof typeof RULES];

export const HINTS: Record<AwaitRule, string> = {
  'AWAIT-SYNC-CONTEXT':
    'This code cannot become async (lambda, generator expression, __init__/dunder, property, validator, event listener, Celery task, module or class level). Move the database call into an async function, or run sync code through `await session.run_sync(...)`.',
  'AWAIT-QUERY-LEFT': 'AsyncSession has no query(): convert this legacy query to select() by hand (see the query-to-select finding on it).',
  'AWAIT-FACTORY-UNKNOWN':
    'Create the session from the async factory (e.g. `AsyncSessionLocal()` from async_sessionmaker) by hand, or name the async twin `Async<Factory>` next to the sync factory.',
  'AWAIT-SESSION-OUTER': 'Pass the session to the inner function as a parameter, or convert both functions by hand.',
  'AWAIT-WITH-MIXED': 'Split the statement: `async with <session> as db:` around a plain `with` for the other context managers.',
  'AWAIT-ASYNC-OBJECT':
    'Await the call and every coroutine method of what it returns: `conn = await db.connection()` then `await conn.execute(...)`; `async with db.begin() as tx:` then `await tx.rollback()`; `async for row in await db.stream(s)`.',
  'AWAIT-MISPLACED': 'Parenthesise the awaited call: `(await db.execute(s)).scalars()`.',
  'AWAIT-SESSION-UNCLOSED':
    'Open the session with `async with AsyncSessionLocal() as db:` around the code using it, or `await db.close()` when done (in a `finally`).',
  'AWAIT-BULK': 'Rewrite as `await db.run_sync(lambda s: s.<bulk method>(...))`, computing awaited values before the call.',
};
