// One module's summary for the project index: its top-level names, functions, classes and call sites,
// with every name recorded as an `Expr` over the module's scopes (resolved later by ProjectIndex).
import type { SgNode, SgRoot } from '@ast-grep/napi';
import { findIgnoreMarkers, type IgnoreMarkers } from '../../../engine/ignore';
import { cached } from '../../../engine/cached';
import { LineIndex } from '../../../engine/lines';
import type { IndexInput, TransformOptions } from '../../../engine/types';
import { awaitState } from '../awaits/awaiting';
import { placeOf, runsWhereWritten, syncOnlyReason } from '../awaits/context';
import { AWAITED_METHODS, SESSION_LIKE_METHODS, SQLMODEL_AWAITED_METHODS } from '../awaits/methods';
import { boundValue, isBindingOccurrence, ownBindings, parametersOf, signatureOf, walkOwnScope } from '../query/bindings';
import { FIXTURE_DECORATOR, SessionResolver, sessionOptionsFrom } from '../query/sessions';
import { staysSyncSession } from '../query/sync-sessions';
import { moduleNamesOf } from '../scaffold/engine-index';
import { asyncKeyword, callArgs, decoratorsOf, type CallArgs, dottedName, end, isAsyncDef, namedChildren, sameNode, start } from '../query/syntax';
import { excludedFunctions, type ExcludedFunction } from '../support/excluded-functions';
import { cachedTree } from '../support/cached-tree';
import { collectImports, isContextmanager, localNamesFor, moduleLevelImportBindings, type ModuleImports } from '../support/imports';
import { FactoryTwins } from '../awaits/factories';
import { isInsideString } from '../support/language';
import { genericHead } from '../support/type-annotations';
import { fixtureDecorator } from '../testing/fixtures';
import { type Qualify, sessionHolderOf } from '../support/session-holders';
import { inputLineOf, type LineOf } from '../support/input-lines';
import { internValues } from './intern';
import { isTestPath, moduleRefOf, posix } from './modules';
import { paramEntry } from './param-entries';
import {
  UNKNOWN,
  type CallSite,
  type ClassSummary,
  type Expr,
  type FunctionSummary,
  type GlobalBinding,
  type ImportTarget,
  type MethodKind,
  type MockAssignment,
  type ModuleRef,
  type ModuleSummary,
  type ParamFacts,
  type ReferenceSite,
  type WrapperSite,
} from './types';

const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
const OWNERS = new Set(['function_definition', 'lambda', 'class_definition']);
const ROUTE_DECORATOR = /^@\s*[\w.]+\.(get|post|put|patch|delete|head|options|trace|api_route|websocket)\s*\(/;
/** `@Depends` / `@Security` written bare as a decorator (FastAPI's `Depends(f)` applied to the function). */
const DEPENDS_DECORATOR = /^@\s*(?:fastapi\.)?(?:params\.)?(?:Depends|Security)\s*$/;
/** Generic wrappers whose first argument is what a generator yields. */
const YIELD_WRAPPERS = new Set(['Generator', 'Iterator', 'Iterable', 'AsyncGenerator', 'AsyncIterator', 'AsyncIterable']);
/** Syntax that builds a value of a known builtin type. */
const LITERAL_TYPES = new Map([
  ['dictionary', 'dict'],
  ['dictionary_comprehension', 'dict'],
  ['list', 'list'],
  ['list_comprehension', 'list'],
  ['set', 'set'],
  ['set_comprehension', 'set'],
  ['tuple', 'tuple'],
  ['generator_expression', 'generator'],
  ['string', 'str'],
  ['concatenated_string', 'str'],
  ['integer', 'int'],
  ['float', 'float'],
  ['true', 'bool'],
  ['false', 'bool'],
]);
/** Annotations whose value is of the type they wrap (`Mapped[User]` is a User). */
const WRAPPING_TYPES = new Set(['Mapped', 'ClassVar', 'Final', 'Required', 'NotRequired', 'ReadOnly', 'InitVar']);
/** Generic annotations whose value is not an instance of the generic class itself. */
const NOT_AN_INSTANCE_OF_HEAD = new Set([
  'Type', 'type', 'Callable', 'Literal', 'Awaitable', 'Coroutine', 'Generator', 'AsyncGenerator', 'AsyncIterator',
  'AsyncIterable', 'TypeGuard', 'TypeIs', 'Unpack', 'Concatenate', 'LiteralString', 'Never', 'NoReturn', 'TypeAlias',
]);
/** Target lists a loop unpacks its items into: `a, b`, `(a, b)`, `[a, b]`. */
const UNPACKING_PATTERNS = new Set<string>(['pattern_list', 'tuple_pattern', 'list_pattern']);
/** Builtins whose items are the items of their first argument. */
const ITEM_PRESERVING = new Set(['reversed', 'sorted', 'list', 'tuple', 'set', 'frozenset', 'iter']);
/** Generic annotations naming builtin or standard-library containers (`Dict[str, Service]` is a dict, not a Service). */
const CONTAINER_TYPES = new Set([
  'dict', 'Dict', 'list', 'List', 'set', 'Set', 'frozenset', 'FrozenSet', 'tuple', 'Tuple',
  'defaultdict', 'DefaultDict', 'OrderedDict', 'Counter', 'deque', 'Deque', 'ChainMap',
  'Mapping', 'MutableMapping', 'Sequence', 'MutableSequence', 'AbstractSet', 'MutableSet', 'Collection',
  'Iterable', 'Iterator',
]);
/** Of CONTAINER_TYPES, those whose subscript gives a value typed by their second argument (`Dict[str, Order]`). */
const MAPPING_TYPES = new Set(['dict', 'Dict', 'defaultdict', 'DefaultDict', 'OrderedDict', 'Mapping', 'MutableMapping', 'ChainMap']);
const MOCK_MODULES = ['unittest.mock', 'mock'];
/** Classes whose instances record calls instead of running anything. */
const MOCK_CLASSES = new Set(['Mock', 'MagicMock', 'AsyncMock', 'NonCallableMock', 'NonCallableMagicMock']);
/** Mock assertions compare their arguments with the calls the mock recorded: they never call them. */
const MOCK_ASSERTIONS = new Set([
  'assert_called_with', 'assert_called_once_with', 'assert_any_call', 'assert_has_calls',
  'assert_awaited_with', 'assert_awaited_once_with', 'assert_any_await', 'assert_has_awaits',
]);
/** Lookups whose first argument is a key (`overrides.get(get_db)`, `handlers.pop(fn)`): hashed and compared, never called. */
const KEYED_LOOKUPS = new Set(['get', 'pop']);
/** Generic heads whose subscript at a name's assignment makes the name a type alias. */
const TYPE_ALIAS_HEADS = new Set(['Annotated', 'Optional', 'Union']);
/** Deep enough for `a = b; b = c.d` chains, shallow enough to stop on `x = x.parent` loops. */
const MAX_DEPTH = 12;

export function summarizeModule(input: IndexInput<SgRoot>): ModuleSummary {
  const key = `${input.absPath}\0${input.path}`;
  // Every option the summary reads: a process may run twice with different options (tests, the bench).
  const options = optionsKey(input.options);
  const last = recent.get(key);
  if (last && last.source === input.source && last.options === options && last.inputLine?.deref() === input.inputLine) return last.summary;
  // The summary asks the same nodes the same questions many times (scopes, ancestors per call site).
  const summary = internValues(new Summarizer({ ...input, tree: cachedTree(input.tree) }).summary());
  recent.set(key, { source: input.source, options, summary, inputLine: input.inputLine && new WeakRef(input.inputLine) });
  return summary;
}

/**
 * The last summary of each file. propagate-async, async-tests and eager-load all index every module, and
 * most files reach the later two unchanged: a summary is a function of the path, the text and the
 * options read above (the tree is the text's parse), so a later ask reuses the first answer. An entry
 * stays after a hit, so the third ask reuses it too (dropping it on the second ask made eager-load
 * summarize 60% of the files again). Summaries are never modified after they are made (the index only
 * reads them), so the same object is handed out. At most one entry per file lives here, replaced when
 * its text changed; that is no more than the run already held: every file's entry was here between the
 * first two asks. The lines in it are the input's (IndexInput.inputLine), so the same text reached from another
 * input (a second run over a first run's output) is summarized again: the engine hands one file's summaries the same
 * `inputLine` throughout a run, which the entry does not keep alive.
 */
const recent = new Map<string, { source: string; options: string; summary: ModuleSummary; inputLine: WeakRef<(offset: number) => number> | undefined }>();
/**
 * The options a summary reads, as a string to compare. With a project's session aliases it runs to
 * kilobytes (tens of them on a large project), so it is made once per options object (a run hands every
 * file the same one; options are never changed in place), and equal keys share one string, which every
 * entry of `recent` keeps.
 */
function optionsKey(o: TransformOptions): string {
  return cached(optionsKeys, o, () => {
    const key = JSON.stringify([o.getDbName, o.asyncGetDbName, o.sessionFacades ?? [], o.sessionTypes ?? [], o.sessionAliases ?? {}, o.sessionFactories ?? {}, o.dunderAllModules ?? {}, o.sessionAttributes ?? {}, o.sessionFixtures ?? {}, o.sessionParams ?? {}, o.excludeFunctions ?? []]);
    if (key !== lastOptions) lastOptions = key;
    return lastOptions;
  });
}

const optionsKeys = new WeakMap<TransformOptions, string>();
let lastOptions = '';

/** FNV-1a over the text: the rewrite pass checks it sees the text that was indexed. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}-${h.toString(36)}`;
}

interface FunctionFacts {
  node: SgNode;
  classId: number | null;
  kind: MethodKind;
}

class Summarizer {
  private readonly root: SgNode;
  private readonly absPath: string;
  private readonly lines: LineIndex;
  private readonly markers: IgnoreMarkers;
  private readonly excluded: ExcludedFunction[];
  private readonly sessions: SessionResolver;
  private readonly imports: ModuleImports;
  /** Made on the first function returning a session factory's call (syncFactoryOrigins). */
  private twins: FactoryTwins | null = null;
  private readonly facts = new Map<number, FunctionFacts>();
  private readonly starImports: ModuleRef[] = [];
  private readonly classNames = new Map<number, string>();
  /** Local names of unittest.mock's mock classes (`from unittest.mock import MagicMock`). */
  private readonly mockClasses: ReadonlySet<string>;
  /** Lines as messages give them: the input's. */
  private readonly lineOf: LineOf;

  constructor(private readonly input: IndexInput<SgRoot>) {
    this.root = input.tree.root();
    this.lineOf = inputLineOf(input);
    this.absPath = posix(input.absPath);
    this.lines = new LineIndex(input.source);
    this.markers = findIgnoreMarkers(this.lines, '#', (offset) => isInsideString(input.tree, offset));
    this.excluded = excludedFunctions(input.source, () => input.tree, input.absPath, input.options.excludeFunctions ?? []);
    const imports = collectImports(input.tree);
    this.imports = imports;
    this.mockClasses = new Set(MOCK_MODULES.flatMap((module) => [...MOCK_CLASSES].flatMap((name) => localNamesFor(imports, module, name))));
    // The transforms' own options, `self.db` a base class of another module stores included: the session a method
    // hands to another function (`paginate(self.db, stmt)`) is then seen as one.
    this.sessions = new SessionResolver(input.tree, imports, sessionOptionsFrom(input.options, input.path));
  }

  summary(): ModuleSummary {
    const classNodes = this.root.findAll({ rule: { kind: 'class_definition' } });
    for (const c of classNodes) this.classNames.set(start(c), c.field('name')?.text() ?? '');
    const fnNodes = this.root.findAll({ rule: { kind: 'function_definition' } });
    for (const fn of fnNodes) this.facts.set(start(fn), this.factsOf(fn));
    const functions = new Map<number, FunctionSummary>();
    for (const fn of fnNodes) functions.set(start(fn), this.functionSummary(fn));
    const moduleCalls: CallSite[] = [];
    const calls = this.root.findAll({ rule: { kind: 'call' } }).map((call) => ({ call, place: placeOf(call) }));
    const receivers = this.sessionLikeReceivers(calls);
    const params = this.parameterFacts(fnNodes, receivers);
    for (const { call, place } of calls) {
      const unit = place.unit ? start(place.unit) : null;
      const site = this.callSite(call, place.blocked, unit === null ? undefined : receivers.get(unit), place.unit);
      const owner = unit === null ? undefined : functions.get(unit);
      if (owner) owner.calls.push(site);
      else moduleCalls.push(site);
    }
    for (const [id, { objectDepends, ...facts }] of params) {
      const fn = functions.get(id);
      if (!fn) continue;
      if (objectDepends) fn.objectDepends = objectDepends;
      if (facts.sessions || facts.untypedSessionLike || facts.sessionLocals || facts.rebound) fn.params = facts;
    }
    if (isTestPath(this.input.path)) this.mockAssignments(functions);
    const classes = classNodes.map((c) => this.classSummary(c));
    return {
      path: this.input.path,
      absPath: this.absPath,
      sourceLength: this.input.source.length,
      sourceHash: hashText(this.input.source),
      isTestFile: isTestPath(this.input.path),
      globals: [...this.globalBindings()],
      starImports: this.starImports,
      functions: [...functions.values()],
      classes,
      moduleCalls,
      storedReferences: this.storedReferences(),
      ...this.overrides(),
      ...this.moduleSessions(),
    };
  }

  /**
   * ModuleSummary.sessions: names bound once at module level to a sync session factory's call or to a
   * `scoped_session(...)` registry (a global session other modules import and hand to their functions).
   */
  private moduleSessions(): { sessions?: [string, 'factory' | 'registry'][] } {
    const out: [string, 'factory' | 'registry'][] = [];
    const globals = this.globalBindings();
    for (const statement of this.root.children()) {
      const assignment = statement.kind() === 'expression_statement' ? namedChildren(statement)[0] : null;
      const left = assignment?.kind() === 'assignment' ? assignment.field('left') : null;
      const value = assignment?.field('right');
      if (left?.kind() !== 'identifier' || value?.kind() !== 'call' || globals.get(left.text())?.k === 'ambiguous') continue;
      if (/(^|\.)scoped_session$/.test(value.field('function')?.text() ?? '')) out.push([left.text(), 'registry']);
      else if (this.sessions.isFactoryCall(value) && !this.asyncFactoryCall(value)) out.push([left.text(), 'factory']);
    }
    return out.length > 0 ? { sessions: out } : {};
  }

  /** `AsyncSessionLocal()`, a project factory async-engine's table knows for an `async_sessionmaker`: an AsyncSession already. */
  private asyncFactoryCall(call: SgNode): boolean {
    const callee = call.field('function');
    const dotted = callee ? dottedName(callee) : null;
    const last = dotted?.[dotted.length - 1];
    if (!dotted || !last) return false;
    if (/^(Async|async_)/.test(last)) return true;
    if (this.sessions.projectFactory(dotted) === 'async') return true;
    const table = this.input.options.sessionFactories;
    return !!table && dotted.length === 1 && moduleNamesOf(this.input.absPath).some((m) => table[`${m}.${last}`] === 'async');
  }

  /** ModuleSummary.overrides: a dependency name overridden by a function name. */
  private overrides(): { overrides?: { key: Expr; value: Expr }[] } {
    if (!this.input.source.includes('dependency_overrides')) return {};
    const out: { key: Expr; value: Expr }[] = [];
    for (const assignment of this.root.findAll({ rule: { kind: 'assignment' } })) {
      const left = assignment.field('left');
      const value = assignment.field('right');
      if (left?.kind() !== 'subscript' || left.field('value')?.field('attribute')?.text() !== 'dependency_overrides') continue;
      const keys = left.fieldChildren('subscript');
      if (keys.length !== 1 || !value || !['identifier', 'attribute'].includes(String(value.kind())) || !['identifier', 'attribute'].includes(String(keys[0]!.kind()))) continue;
      out.push({ key: this.exprOf(keys[0]!, 0), value: this.exprOf(value, 0) });
    }
    return out.length > 0 ? { overrides: out } : {};
  }

  // ---- functions -------------------------------------------------------------------------------

  private factsOf(fn: SgNode): FunctionFacts {
    const holder = fn.parent()?.kind() === 'decorated_definition' ? fn.parent()?.parent() : fn.parent();
    const cls = holder?.kind() === 'block' && holder.parent()?.kind() === 'class_definition' ? (holder.parent() as SgNode) : null;
    if (!cls) return { node: fn, classId: null, kind: 'function' };
    const decorators = decoratorsOf(fn).map(decoratorName);
    const kind: MethodKind = decorators.includes('staticmethod') ? 'staticmethod' : decorators.includes('classmethod') ? 'classmethod' : 'method';
    return { node: fn, classId: start(cls), kind };
  }

  private functionSummary(fn: SgNode): FunctionSummary {
    const facts = this.facts.get(start(fn)) as FunctionFacts;
    const name = fn.field('name')?.text() ?? '?';
    const decorators = decoratorsOf(fn).map((d) => d.text());
    const own = this.ownNodes(fn);
    const isGenerator = own.some((n) => n.kind() === 'yield');
    const test = this.testKindOf(fn);
    const fixture = test === 'fixture';
    const keptSync = new Set([this.input.options.getDbName]);
    const summary: FunctionSummary = {
      id: start(fn),
      name,
      qualname: qualnameOf(fn),
      line: this.lineOf(fn),
      classId: facts.classId,
      parentId: enclosingFunctionId(fn),
      kind: facts.kind,
      isAsync: isAsyncDef(fn),
      firstAwait: firstAwaitOf(own),
      isGenerator,
      syncOnly: fixture ? null : syncOnlyReason(fn, keptSync),
      test,
      route: decorators.some((d) => ROUTE_DECORATOR.test(d)),
      sessionBlocker: this.sessionBlocker(fn),
      stub: isStub(fn),
      ignored: this.isIgnoredLine(start(fn)) || this.markers.file || this.isExcluded(start(fn)),
      returns: this.returnsOf(fn, own, false),
      provides: this.returnsOf(fn, own, isGenerator),
      calls: [],
    };
    // Only what differs from the usual function is written (as for CallSite).
    const decorating = decoratorsOf(fn)
      .filter((d) => !ROUTE_DECORATOR.test(d.text()))
      .flatMap((d) => namedChildren(d).slice(0, 1))
      .map((e) => this.exprOf(e, 0))
      .filter((e) => !isOpaque(e) && !isLibraryDecorator(e));
    // A function pinned sync (a validator, a property...) never becomes async: what decorates it does not matter.
    if (decorating.length > 0 && summary.syncOnly === null) summary.decorators = decorating;
    if (this.wrapsSynchronously(fn, own, summary)) summary.syncWrapper = true;
    else if (this.registersArgument(fn, own, summary)) summary.registers = true;
    if (!summary.isAsync && decorators.some((d) => isContextmanager(this.input.tree, d))) summary.contextManager = true;
    if (decorators.some((d) => DEPENDS_DECORATOR.test(d))) summary.dependsDecorated = true;
    const syncSession = summary.isAsync || isGenerator ? null : this.returnsSyncSession(fn, own);
    if (syncSession !== null) summary.returnsSyncSession = syncSession;
    if (facts.classId !== null && decorators.some((d) => /^@\s*(?:functools\.)?(?:property|cached_property)\s*$/.test(d))) summary.getter = true;
    const construct = summary.isAsync || summary.firstAwait === null ? null : this.asyncConstructOf(fn, own);
    if (construct !== null) summary.asyncConstruct = construct;
    if (summary.isAsync && summary.route && this.asyncConstructOf(fn, own) !== null) summary.asyncBlocks = true;
    const alias = fixture ? fixtureDecorator(decoratorsOf(fn))?.name : null;
    if (alias !== null && alias !== undefined) summary.fixtureName = alias;
    if (fixture && decorators.some((d) => !FIXTURE_DECORATOR.test(d))) summary.fixtureWrapped = true;
    return summary;
  }

  /**
   * `def deco(func): def wrapper(*a, **kw): ... func(*a, **kw) ...; return wrapper`: the wrapper, a plain def, calls
   * the decorated function without await (see FunctionSummary.syncWrapper). The wrapper must be what the decorator
   * returns: one returning `func` itself (a registration decorator) leaves the function as it is.
   */
  private wrapsSynchronously(fn: SgNode, own: readonly SgNode[], summary: FunctionSummary): boolean {
    if (summary.isAsync) return false;
    // The one-parameter shape first: it rules out nearly every function before the returns are resolved.
    const params = parametersOf(fn).filter((_, i) => i > 0 || summary.kind === 'function' || summary.kind === 'staticmethod');
    const param = params.length === 1 ? params[0] : undefined;
    // `func` or `func: F`; not `*funcs`.
    if (!param || (param.node.kind() !== 'identifier' && param.node.child(0)?.kind() !== 'identifier')) return false;
    // Read from the return statements, not `returns`: an annotation (`-> F`, `-> Callable[...]`) takes precedence there.
    const returned = own
      .filter((n) => n.kind() === 'return_statement')
      .map((n) => castOperand(namedChildren(n)[0]))
      .map((v) => (v?.kind() === 'identifier' ? this.lookupInFunction(fn, v.text(), 0) : null));
    const first = returned[0];
    if (first?.k !== 'def' || returned.some((r) => r?.k !== 'def' || r.id !== first.id)) return false;
    const wrapper = this.facts.get(first.id)?.node;
    if (!wrapper || enclosingFunctionId(wrapper) !== summary.id || isAsyncDef(wrapper)) return false;
    if (parametersOf(wrapper).some((p) => p.name === param.name)) return false;
    return (wrapper.field('body')?.findAll({ rule: { kind: 'call' } }) ?? []).some((call) => {
      const callee = call.field('function');
      return callee?.kind() === 'identifier' && callee.text() === param.name && sameNode(placeOf(call).unit, wrapper) && awaitState(call, this.input.source) !== 'yes';
    });
  }

  /**
   * `def register(handler): TOOLS[name] = handler; return handler` (or `REGISTRY.append(handler)`,
   * `self._tools[name] = Tool(handler=handler)`): a plain def with one parameter that hands it on (an argument of a
   * call, the value of an assignment or of a display) and returns it unchanged, a registration decorator (see
   * FunctionSummary.registers). Returning it without handing it on (`fn.__doc__ = ...; return fn`) is not one.
   */
  private registersArgument(fn: SgNode, own: readonly SgNode[], summary: FunctionSummary): boolean {
    if (summary.isAsync) return false;
    const params = parametersOf(fn).filter((_, i) => i > 0 || summary.kind === 'function' || summary.kind === 'staticmethod');
    const param = params.length === 1 ? params[0] : undefined;
    if (!param || (param.node.kind() !== 'identifier' && param.node.child(0)?.kind() !== 'identifier')) return false;
    const returns = own.filter((n) => n.kind() === 'return_statement');
    if (returns.length === 0 || returns.some((n) => castOperand(namedChildren(n)[0])?.text() !== param.name)) return false;
    const uses = fn.field('body')?.findAll({ rule: { kind: 'identifier', regex: `^${param.name}$` } }) ?? [];
    return uses.some((use) => sameNode(ownerOf(use), fn) && handedOn(use));
  }

  /**
   * Whether pytest hands the parameter `name` of the test or fixture `fn` the fixture of that name it finds at
   * module level here or in a conftest above (ProjectIndex.fixtureValue looks it up), as far as this module
   * tells: not in a nested def; not when a parametrize decorator of the function or its class, or the module's
   * `pytestmark`, may name it; not in a class with bases or defining a method or fixture of that name (a class
   * fixture hides the module's); not for a fixture requesting its own name (that is the one it overrides).
   */
  private fixtureLookup(fn: SgNode, name: string): boolean {
    if (enclosingFunctionId(fn) !== null) return false;
    const word = new RegExp(`\\b${name}\\b`);
    const own = fixtureDecorator(decoratorsOf(fn));
    // '' is a `name=` that is no plain literal: it may be this very name.
    if (own && ((own.name ?? fn.field('name')?.text()) === name || own.name === '')) return false;
    const holder = fn.parent()?.kind() === 'decorated_definition' ? (fn.parent() as SgNode) : fn;
    const block = holder.parent();
    const cls = block?.kind() === 'block' && block.parent()?.kind() === 'class_definition' ? (block.parent() as SgNode) : null;
    if (!cls && block?.kind() !== 'module') return false;
    const parametrizes = (d: SgNode): boolean => /parametrize/.test(d.text()) && word.test(d.text());
    if (decoratorsOf(fn).some(parametrizes)) return false;
    if (cls) {
      if (cls.field('superclasses') && namedChildren(cls.field('superclasses') as SgNode).length > 0) return false;
      if (decoratorsOf(cls).some(parametrizes)) return false;
      for (const member of namedChildren(cls.field('body') as SgNode)) {
        const def = member.kind() === 'decorated_definition' ? member.field('definition') : member;
        if (def?.kind() !== 'function_definition') continue;
        if (def.field('name')?.text() === name || decoratorsOf(def).some((d) => FIXTURE_DECORATOR.test(d.text()) && word.test(d.text()))) return false;
      }
    }
    const module = holder.ancestors().find((a) => a.kind() === 'module');
    for (const statement of module ? namedChildren(module) : []) {
      const assignment = statement.kind() === 'expression_statement' ? namedChildren(statement)[0] : null;
      if (assignment?.kind() === 'assignment' && assignment.field('left')?.text() === 'pytestmark' && /parametrize/.test(assignment.text())) return false;
    }
    return true;
  }

  /**
   * `def test_x(self, db: Session = test_session)`: pytest supplies no argument for a parameter with a default (it
   * is no fixture request), so in a test or fixture never rebinding it, `name` always holds its default; when that
   * is a module-level name (`test_session`, bound here or imported), the global it is. Null otherwise.
   */
  private pytestDefault(unit: SgNode, name: string): Expr | null {
    if (unit.kind() !== 'function_definition' || this.testKindOf(unit) === null) return null;
    const param = signatureOf(unit).all.find((p) => p.name === name);
    const value = param?.defaultValue;
    if (!value || value.kind() !== 'identifier' || (ownBindings(unit).get(name)?.length ?? 0) > 0) return null;
    const expr = this.exprOf(value, 0);
    const binding = expr.k === 'global' ? this.globalBindings().get(expr.name) : undefined;
    return binding?.k === 'import' || binding?.k === 'value' ? expr : null;
  }

  /** A pytest test function or fixture, by pytest's conventions. */
  private testKindOf(fn: SgNode): 'test' | 'fixture' | null {
    if (decoratorsOf(fn).some((d) => FIXTURE_DECORATOR.test(d.text()))) return 'fixture';
    const facts = this.facts.get(start(fn));
    const testClass = !facts || facts.classId === null || /^Test/.test(this.nameOf(facts.classId));
    return isTestPath(this.input.path) && /^test/.test(fn.field('name')?.text() ?? '') && testClass ? 'test' : null;
  }

  /** Nodes evaluated in the function's own frame: its body minus nested defs, lambdas and classes. */
  private ownNodes(fn: SgNode): SgNode[] {
    const body = fn.field('body');
    if (!body) return [];
    const kinds = ['await', 'yield', 'with_statement', 'for_statement', 'for_in_clause', 'return_statement'];
    return body.findAll({ rule: { any: kinds.map((kind) => ({ kind })) } }).filter((n) => sameNode(ownerOf(n), fn));
  }

  /** FunctionSummary.asyncConstruct: read only for plain defs that await, the functions propagate-async may keep sync. */
  private asyncConstructOf(fn: SgNode, own: readonly SgNode[]): string | null {
    for (const n of own) {
      if (n.kind() === 'await') continue;
      if (asyncKeyword(n) !== undefined) return n.kind() === 'with_statement' ? '`async with`' : '`async for`';
    }
    for (const call of fn.field('body')?.findAll({ rule: { kind: 'call' } }) ?? []) {
      if (!sameNode(placeOf(call).unit, fn)) continue;
      const callee = call.field('function');
      if (callee?.kind() !== 'attribute') continue;
      if (callee.field('attribute')?.text() === 'run_sync') return `\`${compact(callee.text())}()\``;
      const info = awaitState(call, this.input.source) === 'yes' ? this.sessions.resolve(callee.field('object') as SgNode) : null;
      if (info && info.origins.length > 0) return `\`${compact(info.text)}\` made by \`${compact(info.origins[0]?.text() ?? '?')}\``;
    }
    return null;
  }

  /** A session call the body leaves without `await` (insert-await left the whole function unchanged). */
  private sessionBlocker(fn: SgNode): string | null {
    const body = fn.field('body');
    if (!body || !this.sessions.mayFindSessions) return null;
    for (const call of body.findAll({ rule: { kind: 'call' } })) {
      const unit = placeOf(call).unit;
      if (!sameNode(unit, fn)) continue;
      const callee = call.field('function');
      if (callee?.kind() !== 'attribute') continue;
      const method = callee.field('attribute')?.text() ?? '';
      if (!AWAITED_METHODS.has(method) && method !== 'query' && !SQLMODEL_AWAITED_METHODS.has(method)) continue;
      const receiver = callee.field('object') as SgNode;
      const info = this.sessions.resolve(receiver);
      if (!info) continue;
      if (SQLMODEL_AWAITED_METHODS.has(method) && !info.sqlmodel) continue;
      if (awaitState(call, this.input.source) === 'yes') continue;
      return `${compact(receiver.text())}.${method}()`;
    }
    return null;
  }

  private returnsOf(fn: SgNode, own: SgNode[], yielded: boolean): Expr | null {
    const annotation = fn.field('return_type');
    if (annotation) {
      const inner = unwrapType(annotation);
      if (yielded) {
        const head = inner && (inner.kind() === 'generic_type' || inner.kind() === 'subscript') ? genericHead(inner) : null;
        const first = head && YIELD_WRAPPERS.has(head) ? typeArguments(inner as SgNode)[0] : undefined;
        const type = first ? this.typeExpr(first, 0) : null;
        if (type) return { k: 'instance', of: type };
      } else {
        const type = this.typeExpr(annotation, 0);
        if (type) return { k: 'instance', of: type };
      }
    }
    const values = own
      .filter((n) => n.kind() === (yielded ? 'yield' : 'return_statement'))
      .map((n) => namedChildren(n)[0])
      .map((v) => (v ? this.exprOf(v, 0) : UNKNOWN));
    if (values.length === 0) return null;
    const first = JSON.stringify(values[0]);
    return values.every((v) => JSON.stringify(v) === first) && values[0]?.k !== 'unknown' ? (values[0] as Expr) : null;
  }

  /**
   * Per function (by id), the names its own code (lambdas and comprehensions included, as placeOf places them)
   * calls a session method on without `await`, where the resolver does not know the name for a session: a
   * parameter without annotation, a name from `with app_session() as db`, from an unknown factory...
   */
  private sessionLikeReceivers(calls: { call: SgNode; place: { unit: SgNode | null } }[]): Map<number, Set<string>> {
    const receivers = new Map<number, Set<string>>();
    for (const { call, place } of calls) {
      const callee = call.field('function');
      if (!place.unit || callee?.kind() !== 'attribute') continue;
      const receiver = callee.field('object');
      if (receiver?.kind() !== 'identifier' || !SESSION_LIKE_METHODS.has(callee.field('attribute')?.text() ?? '')) continue;
      if (awaitState(call, this.input.source) === 'yes' || this.sessions.resolve(receiver) !== null) continue;
      cached(receivers, start(place.unit), () => new Set<string>()).add(receiver.text());
    }
    return receivers;
  }

  /** ParamFacts of every function, by id; `receivers` as sessionLikeReceivers found them. */
  private parameterFacts(fnNodes: SgNode[], receivers: Map<number, Set<string>>): Map<number, ParamFacts & Pick<FunctionSummary, 'objectDepends'>> {
    const out = new Map<number, ParamFacts & Pick<FunctionSummary, 'objectDepends'>>();
    for (const fn of fnNodes) {
      // Nothing to find: no parameter can be a session in a text without a session word, and no unannotated one is used like one.
      // Objects FastAPI builds (`svc: ItemService = Depends()`) may hold one all the same: those are still recorded.
      if (!this.sessions.mayFindSessions && !receivers.has(start(fn))) {
        const objectDepends = fn.field('parameters')?.text().includes('Depends(') ? this.objectDependencies(signatureOf(fn).all) : [];
        if (objectDepends.length > 0) out.set(start(fn), { objectDepends });
        continue;
      }
      const { positional, all } = signatureOf(fn);
      const entry = (name: string): string => paramEntry(positional.indexOf(name), name);
      const bound = (this.facts.get(start(fn)) as FunctionFacts).kind;
      const implicit = bound === 'method' || bound === 'classmethod' ? positional[0] : undefined;
      const used = receivers.get(start(fn));
      const sessions: string[] = [];
      const untypedSessionLike: string[] = [];
      const depends: NonNullable<ParamFacts['depends']> = [];
      const aliasDepends: NonNullable<ParamFacts['aliasDepends']> = [];
      for (const p of all) {
        if (p.name === implicit) continue;
        // `db: Session = Depends(f)`, or `db: Annotated[Session, Depends(f)]`, where FastAPI reads it as well.
        const injected = p.defaultValue && isDependsCall(p.defaultValue) ? p.defaultValue : p.annotation ? annotatedDependsCall(p.annotation) : null;
        if (this.sessions.resolve(p.nameNode) !== null) {
          sessions.push(entry(p.name));
          const provider = injected ? callArgs(injected).positional[0] : undefined;
          if (injected && provider) depends.push({ name: p.name, at: start(injected), of: this.exprOf(provider, 0), ...(plainDepends(p, injected) ? { plain: true as const } : {}) });
          // The name of a module-level `Depends(f)` as the default (`db: Session = SessionParam`) is what FastAPI
          // reads; else the annotation may name an `Annotated[Session, Depends(f)]` alias.
          const byDefault = !injected && p.defaultValue && (p.defaultValue.kind() === 'identifier' || p.defaultValue.kind() === 'attribute') ? p.defaultValue : null;
          const named = byDefault ?? (!injected && p.annotation ? unwrapType(p.annotation) : null);
          if (named && (named.kind() === 'identifier' || named.kind() === 'attribute')) aliasDepends.push({ name: p.name, at: start(named), of: this.exprOf(named, 0) });
        } else if (!injected && used?.has(p.name)) {
          // Whatever its annotation says (`db: SessionLocal`, the factory, is common), a session handed to it is one.
          untypedSessionLike.push(entry(p.name));
        }
      }
      const objectDepends = this.objectDependencies(all.filter((p) => !sessions.includes(entry(p.name))));
      const sessionLocals = this.annotatedSessionLocals(fn, used, new Set(all.map((p) => p.name)));
      // Annotated as a session, yet not one to the resolver at its uses: rebound in the body.
      const annotated = used ? all.filter((p) => p.annotation && this.sessions.typeVerdict(p.annotation, new Set()).session).map((p) => p.name) : [];
      const rebound = used && annotated.length > 0 ? this.reboundThroughWith(fn, new Set(annotated), used) : [];
      // Only what is there: a function has these rarely, and every worker holds every summary.
      out.set(start(fn), {
        ...(sessionLocals.length > 0 ? { sessionLocals } : {}),
        ...(rebound.length > 0 ? { rebound } : {}),
        ...(sessions.length > 0 ? { sessions } : {}),
        ...(untypedSessionLike.length > 0 ? { untypedSessionLike } : {}),
        ...(depends.length > 0 ? { depends } : {}),
        ...(aliasDepends.length > 0 ? { aliasDepends } : {}),
        ...(objectDepends.length > 0 ? { objectDepends } : {}),
      });
    }
    return out;
  }

  /**
   * ParamFacts.objectDepends of `params` (none of them a session): `svc: ItemService = Depends()` (the annotation names
   * what FastAPI builds), `Depends(ItemService)`, `Depends(get_service)`, or the `Annotated[X, Depends(f)]` form.
   */
  private objectDependencies(params: ReturnType<typeof signatureOf>['all']): NonNullable<FunctionSummary['objectDepends']> {
    const out: NonNullable<FunctionSummary['objectDepends']> = [];
    for (const p of params) {
      const injected = p.defaultValue && isDependsCall(p.defaultValue) ? p.defaultValue : p.annotation ? annotatedDependsCall(p.annotation) : null;
      if (!injected) continue;
      const args = callArgs(injected);
      const of = args.positional[0] ?? args.keywords.get('dependency') ?? (p.annotation ? unwrapType(p.annotation) : null);
      if (!of || (of.kind() !== 'identifier' && of.kind() !== 'attribute')) continue;
      out.push({ name: p.name, at: start(injected), of: this.exprOf(of, 0) });
    }
    return out;
  }

  /**
   * Locals of `fn` annotated with a session type whose value is handed over from where the session resolver cannot
   * follow it (`db: Session = payload["db"]`, `session: Session = ctx.session`; not a call), among `used` (the names the body
   * calls a session method on without await that the resolver does not know). Every binding of the name in the
   * function must be a plain assignment to it, one of them annotated.
   */
  private annotatedSessionLocals(fn: SgNode, used: ReadonlySet<string> | undefined, params: ReadonlySet<string>): { name: string; value: string }[] {
    const found: { name: string; value: string }[] = [];
    for (const name of used ?? []) {
      if (params.has(name)) continue;
      const assignments = (ownBindings(fn).get(name) ?? []).map((b) => {
        const parent = b.parent();
        return parent?.kind() === 'assignment' && sameNode(parent.field('left'), b) ? parent : null;
      });
      if (assignments.length === 0 || assignments.some((a) => a === null)) continue;
      const typed = (assignments as SgNode[]).find((a) => {
        const type = a.field('type');
        return type !== null && this.sessions.typeVerdict(type, new Set()).session;
      });
      if (!typed) continue;
      const value = (assignments as SgNode[]).map((a) => a.field('right')).find((v) => v !== null);
      // A session made here by a call (`db: Session = open_session()`, a factory with no twin) is what that code
      // makes, sync as before: only a session handed over (`payload["db"]`, `ctx.session`, a name) may be async now.
      if (!value || value.kind() === 'call' || value.kind() === 'await') continue;
      found.push({ name, value: compact(value.text()) });
    }
    return found;
  }

  // ---- calls -----------------------------------------------------------------------------------

  private callSite(call: SgNode, blocked: string | null, ownerReceivers: ReadonlySet<string> | undefined, unit: SgNode | null): CallSite {
    const fn = call.field('function') as SgNode;
    const args = callArgs(call);
    const argValues = [...args.positional, ...args.keywords.values()];
    const sessionArgs: (number | string)[] = [];
    const syncSessionArgs: (number | string)[] = [];
    const likeArgs: [number | string, string][] = [];
    const keyed: [number | string, SgNode][] = [...args.positional.map((a, i): [number, SgNode] => [i, a]), ...args.keywords];
    for (const [key, arg] of keyed) {
      if (arg.kind() !== 'identifier' && arg.kind() !== 'attribute') continue;
      const info = this.sessions.resolve(arg);
      if (info !== null) {
        sessionArgs.push(key);
        if (staysSyncSession(info, this.sessions, this.input.options, this.input.absPath)) syncSessionArgs.push(key);
      } else if (arg.kind() === 'identifier' && ownerReceivers?.has(arg.text())) likeArgs.push([key, arg.text()]);
    }
    const managedArgs: [number | string, number, Expr, (true | 'drawn')?][] = [];
    for (const [key, arg] of keyed) {
      if (arg.kind() !== 'identifier' || !unit || sessionArgs.includes(key)) continue;
      const managed = this.managedBy(unit, arg.text());
      if (managed) managedArgs.push(managed.drawn ? [key, start(arg), this.exprOf(managed.manager, 0), 'drawn'] : managed.wrapped ? [key, start(arg), this.exprOf(managed.manager, 0), true] : [key, start(arg), this.exprOf(managed.manager, 0)]);
    }
    const returnedArgs: [number | string, number, Expr][] = [];
    for (const [key, arg] of keyed) {
      const inline = arg.kind() === 'call' ? arg.field('function') : null;
      const callees = inline && (inline.kind() === 'identifier' || inline.kind() === 'attribute') ? [inline] : arg.kind() === 'identifier' && unit ? this.returnedBy(unit, arg.text()) : [];
      for (const callee of callees) returnedArgs.push([key, start(arg), this.exprOf(callee, 0)]);
    }
    const factoryArgs: [number | string, number, string][] = [];
    for (const [key, arg] of keyed) {
      if (arg.kind() === 'call' && this.sessions.isSyncFactoryName(arg.field('function') as SgNode)) factoryArgs.push([key, start(arg), compact(arg.text())]);
    }
    const globalArgs: [number | string, number, Expr, string?][] = [];
    for (const [key, arg] of keyed) {
      if ((arg.kind() !== 'identifier' && arg.kind() !== 'attribute') || sessionArgs.includes(key)) continue;
      const expr = this.exprOf(arg, 0);
      // Only a name some module may bind to a session: an import or an assigned value, never a def or class here.
      const binding = expr.k === 'global' ? this.globalBindings().get(expr.name) : expr.k === 'attr' && expr.of.k === 'global' ? this.globalBindings().get(expr.of.name) : undefined;
      if (binding?.k === 'import' || (binding?.k === 'value' && expr.k === 'global')) globalArgs.push([key, start(arg), expr]);
    }
    for (const [key, arg] of keyed) {
      const fallback = arg.kind() === 'identifier' && unit ? this.pytestDefault(unit, arg.text()) : null;
      if (fallback) globalArgs.push([key, start(arg), fallback, arg.text()]);
    }
    const injectedArgs: [number | string, number, string][] = [];
    for (const [key, arg] of keyed) {
      if (arg.kind() !== 'identifier' || !unit || sessionArgs.includes(key)) continue;
      const what = this.injectedSyncFactory(unit, arg.text());
      if (what !== null) injectedArgs.push([key, start(arg), what]);
    }
    // Only for a callee that may be a project function or class (`Catalog(db)`, `setup.stock(db)`): a builtin's
    // argument (`sorted(xs)`) or a method on a local leads to no constructor keeping it. A session parameter the
    // resolver knows (`def new_repo(session: Session): return Repo(session)`) counts too: what the helper's callers
    // hand it reaches the constructor.
    const paramArgs = unit?.kind() === 'function_definition' && this.mayBeProjectCallee(this.exprOf(fn, 0)) ? this.handedParams(unit, keyed, sessionArgs) : [];
    const selfArgs: [number | string, number, string][] = [];
    for (const [key, arg] of keyed) {
      if (arg.kind() !== 'attribute' || arg.field('object')?.kind() !== 'identifier') continue;
      const expr = this.exprOf(arg, 0);
      if (expr.k === 'attr' && expr.of.k === 'self') selfArgs.push([key, start(arg), expr.name]);
    }
    const sessionArg = sessionArgs.length > 0;
    const onSession = fn.kind() === 'attribute' && this.sessions.resolve(fn.field('object') as SgNode) !== null;
    const text = compact(fn.text());
    const references: ReferenceSite[] = [];
    const callee = this.exprOf(fn, 0);
    // A mock records what it is called with (`m(notify)`), and its assertions compare it: neither calls it.
    const uncalled = this.isMock(callee) ? argValues : uncalledArguments(fn, args);
    for (const arg of argValues) {
      if ((arg.kind() !== 'identifier' && arg.kind() !== 'attribute') || uncalled.includes(arg)) continue;
      const expr = this.exprOf(arg, 0);
      if (['unknown', 'either', 'entry', 'builtin', 'item', 'awaited', 'entered', 'fixture', 'self', 'cls'].includes(expr.k)) continue;
      const ref: ReferenceSite = { start: start(arg), expr, text: compact(arg.text()), receiver: text };
      if (arg === args.positional[0]) ref.first = true;
      references.push(ref);
    }
    const site: CallSite = {
      start: start(call),
      end: end(call),
      line: this.lineOf(call),
      callee,
      text: text.length > 80 ? `${text.slice(0, 77)}...` : text,
    };
    // Only what differs from the usual call is written (CallSite says why).
    if (blocked !== null) site.blocked = blocked;
    if (blocked !== null && runsWhereWritten(call)) site.runsHere = true;
    const awaited = awaitState(call, this.input.source);
    if (awaited !== 'no') site.awaited = awaited;
    if (sessionArg) site.sessionArg = sessionArgs;
    if (syncSessionArgs.length > 0) site.syncSessionArg = syncSessionArgs;
    if (likeArgs.length > 0) site.likeArgs = likeArgs;
    if (selfArgs.length > 0) site.selfArgs = selfArgs;
    if (paramArgs.length > 0) site.paramArgs = paramArgs;
    if (injectedArgs.length > 0) site.injectedArgs = injectedArgs;
    if (managedArgs.length > 0) site.managedArgs = managedArgs;
    if (globalArgs.length > 0) site.globalArgs = globalArgs;
    if (returnedArgs.length > 0) site.returnedArgs = returnedArgs;
    if (factoryArgs.length > 0) site.factoryArgs = factoryArgs;
    if (onSession) site.onSession = true;
    if (this.isIgnoredLine(start(call))) site.ignored = true;
    const wrapper = this.wrapperOf(call);
    if (wrapper !== null) site.wrapper = wrapper;
    if (references.length > 0) site.references = references;
    if (blocked === null) Object.assign(site, mainEntryOf(call));
    return Object.assign(site, argumentOf(call));
  }

  /** A callee naming something bound here (`Catalog`, an import, `setup.stock`): possibly a project function or class. */
  private mayBeProjectCallee(callee: Expr): boolean {
    if (callee.k === 'attr') return this.mayBeProjectCallee(callee.of);
    return callee.k === 'import' || callee.k === 'def' || (callee.k === 'global' && this.globalBindings().has(callee.name));
  }

  /**
   * The arguments naming a parameter of `fn` that is never rebound in its body, unannotated or a session (an argument
   * at one of `sessionArgs`), as CallSite.paramArgs: what a caller hands the function reaches this call unchanged.
   */
  private handedParams(fn: SgNode, keyed: readonly [number | string, SgNode][], sessionArgs: readonly (number | string)[]): [number | string, number, string][] {
    const out: [number | string, number, string][] = [];
    let signature: ReturnType<typeof signatureOf> | null = null;
    for (const [key, arg] of keyed) {
      if (arg.kind() !== 'identifier') continue;
      signature ??= signatureOf(fn);
      const p = signature.all.find((q) => q.name === arg.text());
      if (!p || (p.annotation && !sessionArgs.includes(key))) continue;
      if ((ownBindings(fn).get(p.name) ?? []).some((b) => !sameNode(b, p.nameNode))) continue;
      out.push([key, start(arg), paramEntry(signature.positional.indexOf(p.name), p.name)]);
    }
    return out;
  }

  /**
   * `service.repo.find = MagicMock(return_value=None)` (or `= lambda ...`) in a test or fixture: the attribute is
   * resolved later; when it is a method made async, the code under test awaits what the sync mock returns.
   */
  private mockAssignments(functions: ReadonlyMap<number, FunctionSummary>): void {
    for (const assignment of this.root.findAll({ rule: { kind: 'assignment' } })) {
      const left = assignment.field('left');
      const right = assignment.field('right');
      if (left?.kind() !== 'attribute' || !right || assignment.parent()?.kind() !== 'expression_statement') continue;
      const unit = placeOf(assignment).unit;
      const owner = unit ? functions.get(start(unit)) : undefined;
      if (!owner) continue;
      let value: MockAssignment['value'] | null = null;
      if (right.kind() === 'lambda') value = 'lambda';
      else if (right.kind() === 'call') {
        const made = this.exprOf(right, 0);
        // AsyncMock's calls return awaitables: it stands in for a coroutine function as it should.
        const factory = made.k === 'call' ? made.of : null;
        const name = factory?.k === 'attr' ? factory.name : factory?.k === 'global' ? factory.name : '';
        if (this.isMock(made) && name !== 'AsyncMock') value = 'mock';
      }
      if (value === null) continue;
      const target = this.exprOf(left, 0);
      if (target.k !== 'attr') continue;
      (owner.mockAssignments ??= []).push({ start: start(right), target, text: compact(left.text()), value });
    }
  }

  /**
   * Of `names` (session parameters the body calls session methods on without await, where the resolver no longer
   * takes them for the parameter), those rebound by a plain `with <call>(..., name, ...) as name:`: the context manager
   * is handed the session and hands back what the rest of the body uses. See ParamFacts.rebound.
   */
  private reboundThroughWith(fn: SgNode, params: ReadonlySet<string>, used: ReadonlySet<string>): NonNullable<ParamFacts['rebound']> {
    const out: NonNullable<ParamFacts['rebound']> = [];
    for (const as of used) {
      for (const binding of ownBindings(fn).get(as) ?? []) {
        const target = binding.parent();
        const pattern = target?.kind() === 'as_pattern_target' ? target.parent() : null;
        const item = pattern?.kind() === 'as_pattern' ? pattern.parent() : null;
        const statement = item?.kind() === 'with_item' ? item.parent()?.parent() : null;
        const value = item ? namedChildren(pattern as SgNode)[0] : undefined;
        if (statement?.kind() !== 'with_statement' || statement.children().some((c) => c.kind() === 'async') || value?.kind() !== 'call') continue;
        const callee = value.field('function') as SgNode;
        const args = callArgs(value);
        const handed = [...args.positional, ...args.keywords.values()].find((a) => a.kind() === 'identifier' && params.has(a.text()));
        if (!handed || !['identifier', 'attribute'].includes(String(callee.kind()))) continue;
        out.push({ name: handed.text(), at: start(value), through: this.exprOf(callee, 0), ...(as !== handed.text() ? { as } : {}) });
        break;
      }
    }
    return out;
  }

  /**
   * The callee of `<call>` when `name` is bound in `unit` only by `with <call>(...) as name:`, else null. Also a
   * generator drawn by hand (`drawn`): `for name in f():` and `name = next(f())`, whose value is what `f` yields
   * (`next(get_db())` aside: session-args reports the dependency drawn so in the file itself).
   */
  private managedBy(unit: SgNode, name: string): { manager: SgNode; wrapped: boolean; drawn?: true } | null {
    if (parametersOf(unit).some((p) => p.name === name)) return null;
    const bindings = ownBindings(unit).get(name) ?? [];
    if (bindings.length !== 1) return null;
    const drawn = this.drawnGenerator(bindings[0] as SgNode);
    if (drawn) return { manager: drawn, wrapped: true, drawn: true };
    const target = (bindings[0] as SgNode).parent();
    const pattern = target?.kind() === 'as_pattern_target' ? target.parent() : null;
    const value = pattern?.kind() === 'as_pattern' && pattern.parent()?.kind() === 'with_item' ? namedChildren(pattern)[0] : null;
    if (value?.kind() !== 'call') return null;
    const manager = value.field('function') as SgNode;
    // `with contextmanager(get_db)() as db:` (the dependency reused outside FastAPI): the wrapped generator is the manager.
    if (manager.kind() === 'call' && isContextmanager(this.input.tree, manager.field('function')?.text() ?? '')) {
      const args = callArgs(manager);
      const wrapped = args.positional.length === 1 && args.keywords.size === 0 ? args.positional[0] : undefined;
      return wrapped && (wrapped.kind() === 'identifier' || wrapped.kind() === 'attribute') ? { manager: wrapped, wrapped: true } : null;
    }
    return { manager, wrapped: false };
  }

  /** `f` when the name `id` is bound by `for id in f():` or `id = next(f())` (f a name or a dotted name, called without arguments). */
  private drawnGenerator(id: SgNode): SgNode | null {
    const parent = id.parent();
    let call: SgNode | null = null;
    if (parent?.kind() === 'for_statement' && sameNode(parent.field('left'), id)) call = parent.field('right');
    else if (parent?.kind() === 'assignment' && sameNode(parent.field('left'), id)) {
      const value = parent.field('right');
      const args = value?.kind() === 'call' && value.field('function')?.text() === 'next' ? callArgs(value) : null;
      call = args && args.positional.length === 1 && args.keywords.size === 0 ? (args.positional[0] as SgNode) : null;
      const callee = call?.kind() === 'call' ? call.field('function') : null;
      if (callee && (callee.kind() === 'identifier' ? callee.text() : callee.field('attribute')?.text()) === this.input.options.getDbName) return null;
    }
    if (call?.kind() !== 'call') return null;
    const fn = call.field('function');
    const args = callArgs(call);
    if (args.positional.length > 0 || args.keywords.size > 0) return null;
    return fn && (fn.kind() === 'identifier' || fn.kind() === 'attribute') ? fn : null;
  }

  /**
   * What made `name` in `unit` (CallSite.injectedArgs): `with f() as name:` or `name = f()`, its one binding, `f` a
   * parameter of `unit`, or `self.<attr>` that the class's own `__init__` sets from a parameter of its own, and that
   * parameter a sync session factory by its annotation or its default. A message part, or null.
   */
  private injectedSyncFactory(unit: SgNode, name: string): string | null {
    if (!this.root.text().includes('ession')) return null;
    const managed = this.managedBy(unit, name);
    const callees = managed ? (managed.wrapped ? [] : [managed.manager]) : ownBindings(unit).get(name)?.length === 1 ? this.returnedBy(unit, name) : [];
    const callee = callees.length === 1 ? (callees[0] as SgNode) : null;
    if (!callee) return null;
    let owner: SgNode = unit;
    let param: string | null = callee.kind() === 'identifier' ? callee.text() : null;
    const object = callee.kind() === 'attribute' ? callee.field('object') : null;
    if (object?.kind() === 'identifier' && object.text() === parametersOf(unit)[0]?.name) {
      // `self._session_factory()`: the parameter the class's own `__init__` stores there, as it is.
      const holder = unit.parent()?.kind() === 'decorated_definition' ? unit.parent()?.parent() : unit.parent();
      const cls = holder?.kind() === 'block' ? holder.parent() : null;
      const init = cls?.kind() === 'class_definition' ? namedChildren(cls.field('body') as SgNode).map((c) => (c.kind() === 'decorated_definition' ? c.field('definition') : c)).find((c) => c?.kind() === 'function_definition' && c.field('name')?.text() === '__init__') : null;
      const attr = callee.field('attribute')?.text();
      if (!init || !attr) return null;
      const self = parametersOf(init)[0]?.name;
      const stores = init.findAll({ rule: { kind: 'assignment' } }).filter((a) => {
        const left = a.field('left');
        return left?.kind() === 'attribute' && left.field('object')?.text() === self && left.field('attribute')?.text() === attr;
      });
      const value = stores.length === 1 ? (stores[0] as SgNode).field('right') : null;
      if (value?.kind() !== 'identifier') return null;
      owner = init;
      param = value.text();
    } else if (object) return null;
    if (param === null || (owner === unit && !parametersOf(unit).some((p) => p.name === param))) return null;
    const declared = signatureOf(owner).all.find((p) => p.name === param);
    if (!declared) return null;
    const annotation = declared.annotation?.text() ?? '';
    const syncType = !/async/i.test(annotation) && (/\bCallable\[.*\bSession\s*\]/.test(annotation) || /(?:^|\.)sessionmaker\b/.test(annotation));
    const syncDefault = declared.defaultValue !== null && this.sessions.isSyncFactoryName(declared.defaultValue);
    if (!syncType && !syncDefault) return null;
    const said = [syncType ? `annotated \`${annotation.replace(/\s+/g, ' ')}\`` : '', syncDefault ? `by default \`${declared.defaultValue?.text()}\`` : ''].filter((x) => x !== '').join(', ');
    return `\`${compact(callee.text())}()\`, a session factory handed in as the parameter \`${param}\`${owner === unit ? '' : ' of `__init__`'} (${said})`;
  }

  /**
   * How the plain def `fn` is known to return a sync session, or null: `-> Session` (or `Optional[Session]`,
   * `Session | None`) naming SQLAlchemy's or SQLModel's sync session class (the resolver answers for AsyncSession too,
   * so the class named must be the sync one); or, without a return annotation, every `return` handing back the session
   * of a sync session factory (syncFactoryReturned), which no transform switches in a function that stays sync.
   */
  private returnsSyncSession(fn: SgNode, own: SgNode[]): string | null {
    const annotation = fn.field('return_type');
    if (annotation) {
      if (!this.sessions.typeVerdict(annotation, new Set()).session) return null;
      const names = annotation.text().match(/[A-Za-z_][\w.]*/g) ?? [];
      const classes = names.filter((n) => !/^(?:typing\.)?(?:Optional|None)$/.test(n));
      return classes.length === 1 && /(?:^|\.)Session$/.test(classes[0] as string) ? `it is annotated \`-> ${compact(annotation.text())}\`` : null;
    }
    const first = this.syncFactoryReturned(fn, own);
    return first === null ? null : `it returns only sessions of sync factories, such as \`${first}\`,`;
  }

  /**
   * The first sync factory call the unannotated `fn` returns the session of (FunctionSummary.returnsSyncSession),
   * when every one of its own returns does. The index is built on the run's text so far, so a factory an earlier
   * transform switched to its async twin (`return AsyncSessionLocal()`) reads as async here, and is none.
   */
  private syncFactoryReturned(fn: SgNode, own: readonly SgNode[]): string | null {
    if (fn.field('return_type') || !this.sessions.mayFindSessions) return null;
    const returns = own.filter((n) => n.kind() === 'return_statement');
    let first: string | null = null;
    for (const statement of returns) {
      const origins = this.syncFactoryOrigins(fn, namedChildren(statement)[0]);
      if (origins === null) return null;
      first ??= compact(origins[0]!.text());
    }
    return first;
  }

  /**
   * The sync factory calls a returned value is the session of: the call itself (`SessionLocal()`), or every call a
   * local of `fn` is bound to (`db = SessionLocal()`). Null when the value may be anything else: a name also bound
   * otherwise (the resolver answers null then), a parameter, a transaction (`SessionLocal.begin()`), an async factory.
   */
  private syncFactoryOrigins(fn: SgNode, value: SgNode | undefined): SgNode[] | null {
    if (!value) return null;
    let origins: SgNode[];
    if (value.kind() === 'call') origins = [value];
    else if (value.kind() === 'identifier') origins = this.sessions.resolve(value)?.origins ?? [];
    else return null;
    const made = (origin: SgNode): boolean => sameNode(placeOf(origin).unit, fn) && this.sessions.isFactoryCall(origin) && !this.sessions.isFactoryBeginCall(origin);
    if (origins.length === 0 || !origins.every(made)) return null;
    const twins = (this.twins ??= new FactoryTwins(this.input.tree, this.imports, this.sessions));
    return origins.every((origin) => twins.twinOf(origin).kind !== 'async') ? origins : null;
  }

  /**
   * The callees f of the function's own `name = f(...)` bindings of `name` (not a parameter). Each is one value the
   * name may hold where it is read (`if slug: db = tenant_session(slug)` / `else: db = context["db"]`): one that is a
   * sync Session is enough to break an await on it.
   */
  private returnedBy(unit: SgNode, name: string): SgNode[] {
    if (parametersOf(unit).some((p) => p.name === name)) return [];
    const callees: SgNode[] = [];
    for (const binding of ownBindings(unit).get(name) ?? []) {
      const value = boundValue(binding);
      const callee = value?.kind() === 'call' ? value.field('function') : null;
      if (callee && (callee.kind() === 'identifier' || callee.kind() === 'attribute')) callees.push(callee);
    }
    return callees;
  }

  /** A value made by a mock class: `MagicMock()`, `mock.Mock()`, `mocker.MagicMock()`. */
  private isMock(expr: Expr): boolean {
    if (expr.k !== 'call') return false;
    const factory = expr.of;
    if (factory.k === 'attr') return MOCK_CLASSES.has(factory.name);
    return factory.k === 'global' && this.mockClasses.has(factory.name);
  }

  private storedReferences(): ReferenceSite[] {
    const out: ReferenceSite[] = [];
    const displays = this.root.findAll({ rule: { any: ['dictionary', 'list', 'tuple', 'set'].map((kind) => ({ kind })) } });
    for (const display of displays) {
      // A display given to a call (`bus.subscribe(middleware=[check, load])`, in a decorator too) hands the callee the
      // functions in it as surely as a bare argument would: which call, and under which keyword, goes with them.
      const holder = argumentHolder(display);
      if (holder === 'uncalled') continue;
      const elements = display.kind() === 'dictionary' ? namedChildren(display).map((p) => (p.kind() === 'pair' ? p.field('value') : null)) : namedChildren(display);
      for (const element of elements) {
        if (!element || (element.kind() !== 'identifier' && element.kind() !== 'attribute')) continue;
        const expr = this.exprOf(element, 0);
        // Only names the index can follow: `user.id` on an unknown `user` is data, and common in displays.
        let root = expr;
        while (root.k === 'attr') root = root.of;
        if (!['global', 'import', 'def', 'self', 'cls', 'instance', 'depends'].includes(root.k) || expr.k === 'self' || expr.k === 'cls') continue;
        const ref: ReferenceSite = { start: start(element), expr, text: compact(element.text()), receiver: String(display.kind()) };
        if (holder !== null) {
          ref.within = holder.callee;
          if (holder.keyword !== undefined) ref.keyword = holder.keyword;
        }
        out.push(ref);
      }
    }
    return out;
  }

  /** Thread-pool wrappers whose target becomes a direct call once it is async. */
  private wrapperOf(call: SgNode): WrapperSite | null {
    const dotted = dottedName(call.field('function') as SgNode);
    const last = dotted?.[dotted.length - 1];
    if (!dotted || !last) return null;
    const args = callArgs(call);
    if (args.splat || args.generator) return null;
    let kind: WrapperSite['kind'];
    let targetIndex = 0;
    if (last === 'run_in_threadpool' && dotted.length <= 2) kind = 'run_in_threadpool';
    else if (last === 'to_thread' && (dotted.length === 1 || (dotted.length === 2 && dotted[0] === 'asyncio'))) kind = 'to_thread';
    else if (last === 'run_in_executor' && dotted.length >= 2 && args.keywords.size === 0) {
      kind = 'run_in_executor';
      targetIndex = 1;
    } else if (last === 'run_sync' && dotted[dotted.length - 2] === 'to_thread' && (dotted.length === 2 || (dotted.length === 3 && dotted[0] === 'anyio')) && args.keywords.size === 0) {
      // anyio's keywords (`cancellable`, `limiter`...) are its own options, not the target's arguments.
      kind = 'to_thread.run_sync';
    } else return null;
    const target = args.positional[targetIndex];
    if (!target || (target.kind() !== 'identifier' && target.kind() !== 'attribute')) return null;
    const list = call.field('arguments') as SgNode;
    const items = namedChildren(list);
    const rest = items.filter((a) => start(a) > start(target))[0];
    const targetText = target.text();
    const edit = rest
      ? { start: start(call), end: start(rest), text: `${targetText}(` }
      : { start: start(call), end: end(call), text: `${targetText}()` };
    return { kind, target: this.exprOf(target, 0), targetText: compact(targetText), edit };
  }

  // ---- classes ---------------------------------------------------------------------------------

  private classSummary(cls: SgNode): ClassSummary {
    const id = start(cls);
    const superclasses = cls.field('superclasses');
    const bases = superclasses
      ? namedChildren(superclasses)
          .filter((b) => b.kind() !== 'keyword_argument' && b.kind() !== 'list_splat' && b.kind() !== 'dictionary_splat')
          .map((b) => this.exprOf(b.kind() === 'subscript' ? (b.field('value') as SgNode) : b, 0))
      : [];
    const methods: [string, number][] = [];
    const attributes = new Map<string, Expr | null>();
    const store = (name: string, expr: Expr): void => {
      if (expr.k === 'unknown') {
        attributes.set(name, null);
        return;
      }
      const prior = attributes.get(name);
      if (prior === undefined) attributes.set(name, expr);
      else if (prior !== null && JSON.stringify(prior) !== JSON.stringify(expr)) attributes.set(name, null);
    };
    const body = cls.field('body');
    for (const stmt of body ? body.children() : []) {
      const assignment = stmt.kind() === 'expression_statement' ? namedChildren(stmt)[0] : null;
      if (assignment?.kind() !== 'assignment') continue;
      const left = assignment.field('left');
      const type = assignment.field('type');
      if (left?.kind() === 'identifier' && type) {
        const t = this.typeExpr(type, 0);
        store(left.text(), t ? { k: 'instance', of: t } : UNKNOWN);
      } else if (left?.kind() === 'identifier') {
        // `_cache = {}`: a class attribute holding a display (other values may be methods under another name).
        const literal = LITERAL_TYPES.get(String(assignment.field('right')?.kind()));
        if (literal) store(left.text(), { k: 'builtin', type: literal });
      }
    }
    for (const [fnId, facts] of this.facts) {
      if (facts.classId !== id) continue;
      methods.push([facts.node.field('name')?.text() ?? '?', fnId]);
      if (facts.kind !== 'method') continue;
      const selfName = parametersOf(facts.node)[0]?.name;
      if (!selfName) continue;
      walkOwnScope(facts.node, (node) => {
        if (node.kind() !== 'assignment') return;
        const left = node.field('left');
        if (left?.kind() !== 'attribute' || left.field('object')?.text() !== selfName) return;
        const attr = left.field('attribute')?.text() ?? '';
        const type = node.field('type');
        const right = node.field('right');
        if (type) {
          const t = this.typeExpr(type, 0);
          store(attr, t ? { k: 'instance', of: t } : UNKNOWN);
        } else if (right && right.kind() !== 'none') store(attr, this.exprOf(right, 0));
      });
    }
    methods.sort((a, b) => a[1] - b[1]);
    const summary: ClassSummary = { id, name: cls.field('name')?.text() ?? '?', qualname: qualnameOf(cls), bases, methods, attributes: [...attributes] };
    const holder = /\bself\./.test(cls.text()) ? sessionHolderOf(cls, this.input.source, this.qualify, this.lineOf) : null;
    if (holder) summary.holder = holder;
    return summary;
  }

  private nameOf(classId: number): string {
    return this.classNames.get(classId) ?? '';
  }

  // ---- module-level names ----------------------------------------------------------------------

  private globalTable: Map<string, GlobalBinding> | null = null;
  private importTargets: Map<string, string> | null = null;

  /** See Qualify (support/session-holders.ts): through the module's own imports only, as the holder summary needs. */
  private readonly qualify: Qualify = (dotted) => {
    const head = dotted[0] as string;
    const binding = this.globalBindings().get(head);
    if (!binding) return dotted.length === 1 ? `builtins.${head}` : null;
    if (binding.k !== 'import') return null;
    this.importTargets ??= new Map(moduleLevelImportBindings(this.imports).map((b) => [b.local, b.target]));
    const target = this.importTargets.get(head);
    return target === undefined ? null : [target, ...dotted.slice(1)].join('.');
  };

  private globalBindings(): Map<string, GlobalBinding> {
    this.globalTable ??= new Map(this.globals());
    return this.globalTable;
  }

  private globals(): [string, GlobalBinding][] {
    const byName = new Map<string, GlobalBinding[]>();
    const add = (name: string, binding: GlobalBinding): void => {
      const list = byName.get(name) ?? [];
      list.push(binding);
      byName.set(name, list);
    };
    walkOwnScope(this.root, (node) => {
      if (node.kind() === 'wildcard_import') {
        const stmt = node.parent();
        const module = stmt?.field('module_name');
        const ref = module ? moduleRefOf(compact(module.text()), this.absPath) : null;
        if (ref) this.starImports.push(ref);
        return;
      }
      if (node.kind() !== 'identifier' || !isBindingOccurrence(node)) return;
      add(node.text(), this.bindingOf(node, 0));
    });
    return [...byName].map(([name, list]) => [name, soleBinding(list)]);
  }

  /** What one binding occurrence of a name stores. */
  private bindingOf(id: SgNode, depth: number): GlobalBinding {
    const parent = id.parent();
    if (!parent) return { k: 'value', expr: UNKNOWN };
    if ((parent.kind() === 'function_definition' || parent.kind() === 'class_definition') && sameNode(parent.field('name'), id)) {
      return { k: 'def', id: start(parent) };
    }
    const importStmt = id.ancestors().find((a) => a.kind() === 'import_statement' || a.kind() === 'import_from_statement');
    if (importStmt) {
      const target = this.importTarget(id, importStmt);
      return target ? { k: 'import', target } : { k: 'value', expr: UNKNOWN };
    }
    const pattern = parent.kind() === 'as_pattern_target' ? parent.parent() : null;
    if (pattern?.kind() === 'as_pattern' && pattern.parent()?.kind() === 'with_item') {
      const manager = namedChildren(pattern)[0];
      const isAsync = pattern.parent()?.parent()?.parent()?.children()[0]?.kind() === 'async';
      return { k: 'value', expr: manager ? { k: 'entered', of: this.exprOf(manager, depth + 1), ...(isAsync ? { async: true as const } : {}) } : UNKNOWN };
    }
    if (parent.kind() === 'for_statement' && sameNode(parent.field('left'), id)) {
      let iterable = parent.field('right');
      // `reversed(xs)`, `sorted(xs)`... yield the items of xs (the call's value is not followed otherwise).
      while (iterable?.kind() === 'call' && ITEM_PRESERVING.has(iterable.field('function')?.text() ?? '')) iterable = callArgs(iterable).positional[0] ?? null;
      return { k: 'value', expr: iterable ? { k: 'item', of: this.exprOf(iterable, depth + 1) } : UNKNOWN };
    }
    const unpacked = this.unpackedLoopTarget(id, depth);
    if (unpacked) return { k: 'value', expr: unpacked };
    if (parent.kind() === 'assignment' && sameNode(parent.field('left'), id)) {
      let right = parent.field('right');
      while (right?.kind() === 'assignment') right = right.field('right');
      if (right) {
        const alias = this.typeAliasExpr(right, depth + 1);
        // `SessionDep = Annotated[Session, Depends(f)]`, or the default-value form `SessionParam = Depends(f)`
        // (`db: Session = SessionParam`): either way FastAPI calls f for a parameter using the name.
        const provider = alias ? this.annotatedDependency(right, depth + 1) : this.dependsTarget(right, depth + 1);
        let expr = alias ?? this.exprOf(right, depth + 1);
        // `db: Session = payload["db"]`: what the value cannot tell, the annotation does (a value that is known wins:
        // `repo: BaseRepo = UserRepo(db)` runs UserRepo's methods). A display annotated with a container type
        // (`totals: dict[str, dict] = {}`) is that container, and the annotation types its items.
        const type = (isOpaque(expr) && !(expr.k === 'unknown' && expr.alternatives)) || expr.k === 'builtin' ? parent.field('type') : null;
        const declared = type ? this.typeExpr(type, depth + 1) : null;
        if (declared && (expr.k !== 'builtin' || (declared.k === 'builtin' && sameContainer(expr.type, declared.type)))) expr = { k: 'instance', of: declared };
        else if (expr.k === 'call' && parent.field('type')) {
          // `totals: dict[int, dict] = defaultdict(dict)`: the call is what runs, the annotation types its entries.
          const annotated = this.typeExpr(parent.field('type') as SgNode, depth + 1);
          if (annotated?.k === 'builtin' && annotated.value) expr = { k: 'typed', value: expr, type: annotated };
        }
        return { k: 'value', expr, ...(provider ? { provider } : {}) };
      }
      const type = parent.field('type');
      const t = type ? this.typeExpr(type, depth + 1) : null;
      return { k: 'value', expr: t ? { k: 'instance', of: t } : UNKNOWN };
    }
    return { k: 'value', expr: UNKNOWN };
  }

  private importTarget(id: SgNode, stmt: SgNode): ImportTarget | null {
    const parent = id.parent();
    if (stmt.kind() === 'import_statement') {
      if (parent?.kind() === 'aliased_import') {
        const name = parent.field('name');
        return name ? { k: 'module', module: { anchor: null, parts: compact(name.text()).split('.') } } : null;
      }
      return { k: 'module', module: { anchor: null, parts: [id.text()] } };
    }
    const moduleNode = stmt.field('module_name');
    const module = moduleNode ? moduleRefOf(compact(moduleNode.text()), this.absPath) : null;
    if (!module) return null;
    const name = parent?.kind() === 'aliased_import' ? parent.field('name')?.text() : parent?.kind() === 'dotted_name' ? parent.text() : id.text();
    return name ? { k: 'name', module, name: compact(name) } : null;
  }

  // ---- expressions and scopes ------------------------------------------------------------------

  exprOf(node: SgNode, depth: number): Expr {
    if (depth > MAX_DEPTH) return UNKNOWN;
    switch (node.kind()) {
      case 'identifier':
        return this.nameExpr(node.text(), node, depth);
      case 'attribute': {
        const object = node.field('object');
        const attr = node.field('attribute');
        return object && attr ? { k: 'attr', of: this.exprOf(object, depth + 1), name: attr.text() } : UNKNOWN;
      }
      case 'call': {
        const fn = node.field('function') as SgNode;
        if (fn.kind() === 'identifier' && fn.text() === 'super' && namedChildren(node.field('arguments') as SgNode).length === 0) {
          const method = placeOf(node).unit;
          const facts = method ? this.facts.get(start(method)) : undefined;
          return facts && facts.classId !== null ? { k: 'super', cls: facts.classId } : UNKNOWN;
        }
        const call: Expr = { k: 'call', of: this.exprOf(fn, depth + 1) };
        // `response.json()`: an HTTP response's body, whatever `response` is (see the `json` Expr).
        const args = node.field('arguments');
        return fn.kind() === 'attribute' && fn.field('attribute')?.text() === 'json' && args?.kind() === 'argument_list' && namedChildren(args).length === 0 ? { k: 'json', of: call } : call;
      }
      case 'subscript': {
        // `data["items"][0]` of decoded JSON is JSON too; another subscript is an entry of what it subscripts
        // (typed by a mapping's annotation), a slice is unknown.
        const value = node.field('value');
        if (!value) return UNKNOWN;
        const of = this.exprOf(value, depth + 1);
        if (isJsonData(of)) return { k: 'json', of: UNKNOWN };
        const slice = node.fieldChildren('subscript').some((s) => s.kind() === 'slice');
        return slice || of.k === 'unknown' ? UNKNOWN : { k: 'entry', of };
      }
      case 'parenthesized_expression': {
        const inner = namedChildren(node)[0];
        return inner ? this.exprOf(inner, depth + 1) : UNKNOWN;
      }
      case 'await': {
        const operand = namedChildren(node)[0];
        return operand ? { k: 'awaited', of: this.exprOf(operand, depth + 1) } : UNKNOWN;
      }
      case 'boolean_operator': {
        // `repo or UserRepository()` (the injectable default of a service's `__init__`) is one of its operands.
        if (node.field('operator')?.text() !== 'or') return UNKNOWN;
        const left = node.field('left');
        const right = node.field('right');
        return left && right ? this.eitherOf(this.exprOf(left, depth + 1), this.exprOf(right, depth + 1)) : UNKNOWN;
      }
      case 'conditional_expression': {
        // `repo if repo is not None else UserRepository()`: its value is one of the two branches.
        const [value, , alternative] = namedChildren(node);
        return value && alternative ? this.eitherOf(this.exprOf(value, depth + 1), this.exprOf(alternative, depth + 1)) : UNKNOWN;
      }
      default: {
        // `None` is left unknown: a module-level `_service = None` is typically rebound through `global`.
        const type = LITERAL_TYPES.get(String(node.kind()));
        if (!type) return UNKNOWN;
        return ['list', 'dictionary', 'set', 'tuple'].includes(String(node.kind())) && namedChildren(node).length === 0 ? { k: 'builtin', type, empty: true } : { k: 'builtin', type };
      }
    }
  }

  /**
   * The value of an expression that is either `a` or `b`, when both say the same: equal expressions, or an
   * instance of a class from an annotation (`repo: UserRepository | None`) and a call of that same class
   * (`UserRepository()`). Anything else is unknown: guessing one branch could await a method of the other.
   */
  private eitherOf(a: Expr, b: Expr): Expr {
    const text = (e: Expr): string => JSON.stringify(e);
    if (a.k === 'unknown' || b.k === 'unknown') return UNKNOWN;
    if (text(a) === text(b)) return a;
    const instance = a.k === 'instance' ? a : b.k === 'instance' ? b : null;
    const call = a.k === 'call' ? a : b.k === 'call' ? b : null;
    if (instance && call && text(instance.of) === text(call.of)) return instance;
    // `details or {}`: kept as both, so a receiver can be proven foreign when each of them is.
    return { k: 'either', of: [...(a.k === 'either' ? a.of : [a]), ...(b.k === 'either' ? b.of : [b])] };
  }

  /**
   * A name unpacked from a `for` loop's items (`for path, methods in schema["paths"].items()`): an item of an
   * item of the iterable, one level per enclosing pattern. Receivers take that for third-party when the iterable
   * is (`.items()` of what a library returned); what the index resolves is unchanged (items are unknown to it).
   */
  private unpackedLoopTarget(id: SgNode, depth: number): Expr | null {
    let node = id;
    let levels = 0;
    for (let up = node.parent(); up && UNPACKING_PATTERNS.has(up.kind() as string); up = up.parent()) {
      node = up;
      levels++;
    }
    const loop = node.parent();
    if (levels === 0 || loop?.kind() !== 'for_statement' || !sameNode(loop.field('left'), node)) return null;
    const iterable = loop.field('right');
    if (!iterable) return null;
    let expr: Expr = { k: 'item', of: this.exprOf(iterable, depth + 1) };
    for (let i = 0; i < levels; i++) expr = { k: 'item', of: expr };
    return expr;
  }

  /**
   * A comprehension variable: an item of its clause's iterable (`[e.get("k") for e in item.amounts]`), when one
   * clause of this comprehension binds it, to the name alone; unknown otherwise (a tuple target, a name bound by a
   * nested comprehension or by two clauses, a use in the clause's own iterable).
   */
  private comprehensionItem(comprehension: SgNode, clauses: SgNode[], name: string, child: SgNode, depth: number): Expr {
    const clause = clauses.length === 1 ? (clauses[0] as SgNode) : null;
    if (!clause || !sameNode(clause.parent(), comprehension) || clause.field('left')?.text() !== name || sameNode(clause, child)) return UNKNOWN;
    let iterable = clause.field('right');
    while (iterable?.kind() === 'call' && ITEM_PRESERVING.has(iterable.field('function')?.text() ?? '')) iterable = callArgs(iterable).positional[0] ?? null;
    return iterable ? { k: 'item', of: this.exprOf(iterable, depth + 1) } : UNKNOWN;
  }

  /** The binding a name sees at `at`, following Python's scopes (LEGB, class bodies only for code directly in them). */
  private nameExpr(name: string, at: SgNode, depth: number): Expr {
    let child = at;
    let crossedFunction = false;
    for (let a = at.parent(); a !== null; a = a.parent()) {
      const kind = String(a.kind());
      if (kind === 'lambda') {
        const params = a.field('parameters');
        if (params && params.findAll({ rule: { kind: 'identifier', regex: `^${name}$` } }).length > 0) return UNKNOWN;
        crossedFunction = true;
      } else if (COMPREHENSIONS.has(kind)) {
        const binding = a.findAll({ rule: { kind: 'for_in_clause' } }).filter((clause) => {
          const left = clause.field('left');
          return !!left && (left.text() === name || left.findAll({ rule: { kind: 'identifier', regex: `^${name}$` } }).length > 0);
        });
        if (binding.length > 0) return this.comprehensionItem(a, binding, name, child, depth);
      } else if (kind === 'function_definition') {
        if (sameNode(a.field('body'), child)) {
          const found = this.lookupInFunction(a, name, depth);
          if (found) return found;
          crossedFunction = true;
        }
      } else if (kind === 'class_definition') {
        if (!crossedFunction && sameNode(a.field('body'), child)) {
          if (ownBindings(a).has(name)) return UNKNOWN;
        }
      } else if (kind === 'module') break;
      child = a;
    }
    return { k: 'global', name };
  }

  /**
   * The one value a local name bound more than once holds, when every binding assigns the same known expression
   * (`svc = self._invoice_service()` in two branches): whichever binding a use sees, the name holds an instance of the
   * same thing. Null when any binding differs, is not a plain value (an import, a def, a loop target of another
   * iterable) or is not known.
   */
  private sameValueBindings(bindings: readonly SgNode[], depth: number): Expr | null {
    let first: string | null = null;
    let value: Expr | null = null;
    for (const b of bindings) {
      const binding = this.bindingOf(b, depth);
      if (binding.k !== 'value' || binding.expr.k === 'unknown') return null;
      const text = JSON.stringify(binding.expr);
      if (first === null) [first, value] = [text, binding.expr];
      else if (text !== first) return null;
    }
    return value;
  }

  /**
   * A function's names are looked up again for every use (each `db.x(...)` call site asks what `db` is): 3.3 times
   * per distinct question on the bench's 1k tree. The answer is a function of the tree, the function, the name and
   * the depth left (the tree does not change while a module is summarized), so the first one is kept.
   */
  private readonly lookups = new Map<string, Expr | null>();

  private lookupInFunction(fn: SgNode, name: string, depth: number): Expr | null {
    const key = `${start(fn)}\0${name}\0${depth}`;
    const known = this.lookups.get(key);
    if (known !== undefined) return known;
    const found = this.lookupAnew(fn, name, depth);
    this.lookups.set(key, found);
    return found;
  }

  private lookupAnew(fn: SgNode, name: string, depth: number): Expr | null {
    const params = parametersOf(fn);
    const index = params.findIndex((p) => p.name === name);
    const bindings = this.localsOf(fn).get(name) ?? [];
    if (bindings.some((b) => b.parent()?.kind() === 'global_statement')) return { k: 'global', name };
    if (bindings.some((b) => b.parent()?.kind() === 'nonlocal_statement')) return UNKNOWN;
    if (index >= 0) return bindings.length === 0 ? this.parameterExpr(fn, index, depth) : UNKNOWN;
    if (bindings.length === 0) return null;
    if (bindings.length > 1) {
      const same = this.sameValueBindings(bindings, depth);
      if (same) return same;
      const alternatives: Expr[] = [];
      for (const b of bindings) {
        const binding = this.bindingOf(b, depth);
        if (binding.k === 'def') alternatives.push({ k: 'def', id: binding.id });
        else if (binding.k === 'import') alternatives.push({ k: 'import', target: binding.target });
        else if (binding.k === 'value' && ['attr', 'global', 'import', 'def'].includes(binding.expr.k)) alternatives.push(binding.expr);
      }
      return alternatives.length > 0 ? { k: 'unknown', alternatives } : UNKNOWN;
    }
    const binding = this.bindingOf(bindings[0] as SgNode, depth);
    switch (binding.k) {
      case 'def':
        return { k: 'def', id: binding.id };
      case 'import':
        return { k: 'import', target: binding.target };
      case 'value':
        return binding.expr;
      default:
        return UNKNOWN;
    }
  }

  private localsOf(fn: SgNode): ReadonlyMap<string, readonly SgNode[]> {
    return ownBindings(fn);
  }

  private parameterExpr(fn: SgNode, index: number, depth: number): Expr {
    const param = parametersOf(fn)[index];
    if (!param) return UNKNOWN;
    const facts = this.facts.get(start(fn));
    if (index === 0 && facts && facts.classId !== null && param.node.kind() === 'identifier') {
      if (facts.kind === 'method') return { k: 'self', cls: facts.classId };
      if (facts.kind === 'classmethod') return { k: 'cls', cls: facts.classId };
    }
    // `*args` is a tuple and `**kwargs` a dict whatever their annotation (which types the items).
    const splat = param.node.kind() === 'typed_parameter' ? (param.node.children().find((c) => String(c.kind()).endsWith('splat_pattern')) ?? param.node) : param.node;
    if (splat.kind() === 'list_splat_pattern') return { k: 'builtin', type: 'tuple' };
    if (splat.kind() === 'dictionary_splat_pattern') return { k: 'builtin', type: 'dict' };
    if (!param.annotation && !param.defaultValue && this.testKindOf(fn) !== null) {
      const kind = this.testKindOf(fn);
      return kind !== null && this.fixtureLookup(fn, param.name) ? { k: 'fixture', name: param.name, lookup: kind } : { k: 'fixture', name: param.name };
    }
    let type: Expr | null = null;
    let dependency: Expr | null = null;
    if (param.annotation) {
      type = this.typeExpr(param.annotation, depth + 1);
      dependency = this.annotatedDependency(param.annotation, depth + 1);
    }
    if (param.defaultValue && isDependsCall(param.defaultValue)) {
      const target = callArgs(param.defaultValue).positional[0] ?? callArgs(param.defaultValue).keywords.get('dependency');
      if (target) dependency = this.exprOf(target, depth + 1);
    }
    // A container annotation says less than the dependency that provides the value.
    if (type && (type.k !== 'builtin' || !dependency)) return { k: 'instance', of: type };
    if (dependency) return { k: 'depends', of: dependency };
    return UNKNOWN;
  }

  /**
   * `RepoDep = Annotated[ItemRepo, Depends(get_repo)]` (or `Optional[X]`, `Union[X, None]`) is a type alias:
   * a parameter annotated with it, here or in a module importing it, gets what the annotation written out
   * would give. It is recorded as that value's class (so `repo: RepoDep` is an instance of it, as `RepoDep()`
   * is at run time), or, when the type names no project class, as what the dependency injects (the index
   * reads an annotation naming that as the injected value itself). Null when the value is not such an alias.
   */
  private typeAliasExpr(value: SgNode, depth: number): Expr | null {
    if (value.kind() !== 'subscript' || !TYPE_ALIAS_HEADS.has(genericHead(value) ?? '')) return null;
    const type = this.typeExpr(value, depth + 1);
    const dependency = this.annotatedDependency(value, depth + 1);
    if (type && (type.k !== 'builtin' || !dependency)) return type;
    return dependency ? { k: 'depends', of: dependency } : UNKNOWN;
  }

  /** `Depends(f)` (or `Security(f)`) → f; null for any other value. */
  private dependsTarget(value: SgNode, depth: number): Expr | null {
    const target = isDependsCall(value) ? callArgs(value).positional[0] : undefined;
    return target ? this.exprOf(target, depth + 1) : null;
  }

  /** `Annotated[X, Depends(f)]` → f. */
  private annotatedDependency(annotation: SgNode, depth: number): Expr | null {
    const call = annotatedDependsCall(annotation);
    const target = call ? callArgs(call).positional[0] : undefined;
    return target ? this.exprOf(target, depth + 1) : null;
  }

  /** The class an annotation names (`X`, `Optional[X]`, `X | None`, `Annotated[X, ...]`, `"X"`), or null. */
  typeExpr(annotation: SgNode, depth: number): Expr | null {
    const node = unwrapType(annotation);
    if (!node || depth > MAX_DEPTH) return null;
    switch (node.kind()) {
      case 'identifier':
      case 'attribute':
        return this.exprOf(node, depth + 1);
      case 'string': {
        const content = node.children().find((c) => c.kind() === 'string_content')?.text() ?? '';
        if (!/^[A-Za-z_][\w.]*$/.test(content)) return null;
        const [head, ...rest] = content.split('.');
        let expr = this.nameExpr(head as string, node, depth + 1);
        for (const part of rest) expr = { k: 'attr', of: expr, name: part };
        return expr;
      }
      case 'generic_type':
      case 'subscript': {
        const head = genericHead(node);
        const args = typeArguments(node);
        if (head === 'Annotated' || head === 'Optional') return args[0] ? this.typeExpr(args[0], depth + 1) : null;
        if (head && CONTAINER_TYPES.has(head)) {
          // `Tuple[A, B]` has items of several types; `Tuple[A, ...]` and the others one.
          const single = !/^(tuple|Tuple)$/.test(head) || (args.length === 2 && unwrapType(args[1] as SgNode)?.kind() === 'ellipsis');
          const item = single && args[0] ? this.typeExpr(args[0], depth + 1) : null;
          const value = MAPPING_TYPES.has(head) && args.length === 2 ? this.typeExpr(args[1] as SgNode, depth + 1) : null;
          return { k: 'builtin', type: head, ...(item ? { item } : {}), ...(value ? { value } : {}) };
        }
        if (head === 'Union') {
          const real = args.filter((a) => unwrapType(a)?.kind() !== 'none');
          return real.length === 1 ? this.typeExpr(real[0] as SgNode, depth + 1) : null;
        }
        if (head && WRAPPING_TYPES.has(head)) return args[0] ? this.typeExpr(args[0], depth + 1) : null;
        if (!head || NOT_AN_INSTANCE_OF_HEAD.has(head)) return null;
        // `Repository[User]` is a Repository: a generic class's instances are instances of the class.
        const headNode = node.kind() === 'generic_type' ? node.children().find((c) => c.kind() === 'identifier') : node.field('value');
        return headNode ? this.exprOf(headNode, depth + 1) : null;
      }
      case 'binary_operator': {
        const parts = namedChildren(node).filter((p) => unwrapType(p)?.kind() !== 'none');
        return parts.length === 1 ? this.typeExpr(parts[0] as SgNode, depth + 1) : null;
      }
      default:
        return null;
    }
  }

  /** Inside a function `exclude-functions` names (nested definitions included): it must stay as it is. */
  private isExcluded(offset: number): boolean {
    return this.excluded.some((r) => offset >= r.start && offset < r.end);
  }

  private isIgnoredLine(offset: number): boolean {
    return this.markers.file || this.markers.lines.has(this.lines.lineOf(offset));
  }
}

/**
 * The one binding a module-level name has, or ambiguous. The same import written twice (`from schemas import
 * BlogOut` in two places) binds the same object whichever runs last, so it is still one binding; any other
 * mix of bindings leaves which one a use sees unknown.
 */
function soleBinding(list: GlobalBinding[]): GlobalBinding {
  const first = list[0] as GlobalBinding;
  if (list.length === 1) return first;
  if (first.k !== 'import') return { k: 'ambiguous' };
  const target = JSON.stringify(first.target);
  return list.every((b) => b.k === 'import' && JSON.stringify(b.target) === target) ? first : { k: 'ambiguous' };
}

/** What the index cannot resolve through: unknown, one of several values, a container's entry. */
function isOpaque(expr: Expr): boolean {
  return expr.k === 'unknown' || expr.k === 'either' || expr.k === 'entry';
}

/** A display of the builtin `shown` (`{}`: dict) is a value of the annotated container type `declared` (`Dict[str, X]`). */
function sameContainer(shown: string, declared: string): boolean {
  const kinds: Record<string, string[]> = {
    dict: ['dict', 'Dict', 'Mapping', 'MutableMapping'],
    list: ['list', 'List', 'Sequence', 'MutableSequence', 'Iterable', 'Collection'],
    set: ['set', 'Set', 'AbstractSet', 'MutableSet', 'Iterable', 'Collection'],
  };
  return (kinds[shown] ?? []).includes(declared);
}

/** Decoded JSON (the `json` Expr), or what `.get(...)` or iterating it gives. */
function isJsonData(expr: Expr): boolean {
  if (expr.k === 'json') return true;
  if (expr.k === 'item') return isJsonData(expr.of);
  return expr.k === 'call' && expr.of.k === 'attr' && expr.of.name === 'get' && isJsonData(expr.of.of);
}

function unwrapType(node: SgNode | null): SgNode | null {
  let cur = node;
  while (cur && (cur.kind() === 'type' || cur.kind() === 'parenthesized_expression')) cur = namedChildren(cur)[0] ?? null;
  return cur;
}

/** The arguments of `X[a, b]` in an annotation, whichever way tree-sitter parsed it. */
function typeArguments(generic: SgNode): SgNode[] {
  if (generic.kind() === 'generic_type') {
    const params = generic.children().find((c) => c.kind() === 'type_parameter');
    return params ? namedChildren(params) : [];
  }
  const subscripts = generic.fieldChildren('subscript');
  if (subscripts.length === 1 && subscripts[0]?.kind() === 'tuple') return namedChildren(subscripts[0]);
  return subscripts;
}

/** Builtin decorators, and modules no project decorator comes from: not kept in summaries (only project ones matter). */
const BUILTIN_DECORATORS = new Set(['property', 'staticmethod', 'classmethod']);
const LIBRARY_MODULES = new Set(['pytest', 'pytest_asyncio', 'functools', 'abc', 'typing', 'dataclasses', 'contextlib', 'sqlalchemy', 'pydantic', 'fastapi', 'celery', 'click', 'typer']);

function isLibraryDecorator(expr: Expr): boolean {
  let root = expr;
  while (root.k === 'attr' || root.k === 'call') root = root.of;
  if (root.k !== 'global') return false;
  return root === expr ? BUILTIN_DECORATORS.has(root.name) : LIBRARY_MODULES.has(root.name);
}

/** The `Depends(f)` call of an `Annotated[X, Depends(f)]` annotation (the first one naming a provider), or null. */
function annotatedDependsCall(annotation: SgNode): SgNode | null {
  const inner = unwrapType(annotation);
  if (!inner || (inner.kind() !== 'generic_type' && inner.kind() !== 'subscript') || genericHead(inner) !== 'Annotated') return null;
  for (const arg of typeArguments(inner).slice(1)) {
    const value = arg.kind() === 'type' ? namedChildren(arg)[0] : arg;
    if (value && isDependsCall(value) && callArgs(value).positional[0]) return value;
  }
  return null;
}

function isDependsCall(node: SgNode): boolean {
  if (node.kind() !== 'call') return false;
  const callee = dottedName(node.field('function') as SgNode);
  const last = callee?.[callee.length - 1];
  return last === 'Depends' || last === 'Security';
}

/** A body of docstrings, `...`, `pass` and `raise NotImplementedError` only. */
function isStub(fn: SgNode): boolean {
  const body = fn.field('body');
  if (!body) return false;
  return namedChildren(body).every((stmt) => {
    if (stmt.kind() === 'comment' || stmt.kind() === 'pass_statement') return true;
    if (stmt.kind() === 'expression_statement') {
      const value = namedChildren(stmt)[0];
      return value?.kind() === 'string' || value?.kind() === 'ellipsis';
    }
    if (stmt.kind() === 'raise_statement') return /^raise\s+NotImplementedError\b/.test(stmt.text());
    return false;
  });
}

function decoratorName(decorator: SgNode): string {
  return compact(decorator.text().replace(/^@/, '').split('(')[0] ?? '');
}

/** The function, lambda or class whose own frame evaluates this node. */
function ownerOf(node: SgNode): SgNode | null {
  let child = node;
  for (const a of node.ancestors()) {
    if (OWNERS.has(String(a.kind()))) {
      // Decorators, defaults and annotations of a def are evaluated by the enclosing frame.
      if (a.kind() === 'lambda' || sameNode(a.field('body'), child)) return a;
    }
    child = a;
  }
  return null;
}

function enclosingFunctionId(fn: SgNode): number | null {
  const owner = ownerOf(fn.parent()?.kind() === 'decorated_definition' ? (fn.parent() as SgNode) : fn);
  return owner?.kind() === 'function_definition' ? start(owner) : null;
}

function qualnameOf(def: SgNode): string {
  const names = [def.field('name')?.text() ?? '?'];
  for (const a of def.ancestors()) {
    if (a.kind() === 'function_definition' || a.kind() === 'class_definition') names.unshift(a.field('name')?.text() ?? '?');
  }
  return names.join('.');
}

function firstAwaitOf(own: SgNode[]): string | null {
  const sorted = [...own].sort((a, b) => start(a) - start(b));
  for (const n of sorted) {
    const kind = n.kind();
    if (kind === 'await') {
      const operand = namedChildren(n)[0];
      if (!operand) return 'await';
      const shown = operand.kind() === 'call' ? (operand.field('function') as SgNode).text() : operand.text();
      return shorten(compact(shown));
    }
    const isAsync = asyncKeyword(n) !== undefined;
    if (!isAsync) continue;
    if (kind === 'with_statement') {
      const item = n.find({ rule: { kind: 'with_item' } });
      return `async with ${shorten(spaced(item?.text() ?? ''))}`;
    }
    if (kind === 'for_statement' || kind === 'for_in_clause') return `async for over ${shorten(spaced(n.field('right')?.text() ?? ''))}`;
  }
  return null;
}

/** The value `node` is handed on as it is: an argument of a call, the value assigned, an item of a display. */
function handedOn(node: SgNode): boolean {
  const parent = node.parent();
  switch (parent?.kind()) {
    case 'argument_list':
    case 'list':
    case 'tuple':
    case 'set':
      return true;
    case 'keyword_argument':
    case 'pair':
      return sameNode(parent.field('value'), node);
    case 'assignment':
      return sameNode(parent.field('right'), node);
    default:
      return false;
  }
}

/** `cast(F, wrapper)` → `wrapper` (typed decorators return their wrapper through `typing.cast`); anything else as it is. */
function castOperand(node: SgNode | undefined): SgNode | undefined {
  if (node?.kind() !== 'call' || !/^(?:typing\.)?cast$/.test(node.field('function')?.text() ?? '')) return node;
  const args = callArgs(node);
  return args.positional.length === 2 && args.keywords.size === 0 ? args.positional[1] : node;
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

function spaced(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Arguments of a method call that only name a value, never call it: everything given to a mock assertion,
 * the key of a `.get`/`.pop` lookup (the default after it is handed back, and may be called). They are not
 * references: a function passed there may become async without breaking anything.
 */
function uncalledArguments(callee: SgNode, args: CallArgs): SgNode[] {
  if (callee.kind() !== 'attribute') return [];
  const method = callee.field('attribute')?.text() ?? '';
  if (MOCK_ASSERTIONS.has(method)) return [...args.positional, ...args.keywords.values()];
  const key = args.positional[0];
  return KEYED_LOOKUPS.has(method) && !args.splat && key ? [key] : [];
}

/**
 * The call a display is an argument of, or is nested in an argument of (the nearest one): its callee as written and
 * the keyword of that argument; null for a display in no call's arguments; 'uncalled' for one in an argument that
 * only names values (a mock assertion's: uncalledArguments).
 */
function argumentHolder(display: SgNode): { callee: string; keyword?: string } | 'uncalled' | null {
  let child = display;
  for (let a = display.parent(); a !== null; child = a, a = a.parent()) {
    const kind = a.kind();
    // A display in a function's body is not an argument of a call around that function.
    if (kind === 'lambda' || kind === 'function_definition' || kind === 'class_definition' || COMPREHENSIONS.has(String(kind))) return null;
    if (kind !== 'argument_list') continue;
    const call = a.parent();
    const fn = call?.kind() === 'call' ? call.field('function') : null;
    if (!call || !fn) return null;
    const argument = child;
    const args = callArgs(call);
    if (uncalledArguments(fn, args).some((u) => sameNode(u, argument) || (argument.kind() === 'keyword_argument' && sameNode(u, argument.field('value'))))) return 'uncalled';
    const keyword = argument.kind() === 'keyword_argument' ? argument.field('name')?.text() : undefined;
    return keyword === undefined ? { callee: compact(fn.text()) } : { callee: compact(fn.text()), keyword };
  }
  return null;
}

/** `{ argumentOf }` when the call is itself an argument (positional or keyword) of another call. */
function argumentOf(call: SgNode): { argumentOf?: string } {
  let parent = call.parent();
  if (parent?.kind() === 'keyword_argument') parent = parent.parent();
  if (parent?.kind() !== 'argument_list') return {};
  const outer = parent.parent();
  const fn = outer?.kind() === 'call' ? outer.field('function') : null;
  return fn ? { argumentOf: compact(fn.text()) } : {};
}

/** `{ mainEntry }` when the call is a whole expression statement directly in `if __name__ == "__main__":`. */
function mainEntryOf(call: SgNode): { mainEntry?: number } {
  const statement = call.parent();
  if (statement?.kind() !== 'expression_statement' || statement.children().filter((c) => c.isNamed()).length !== 1) return {};
  const block = statement.parent();
  const ifStatement = block?.parent();
  if (block?.kind() !== 'block' || ifStatement?.kind() !== 'if_statement' || ifStatement.parent()?.kind() !== 'module') return {};
  if (ifStatement.field('consequence')?.id() !== block.id()) return {};
  const condition = (ifStatement.field('condition')?.text() ?? '').replace(/\s+/g, '').replace(/'/g, '"');
  return condition === '__name__=="__main__"' || condition === '"__main__"==__name__' ? { mainEntry: start(block) } : {};
}

/**
 * `db: AsyncSession = Depends(get_async_db)` as keptSyncRouteEdits rewrites it: the injection is the default, `Depends`
 * (or `fastapi.Depends`) given one name and nothing else, and the annotation is `AsyncSession` alone or names none.
 */
function plainDepends(p: { defaultValue?: SgNode | null; annotation?: SgNode | null }, injected: SgNode): boolean {
  if (p.defaultValue !== injected) return false;
  const callee = injected.field('function')?.text();
  const args = callArgs(injected);
  const typeText = p.annotation?.text() ?? '';
  return (
    (callee === 'Depends' || callee === 'fastapi.Depends') &&
    args.positional.length === 1 &&
    args.keywords.size === 0 &&
    // `Depends(get_async_db)` or `Depends(deps.get_async_db)`: the two forms keptSyncRouteEdits gives back.
    (args.positional[0]?.kind() === 'identifier' || (args.positional[0]?.kind() === 'attribute' && args.positional[0].field('object')?.kind() === 'identifier')) &&
    (typeText === 'AsyncSession' || !/\bAsyncSession\b/.test(typeText))
  );
}

