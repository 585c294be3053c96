// Finding rules of async-tests and the fix hint shown with each (docs/rules/<RULE>.md explains more).
export const RULES = {
  sessionMock: 'TESTS-SESSION-MOCK',
  syncContext: 'TESTS-ASYNC-IN-SYNC-CONTEXT',
  sessionFixture: 'TESTS-SESSION-FIXTURE',
  memoryDatabase: 'TESTS-MEMORY-DATABASE',
  fixtureScope: 'TESTS-FIXTURE-SCOPE',
  unittest: 'TESTS-UNITTEST-CLASS',
  engineLoops: 'TESTS-ENGINE-LOOPS',
  overrideLoops: 'TESTS-OVERRIDE-LOOPS',
  patchGetDb: 'TESTS-PATCH-GET-DB',
  syncDependencyNotOverridden: 'TESTS-SYNC-DEPENDENCY-NOT-OVERRIDDEN',
  syncFactoryRebound: 'TESTS-SYNC-FACTORY-REBOUND',
} as const;

export type TestRule = (typeof RULES)[keyof typeof RULES];

export const HINTS: Record<TestRule, string> = {
  'TESTS-SESSION-MOCK':
    'Mock the async API instead (`AsyncMock` for awaited methods such as `execute`/`scalars`/`commit`), or better, run the code against a real test database through an async session fixture.',
  'TESTS-ASYNC-IN-SYNC-CONTEXT':
    'Compute the awaited values in the test body first (`users = [await make_user(db) for _ in range(3)]`, then `sorted(users, key=...)`), or make the nested helper `async def` and await it.',
  'TESTS-SESSION-FIXTURE':
    'Write the fixture as `@pytest_asyncio.fixture async def db(): async with AsyncSessionLocal() as session: yield session`, and convert the tests that use the session in a sync way (await its coroutine methods, replace `query()` with `select()`).',
  'TESTS-MEMORY-DATABASE':
    'Use a file database for the tests (`sqlite:///./test.db`), or create the schema through the async engine (`async with async_engine.begin() as conn: await conn.run_sync(Base.metadata.create_all)`) with `poolclass=StaticPool`.',
  'TESTS-FIXTURE-SCOPE':
    'Remove what the finding names (a scope set at run time, a pytest-asyncio pin below 0.24, a marker of another loop scope) and run awaitify again; or make the fixture function-scoped; or convert by hand with `@pytest_asyncio.fixture(scope=..., loop_scope=...)`, giving every fixture and async test receiving the session the same loop scope (`@pytest.mark.asyncio(loop_scope=...)`). Before pytest-asyncio 0.24 (no `loop_scope`), override `event_loop` with the fixture\'s scope in the conftest instead (`@pytest.fixture(scope="session") def event_loop(): loop = asyncio.new_event_loop(); yield loop; loop.close()`) and give the fixture and tests no `loop_scope`.',
  'TESTS-ENGINE-LOOPS':
    'Give the test run an engine without a pool, as SQLAlchemy prescribes for an engine used from several event loops: in conftest.py, `AsyncSessionLocal.configure(bind=create_async_engine(async_engine.url, poolclass=NullPool))` with the application\'s async session factory and engine as its session module names them (`from sqlalchemy.pool import NullPool`); where there is no factory (the session dependency opens `AsyncSession(async_engine)` itself), or in any case, override its session dependency with one opening sessions on a test engine created with `poolclass=NullPool`.',
  'TESTS-OVERRIDE-LOOPS':
    'Nothing to do on SQLite (aiosqlite). On PostgreSQL or MySQL, keep the session and the handlers in one loop: talk to the app from async tests through `httpx.AsyncClient(transport=ASGITransport(app=app), base_url="http://test")` instead of `TestClient`; or let the override open its own session (`async def override(): async with AsyncSessionLocal() as s: yield s`) on an engine with `poolclass=NullPool`, and read back through the API.',
  'TESTS-PATCH-GET-DB':
    'Delete the patch if it was meant to replace the session the handlers get: patching a module attribute never changed what `Depends(...)` injects (FastAPI keeps the function it was given at import). Override the dependency instead, with an async replacement: `app.dependency_overrides[get_async_db] = override` where `async def override(): yield session` (or a mock). Where code calls the dependency by name, patch `<module>.get_async_db` with an async generator function.',
  'TESTS-SYNC-DEPENDENCY-NOT-OVERRIDDEN':
    'Convert the handlers that stay sync (their findings say what blocks them). Until then, if the test database is a file or a server (not SQLite in memory, which a sync and an async engine cannot share), override the sync dependency again beside its async twin, in a module starting with `# awaitify: ignore-file` that conftest.py imports (a later run rewrites one written elsewhere), on a sync engine made from the async test engine\'s URL: `def override_get_db_sync(): db = SyncTestingSessionLocal(); try: yield db finally: db.close()` and `app.dependency_overrides[get_db] = override_get_db_sync`.',
  'TESTS-SYNC-FACTORY-REBOUND':
    'Give the async side the same isolation: in an async fixture, open a connection of the async engine and begin a transaction (`conn = await async_engine.connect(); trans = await conn.begin()`), override the async session dependency with one yielding `AsyncSession(bind=conn)`, and `await trans.rollback()` after the test; drive the app from async tests with `httpx.AsyncClient(transport=ASGITransport(app=app), base_url="http://test")`, since TestClient serves requests in an event loop of its own, where a connection opened in the test\'s loop fails with asyncpg or aiomysql. A sync connection cannot be handed to an AsyncSession. Or give the tests a database of their own and clean it between tests.',
  'TESTS-UNITTEST-CLASS':
    'pytest-asyncio does not run async methods of unittest.TestCase classes: derive the class from `unittest.IsolatedAsyncioTestCase` and make the test methods `async def`, or turn them into plain pytest tests.',
};
