// The audit's rules: what each one counts, in the words of the summary table, and what to do about it
// (docs/rules/<RULE>.md explains more).

export interface AuditRule {
  id: string;
  /** One short line: the summary table's description column. */
  description: string;
  hint: string;
}

export const AUDIT_RULES = [
  {
    id: 'AUDIT-SYNC-HANDLER',
    description: 'sync route handler doing database work',
    hint: 'Make the handler `async def` on an AsyncSession (`awaitify apply` converts it), or keep it sync on purpose: FastAPI runs it in a threadpool.',
  },
  {
    id: 'AUDIT-SYNC-SESSION-PARAM',
    description: 'function taking a sync Session',
    hint: 'Take an `AsyncSession` (from `Depends(get_async_db)`) and await its calls; `awaitify apply` converts the annotation and the dependency.',
  },
  {
    id: 'AUDIT-LEGACY-QUERY',
    description: 'legacy `.query()` on a session',
    hint: 'Rewrite as `select()` (`awaitify apply --stage select` converts what it can); AsyncSession has no `query()`.',
  },
  {
    id: 'AUDIT-SESSIONLOCAL-IN-ASYNC',
    description: 'sync session factory used inside `async def`',
    hint: 'Use the async factory (`async with AsyncSessionLocal() as db:`) or take the session from `Depends(get_async_db)`.',
  },
  {
    id: 'AUDIT-SYNC-SESSION-CALL',
    description: 'session call inside `async def` that blocks or is not awaited',
    hint: 'On an AsyncSession, `await` the coroutine methods (`await db.commit()`); a sync Session must not be used in async code at all.',
  },
  {
    id: 'AUDIT-BLOCKING-SLEEP',
    description: '`time.sleep` inside `async def`',
    hint: 'Use `await asyncio.sleep(...)`.',
  },
  {
    id: 'AUDIT-BLOCKING-HTTP',
    description: 'sync HTTP call inside `async def`',
    hint: 'Use `httpx.AsyncClient` (`async with httpx.AsyncClient() as client: await client.get(...)`), or `await asyncio.to_thread(...)`.',
  },
  {
    id: 'AUDIT-BLOCKING-FILE',
    description: 'builtin `open()` inside `async def`',
    hint: 'Use `aiofiles.open` with `async with` and awaited reads/writes, or `await asyncio.to_thread(...)` for the whole file operation.',
  },
  {
    id: 'AUDIT-BLOCKING-REDIS',
    description: 'command of a sync Redis client (`redis.Redis`) inside `async def`',
    hint: 'Use `redis.asyncio.Redis` and await its commands (`await client.get(...)`), or `await asyncio.to_thread(...)`.',
  },
  {
    id: 'AUDIT-BLOCKING-SUBPROCESS',
    description: '`subprocess` / `os.system` inside `async def`',
    hint: 'Use `await asyncio.create_subprocess_exec(...)` (or `_shell`), or `await asyncio.to_thread(subprocess.run, ...)`.',
  },
] as const satisfies readonly AuditRule[];

export type AuditRuleId = (typeof AUDIT_RULES)[number]['id'];

export function auditRule(id: AuditRuleId): AuditRule {
  return AUDIT_RULES.find((r) => r.id === id) as AuditRule;
}
