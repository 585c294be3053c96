// `awaitify audit`'s analysis of one Python file: pure, over (path, source, tree), never editing. What it
// counts and flags is what a team migrating to asyncio must still look at (REFERENCE section 3): sync
// handlers and session parameters left, legacy queries, sync sessions and blocking calls on the event loop.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import { cached } from '../../../engine/cached';
import { LineIndex } from '../../../engine/lines';
import { DEFAULT_TRANSFORM_OPTIONS, type TransformOptions } from '../../../engine/types';
import { awaitState } from '../awaits/awaiting';
import { AWAITED_METHODS, SQLMODEL_AWAITED_METHODS } from '../awaits/methods';
import { occurrencesOf, parametersOf } from '../query/bindings';
import { SessionResolver, sessionOptionsFrom } from '../query/sessions';
import { dottedName } from '../query/syntax';
import { BlockingCalls, runsInBody } from '../index/blocking';
import { ProjectIndex } from '../index/project';
import { summarizeModule } from '../index/summarize';
import type { CallSite, FunctionSummary, ModuleSummary } from '../index/types';
import { collectImports } from '../support/imports';
import { BLOCKING_CALL_NAMES, blockingRule, RULE_OF } from './blocking';
import { asyncDefRunning, enclosingAsyncDef, functionName } from './context';
import { routeHandlers } from './handlers';
import { QualifiedNames } from './names';
import { auditRule, type AuditRuleId } from './rules';
import { SessionKinds } from './session-kinds';

export interface AuditInput {
  /** The file's path as printed. No rule depends on it yet; it is part of the input so one may (tests, scripts). */
  path: string;
  source: string;
  tree: SgRoot;
  options: Pick<TransformOptions, 'getDbName' | 'asyncGetDbName' | 'sessionFacades' | 'sessionTypes' | 'routerNames'>;
  /**
   * The index of every file audited with this one (auditIndex; the file under `path`): what a call reaches in other
   * code (a sync client made elsewhere, a project helper or constructor that blocks). Without it, only what the call
   * names itself is seen.
   */
  index?: ProjectIndex;
}

/** A file as auditIndex summarizes it. */
export interface IndexedFile {
  path: string;
  absPath: string;
  source: string;
  tree: SgRoot;
}

export interface AuditFinding {
  rule: AuditRuleId;
  /** UTF-16 offset in the source. */
  offset: number;
  /** 1-based. */
  line: number;
  column: number;
  message: string;
  hint: string;
}

export interface HandlerCounts {
  sync: number;
  async: number;
}

export interface FileAudit {
  handlers: HandlerCounts;
  findings: AuditFinding[];
}

export function auditPython(input: AuditInput): FileAudit {
  return new FileAuditor(input).run();
}

/** One file's summary for auditIndex (the same summary propagate-async's index is built from). */
export function auditSummary(file: IndexedFile, options: AuditInput['options']): ModuleSummary {
  return summarizeModule({ ...file, options: { ...DEFAULT_TRANSFORM_OPTIONS, ...options } });
}

/** The project index over the audited files' summaries, keyed by their paths. */
export function auditIndex(summaries: readonly ModuleSummary[]): ProjectIndex {
  return new ProjectIndex(new Map(summaries.map((s) => [s.path, s])));
}

/** One per index: what each plain def reaches is worked out once for every file audited. */
const blockingByIndex = new WeakMap<ProjectIndex, BlockingCalls>();

class FileAuditor {
  private readonly sessions: SessionResolver;
  private readonly kinds: SessionKinds;
  private readonly names: QualifiedNames;
  private readonly lines: LineIndex;
  private readonly findings: AuditFinding[] = [];
  /** Names bound by `from` imports: `from time import sleep as pause` makes `pause(...)` worth resolving. */
  private readonly importedNames: Set<string>;

  constructor(private readonly input: AuditInput) {
    const imports = collectImports(input.tree);
    this.sessions = new SessionResolver(input.tree, imports, sessionOptionsFrom(input.options, input.path));
    this.kinds = new SessionKinds(input.tree, imports, this.sessions, input.options);
    this.names = new QualifiedNames(input.tree, imports);
    this.lines = new LineIndex(input.source);
    this.importedNames = new Set(imports.from.map((imp) => imp.alias ?? imp.name));
  }

  run(): FileAudit {
    const root = this.input.tree.root();
    const handlers = this.auditHandlers();
    for (const fn of root.findAll({ rule: { kind: 'function_definition' } })) this.auditParameters(fn);
    for (const call of root.findAll({ rule: { kind: 'call' } })) this.auditCall(call);
    this.auditReachedBlocking();
    this.findings.sort((a, b) => a.offset - b.offset || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
    return { handlers, findings: this.findings };
  }

  private auditHandlers(): HandlerCounts {
    const counts: HandlerCounts = { sync: 0, async: 0 };
    for (const handler of routeHandlers(this.input.tree, this.names, this.input.options.routerNames ?? [])) {
      counts[handler.async ? 'async' : 'sync']++;
      if (handler.async) continue;
      const name = functionName(handler.fn);
      // A sync handler given an AsyncSession it never uses does no database work: migrated code leaves such a
      // handler sync (nothing in it to await), and FastAPI still opens and closes the session around it.
      const unusedAsync = (name: string): boolean => occurrencesOf(handler.fn.field('body') ?? handler.fn, name).length === 0;
      const sessionParam = parametersOf(handler.fn).find((p) => {
        const kind = this.kinds.parameterKind(p);
        return kind !== null && !(kind === 'async' && unusedAsync(p.name));
      });
      const madeHere = sessionParam ? null : this.sessionMadeIn(handler.fn);
      if (!sessionParam && !madeHere) continue;
      const how = sessionParam ? `takes the session \`${sessionParam.name}\`` : `opens a session with \`${(madeHere as SgNode).text()}\``;
      this.add('AUDIT-SYNC-HANDLER', handler.fn.field('name') ?? handler.fn, `route handler \`${name}\` is sync and ${how}`);
    }
    return counts;
  }

  /** A session factory call in the function's own body (not in nested functions or lambdas). */
  private sessionMadeIn(fn: SgNode): SgNode | null {
    const body = fn.field('body');
    if (!body) return null;
    return (
      body.findAll({ rule: { kind: 'call' } }).find((call) => this.kinds.factoryKind(call) !== null && ownerOf(call)?.id() === fn.id()) ?? null
    );
  }

  private auditParameters(fn: SgNode): void {
    for (const param of parametersOf(fn)) {
      if (this.kinds.parameterKind(param) !== 'sync') continue;
      this.add('AUDIT-SYNC-SESSION-PARAM', param.node, `\`${functionName(fn)}\` takes a sync Session \`${param.name}\``);
    }
  }

  private auditCall(call: SgNode): void {
    const callee = call.field('function');
    if (!callee) return;
    const method = callee.kind() === 'attribute' ? (callee.field('attribute')?.text() ?? null) : null;
    const receiver = method !== null ? callee.field('object') : null;
    const where = enclosingAsyncDef(call);

    if (method === 'query' && receiver && this.sessions.resolve(receiver)) {
      const tail = where
        ? ` inside async def \`${functionName(where)}\`: a sync query there blocks the event loop, and AsyncSession has no query()`
        : '';
      this.add('AUDIT-LEGACY-QUERY', call, `legacy \`${receiver.text()}.query(...)\`${tail}`);
      return;
    }
    if (!where) {
      // A `key=` lambda of `sorted` runs in the async def around it (asyncDefRunning).
      this.auditBlockingCall(call, callee);
      return;
    }
    const fnName = functionName(where);

    if (this.kinds.factoryKind(call) === 'sync') {
      this.add('AUDIT-SESSIONLOCAL-IN-ASYNC', call, `\`${callee.text()}()\` makes a sync Session inside async def \`${fnName}\``);
      return;
    }
    if (method !== null && receiver) {
      const info = this.sessions.resolve(receiver);
      if (info) {
        this.auditSessionCall(call, receiver.text(), method, this.kinds.receiverKind(receiver, info), info.sqlmodel, fnName);
        return;
      }
    }
    this.auditBlockingCall(call, callee);
  }

  /** A blocking API the call names (`time.sleep`, `open` the builtin) in an `async def`, where it runs when that runs. */
  private auditBlockingCall(call: SgNode, callee: SgNode): void {
    const last = dottedName(callee)?.pop();
    if (last === undefined || !(BLOCKING_CALL_NAMES.has(last) || (callee.kind() === 'identifier' && this.importedNames.has(last)))) return;
    const qualified = this.names.of(callee);
    const rule = qualified ? blockingRule(qualified) : null;
    const where = rule ? asyncDefRunning(call) : null;
    if (!rule || !qualified || !where) return;
    const shown = qualified.startsWith('builtins.') ? qualified.slice('builtins.'.length) : qualified;
    this.add(rule, call, `\`${shown}()\` blocks the event loop inside async def \`${functionName(where)}\``);
  }

  /**
   * What the index sees block in this file's `async def`s, as propagate-async's ASYNC-BLOCKING-CALL does in the
   * functions it makes async (index/blocking.ts): a request through a sync HTTP client made elsewhere (a module-level
   * `httpx.Client()`, `self.http`, a parameter annotated `requests.Session`), and a call of project code that blocks (a
   * plain def, a class whose `__init__` sends a request), followed a few calls deep.
   */
  private auditReachedBlocking(): void {
    const { index, path } = this.input;
    const module = index?.module(path);
    if (!index || !module) return;
    const blocking = cached(blockingByIndex, index, () => new BlockingCalls(index, (_path, fn) => fn.isAsync));
    for (const fn of module.functions) {
      if (!fn.isAsync) continue;
      for (const call of fn.calls) if (runsInBody(call)) this.auditReachedCall(blocking, fn, call);
    }
  }

  private auditReachedCall(blocking: BlockingCalls, fn: FunctionSummary, call: CallSite): void {
    const { path } = this.input;
    const direct = blocking.direct(path, call);
    if (direct) {
      const named = direct.name === call.text ? '' : ` (\`${direct.name}\`)`;
      this.addAt(RULE_OF[direct.kind], call.start, `\`${call.text}()\`${named} blocks the event loop inside async def \`${fn.name}\``);
      return;
    }
    const via = blocking.through(path, call);
    if (!via) return;
    const where = via.path === path ? `line ${via.line}` : `${via.path}:${via.line}`;
    const chain = [...via.chain, `\`${via.text}(...)\` (${where})`].join(' → ');
    this.addAt(RULE_OF[via.kind], call.start, `\`${call.text}()\` runs \`${via.name}\` in sync code (${chain}), which blocks the event loop inside async def \`${fn.name}\``);
  }

  private auditSessionCall(call: SgNode, receiver: string, method: string, kind: string, sqlmodel: boolean, fnName: string): void {
    if (kind === 'sync') {
      this.add('AUDIT-SYNC-SESSION-CALL', call, `\`${receiver}.${method}()\` on a sync Session inside async def \`${fnName}\` blocks the event loop`);
      return;
    }
    const awaited = AWAITED_METHODS.has(method) || (sqlmodel && SQLMODEL_AWAITED_METHODS.has(method));
    if (!awaited) return;
    const state = awaitState(call, this.input.source);
    if (state === 'yes' || (state === 'no' && awaitedElsewhere(call))) return;
    const shown = `\`${receiver}.${method}()\``;
    const consequence =
      kind === 'async'
        ? 'on an AsyncSession it only makes a coroutine, so the work never runs'
        : 'on an AsyncSession the work never runs, on a sync Session it blocks the event loop';
    const what =
      state === 'misplaced' ? `the \`await\` before ${shown} applies to the longer expression, not to the call` : `${shown} is not awaited`;
    this.add('AUDIT-SYNC-SESSION-CALL', call, `${what} inside async def \`${fnName}\`: ${consequence}`);
  }

  private add(rule: AuditRuleId, node: SgNode, message: string): void {
    this.addAt(rule, node.range().start.index, message);
  }

  private addAt(rule: AuditRuleId, offset: number, message: string): void {
    if (this.findings.some((f) => f.rule === rule && f.offset === offset)) return;
    const { line, column } = this.lines.position(offset);
    this.findings.push({ rule, offset, line, column, message, hint: auditRule(rule).hint });
  }
}

/** The function or lambda whose body runs the node (decorators and defaults belong to the outer one). */
function ownerOf(node: SgNode): SgNode | null {
  let child = node;
  for (const ancestor of node.ancestors()) {
    const kind = ancestor.kind();
    if ((kind === 'function_definition' || kind === 'lambda') && ancestor.field('body')?.id() === child.id()) return ancestor;
    child = ancestor;
  }
  return null;
}

/**
 * A coroutine that is not awaited where it is made but may well be awaited later: handed to another call
 * (`asyncio.gather(db.commit(), ...)`, `asyncio.wait_for(db.execute(s), 5)`, `create_task(...)`), or stored
 * in a name the function awaits (`pending = db.commit()` ... `await pending`). Not reported: the audit
 * cannot tell, and a false alarm here teaches people to ignore the rule.
 */
function awaitedElsewhere(call: SgNode): boolean {
  let node = call;
  for (let parent = node.parent(); parent?.kind() === 'parenthesized_expression'; parent = node.parent()) node = parent;
  const parent = node.parent();
  if (!parent) return false;
  if (parent.kind() === 'argument_list' || parent.kind() === 'keyword_argument') return true;
  if (parent.kind() !== 'assignment' || parent.field('right')?.id() !== node.id()) return false;
  const target = parent.field('left');
  const fn = enclosingAsyncDef(call);
  if (target?.kind() !== 'identifier' || !fn) return false;
  const name = target.text();
  return fn.findAll({ rule: { kind: 'await' } }).some((a) => {
    const operand = a.children().find((c) => c.isNamed());
    return operand?.kind() === 'identifier' && operand.text() === name;
  });
}
