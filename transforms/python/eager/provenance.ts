// Where an object read in an async function comes from: which statement loaded it (and which model it is),
// followed through variables bound once, loops, comprehensions, result methods and relationship reads.
// Anything not provable is null (not a model object we know of) or an `unknown` load (a model object
// loaded somewhere this function does not see: a CRUD call given the session, a parameter).
import type { SgNode } from '@ast-grep/napi';
import { bindingsIn, occurrencesOf, parametersOf } from '../query/bindings';
import type { SessionResolver } from '../query/sessions';
import { asyncKeyword, callArgs, dottedName, namedChildren, sameNode, start } from '../query/syntax';
import { parseLoaderList, parseOptionsCall, type ImportTargets, type LoaderChain } from './loaders';
import { reachingBindings } from './reaching';
import type { ModelInfo, Relationship } from './model-index';

/** A statement whose loader options can be extended: `select(M)...` or `db.get(M, pk)`. */
export interface Statement {
  kind: 'select' | 'get';
  /** The `select(...)` call the options go after, or the `get(...)` call that takes `options=[...]`. */
  anchor: SgNode;
  entityText: string;
  model: ModelInfo;
  /** Loader options that apply on every path to the execution. */
  loaders: LoaderChain[];
  /** Loader options set on some paths only (a reassignment in a branch). */
  conditional: LoaderChain[];
  /** Why options cannot be added here, or null. */
  blocked: string | null;
}

export type Load =
  | { k: 'query'; stmt: Statement }
  /**
   * Loaded outside this function; `why` says where from, for messages. `origin`: a parameter (a dependency,
   * a caller), a call (given the session, or awaited: a service or repository method), or a local bound
   * more than once whose reaching value is not certain.
   */
  | { k: 'unknown'; why: string; origin: 'parameter' | 'call' | 'local'; call?: SgNode; param?: string }
  /** Made by the model's constructor in this function. */
  | { k: 'new'; call: SgNode };

export interface Provenance {
  /** `result` = an ORM Result (rows); `list` = scalars; `any` = a relationship value (object or collection). */
  shape: 'object' | 'list' | 'result' | 'any';
  model: ModelInfo | null;
  load: Load;
  /** Relationships followed from the loaded entity to this value. */
  path: Relationship[];
}

const SELECT_METHODS = new Set([
  'where', 'filter', 'filter_by', 'order_by', 'group_by', 'having', 'limit', 'offset', 'fetch', 'slice', 'join', 'outerjoin',
  'join_from', 'outerjoin_from', 'options', 'distinct', 'execution_options', 'with_for_update', 'select_from', 'correlate',
  'correlate_except', 'params', 'prefix_with', 'suffix_with', 'with_hint', 'with_statement_hint', 'where_clause',
]);
const EXECUTE_METHODS = new Set(['scalar', 'scalars', 'execute', 'exec', 'stream', 'stream_scalars']);
const SELECT_TARGETS = new Set(['sqlalchemy.select', 'sqlalchemy.future.select', 'sqlalchemy.sql.select', 'sqlalchemy.sql.expression.select', 'sqlmodel.select', 'sqlmodel.sql.expression.select']);
const SELECT_MODULES = new Set(['sqlalchemy', 'sqlalchemy.future', 'sqlmodel']);

/**
 * What provenance needs to know about the project's models. The model index answers in the rewrite pass;
 * while summarizing (other files unknown) a stand-in answers provisionally and the index checks later.
 */
export interface ModelLookup {
  readonly models: ReadonlyMap<string, ModelInfo>;
  resolveModel(path: string, parts: string[]): ModelInfo | null;
  functionReturn(path: string, parts: string[]): { model: ModelInfo; list: boolean } | null;
  modelOfType(path: string, text: string): { model: ModelInfo; list: boolean } | null;
}

export class Provenances {
  private readonly statements = new Map<string, Statement | null>();
  /** Reads of locals bound more than once whose value is being worked out. */
  private readonly resolving = new Set<number>();

  constructor(
    private readonly path: string,
    private readonly index: ModelLookup,
    private readonly sessions: SessionResolver,
    /** Module-level import bindings of the file: local name → absolute dotted target. */
    private readonly imports: ReadonlyMap<string, string>,
  ) {}

  of(expr: SgNode, fn: SgNode, depth = 0): Provenance | null {
    if (depth > 12) return null;
    switch (expr.kind()) {
      case 'parenthesized_expression': {
        const inner = namedChildren(expr);
        return inner.length === 1 ? this.of(inner[0] as SgNode, fn, depth + 1) : null;
      }
      case 'await': {
        const inner = namedChildren(expr)[0];
        return inner?.kind() === 'call' ? this.awaited(inner, fn) : null;
      }
      case 'call':
        return this.call(expr, fn, depth);
      case 'identifier':
        return this.variable(expr, fn, depth);
      case 'attribute': {
        const object = expr.field('object');
        const name = expr.field('attribute')?.text() ?? '';
        const p = object ? this.of(object, fn, depth + 1) : null;
        const rel = p && (p.shape === 'object' || p.shape === 'any') ? p.model?.relationships.get(name) : undefined;
        if (!p || !rel || rel.lazy === 'dynamic' || !rel.target) return null;
        const target = this.index.models.get(rel.target);
        return target ? { shape: 'any', model: target, load: p.load, path: [...p.path, rel] } : null;
      }
      case 'subscript': {
        const value = expr.field('value');
        const subscripts = expr.children().filter((c) => c.isNamed() && !sameNode(c, value));
        if (!value || subscripts.length !== 1 || subscripts[0]?.kind() === 'slice') return null;
        return element(this.of(value, fn, depth + 1));
      }
      default:
        return null;
    }
  }

  /** An element of what `iterable` yields (a `for` or comprehension over it). */
  elementOf(iterable: SgNode, fn: SgNode, depth = 0): Provenance | null {
    return element(this.of(iterable, fn, depth + 1));
  }

  /** `await db.scalar(stmt)`, `await db.get(M, pk)`, `await crud.get_user(db, id)`. */
  private awaited(call: SgNode, fn: SgNode): Provenance | null {
    const callee = call.field('function');
    const receiver = callee?.kind() === 'attribute' ? callee.field('object') : null;
    if (receiver && this.sessions.resolve(receiver)) {
      const method = callee?.field('attribute')?.text() ?? '';
      const args = callArgs(call);
      if (method === 'get' || method === 'get_one') return this.getCall(call, fn);
      const shape = method === 'scalar' ? 'object' : method === 'scalars' || method === 'exec' ? 'list' : method === 'execute' ? 'result' : null;
      const first = args.positional[0];
      if (!shape || !first) return null;
      const stmt = this.statement(first, fn);
      return stmt ? { shape, model: stmt.model, load: { k: 'query', stmt }, path: [] } : null;
    }
    // An awaited call that is not given the session (`await catalog.get_product(id)`) may still return what
    // a session it holds loaded; unless the project says it returns something else, its result is unknown.
    return this.foreignCall(call, fn) ?? this.opaqueCall(call, fn);
  }

  /**
   * Only methods of `self`, of a parameter (`self.products.get(...)`, `catalog.get_product(...)` with
   * `catalog: CatalogService = Depends()`), of a local bound once to a constructor call (`repo = Repo(db)`;
   * `repo.get(...)`) or of such a call itself (`Repo(db).get(...)`): the objects services and repositories
   * that hold the session are reached through. A module-level function not given the session
   * (`await load_config()`) is not one.
   */
  private opaqueCall(call: SgNode, fn: SgNode): Provenance | null {
    const callee = call.field('function');
    if (callee?.kind() !== 'attribute' || !this.serviceReceiver(callee.field('object') as SgNode, fn)) return null;
    // What a method returns is not indexed: the model stays unknown.
    const why = `\`${callee?.text() ?? 'a call'}(...)\`, whose query is not in this function`;
    return { shape: 'any', model: null, load: { k: 'unknown', why, origin: 'call', call }, path: [] };
  }

  /** `self.x`, `param.x`, `repo` bound once to `Repo(...)`, `Repo(...)`: an object a service method may be called on. */
  private serviceReceiver(receiver: SgNode, fn: SgNode): boolean {
    let root = receiver;
    while (root.kind() === 'attribute') root = root.field('object') as SgNode;
    if (root.kind() === 'call') return sameNode(root, receiver) && constructorCall(root);
    if (root.kind() !== 'identifier') return false;
    const name = root.text();
    const bindings = bindingsIn(fn, name);
    if (name === 'self' || parametersOf(fn).some((p) => p.name === name)) return bindings.length === 0;
    if (bindings.length !== 1 || !sameNode(root, receiver)) return false;
    const value = boundValue(bindings[0] as SgNode);
    return value?.kind() === 'call' && constructorCall(value);
  }

  private call(call: SgNode, fn: SgNode, depth: number): Provenance | null {
    const callee = call.field('function');
    if (!callee) return null;
    if (callee.kind() === 'attribute') {
      const receiver = callee.field('object') as SgNode;
      if (this.sessions.resolve(receiver)) return null; // a session method not awaited: not an async result
      const method = callee.field('attribute')?.text() ?? '';
      const p = this.of(receiver, fn, depth + 1);
      if (p) return resultMethod(p, method);
    }
    const dotted = dottedName(callee);
    if (dotted && dotted.length === 1 && dotted[0] === 'list' && !this.locallyBound(fn, 'list')) {
      const args = callArgs(call);
      return args.positional.length === 1 && args.keywords.size === 0 ? listOf(this.of(args.positional[0] as SgNode, fn, depth + 1)) : null;
    }
    if (dotted && !this.locallyBound(fn, dotted[0] as string)) {
      const model = this.index.resolveModel(this.path, dotted);
      if (model) return { shape: 'object', model, load: { k: 'new', call }, path: [] };
    }
    return this.foreignCall(call, fn);
  }

  /** A call given the session: it loads what it returns with a query this function does not see. */
  private foreignCall(call: SgNode, fn: SgNode): Provenance | null {
    const args = callArgs(call);
    const values = [...args.positional, ...args.keywords.values()];
    if (!values.some((v) => (v.kind() === 'identifier' || v.kind() === 'attribute') && this.sessions.resolve(v))) return null;
    const callee = call.field('function');
    const dotted = callee ? dottedName(callee) : null;
    const returned = dotted && !this.locallyBound(fn, dotted[0] as string) ? this.index.functionReturn(this.path, dotted) : null;
    const why = `\`${callee?.text() ?? 'a call'}(...)\`, whose query is not in this function`;
    return { shape: returned ? (returned.list ? 'list' : 'object') : 'any', model: returned?.model ?? null, load: { k: 'unknown', why, origin: 'call', call }, path: [] };
  }

  private getCall(call: SgNode, fn: SgNode): Provenance | null {
    const key = `get:${start(call)}`;
    if (!this.statements.has(key)) {
      const args = callArgs(call);
      const entity = args.positional[0];
      const dotted = entity ? dottedName(entity) : null;
      const model = dotted && !this.locallyBound(fn, dotted[0] as string) ? this.index.resolveModel(this.path, dotted) : null;
      let stmt: Statement | null = null;
      if (entity && model && !args.splat) {
        const options = args.keywords.get('options');
        let loaders: LoaderChain[] | null = [];
        let blocked: string | null = null;
        if (options) {
          loaders = options.kind() === 'list' ? parseLoaderList(namedChildren(options), this.imports) : null;
          if (!loaders) blocked = `its \`options=\` cannot be read`;
        }
        stmt = { kind: 'get', anchor: call, entityText: entity.text(), model, loaders: loaders ?? [], conditional: [], blocked };
      }
      this.statements.set(key, stmt);
    }
    const stmt = this.statements.get(key) ?? null;
    return stmt ? { shape: 'object', model: stmt.model, load: { k: 'query', stmt }, path: [] } : null;
  }

  /** A name read in `fn`: a comprehension variable, or a local bound exactly once, or an annotated parameter. */
  private variable(id: SgNode, fn: SgNode, depth: number): Provenance | null {
    const name = id.text();
    for (const a of id.ancestors()) {
      if (sameNode(a, fn)) break;
      if (!['list_comprehension', 'set_comprehension', 'generator_expression', 'dictionary_comprehension'].includes(String(a.kind()))) continue;
      const clauses = a.children().filter((c) => c.kind() === 'for_in_clause');
      const binding = clauses.find((c) => c.field('left')?.kind() === 'identifier' && c.field('left')?.text() === name);
      if (binding) return this.elementOf(binding.field('right') as SgNode, fn, depth);
      if (clauses.some((c) => occurrencesOf(c.field('left') as SgNode, name).length > 0)) return null;
    }
    const bindings = bindingsIn(fn, name);
    const param = parametersOf(fn).find((p) => p.name === name);
    if (param) {
      if (bindings.length > 0 || !param.annotation) return null;
      // `nb: Notebook`, `nb: Annotated[Notebook, Depends(...)]`, `nb: NotebookDep` (an alias of that).
      const typed = this.index.modelOfType(this.path, param.annotation.text());
      return typed ? { shape: typed.list ? 'list' : 'object', model: typed.model, load: { k: 'unknown', why: `the parameter \`${name}\``, origin: 'parameter', param: name }, path: [] } : null;
    }
    if (bindings.length === 0) return null;
    if (bindings.length === 1) return this.bindingValue(bindings[0] as SgNode, fn, depth);
    return this.rebound(id, fn, bindings, depth);
  }

  /**
   * A local bound more than once: the value of the one binding that reaches the read, when it is the only
   * one (`None` aside: reading an attribute of None loads nothing). When several may, and one of them holds a
   * model object, the object's query is not certain: an unknown load, which is flagged, never a guess.
   */
  private rebound(id: SgNode, fn: SgNode, bindings: SgNode[], depth: number): Provenance | null {
    // `x = x.parent` in a loop: the read is asked again while its own value is being worked out.
    if (this.resolving.has(start(id))) return null;
    const reaching = reachingBindings(id, fn, bindings);
    if (!reaching) return null;
    const valued = reaching.filter((b) => boundValue(b)?.kind() !== 'none');
    this.resolving.add(start(id));
    let values: Provenance[];
    try {
      if (valued.length === 1) return this.bindingValue(valued[0] as SgNode, fn, depth);
      values = valued.map((b) => this.bindingValue(b, fn, depth)).filter((p): p is Provenance => p !== null);
    } finally {
      this.resolving.delete(start(id));
    }
    if (values.length === 0) return null;
    const first = values[0] as Provenance;
    const model = values.every((p) => p.model?.key === first.model?.key) ? first.model : null;
    const shape = values.every((p) => p.shape === first.shape) ? first.shape : 'any';
    const why = `\`${id.text()}\`, which is bound more than once in this function, so which query loaded it is not certain`;
    return { shape, model, load: { k: 'unknown', why, origin: 'local' }, path: [] };
  }

  /** The value one binding occurrence of a local gives it (an assignment, a `for` target, a `:=`). */
  private bindingValue(target: SgNode, fn: SgNode, depth: number): Provenance | null {
    const parent = target.parent();
    if (parent?.kind() === 'assignment' && sameNode(parent.field('left'), target)) {
      const right = parent.field('right');
      return right && right.kind() !== 'assignment' ? this.of(right, fn, depth + 1) : null;
    }
    if (parent?.kind() === 'for_statement' && sameNode(parent.field('left'), target)) {
      if (asyncKeyword(parent) !== undefined) return null;
      return this.elementOf(parent.field('right') as SgNode, fn, depth);
    }
    if (parent?.kind() === 'named_expression' && sameNode(parent.field('name'), target)) {
      const value = parent.field('value');
      return value ? this.of(value, fn, depth + 1) : null;
    }
    return null;
  }

  /** The statement an execute call runs: an inline `select(M)...` chain or a local built from one. */
  statement(arg: SgNode, fn: SgNode): Statement | null {
    const key = `select:${start(arg)}:${start(fn)}`;
    if (this.statements.has(key)) return this.statements.get(key) ?? null;
    const stmt = this.resolveStatement(arg, fn);
    this.statements.set(key, stmt);
    return stmt;
  }

  private resolveStatement(arg: SgNode, fn: SgNode): Statement | null {
    const chain = selectChain(arg);
    if (!chain) return null;
    if (chain.root.kind() === 'call') {
      const selected = this.selectedModel(chain.root, fn);
      if (!selected) return null;
      const loaders = chainLoaders(chain.options, this.imports);
      return { kind: 'select', anchor: chain.root, entityText: selected.text, model: selected.model, loaders: loaders ?? [], conditional: [], blocked: loaders ? null : 'its `.options(...)` cannot be read' };
    }
    if (chain.root.kind() !== 'identifier') return null;
    return this.variableStatement(chain.root.text(), fn, chain.options);
  }

  /** `stmt = select(M)...` then `stmt = stmt.where(...)`... then executed: options go on the first assignment. */
  private variableStatement(name: string, fn: SgNode, executedOptions: SgNode[]): Statement | null {
    if (parametersOf(fn).some((p) => p.name === name)) return null;
    const bindings = bindingsIn(fn, name).sort((a, b) => start(a) - start(b));
    if (bindings.length === 0) return null;
    const assignments: { assignment: SgNode; chain: NonNullable<ReturnType<typeof selectChain>> }[] = [];
    for (const b of bindings) {
      const parent = b.parent();
      const right = parent?.kind() === 'assignment' && sameNode(parent.field('left'), b) ? parent.field('right') : null;
      const chain = right ? selectChain(right) : null;
      if (!parent || !chain) return null;
      assignments.push({ assignment: parent, chain });
    }
    const first = assignments[0]!;
    if (first.chain.root.kind() !== 'call') return null;
    if (assignments.slice(1).some((a) => a.chain.root.kind() !== 'identifier' || a.chain.root.text() !== name)) return null;
    const selected = this.selectedModel(first.chain.root, fn);
    if (!selected) return null;
    let blocked: string | null = null;
    const roots = assignments.slice(1).map((a) => a.chain.root);
    for (const occurrence of occurrencesOf(fn, name)) {
      if (bindings.some((b) => sameNode(b, occurrence)) || roots.some((r) => sameNode(r, occurrence))) continue;
      if (!this.isExecutedArgument(occurrence)) {
        blocked = `\`${name}\` is also used elsewhere (\`${occurrence.parent()?.text().slice(0, 60) ?? name}\`)`;
        break;
      }
    }
    const body = fn.field('body');
    const unconditional = (a: SgNode): boolean => sameNode(a.parent()?.parent() ?? null, body);
    const loaders: LoaderChain[] = [];
    const conditional: LoaderChain[] = [];
    for (const [i, a] of assignments.entries()) {
      const parsed = chainLoaders(a.chain.options, this.imports);
      if (!parsed) return { kind: 'select', anchor: first.chain.root, entityText: selected.text, model: selected.model, loaders: [], conditional: [], blocked: 'its `.options(...)` cannot be read' };
      (i === 0 || unconditional(a.assignment) ? loaders : conditional).push(...parsed);
    }
    const atExecution = chainLoaders(executedOptions, this.imports);
    if (!atExecution) blocked ??= 'its `.options(...)` cannot be read';
    else loaders.push(...atExecution);
    return { kind: 'select', anchor: first.chain.root, entityText: selected.text, model: selected.model, loaders, conditional, blocked };
  }

  private isExecutedArgument(id: SgNode): boolean {
    const list = id.parent();
    const call = list?.kind() === 'argument_list' ? list.parent() : null;
    if (!call || !sameNode(namedChildren(list as SgNode)[0] ?? null, id)) return false;
    const callee = call.field('function');
    if (callee?.kind() !== 'attribute' || !EXECUTE_METHODS.has(callee.field('attribute')?.text() ?? '')) return false;
    return this.sessions.resolve(callee.field('object') as SgNode) !== null;
  }

  /** `select(M)` with exactly one argument that is a model class. */
  private selectedModel(call: SgNode, fn: SgNode): { text: string; model: ModelInfo } | null {
    const callee = dottedName(call.field('function') as SgNode);
    if (!callee || !this.isSelect(callee) || this.locallyBound(fn, callee[0] as string)) return null;
    const args = callArgs(call);
    if (args.positional.length !== 1 || args.keywords.size > 0 || args.splat || args.generator) return null;
    const entity = args.positional[0] as SgNode;
    const dotted = dottedName(entity);
    if (!dotted || this.locallyBound(fn, dotted[0] as string)) return null;
    const model = this.index.resolveModel(this.path, dotted);
    return model ? { text: entity.text(), model } : null;
  }

  private isSelect(callee: string[]): boolean {
    if (callee.length === 1) return SELECT_TARGETS.has(this.imports.get(callee[0] as string) ?? '');
    return callee.length === 2 && callee[1] === 'select' && SELECT_MODULES.has(this.imports.get(callee[0] as string) ?? '');
  }

  locallyBound(fn: SgNode, name: string): boolean {
    return parametersOf(fn).some((p) => p.name === name) || bindingsIn(fn, name).length > 0;
  }
}

function element(p: Provenance | null): Provenance | null {
  return p && (p.shape === 'list' || p.shape === 'any') ? { ...p, shape: 'object' } : null;
}

function listOf(p: Provenance | null): Provenance | null {
  return p && (p.shape === 'list' || p.shape === 'any') ? { ...p, shape: 'list' } : null;
}

/** What a Result / ScalarResult method returns. */
function resultMethod(p: Provenance, method: string): Provenance | null {
  if (p.shape === 'result') {
    if (method === 'scalars') return { ...p, shape: 'list' };
    if (['scalar_one', 'scalar_one_or_none', 'scalar'].includes(method)) return { ...p, shape: 'object' };
    if (method === 'unique') return p;
    return null;
  }
  if (p.shape === 'list' && p.path.length === 0) {
    if (['all', 'fetchall', 'unique'].includes(method)) return p;
    if (['first', 'one', 'one_or_none'].includes(method)) return { ...p, shape: 'object' };
  }
  return null;
}

/** A `select(...)`/name root followed only by statement-building methods; the `.options(...)` calls among them. */
function selectChain(expr: SgNode): { root: SgNode; options: SgNode[] } | null {
  let node = expr;
  const options: SgNode[] = [];
  for (;;) {
    while (node.kind() === 'parenthesized_expression' && namedChildren(node).length === 1) node = namedChildren(node)[0] as SgNode;
    if (node.kind() === 'identifier') return { root: node, options };
    if (node.kind() !== 'call') return null;
    const callee = node.field('function');
    if (callee?.kind() === 'attribute') {
      const method = callee.field('attribute')?.text() ?? '';
      const object = callee.field('object') as SgNode;
      // `sa.select(M)` is the root; `stmt.where(...)` is a method of the statement `stmt`.
      if (method === 'select' && object.kind() === 'identifier') return { root: node, options };
      if (!SELECT_METHODS.has(method)) return null;
      if (method === 'options') options.push(node);
      node = object;
      continue;
    }
    return { root: node, options };
  }
}

function chainLoaders(options: SgNode[], imports: ImportTargets): LoaderChain[] | null {
  const out: LoaderChain[] = [];
  for (const call of options) {
    const parsed = parseOptionsCall(call, imports);
    if (!parsed) return null;
    out.push(...parsed);
  }
  return out;
}

/** The right side of `x = value` for a binding occurrence `x`; null for any other binding. */
function boundValue(target: SgNode): SgNode | null {
  const parent = target.parent();
  return parent?.kind() === 'assignment' && sameNode(parent.field('left'), target) ? parent.field('right') : null;
}

/** `Repo(db)`, `services.Repo(db)`, `make_repo()`: a call of a named class or factory (the index resolves which). */
function constructorCall(call: SgNode): boolean {
  const callee = call.field('function');
  return callee !== null && dottedName(callee) !== null;
}
