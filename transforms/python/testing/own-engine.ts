// A session fixture that makes its own engine, as SQLModel's documentation and many course projects write it:
//   engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
//   SQLModel.metadata.create_all(engine)
//   with Session(engine) as session:
//       yield session
//   SQLModel.metadata.drop_all(engine)
// The engine exists only for this fixture, so it is replaced, not twinned: `create_async_engine` with the async
// driver, the schema made through `run_sync` on it, the session an AsyncSession on it. A twin beside the sync
// engine would not do: an in-memory database is the connection's own, so the async engine would see no tables.
import type { SgNode } from '@ast-grep/napi';
import type { TextEdit } from '../../../engine/types';
import { ASYNC_POOLS, ENGINE_KEYWORDS, POOL_KEYWORDS, asyncUrlLiteral, portableConnectDict, soleAssignment, sqliteMemory, stringLiteral } from '../async-engine';
import { bindingsIn } from '../query/bindings';
import { callArgs, namedChildren, start, end } from '../query/syntax';
import { localNamesFor, type ModuleImports } from '../support/imports';
import type { SessionShape } from './session-shape';

type Import = { module: string; name: string };

export interface OwnEngine {
  /** The engine's local name, which the AsyncSession is opened on. */
  engine: string;
  /** How the session is opened when the fixture's own factory (made async in place) opens it; null for `Session(engine)`. */
  open: string | null;
  /** Where the fixture's own `sessionmaker(...)` call starts, when it opens the session; null for `Session(engine)`. */
  maker: number | null;
  edits: TextEdit[];
  imports: Import[];
  /** The `create_engine` import, which can go once nothing else in the file uses it. */
  frees: (Import & { local: string })[];
}

const CREATE_ENGINE_MODULES = ['sqlalchemy', 'sqlalchemy.engine', 'sqlmodel'];
const SA_ASYNC = 'sqlalchemy.ext.asyncio';
const REASON = 'async-tests: the session fixture makes its own async engine';

/**
 * The edits that make the engine the fixture `fn` creates for its session (`Session(<engine>)`, bound once in
 * `fn` by `create_engine(...)` with a literal URL) an async one, and its schema setup and teardown async; null
 * when the session is not opened on such a local engine; a reason when it is, but something about it cannot be
 * carried over (another use of the engine, an argument the async engine does not take the same way).
 */
export function ownEngine(fn: SgNode, shape: SessionShape, imports: ModuleImports): OwnEngine | { reason: string } | null {
  const body = fn.field('body');
  if (!body) return null;
  const statements = namedChildren(body);
  // `TestingSessionLocal = sessionmaker(bind=engine)` in the fixture, then `session = TestingSessionLocal()`.
  const maker = localMaker(fn, statements, shape.open, imports);
  if (maker && 'reason' in maker) return maker;
  const args = callArgs(maker ? maker.call : shape.open);
  const bind = maker
    ? args.positional.length === 1 && !args.keywords.has('bind') ? args.positional[0] : args.positional.length === 0 ? args.keywords.get('bind') : undefined
    : args.positional.length === 1 && args.keywords.size === 0 ? args.positional[0] : args.positional.length === 0 && args.keywords.size === 1 ? args.keywords.get('bind') : undefined;
  if (bind?.kind() !== 'identifier' || args.splat) return null;
  const name = bind.text();
  const bindings = bindingsIn(fn, name);
  if (bindings.length !== 1) return null;
  const made = statements.find((s) => soleAssignment(s)?.field('left')?.text() === name);
  const call = made ? soleAssignment(made)?.field('right') : null;
  const callee = call?.kind() === 'call' ? call.field('function') : null;
  const creators = CREATE_ENGINE_MODULES.flatMap((m) => localNamesFor(imports, m, 'create_engine'));
  if (!made || !call || callee?.kind() !== 'identifier' || !creators.includes(callee.text())) return null;
  const fail = (why: string): { reason: string } => ({ reason: `its engine \`${name}\` ${why}` });
  const engineArgs = convertedArguments(call);
  if ('reason' in engineArgs) return fail(engineArgs.reason);

  const imported = localNamesFor(imports, SA_ASYNC, 'create_async_engine')[0];
  const edits: TextEdit[] = [
    { start: start(callee), end: end(callee), text: imported ?? 'create_async_engine', reason: REASON },
    { start: start(engineArgs.url), end: end(engineArgs.url), text: engineArgs.asyncUrl, reason: REASON },
  ];
  // As async-engine does for the engines of test files: pytest-asyncio and TestClient run their own event loops, and
  // a pooled asyncpg connection fails on another loop than its own. Not for an in-memory SQLite database, which a new
  // connection would open empty, nor where the engine says how it pools.
  const toImport: Import[] = [];
  const lastArgument = namedChildren(call.field('arguments') as SgNode).pop();
  if (engineArgs.pooled && lastArgument) {
    const nullPool = localNamesFor(imports, 'sqlalchemy.pool', 'NullPool')[0];
    if (!nullPool) toImport.push({ module: 'sqlalchemy.pool', name: 'NullPool' });
    edits.push({ start: end(lastArgument), end: end(lastArgument), text: `, poolclass=${nullPool ?? 'NullPool'}`, reason: REASON });
  }
  const connection = ['conn', 'connection', 'async_conn'].find((c) => !fn.find({ rule: { kind: 'identifier', regex: `^${c}$` } }));
  if (!connection) return fail('is used with names this fixture already binds');
  // Every other use of the engine must be one this file can write in its async form.
  for (const use of fn.findAll({ rule: { kind: 'identifier', regex: `^${name}$` } })) {
    if (start(use) >= start(made) && end(use) <= end(made)) continue;
    if (start(use) >= start(shape.open) && end(use) <= end(shape.open)) continue;
    if (maker && start(use) >= start(maker.call) && end(use) <= end(maker.call)) continue;
    const statement = statements.find((s) => start(s) <= start(use) && end(use) <= end(s));
    const use$ = statement ? schemaCall(statement, name) : null;
    if (!statement || !use$) return fail(`is used in \`${firstLine((statement ?? use).text())}\`, which has no async form here`);
    if (use$ === 'dispose') {
      edits.push({ start: start(statement), end: start(statement), text: 'await ', reason: REASON });
      continue;
    }
    const indent = shape.indent;
    edits.push({
      start: start(statement),
      end: end(statement),
      text: `async with ${name}.begin() as ${connection}:\n${indent}${shape.unit}await ${connection}.run_sync(${use$.metadata}.${use$.method})`,
      reason: REASON,
    });
  }
  if (start(made) > start(shape.open) || (maker && start(made) > start(maker.call))) return fail('is made after the session is opened');
  const from = CREATE_ENGINE_MODULES.find((m) => localNamesFor(imports, m, 'create_engine').includes(callee.text()));
  const frees: OwnEngine['frees'] = from ? [{ module: from, name: 'create_engine', local: callee.text() }] : [];
  if (maker) {
    const asyncMaker = localNamesFor(imports, SA_ASYNC, 'async_sessionmaker')[0];
    if (!asyncMaker) toImport.push({ module: SA_ASYNC, name: 'async_sessionmaker' });
    // As async-engine writes the factory twins: expire_on_commit=False, since an expired attribute read later
    // would load lazily, which an AsyncSession cannot do outside an await.
    edits.push({ start: start(maker.call), end: end(maker.call), text: `${asyncMaker ?? 'async_sessionmaker'}(${[name, 'expire_on_commit=False', ...maker.kept].join(', ')})`, reason: REASON });
    frees.push({ module: maker.module, name: 'sessionmaker', local: maker.callee });
  }
  return {
    engine: name,
    open: maker ? shape.open.text() : null,
    maker: maker ? start(maker.call) : null,
    edits,
    imports: [...(imported ? [] : [{ module: SA_ASYNC, name: 'create_async_engine' }]), ...toImport],
    frees,
  };
}

const MAKER_MODULES = ['sqlalchemy.orm', 'sqlalchemy.orm.session'];
/** sessionmaker keywords that mean the same to async_sessionmaker (as async-engine carries them to its twins). */
const MAKER_KEYWORDS = new Set(['autoflush', 'info', 'autobegin', 'join_transaction_mode', 'close_resets_only', 'enable_baked_queries']);

interface LocalMaker {
  call: SgNode;
  /** The local name `sessionmaker` is imported as, and from where. */
  callee: string;
  module: string;
  /** The keyword arguments carried over as written. */
  kept: string[];
}

/**
 * The `sessionmaker(...)` the fixture binds, once, to the name whose call `open` opens the session (no arguments),
 * as a statement of its own before it; null when the session is not opened so; a reason when it is, but the
 * factory cannot become an `async_sessionmaker` here.
 */
function localMaker(fn: SgNode, statements: SgNode[], open: SgNode, imports: ModuleImports): LocalMaker | { reason: string } | null {
  const opener = open.field('function');
  if (opener?.kind() !== 'identifier') return null;
  const factory = opener.text();
  const made = statements.find((s) => soleAssignment(s)?.field('left')?.text() === factory);
  const call = made ? soleAssignment(made)?.field('right') : null;
  const callee = call?.kind() === 'call' ? call.field('function') : null;
  const module = callee?.kind() === 'identifier' ? MAKER_MODULES.find((m) => localNamesFor(imports, m, 'sessionmaker').includes(callee.text())) : undefined;
  if (!made || !call || !callee || !module || bindingsIn(fn, factory).length !== 1) return null;
  const fail = (why: string): { reason: string } => ({ reason: `its session factory \`${factory}\` ${why}` });
  const openArgs = callArgs(open);
  if (openArgs.positional.length > 0 || openArgs.keywords.size > 0 || openArgs.splat) return fail('is called with arguments, which its async form may not take');
  if (start(made) > start(open)) return fail('is made after the session is opened');
  // Used only where it is made and where the session is opened: anything else would get an async factory unawares.
  for (const use of fn.findAll({ rule: { kind: 'identifier', regex: `^${factory}$` } })) {
    if ((start(use) >= start(made) && end(use) <= end(made)) || (start(use) >= start(open) && end(use) <= end(open))) continue;
    return fail(`is used in \`${firstLine((statements.find((s) => start(s) <= start(use) && end(use) <= end(s)) ?? use).text())}\`, which has no async form here`);
  }
  const args = callArgs(call);
  if (args.splat) return fail('is made with unpacked arguments');
  const kept: string[] = [];
  for (const [key, value] of args.keywords) {
    if (key === 'bind' || key === 'expire_on_commit' || key === 'future') continue;
    if (key === 'autocommit' && value.kind() === 'false') continue;
    if (MAKER_KEYWORDS.has(key)) {
      kept.push(`${key}=${value.text()}`);
      continue;
    }
    return fail(`is made with \`${key}=\`, which the async session factory may not take the same way`);
  }
  return { call, callee: callee.text(), module, kept };
}

/** `X.create_all(engine)` / `X.drop_all(bind=engine)` (the metadata and method), or `engine.dispose()`, as a whole statement. */
function schemaCall(statement: SgNode, engine: string): { metadata: string; method: string } | 'dispose' | null {
  const call = statement.kind() === 'expression_statement' ? namedChildren(statement)[0] : null;
  if (call?.kind() !== 'call') return null;
  const callee = call.field('function');
  const args = callArgs(call);
  if (callee?.kind() !== 'attribute' || args.splat) return null;
  const method = callee.field('attribute')?.text() ?? '';
  if (method === 'dispose' && callee.field('object')?.text() === engine && args.positional.length === 0 && args.keywords.size === 0) return 'dispose';
  if (method !== 'create_all' && method !== 'drop_all') return null;
  const bind = args.positional.length === 1 && args.keywords.size === 0 ? args.positional[0] : args.positional.length === 0 && args.keywords.size === 1 ? args.keywords.get('bind') : undefined;
  return bind?.text() === engine ? { metadata: (callee.field('object') as SgNode).text(), method } : null;
}

/** The engine's URL literal and its async form, when every argument means the same to create_async_engine. */
function convertedArguments(call: SgNode): { url: SgNode; asyncUrl: string; pooled: boolean } | { reason: string } {
  const args = callArgs(call);
  if (args.splat) return { reason: 'is created with unpacked arguments' };
  const url = args.positional.length === 1 ? args.positional[0] : args.positional.length === 0 ? args.keywords.get('url') : undefined;
  const literal = url ? stringLiteral(url) : null;
  if (!url || !literal || /[bBfF]/.test(literal.prefix)) return { reason: 'has no literal URL' };
  const converted = asyncUrlLiteral(literal);
  if ('unknown' in converted) return { reason: `has a URL whose scheme \`${converted.unknown}\` has no async driver awaitify knows` };
  for (const [key, value] of args.keywords) {
    if (key === 'url' || ENGINE_KEYWORDS.has(key)) continue;
    // Async engines are 2.0-style whatever it says; an explicit True stays as written, as async-engine keeps it.
    if (key === 'future' && value.kind() === 'true') continue;
    if (key === 'poolclass' && ASYNC_POOLS.has(value.text().split('.').pop() ?? '')) continue;
    if (key === 'connect_args' && converted.scheme.startsWith('sqlite') && value.kind() === 'dictionary' && portableConnectDict(value, 'sqlite')) continue;
    return { reason: `is created with \`${key}=\`, which the async engine may not take the same way` };
  }
  const pooled = !POOL_KEYWORDS.some((k) => args.keywords.has(k)) && sqliteMemory(literal.content) === null;
  return { url, asyncUrl: converted.text, pooled };
}

function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  return newline === -1 ? text : `${text.slice(0, newline).trimEnd()} ...`;
}
