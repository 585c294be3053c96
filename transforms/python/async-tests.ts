// async-tests: pytest code that calls functions made async becomes async itself (see docs/transforms/async-tests.md).
// Tests and fixtures that call async project functions become `async def`, await those calls and get
// `@pytest.mark.asyncio` (not in asyncio_mode=auto) or `@pytest_asyncio.fixture`; fixtures and dependency
// overrides that hand out a sync session hand out an AsyncSession from the async session factory. Tests that
// only talk HTTP through TestClient call nothing async and are left alone.
//
// It runs after propagate-async, over the project as that left it: its index is the project index (which
// functions are async now, and where every call resolves) plus per-module test facts.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { FindingInput, IndexInput, ProjectIndexer, TextEdit, Transform, TransformContext, TransformResult } from '../../engine/types';
import { awaitEdits } from './awaits/awaiting';
import { loopRunnerCall, MAY_RUN_LOOP, placeOf } from './awaits/context';
import { isTestPath } from './index/modules';
import { ProjectIndex } from './index/project';
import { summarizeModule } from './index/summarize';
import { asyncKeyword, end, sameNode, start } from './query/syntax';
import { withCachedTree } from './support/cached-tree';
import { collectImports, type ImportChange, importInsertionPoint, isModuleLevel, isTopLevel, planImportEdits } from './support/imports';
import { importedByOthers } from './scaffold/engine-index';
import { awaitsTakenOut, unusedImport } from './support/sync-back';
import { testFacts } from './testing/facts';
import { asyncUses } from './testing/async-uses';
import { asyncFixtureDecorator } from './testing/fixtures';
import { type SyncBack, TestPlan, type TestSummary } from './testing/plan';
import { PytestConfigs } from './testing/pytest-config';
import { SessionRewriter, sessionMockFindings } from './testing/rewrite';
import { syncSessionArguments } from './propagate/session-args';
import { inputLineOf } from './support/input-lines';

const ID = 'async-tests';

export const asyncTestsIndexer: ProjectIndexer<SgRoot, TestSummary, TestPlan> = {
  id: ID,
  summarize: (raw) => {
    const input = withCachedTree(raw);
    const tests = testFacts(input.tree, input.source, input.path, [input.options.getDbName, input.options.asyncGetDbName], input.options.sessionFactories, inputLineOf(input));
    // A function definition starts at its `async` keyword.
    if (input.untouched) for (const f of tests.functions) f.asyncInInput = input.source.startsWith('async', f.id) && input.untouched(f.id, f.id + 5);
    if (tests.functions.length > 0 && MAY_RUN_LOOP.test(input.source)) {
      const byId = new Map(tests.functions.map((f) => [f.id, f]));
      for (const def of input.tree.root().findAll({ rule: { kind: 'function_definition' } })) {
        const f = byId.get(start(def));
        const runner = f ? loopRunnerCall(def) : null;
        if (f && runner !== null) f.loopRunner = runner;
      }
    }
    // Whether each session fixture's rewrite succeeds is known from this file alone, but for the imported
    // factory twins it needs, which the plan checks in the index: so tests in other files may follow it.
    const fixtures = tests.functions.filter((x) => x.session === 'ok');
    let requires: [string, string][] = [];
    const ctx = { path: input.path, source: input.source, tree: input.tree, options: input.options, isIgnored: () => false };
    const rewriter = fixtures.length > 0 ? new SessionRewriter(ctx, null, (module, name) => (requires.push([module, name]), true)) : null;
    for (const f of fixtures) {
      requires = [];
      const outcome = rewriter?.fixtureOutcome(f.id);
      f.switches = outcome?.switches ? { requires } : null;
      f.refused = outcome?.refused ?? null;
      // Which fixtures stay sync for want of a twin is settled here, where async-engine can be asked: their
      // receivers are told they get a sync Session only when that is certain.
      if (outcome && !outcome.switches && outcome.refused === null && outcome.missing !== null && !rewriter?.twinWritten(outcome.missing)) f.twinUnwritable = true;
      if (outcome?.engineFixture) f.engineFixture = outcome.engineFixture;
    }
    const uses = tests.functions.length > 0 ? asyncUses(input.tree.root(), input.source) : [];
    return uses.length > 0 ? { base: summarizeModule(input), tests, asyncUses: uses } : { base: summarizeModule(input), tests };
  },
  build: (summaries, options) => {
    const configs = new PytestConfigs();
    const bases = new Map([...summaries].map(([path, s]) => [path, s.base]));
    return new TestPlan(new ProjectIndex(bases), summaries, (m) => configs.modeFor(m.absPath), { sync: options.getDbName, async: options.asyncGetDbName }, (m) => configs.oldAsyncioPin(m.absPath));
  },
};

export const transform: Transform<SgRoot> = {
  id: ID,
  description: 'pytest tests and fixtures that call async code become async (marker, pytest_asyncio fixtures, awaits); session fixtures and overrides yield AsyncSessions',
  language: 'python',
  indexer: asyncTestsIndexer,
  run,
};

function run(raw: TransformContext<SgRoot>): TransformResult {
  const ctx = withCachedTree(raw);
  const plan = ctx.index instanceof TestPlan ? ctx.index : singleFilePlan(ctx);
  const file = plan.fileFor(ctx.path, ctx.source);
  const findings: FindingInput[] = isTestPath(ctx.path) ? sessionMockFindings(ctx.tree) : [];
  if (!file) return { edits: [], findings };
  findings.push(...file.findings);

  const rewrite = new SessionRewriter(ctx, plan.index).run(file.sessionFixtures, file.overrides, file.loopScopes);
  findings.push(...rewrite.findings, ...rewrite.engineFindings);
  const edits: TextEdit[] = [...rewrite.engineEdits, ...rewrite.edits];
  let markers = 0;
  let fixtures = rewrite.asyncFixtures;
  for (const fn of file.functions) {
    // The marker line goes before the `async ` keyword when both land on an undecorated def.
    if (fn.marker) {
      const marker = fn.marker.loop === null ? '@pytest.mark.asyncio' : `@pytest.mark.asyncio(loop_scope="${fn.marker.loop}")`;
      edits.push({ start: fn.marker.at, end: fn.marker.at, text: `${marker}\n${fn.marker.indent}`, reason: fn.reason });
      markers++;
    }
    if (fn.decorator) {
      edits.push(...asyncFixtureDecorator(fn.decorator, fn.decorator.slot, fn.decorator.loop, fn.reason));
      fixtures++;
    }
    if (fn.asyncAt !== null) edits.push({ start: fn.asyncAt, end: fn.asyncAt, text: 'async ', reason: fn.reason });
  }
  const calls = new Map<string, SgNode>();
  for (const call of ctx.tree.root().findAll({ rule: { kind: 'call' } })) calls.set(`${start(call)}:${end(call)}`, call);
  // Outer calls first, as propagate-async does: the engine keeps the order of insertions at one offset.
  const awaited: SgNode[] = [];
  for (const a of [...file.awaits].sort((x, y) => x.start - y.start || y.end - x.end)) {
    const call = calls.get(`${a.start}:${a.end}`);
    if (!call) throw new Error(`${ID}: no call at ${a.start}-${a.end} in ${ctx.path}; the file changed after indexing`);
    edits.push(...awaitEdits(call, a.reason));
    awaited.push(call);
  }
  // A session the test opens itself (`db = TestingSessionLocal()`, `self.db` from `setup_method`) and hands to a
  // call awaited now: it comes from the async factory, or is flagged, as propagate-async does for other code.
  // The session fixtures rewritten above open theirs in their own way.
  const rewritten = new Set([...file.sessionFixtures]);
  const handedOn = awaited.filter((call) => {
    const unit = placeOf(call).unit;
    return !unit || !rewritten.has(start(unit));
  });
  // The fixtures made async here: insert-await left them alone, and the next run's would convert their sessions.
  const defs = new Map(ctx.tree.root().findAll({ rule: { kind: 'function_definition' } }).map((d) => [start(d), d]));
  const fixturesMadeAsync = file.functions.flatMap((f) => (f.asyncAt !== null && f.decorator !== null && !rewritten.has(f.id) ? (defs.get(f.id) ?? []) : []));
  const sessionArgs = syncSessionArguments(ctx, handedOn, [], { importsSeparately: true, awaitsSessionCalls: true, replaced: rewrite.edits, madeAsync: fixturesMadeAsync });
  edits.push(...sessionArgs.edits);
  findings.push(...sessionArgs.findings);
  rewrite.fromImports.push(...(sessionArgs.imports?.add ?? []));
  rewrite.fromRemovals.push(...(sessionArgs.imports?.remove ?? []));
  const back = syncBackEdits(ctx, file.syncBacks);
  edits.push(...back.edits);
  rewrite.fromImports.push(...back.imports.add);
  rewrite.fromRemovals.push(...back.imports.remove);
  // Only awaits that will be written settle a finding: an ignored line keeps both the call and its finding.
  // A file without edits of its own may hold settled findings too (a helper only tests keeping their sync session
  // call, a seeding fixture's sync calls on a session fixture left sync).
  const resolves = [...file.resolves, ...rewrite.resolves].filter((r) => !ctx.isIgnored(r.offset, r.offset + 1));
  if (edits.length === rewrite.engineEdits.length) return resolves.length > 0 ? { edits, findings, resolves } : { edits, findings };

  // First: where the imports go at the very offset of a test's new marker (a file that starts with the test),
  // the engine applies insertions at one offset in order, and the import must precede the decorator.
  edits.unshift(...importEdits(ctx, markers > 0, fixtures > 0, rewrite.fromImports, rewrite.fromRemovals, rewrite.engineEdits, pytestLeftUnused(ctx, edits)));
  const madeAsync = file.functions.filter((f) => f.asyncAt !== null).length + rewrite.asyncFixtures;
  return {
    edits,
    findings,
    counts: { 'tests and fixtures made async': madeAsync, 'awaits added in tests': file.awaits.length, 'asyncio markers added': markers, 'tests and fixtures given back their sync code': file.syncBacks.filter((b) => b.awaits).length },
    resolves,
  };
}

/**
 * The tests and fixtures given back their sync code (FileTestPlan.syncBacks): the awaits of their own body go, as
 * propagate-async takes them out of the plain defs it keeps, `async` too unless the function was async before,
 * and the `AsyncSession` annotations become `Session` again (imported when missing; the `AsyncSession` import
 * goes when nothing else uses it).
 */
function syncBackEdits(ctx: TransformContext<SgRoot>, backs: readonly SyncBack[]): { edits: TextEdit[]; imports: Required<ImportChange> } {
  const out = { edits: [] as TextEdit[], imports: { add: [], remove: [] } as Required<ImportChange> };
  if (backs.length === 0) return out;
  const defs = new Map(ctx.tree.root().findAll({ rule: { kind: 'function_definition' } }).map((f) => [start(f), f]));
  const replaced = new Map<string, number[]>();
  const imports = collectImports(ctx.tree);
  const added = new Set<string>();
  for (const back of backs) {
    const fn = defs.get(back.def);
    if (!fn) throw new Error(`${ID}: no function at ${back.def} in ${ctx.path}; the file changed after indexing`);
    const owned = (node: SgNode): boolean => sameNode(node.ancestors().find((a) => a.kind() === 'function_definition') ?? null, fn);
    if (back.awaits) out.edits.push(...awaitsTakenOut(fn, owned, back.reason));
    const keyword = back.async ? asyncKeyword(fn) : undefined;
    const next = keyword?.next();
    if (keyword && next) out.edits.push({ start: start(keyword), end: start(next), text: '', reason: back.reason });
    for (const a of back.annotations) {
      const name = ctx.source.slice(a.start, a.end);
      out.edits.push({ start: a.start, end: a.end, text: a.text, reason: back.reason });
      replaced.set(name, [...(replaced.get(name) ?? []), a.start]);
      if (!a.add || added.has(`${a.module}:${a.text}`)) continue;
      added.add(`${a.module}:${a.text}`);
      // Next to the AsyncSession import async-session wrote in its place, unless the module has a `from` import
      // to join: where the next run writes it again, so that run changes nothing.
      const twin = imports.from.find((i) => (i.alias ?? i.name) === name && isTopLevel(i.node));
      const after = twin && !imports.from.some((i) => i.module === a.module && isModuleLevel(i.node)) ? ctx.source.indexOf('\n', end(twin.node)) + 1 : 0;
      if (twin && after > 0 && /^[ \t]*(#[^\n]*)?\n$/.test(ctx.source.slice(end(twin.node), after))) {
        out.edits.push({ start: after, end: after, text: `from ${a.module} import ${a.text}\n`, reason: back.reason });
      } else out.imports.add.push({ module: a.module, name: a.text });
    }
  }
  for (const [name, at] of replaced) {
    const unused = unusedImport(ctx.source, imports, name, at);
    if (unused) out.imports.remove.push(unused);
  }
  return out;
}

/**
 * The module's lone `import pytest` line when this run's edits take away every use of the name (the only
 * `@pytest.fixture` becoming `@pytest_asyncio.fixture`): left, it is an unused import. Any other occurrence of the
 * word, in code, a string annotation or a comment, or one on an ignored line (its edit is dropped), keeps it; so
 * does a module whose `pytest` other modules import from it.
 */
function pytestLeftUnused(ctx: TransformContext<SgRoot>, edits: readonly TextEdit[]): SgNode | null {
  const word = /(?<![\w.])pytest(?!\w)/gu;
  const bindings = collectImports(ctx.tree).plain.filter((i) => i.module === 'pytest' || i.alias === 'pytest' || i.module.startsWith('pytest.'));
  const only = bindings.length === 1 ? bindings[0]! : undefined;
  if (!only || only.module !== 'pytest' || only.alias !== null || !isTopLevel(only.node) || only.node.fieldChildren('name').length !== 1) return null;
  if (collectImports(ctx.tree).from.some((i) => (i.alias ?? i.name) === 'pytest')) return null;
  if (importedByOthers(ctx.options, ctx.path).includes('pytest')) return null;
  const statement = { start: start(only.node), end: end(only.node) };
  const lineStart = ctx.source.lastIndexOf('\n', statement.start - 1) + 1;
  const lineEnd = ctx.source.indexOf('\n', statement.end);
  if (!/^[ \t]*$/.test(ctx.source.slice(lineStart, statement.start)) || !/^[ \t]*$/.test(ctx.source.slice(statement.end, lineEnd < 0 ? ctx.source.length : lineEnd))) return null;
  if (edits.some((e) => e.end > statement.start && e.start < statement.end)) return null;
  let replaced = 0;
  for (const match of ctx.source.matchAll(word)) {
    if (match.index >= statement.start && match.index < statement.end) continue;
    const gone = edits.some((e) => e.start <= match.index && match.index + 'pytest'.length <= e.end);
    if (!gone || ctx.isIgnored(match.index, match.index + 1)) return null;
    replaced++;
  }
  if (replaced === 0 || edits.some((e) => new RegExp(word.source, 'u').test(e.text))) return null;
  return only.node;
}

/**
 * `import pytest` / `import pytest_asyncio` when missing, and the `from` imports the rewrites name; `dropPytest`
 * (pytestLeftUnused) goes, or becomes the `import pytest_asyncio` line.
 */
function importEdits(ctx: TransformContext<SgRoot>, pytest: boolean, pytestAsyncio: boolean, fromImports: { module: string; name: string }[], fromRemovals: { module: string; name: string }[], engineEdits: TextEdit[], dropPytest: SgNode | null): TextEdit[] {
  const imports = collectImports(ctx.tree);
  const has = (module: string): boolean => imports.plain.some((i) => i.module === module && i.alias === null && isModuleLevel(i.node));
  const reason = `${ID}: imports for the async tests`;
  const edits: TextEdit[] = planImportEdits(ctx.tree, ctx.source, { add: fromImports, remove: fromRemovals }, importedByOthers(ctx.options, ctx.path)).map((e) => ({ ...e, reason }));
  const clash = edits.find((e) => engineEdits.some((o) => e.start < o.end && o.start < e.end));
  if (clash) throw new Error(`${ID}: the imports for ${ctx.path} collide with async-engine's; run async-engine first`);
  const lines = [...(pytest && !has('pytest') ? ['import pytest'] : []), ...(pytestAsyncio && !has('pytest_asyncio') ? ['import pytest_asyncio'] : [])];
  if (dropPytest && !pytest) {
    const replacement = lines.join('\n');
    if (replacement !== '') edits.push({ start: start(dropPytest), end: end(dropPytest), text: replacement, reason });
    else {
      const lineStart = ctx.source.lastIndexOf('\n', start(dropPytest) - 1) + 1;
      const newline = ctx.source.indexOf('\n', end(dropPytest));
      edits.push({ start: lineStart, end: newline < 0 ? ctx.source.length : newline + 1, text: '', reason });
    }
    return edits;
  }
  if (lines.length === 0) return edits;
  // Next to an existing `import pytest` when there is one, else after the leading imports.
  const anchor = imports.plain.find((i) => i.module === 'pytest' && isModuleLevel(i.node));
  let at = anchor ? ctx.source.indexOf('\n', end(anchor.node)) + 1 : importInsertionPoint(ctx.tree, ctx.source);
  if (anchor && at === 0) at = ctx.source.length;
  const lead = at === ctx.source.length && ctx.source.length > 0 && !ctx.source.endsWith('\n') ? '\n' : '';
  edits.push({ start: at, end: at, text: `${lead}${lines.map((l) => `${l}\n`).join('')}`, reason });
  return edits;
}

/** Without a project index (a transform run on one file alone), the file is its own project, in strict mode. */
function singleFilePlan(ctx: TransformContext<SgRoot>): TestPlan {
  const input: IndexInput<SgRoot> = { path: ctx.path, absPath: `/${ctx.path}`, source: ctx.source, tree: ctx.tree, options: ctx.options };
  const summaries = new Map([[ctx.path, asyncTestsIndexer.summarize(input)]]);
  return new TestPlan(new ProjectIndex(new Map([[ctx.path, summaries.get(ctx.path)!.base]])), summaries, () => 'strict', { sync: ctx.options.getDbName, async: ctx.options.asyncGetDbName });
}
