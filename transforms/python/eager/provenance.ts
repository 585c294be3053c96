// Where an object read in an async function comes from: which statement loaded it (and which model it is),
// followed through variables bound once, loops, comprehensions, result methods and relationship reads.
// Anything not provable is null (not a model object we know of) or an `unknown` load (a model object
// loaded somewhere this function does not see: a CRUD call given the session, a parameter).
import type { SgNode } from '@ast-grep/napi';
import { bindingsIn, boundValue, occurrencesOf, parametersOf } from '../query/bindings';
import type { SessionResolver } from '../query/sessions';
import { storeKind } from '../query/entities';
import { asyncKeyword, callArgs, classOfMethod, dottedName, looksLikeClassName, namedChildren, sameNode, start } from '../query/syntax';
import { parseLoaderList, parseOptionsCall, type ImportTargets, type LoaderChain } from './loaders';
import { entryValueHidden, reachingBindings } from './reaching';
import { stringValue } from './summary';
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

/** What a statement's loaders depend on but not which entity they go to. */
type StatementBase = Omit<Statement, 'entityText' | 'model'>;

/** One thing a `select(...)` whose rows are read as `Row`s selects. */
export interface SelectedItem {
  node: SgNode;
  /** The mapped class, when the item names one. */
  model: ModelInfo | null;
  /** The `Row` attribute that reads it: the class name, a column's name, a label; null when it has none we know. */
  key: string | null;
  /**
   * False when the item may be an entity under a name that cannot be told: `aliased(...)`, a variable, a call
   * of something else. Columns, SQL functions, labels and literals are known.
   */
  known: boolean;
}

export interface RowsStatement {
  items: SelectedItem[];
  /** The statement as one of its model items takes loader options (`selectinload(<item>.rel)`). */
  forEntity(item: SelectedItem): Statement;
}

/** What a value holds when it is the rows of a statement run by `execute` (or SQLModel's `exec` of several items). */
export type Rows =
  | { k: 'rows'; shape: 'result' | 'list' | 'row'; stmt: RowsStatement; call: SgNode }
  /** A session's `execute` whose statement cannot be followed: `why` says which. */
  | { k: 'unknown'; why: string };

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
/** Selected items that are values, never entities. */
const LITERAL_KINDS = new Set(['integer', 'float', 'string', 'true', 'false', 'none', 'concatenated_string']);
const OPERATOR_KINDS = new Set(['binary_operator', 'unary_operator', 'boolean_operator', 'comparison_operator', 'not_operator']);
/** SQLAlchemy constructs that select an entity (or a named group) under a name of their own. */
const ENTITY_CONSTRUCTS = new Set(['aliased', 'with_polymorphic', 'Bundle', 'join', 'outerjoin', 'subquery', 'cte']);

/**
 * What provenance needs to know about the project's models. The model index answers in the rewrite pass;
 * while summarizing (other files unknown) a stand-in answers provisionally and the index checks later.
 */
export interface ModelLookup {
  readonly models: ReadonlyMap<string, ModelInfo>;
  resolveModel(path: string, parts: string[]): ModelInfo | null;
  functionReturn(path: string, parts: string[]): { model: ModelInfo; list: boolean } | null;
  modelOfType(path: string, text: string): { model: ModelInfo; list: boolean } | null;
  /** What calling a factory annotated `text` gives (`Callable[..., Model]`, an alias of it). */
  factoryOfType(path: string, text: string): { model: ModelInfo; list: boolean } | null;
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
    /**
     * Whether no class of the project derives from `cls` (a class of this file), so that what its own methods store
     * on `self` is all an instance holds. Absent (summarizing, or one file without the project pass): a
     * `select(self.model)` is then never taken for the model `self.model` is assigned.
     */
    private readonly unsubclassed?: (cls: SgNode) => boolean,
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
        // `row.Post` on a Row of `select(Post, func.count(...))`: the entity the row holds under its class name
        // (looked for only under a class-like name: every attribute read asks).
        const row = object && looksLikeClassName(name) ? this.rowOf(object, fn, depth + 1) : null;
        if (row) return rowItem(row, row.items.filter((i) => i.key === name));
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
      if (stmt) return { shape, model: stmt.model, load: { k: 'query', stmt }, path: [] };
      const generic = this.genericEntity(first, fn);
      return generic ? genericLoad(shape, generic) : null;
    }
    // An awaited call that is not given the session (`await catalog.get_product(id)`) may still return what
    // a session it holds loaded; unless the project says it returns something else, its result is unknown.
    return this.foreignCall(call, fn) ?? this.opaqueCall(call, fn) ?? this.factoryCall(call, fn);
  }

  /**
   * `await make_author(...)` with `make_author: Callable[..., Author]` (or an alias of it), a parameter never
   * rebound: a factory fixture, whose query (or constructor and commit) is not in this function.
   */
  private factoryCall(call: SgNode, fn: SgNode): Provenance | null {
    const callee = call.field('function');
    if (callee?.kind() !== 'identifier' || bindingsIn(fn, callee.text()).length > 0) return null;
    const param = parametersOf(fn).find((p) => p.name === callee.text());
    const typed = param?.annotation ? this.index.factoryOfType(this.path, param.annotation.text()) : null;
    if (!typed) return null;
    const why = `\`${callee.text()}(...)\`, a factory whose query is not in this function`;
    return { shape: typed.list ? 'list' : 'object', model: typed.model, load: { k: 'unknown', why, origin: 'call', call }, path: [] };
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
      const model = this.index.resolveModel(this.path, constructedEntity(dotted));
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
      const model = dotted && entity ? (this.locallyBound(fn, dotted[0] as string) ? this.selfModel(entity, fn) : this.index.resolveModel(this.path, dotted)) : null;
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
    if (stmt) return { shape: 'object', model: stmt.model, load: { k: 'query', stmt }, path: [] };
    const entity = callArgs(call).positional[0];
    return entity && this.isGenericEntity(entity, fn) ? genericLoad('object', entity.text()) : null;
  }

  /**
   * `select(self.model)...` (inline or through a local, as `statement()` follows it): the text of the entity
   * when the statement selects exactly one `self.<attr>` / `cls.<attr>` of the enclosing method, a class known
   * only at run time (a repository's or generic CRUD base's model); null for anything else.
   */
  private genericEntity(arg: SgNode, fn: SgNode): string | null {
    const parts = this.resolveStatement(arg, fn, (call) => {
      const callee = dottedName(call.field('function') as SgNode);
      if (!callee || !this.isSelectIn(callee, fn)) return null;
      const args = callArgs(call);
      const entity = args.positional[0];
      if (args.positional.length !== 1 || args.keywords.size > 0 || args.splat || args.generator || !entity) return null;
      return this.isGenericEntity(entity, fn) ? entity.text() : null;
    });
    return parts?.selected ?? null;
  }

  /** `self.model` / `cls.model`: an attribute of the method's first parameter, never rebound in it. */
  private isGenericEntity(entity: SgNode, fn: SgNode): boolean {
    const dotted = dottedName(entity);
    const first = parametersOf(fn)[0]?.name;
    if (!dotted || dotted.length !== 2 || !first || dotted[0] !== first || !['self', 'cls'].includes(first)) return false;
    return bindingsIn(fn, first).length === 0;
  }

  /** A name read in `fn`: a comprehension variable, or a local bound exactly once, or an annotated parameter. */
  private variable(id: SgNode, fn: SgNode, depth: number): Provenance | null {
    const name = id.text();
    const clause = comprehensionTarget(id, fn);
    if (clause === 'other') return null;
    if (clause !== null) {
      const left = clause.field('left') as SgNode;
      // `for post, votes in rows`: the entity at that position of each Row.
      return left.kind() === 'identifier' ? this.elementOf(clause.field('right') as SgNode, fn, depth) : this.unpackedItem(left, clause.field('right'), name, fn, depth);
    }
    const bindings = bindingsIn(fn, name);
    const param = parametersOf(fn).find((p) => p.name === name);
    if (param) {
      // A parameter rebound before the read on every path (`user = await db.scalar(select(User)...)` in a test
      // given a `user` fixture): the value is the rebinding's, followed as any local bound more than once.
      if (bindings.length > 0) return entryValueHidden(id, fn, bindings) ? this.rebound(id, fn, bindings, depth) : null;
      if (!param.annotation) return null;
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
    const loop = parent?.parent();
    if ((parent?.kind() === 'pattern_list' || parent?.kind() === 'tuple_pattern') && loop?.kind() === 'for_statement' && sameNode(loop.field('left'), parent)) {
      if (asyncKeyword(loop) !== undefined) return null;
      return this.unpackedItem(parent, loop.field('right'), target.text(), fn, depth);
    }
    if (parent?.kind() === 'named_expression' && sameNode(parent.field('name'), target)) {
      const value = parent.field('value');
      return value ? this.of(value, fn, depth + 1) : null;
    }
    return null;
  }

  /**
   * The statement whose one Row `expr` is: `(await db.execute(stmt)).first()`, `rows[0]`, a `for` target (or a
   * comprehension's) over rows of a statement selecting several things. Null when it is no such Row.
   */
  private rowOf(expr: SgNode, fn: SgNode, depth: number): RowsStatement | null {
    if (depth > 12) return null;
    const direct = this.rowsOf(expr, fn, depth + 1);
    if (direct !== null) return direct.k === 'rows' && direct.shape === 'row' ? direct.stmt : null;
    if (expr.kind() !== 'identifier') return null;
    const name = expr.text();
    const rowsOver = (iterable: SgNode | null): RowsStatement | null => {
      const rows = iterable ? this.rowsOf(iterable, fn, depth + 1) : null;
      return rows?.k === 'rows' && rows.shape !== 'row' ? rows.stmt : null;
    };
    const clause = comprehensionTarget(expr, fn);
    if (clause !== null) return clause !== 'other' && clause.field('left')?.kind() === 'identifier' ? rowsOver(clause.field('right')) : null;
    if (parametersOf(fn).some((p) => p.name === name)) return null;
    const bindings = bindingsIn(fn, name);
    const loop = bindings.length === 1 ? bindings[0]!.parent() : null;
    if (loop?.kind() !== 'for_statement' || !sameNode(loop.field('left'), bindings[0]!) || asyncKeyword(loop) !== undefined) return null;
    return rowsOver(loop.field('right'));
  }

  /** `name` unpacked from each Row of `iterable` (`for post, votes in rows`): the entity at its position. */
  private unpackedItem(pattern: SgNode, iterable: SgNode | null, name: string, fn: SgNode, depth: number): Provenance | null {
    const rows = iterable ? this.rowsOf(iterable, fn, depth + 1) : null;
    const at = unpackedAt(pattern, name);
    if (rows?.k !== 'rows' || rows.shape === 'row' || at === null || at.count !== rows.stmt.items.length) return null;
    return rowItem(rows.stmt, [rows.stmt.items[at.index]!]);
  }

  /** The statement an execute call runs: an inline `select(M)...` chain or a local built from one. */
  statement(arg: SgNode, fn: SgNode): Statement | null {
    const key = `select:${start(arg)}:${start(fn)}`;
    if (this.statements.has(key)) return this.statements.get(key) ?? null;
    const parts = this.resolveStatement(arg, fn, (call) => this.selectedModel(call, fn));
    const stmt = parts ? { ...parts.base, entityText: parts.selected.text, model: parts.selected.model } : null;
    this.statements.set(key, stmt);
    return stmt;
  }

  /**
   * A statement whose rows are used as `Row`s: `select(Post, func.count(...).label("votes"))`, `select(A, B)`,
   * inline or through a local, as `statement()` follows it. Null when it is not such a `select(...)`.
   */
  rowsStatement(arg: SgNode, fn: SgNode): RowsStatement | null {
    const parts = this.resolveStatement(arg, fn, (call) => this.selectedItems(call, fn));
    if (!parts) return null;
    const { base, selected: items } = parts;
    const models = items.flatMap((i) => (i.model ? [i.model] : []));
    // Loader options name relationships, not entities (`selectinload(A.items)` reads as `items`): with two
    // selected models sharing such a name, which one an existing loader covers cannot be told.
    const shared = base.blocked === null && models.length > 1 ? [...base.loaders, ...base.conditional].flatMap((c) => c[0]?.names ?? []).find((n) => n === '*' || models.filter((m) => m.relationships.has(n)).length > 1) : undefined;
    const blocked = shared === undefined ? base.blocked : `its loader options name \`${shared}\`, ${shared === '*' ? 'a wildcard' : 'a relationship of more than one selected entity'}, so which entity they load cannot be told`;
    return { items, forEntity: (item) => ({ ...base, blocked, entityText: item.node.text(), model: item.model as ModelInfo }) };
  }

  private resolveStatement<T>(arg: SgNode, fn: SgNode, select: (call: SgNode) => T | null): { base: StatementBase; selected: T } | null {
    const chain = selectChain(arg);
    if (!chain) return null;
    if (chain.root.kind() === 'call') {
      const selected = select(chain.root);
      if (!selected) return null;
      const loaders = chainLoaders(chain.options, this.imports);
      return { base: { kind: 'select', anchor: chain.root, loaders: loaders ?? [], conditional: [], blocked: loaders ? null : 'its `.options(...)` cannot be read' }, selected };
    }
    if (chain.root.kind() !== 'identifier') return null;
    return this.variableStatement(chain.root.text(), fn, chain.options, select);
  }

  /** `stmt = select(M)...` then `stmt = stmt.where(...)`... then executed: options go on the first assignment. */
  private variableStatement<T>(name: string, fn: SgNode, executedOptions: SgNode[], select: (call: SgNode) => T | null): { base: StatementBase; selected: T } | null {
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
    const selected = select(first.chain.root);
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
      if (!parsed) return { base: { kind: 'select', anchor: first.chain.root, loaders: [], conditional: [], blocked: 'its `.options(...)` cannot be read' }, selected };
      (i === 0 || unconditional(a.assignment) ? loaders : conditional).push(...parsed);
    }
    const atExecution = chainLoaders(executedOptions, this.imports);
    if (!atExecution) blocked ??= 'its `.options(...)` cannot be read';
    else loaders.push(...atExecution);
    return { base: { kind: 'select', anchor: first.chain.root, loaders, conditional, blocked }, selected };
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
    if (!callee || !this.isSelectIn(callee, fn)) return null;
    const args = callArgs(call);
    if (args.positional.length !== 1 || args.keywords.size > 0 || args.splat || args.generator) return null;
    const entity = args.positional[0] as SgNode;
    const dotted = dottedName(entity);
    if (!dotted) return null;
    const model = this.locallyBound(fn, dotted[0] as string) ? this.selfModel(entity, fn) : this.index.resolveModel(this.path, dotted);
    return model ? { text: entity.text(), model } : null;
  }

  private readonly selfModels = new Map<string, ModelInfo | null>();

  /**
   * `self.model` in a method of a module-level class without base classes that no project class derives from, when
   * every store of that attribute in the class (its body, `self.model = ...` in its methods) is the same model class
   * (`self.model = Menu` in `__init__`): that model, and a loader naming `self.model.<rel>` is right for every
   * instance. Null when anything else could set it: another store, a store through something other than a method's
   * `self` anywhere in the module, `setattr`, a base or subclass.
   */
  private selfModel(entity: SgNode, fn: SgNode): ModelInfo | null {
    if (!this.unsubclassed || !this.isGenericEntity(entity, fn)) return null;
    const [self, attr] = dottedName(entity) as [string, string];
    const cls = classOfMethod(fn);
    if (self !== 'self' || !cls || cls.parent()?.kind() !== 'module') return null;
    const key = `${start(cls)}:${attr}`;
    if (!this.selfModels.has(key)) this.selfModels.set(key, this.storedModel(cls, attr));
    return this.selfModels.get(key) ?? null;
  }

  private storedModel(cls: SgNode, attr: string): ModelInfo | null {
    const bases = cls.field('superclasses');
    if ((bases && namedChildren(bases).some((b) => b.text() !== 'object')) || cls.text().includes('setattr') || !this.unsubclassed?.(cls)) return null;
    let model: ModelInfo | null = null;
    const agrees = (value: SgNode | null, scope: SgNode): boolean => {
      const dotted = value ? dottedName(value) : null;
      const found = dotted && !this.locallyBound(scope, dotted[0] as string) ? this.index.resolveModel(this.path, dotted) : null;
      if (!found || (model !== null && model.key !== found.key)) return false;
      model = found;
      return true;
    };
    for (const id of bindingsIn(cls, attr)) {
      const assignment = id.parent();
      if (assignment?.kind() !== 'assignment' || !sameNode(assignment.field('left'), id) || !agrees(assignment.field('right'), cls)) return null;
    }
    const module = cls.parent() as SgNode;
    for (const node of module.findAll({ rule: { kind: 'attribute' } })) {
      if (node.field('attribute')?.text() !== attr || storeKind(node) === 'read') continue;
      const method = node.ancestors().find((a) => a.kind() === 'function_definition') ?? null;
      const owner = method ? classOfMethod(method) : null;
      const receiver = node.field('object');
      const first = method ? parametersOf(method)[0]?.name : undefined;
      // Only a method's own `self` stores on the instance; another class's stores concern its instances.
      if (!method || !owner || receiver?.kind() !== 'identifier' || receiver.text() !== first || bindingsIn(method, first).length > 0) return null;
      if (!sameNode(owner, cls)) continue;
      const assignment = node.parent() as SgNode;
      if (storeKind(node) !== 'assign' || !agrees(assignment.field('right'), method)) return null;
    }
    return model;
  }

  /** `select(a, b, ...)`: what each argument is, as a `Row` of its result names it. */
  private selectedItems(call: SgNode, fn: SgNode): SelectedItem[] | null {
    const callee = dottedName(call.field('function') as SgNode);
    if (!callee || !this.isSelectIn(callee, fn)) return null;
    const args = callArgs(call);
    if (args.positional.length === 0 || args.keywords.size > 0 || args.splat || args.generator) return null;
    return args.positional.map((node) => ({ node, ...this.selectedItem(node, fn, 0) }));
  }

  private selectedItem(node: SgNode, fn: SgNode, depth: number): Omit<SelectedItem, 'node'> {
    const unknown = { model: null, key: null, known: false };
    const column = (key: string | null): Omit<SelectedItem, 'node'> => ({ model: null, key, known: true });
    if (depth > 4) return unknown;
    const kind = String(node.kind());
    if (LITERAL_KINDS.has(kind)) return column(null);
    const dotted = dottedName(node);
    if (dotted) {
      const head = dotted[0] as string;
      if (this.locallyBound(fn, head)) {
        // `votes = func.count(...).label("votes")`; `select(Post, votes)`.
        const bindings = bindingsIn(fn, head);
        const value = dotted.length === 1 && bindings.length === 1 && !parametersOf(fn).some((p) => p.name === head) ? boundValue(bindings[0] as SgNode) : null;
        return value ? this.selectedItem(value, fn, depth + 1) : unknown;
      }
      const model = this.index.resolveModel(this.path, dotted);
      if (model) return { model, key: model.name, known: true };
      const owner = dotted.length > 1 ? this.index.resolveModel(this.path, dotted.slice(0, -1)) : null;
      const attribute = dotted[dotted.length - 1] as string;
      // `M.col` is a column keyed by its name; `M.rel` would select the related entity.
      return owner && !owner.relationships.has(attribute) ? column(attribute) : unknown;
    }
    if (kind === 'parenthesized_expression') {
      const inner = namedChildren(node);
      return inner.length === 1 ? this.selectedItem(inner[0] as SgNode, fn, depth + 1) : unknown;
    }
    if (kind !== 'call') return OPERATOR_KINDS.has(kind) ? column(null) : unknown;
    const callee = node.field('function') as SgNode;
    const name = dottedName(callee);
    if (name && this.sqlFunction(fn, name)) return column(name[name.length - 1] as string);
    if (callee.kind() !== 'attribute') return unknown;
    // A method of a column expression (`.label("n")`, `.desc()`, `func.count(...).over(...)`) is a column.
    const receiver = this.selectedItem(callee.field('object') as SgNode, fn, depth + 1);
    if (!receiver.known || receiver.model) return unknown;
    if (callee.field('attribute')?.text() !== 'label') return column(null);
    const label = callArgs(node).positional[0];
    const key = label ? stringValue(label) : null;
    return key === null ? unknown : column(key);
  }

  /** `func.count`, `sa.func.max`, `cast`, `literal_column`: SQL expressions, never entities (`aliased` is one). */
  private sqlFunction(fn: SgNode, name: string[]): boolean {
    const head = name[0] as string;
    if (this.locallyBound(fn, head)) return false;
    const target = [this.imports.get(head) ?? head, ...name.slice(1)].join('.');
    if (!/^(sqlalchemy|sqlmodel)\./.test(target)) return false;
    const parts = target.split('.');
    return parts.includes('func') || !ENTITY_CONSTRUCTS.has(parts[parts.length - 1] as string);
  }

  /**
   * The rows a value holds when it is the result of a session's `execute` (`(await db.execute(stmt)).all()`,
   * `.unique().all()`, `.first()`, `list(result)`, a local bound once to one of those). Null when it is not
   * such a value (the objects of `scalars()` are not rows).
   */
  rowsOf(expr: SgNode, fn: SgNode, depth = 0): Rows | null {
    if (depth > 12) return null;
    switch (expr.kind()) {
      case 'parenthesized_expression': {
        const inner = namedChildren(expr);
        return inner.length === 1 ? this.rowsOf(inner[0] as SgNode, fn, depth + 1) : null;
      }
      case 'await': {
        const call = namedChildren(expr)[0];
        const callee = call?.kind() === 'call' ? call.field('function') : null;
        const receiver = callee?.kind() === 'attribute' ? callee.field('object') : null;
        const method = callee?.field('attribute')?.text() ?? '';
        if (!call || !receiver || (method !== 'execute' && method !== 'exec') || !this.sessions.resolve(receiver)) return null;
        const first = callArgs(call).positional[0];
        const stmt = first ? this.rowsStatement(first, fn) : null;
        if (!stmt) return { k: 'unknown', why: `the statement of \`${shortText(call.text())}\` is not a \`select(...)\` this tool can follow` };
        // SQLModel's `exec` of one item returns its objects, not rows.
        if (method === 'exec' && stmt.items.length === 1) return null;
        return { k: 'rows', shape: 'result', stmt, call };
      }
      case 'call': {
        const callee = expr.field('function') as SgNode;
        const args = callArgs(expr);
        if (callee.kind() === 'identifier' && callee.text() === 'list' && !this.locallyBound(fn, 'list')) {
          const inner = args.positional.length === 1 && args.keywords.size === 0 ? this.rowsOf(args.positional[0] as SgNode, fn, depth + 1) : null;
          return inner?.k === 'rows' && inner.shape !== 'row' ? { ...inner, shape: 'list' } : inner?.k === 'unknown' ? inner : null;
        }
        if (callee.kind() !== 'attribute') return null;
        const inner = this.rowsOf(callee.field('object') as SgNode, fn, depth + 1);
        if (inner?.k !== 'rows') return inner;
        const method = callee.field('attribute')?.text() ?? '';
        if (inner.shape !== 'result') return null;
        if (method === 'unique' || method === 'tuples') return inner;
        if (method === 'all' || method === 'fetchall') return { ...inner, shape: 'list' };
        if (['first', 'one', 'one_or_none', 'fetchone'].includes(method)) return { ...inner, shape: 'row' };
        return null;
      }
      case 'subscript': {
        const value = expr.field('value');
        const subscripts = expr.children().filter((c) => c.isNamed() && !sameNode(c, value));
        const inner = value && subscripts.length === 1 && subscripts[0]?.kind() !== 'slice' ? this.rowsOf(value, fn, depth + 1) : null;
        return inner?.k === 'rows' ? (inner.shape === 'list' ? { ...inner, shape: 'row' } : null) : inner;
      }
      case 'identifier': {
        const name = expr.text();
        if (parametersOf(fn).some((p) => p.name === name)) return null;
        const bindings = bindingsIn(fn, name);
        const value = bindings.length === 1 ? boundValue(bindings[0] as SgNode) : null;
        return value ? this.rowsOf(value, fn, depth + 1) : null;
      }
      default:
        return null;
    }
  }

  private isSelect(callee: string[], imports: ReadonlyMap<string, string> = this.imports): boolean {
    if (callee.length === 1) return SELECT_TARGETS.has(imports.get(callee[0] as string) ?? '');
    return callee.length === 2 && callee[1] === 'select' && SELECT_MODULES.has(imports.get(callee[0] as string) ?? '');
  }

  /**
   * `select` as `fn` sees it: the module's import, or one of `fn`'s own (`from sqlalchemy import select` inside the
   * route, a common way around import cycles and slow imports), when that import is the name's one binding there.
   */
  private isSelectIn(callee: string[], fn: SgNode): boolean {
    const head = callee[0] as string;
    if (!this.locallyBound(fn, head)) return this.isSelect(callee);
    const target = localImportTarget(fn, head);
    return target !== null && this.isSelect(callee, new Map([[head, target]]));
  }

  locallyBound(fn: SgNode, name: string): boolean {
    return parametersOf(fn).some((p) => p.name === name) || bindingsIn(fn, name).length > 0;
  }
}

/**
 * What `name` stands for when its one binding in `fn` (not a parameter) is an import statement of the function:
 * `from sqlalchemy import select` → `sqlalchemy.select`, `from sqlmodel import select as sel` → `sqlmodel.select`,
 * `import sqlalchemy as sa` → `sqlalchemy`. Null otherwise (relative imports included).
 */
function localImportTarget(fn: SgNode, name: string): string | null {
  if (parametersOf(fn).some((p) => p.name === name)) return null;
  const bindings = bindingsIn(fn, name);
  if (bindings.length !== 1) return null;
  const statement = (bindings[0] as SgNode).ancestors().find((a) => a.kind() === 'import_from_statement' || a.kind() === 'import_statement');
  if (!statement) return null;
  const text = statement.text().replace(/[()\\\n]/g, ' ');
  const from = /^from\s+([A-Za-z_][\w.]*)\s+import\s+(.+)$/s.exec(text.trim());
  const items = (from ? (from[2] as string) : text.trim().replace(/^import\s+/, '')).split(',').map((s) => s.trim());
  for (const item of items) {
    const m = /^([A-Za-z_][\w.]*)(?:\s+as\s+([A-Za-z_]\w*))?$/.exec(item);
    if (!m) continue;
    const imported = m[1] as string;
    const local = m[2] ?? (from ? imported : (imported.split('.')[0] as string));
    if (local !== name) continue;
    if (from) return `${from[1]}.${imported}`;
    return m[2] ? imported : local;
  }
  return null;
}

/**
 * The `for ... in ...` clause of the innermost comprehension around `id` (within `fn`) that binds its name: as its
 * whole target (`for x in xs`) or in a flat unpacking (`for post, votes in rows`). `other` when such a clause binds
 * it some other way (nested or starred unpacking); null when no comprehension binds it.
 */
function comprehensionTarget(id: SgNode, fn: SgNode): SgNode | 'other' | null {
  const name = id.text();
  for (const a of id.ancestors()) {
    if (sameNode(a, fn)) break;
    if (!COMPREHENSIONS.has(String(a.kind()))) continue;
    const clauses = a.children().filter((c) => c.kind() === 'for_in_clause');
    const target = clauses.find((c) => (c.field('left')?.kind() === 'identifier' && c.field('left')?.text() === name) || unpackedAt(c.field('left'), name) !== null);
    if (target) return target;
    if (clauses.some((c) => occurrencesOf(c.field('left') as SgNode, name).length > 0)) return 'other';
  }
  return null;
}

/**
 * Class methods of pydantic / SQLModel that build a new instance of their class: `Hero.model_validate(data)` (the
 * SQLModel documentation's way to make a table object from a create schema) is a constructor call, like `Hero(...)`.
 */
const CONSTRUCTOR_METHODS = new Set(['model_validate', 'model_validate_json', 'model_construct', 'from_orm', 'parse_obj', 'parse_raw', 'construct']);

/** The class a constructor call names: `Hero` for `Hero(...)`, and for `Hero.model_validate(...)` too. */
export function constructedEntity(dotted: readonly string[]): string[] {
  return dotted.length >= 2 && CONSTRUCTOR_METHODS.has(dotted[dotted.length - 1] as string) ? dotted.slice(0, -1) : [...dotted];
}

const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'generator_expression', 'dictionary_comprehension']);

/**
 * The object a Row holds as `items` (the items matching a name, or the one at a position) loaded by the statement,
 * when exactly one selected entity answers; an unknown load when an item whose name cannot be told could answer
 * instead.
 */
function rowItem(stmt: RowsStatement, items: SelectedItem[]): Provenance | null {
  const item = items.length === 1 ? items[0]! : null;
  if (!item?.model) return null;
  // Another item may answer to the same name (an `aliased(...)` entity): its reads are flagged, not fixed.
  if (stmt.items.some((i) => !i.known)) {
    const why = 'the Row of a statement that also selects an entity under a name that cannot be told (`aliased(...)`, a variable)';
    return { shape: 'object', model: item.model, load: { k: 'unknown', why, origin: 'local' }, path: [] };
  }
  return { shape: 'object', model: item.model, load: { k: 'query', stmt: stmt.forEntity(item) }, path: [] };
}

/** Where `name` sits in a flat unpacking target (`post, votes`): its index and the number of names; null otherwise. */
function unpackedAt(pattern: SgNode | null, name: string): { index: number; count: number } | null {
  if (!pattern || (pattern.kind() !== 'pattern_list' && pattern.kind() !== 'tuple_pattern')) return null;
  const names = namedChildren(pattern);
  if (names.some((n) => n.kind() !== 'identifier')) return null;
  const index = names.findIndex((n) => n.text() === name);
  return index < 0 ? null : { index, count: names.length };
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

/** `Repo(db)`, `services.Repo(db)`, `make_repo()`: a call of a named class or factory (the index resolves which). */
function constructorCall(call: SgNode): boolean {
  const callee = call.field('function');
  return callee !== null && dottedName(callee) !== null;
}

function shortText(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

/**
 * What a query of a class known only at run time (`select(self.model)`) loads: objects of no model this tool
 * can name, so a relationship read on them is flagged (unknownModelRead) instead of skipped.
 */
function genericLoad(shape: Provenance['shape'], entity: string): Provenance {
  const why = `a query of \`${entity}\`, a class known only at run time, which no loader can be added to here`;
  return { shape, model: null, load: { k: 'unknown', why, origin: 'local' }, path: [] };
}
