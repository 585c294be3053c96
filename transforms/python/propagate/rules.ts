// Finding rules of propagate-async and the fix hint shown with each (docs/rules/<RULE>.md explains more).
export const RULES = {
  syncContext: 'ASYNC-CALL-SYNC-CONTEXT',
  inTest: 'ASYNC-CALL-IN-TEST',
  unresolved: 'ASYNC-CALL-UNRESOLVED',
  unknownReceiver: 'ASYNC-CALL-UNKNOWN-RECEIVER',
  callerBlocked: 'ASYNC-CALLER-BLOCKED',
  generator: 'ASYNC-GENERATOR-CALL',
  syncSessionArg: 'ASYNC-SYNC-SESSION-ARG',
  unrecognisedSession: 'ASYNC-SESSION-UNRECOGNISED',
  syncSessionDependency: 'ASYNC-SESSION-DEPENDENCY-SYNC',
  notAwaited: 'ASYNC-CALL-NOT-AWAITED',
  inferredSession: 'ASYNC-SESSION-INFERRED-MISMATCH',
  blocking: 'ASYNC-BLOCKING-CALL',
  asyncSessionToSync: 'ASYNC-SESSION-TO-SYNC-CODE',
} as const;

export type AsyncRule = (typeof RULES)[keyof typeof RULES];

export const HINTS: Record<AsyncRule, string> = {
  'ASYNC-CALL-SYNC-CONTEXT':
    'Call the async function from async code and pass its result in (compute the values before the lambda, sorted() key or generator expression), or keep a sync variant of the function for this caller.',
  'ASYNC-CALL-IN-TEST':
    'Convert the test to async (`@pytest.mark.asyncio` + `async def` + `await`, async fixtures with `@pytest_asyncio.fixture`), or test through the HTTP client instead.',
  'ASYNC-CALL-UNRESOLVED':
    'Check what the called function is: if it is (or became) a coroutine function, await the call and make this function async; if it is a third-party helper, use its async variant, or run it on the sync session underneath: `await db.run_sync(lambda sync_db: helper(sync_db, ...))`.',
  'ASYNC-CALL-UNKNOWN-RECEIVER':
    'Add `await` by hand and make the caller async; or, before applying the migration, annotate the receiver with its class (`service: OrderService`, or `Depends(OrderService)`) so the migrating run resolves and awaits the call. If the object is none of the classes named, the call is fine as it is: mark the line `# awaitify: ignore`.',
  'ASYNC-CALLER-BLOCKED':
    'Resolve the blocker named in the message first (usually the insert-await finding in the same function), then run propagate-async again.',
  'ASYNC-GENERATOR-CALL': 'Iterate the async generator with `async for` (or collect it with `[x async for x in gen()]`) in an async function.',
  'ASYNC-SESSION-UNRECOGNISED':
    'Annotate the parameter with the session type (`db: Session`), or open the session from a factory awaitify knows (`with SessionLocal() as db`), and run awaitify again: the calls on it are then converted, and the function and its callers follow. A session handed over inside another object (`db: Session = payload["db"]`) is followed only as a parameter: pass it as one, or await its calls by hand in an async function (and await that function where it is called).',
  'ASYNC-CALL-NOT-AWAITED':
    'Await the call (`await f(...)`, making the caller `async def` if it is not), or, to run it in the background on purpose, hand it to `asyncio.create_task(...)` (or FastAPI\'s `BackgroundTasks.add_task(f, ...)`) and keep a reference to the task.',
  'ASYNC-SESSION-DEPENDENCY-SYNC':
    'Give the dependency an async twin that yields an AsyncSession (`async def get_async_session(): async with AsyncSessionLocal() as session: yield session`) and depend on it, or name it in the configuration (`dependencies = { get_session = "get_async_session" }`) so awaitify writes the twin where it can.',
  'ASYNC-SESSION-INFERRED-MISMATCH':
    'Annotate the parameter with what it really is: `db: Session` (or `AsyncSession`) when every caller hands it a session, and hand the flagged call one; otherwise give the function a typed parameter for each kind of caller, and run awaitify again on the code before the migration.',
  'ASYNC-BLOCKING-CALL':
    'Use the async API: `httpx.AsyncClient` for HTTP (`async with httpx.AsyncClient() as client: r = await client.get(...)`), `await asyncio.sleep(...)`, `await asyncio.create_subprocess_exec(...)`; or run the blocking call (or the plain helper making it) in a thread: `await run_in_threadpool(f, ...)` (starlette.concurrency) or `await asyncio.to_thread(f, ...)`. If it must block on purpose, mark the line `# awaitify: ignore`.',
  'ASYNC-SESSION-TO-SYNC-CODE':
    'Convert what keeps the callee sync (the finding on it, usually a legacy query query-to-select could not rewrite), then run awaitify again; or keep this handler on the sync session (`def`, `db: Session = Depends(get_db)`) until then.',
  'ASYNC-SYNC-SESSION-ARG':
    'Open the session with the async factory (`AsyncSessionLocal()`, or `async with AsyncSessionLocal() as db:`) and convert the other uses the message names, or keep a sync variant of the called function for this caller.',
};
