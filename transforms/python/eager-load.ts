// eager-load: after the async switch, an unloaded relationship read raises MissingGreenlet instead of
// loading lazily (REFERENCE section 3). Where an async function reads a relationship of an object it loaded
// itself with a known `select(M)` / `db.get(M, pk)`, `selectinload(M.rel)` is added to that statement,
// including relationships read by the pydantic serialisation of the route's response model. Where the object
// came from a call (or a FastAPI dependency), the project index (eager/cross-index.ts) follows it to the
// statement in the other function and plans the loader there; this pass adds the loaders planned for its own
// statements and flags the reads the index could not settle. Also flagged: `lazy="dynamic"` relationships,
// server-generated columns read after a commit, attributes read after rollback()/expire() (eager/expired.ts),
// and one session shared by concurrent tasks.
//
// Runs after query-to-select and insert-await: queries are `select()` statements and session calls are
// awaited. A function is async code when it is `async def` or already holds an `await` (insert-await writes
// them into plain defs that a later transform makes async); sync functions read relationships lazily as before.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { FindingInput, TextEdit, Transform, TransformContext, TransformResult } from '../../engine/types';
import { ExpiredReads } from './eager/expired';
import { staleAfterBulkUpdate } from './eager/stale';
import { stringIntegerSites } from './eager/string-integer';
import { enumStringSites } from './eager/enum-string';
import { adds, type SessionEvent } from './eager/session-events';
import { coverage, hasConditional, NO_LOAD_NEEDED } from './eager/loaders';
import { EagerIndex, eagerIndexer, singleFileIndex, type Verdict } from './eager/cross-index';
import { parameterKey } from './eager/cross-summary';
import { propertyReads, recordReads, schemaReads, type ModelIndex, type ModelInfo, type Relationship, type SchemaInfo } from './eager/model-index';
import { summarizeParameterReads } from './eager/properties';
import { Provenances, type Provenance, type Statement } from './eager/provenance';
import { HINTS, HINTS_V14, RULES, type EagerRule } from './eager/rules';
import { invalidatedBetween, returnSources } from './eager/returns';
import { isAsyncCode, isRoute, ownReturns, responseModelText } from './eager/routes';
import { refreshedNames, refreshLoadsRelationships, refreshSite, type RefreshSite } from './eager/refresh';
import { ownerOf } from './eager/scope';
import { stringValue } from './eager/summary';
import { callArgs, classOfMethod, dottedName, enclosingFunction, methodsOf, namedChildren, sameNode, start } from './query/syntax';
import { bindingsIn, boundValue, parametersOf } from './query/bindings';
import { SessionResolver, visibleSessionFixtures } from './query/sessions';
import { collectImports, isModuleLevel, localNameFor, localNamesFor, moduleLevelImportBindings, planImportEdits, type ModuleImports } from './support/imports';
import { nameTable } from './support/scope';
import { withCachedTree } from './support/cached-tree';
import { cached } from '../../engine/cached';

/** Session methods returning loaded entities (or a result holding them). */
const QUERY_METHODS = new Set(['execute', 'scalars', 'scalar', 'get', 'get_one', 'exec']);

/** Statements and expressions that may run their body more than once. */
const LOOPS = new Set(['for_statement', 'while_statement', 'lambda', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
const ID = 'eager-load';

export const transform: Transform<SgRoot> = {
  id: ID,
  description: 'selectinload() for relationships read in async code (response models included); flags lazy="dynamic", server defaults read after commit, attributes read after rollback/expire, sessions shared by concurrent tasks',
  language: 'python',
  indexer: eagerIndexer as Transform<SgRoot>['indexer'],
  run: (ctx) => new EagerLoad(withCachedTree(ctx)).run(),
};

const CONCURRENT_ALL = new Set(['gather', 'wait', 'as_completed']);
const CONCURRENT_TASK = new Set(['create_task', 'ensure_future', 'start_soon']);
const SPAWNERS: ReadonlySet<string> = new Set([...CONCURRENT_ALL, ...CONCURRENT_TASK]);

/** Relationships to load on one statement, and where they are read (flagged there if the load cannot be added). */
interface Need {
  stmt: Statement;
  /** `entity`: the selected item the loader names (`models.Post` of `select(models.Post, func.count(...))`). */
  paths: { rels: Relationship[]; site: SgNode; subject: string; entity: string }[];
}

/** A response model field named exactly like a mapped class: what a `Row` of a statement selecting it holds. */
interface EntityField {
  name: string;
  nested: SchemaInfo;
  models: readonly ModelInfo[];
}

/**
 * Relationship and server-generated column names of every model of the index. Made once per index: every
 * file asks, and walking every model of the project for each file made the run quadratic in its size.
 */
function interestingNames(index: ModelIndex): ReadonlySet<string> {
  return cached(interestingByIndex, index, () => {
    const names = new Set<string>();
    for (const model of index.models.values()) {
      for (const name of model.relationships.keys()) names.add(name);
      for (const name of model.serverColumns.keys()) names.add(name);
      for (const name of model.properties.keys()) names.add(name);
      for (const name of model.methods.keys()) names.add(name);
    }
    return names;
  });
}

const interestingByIndex = new WeakMap<ModelIndex, ReadonlySet<string>>();

class EagerLoad {
  private readonly project: EagerIndex;
  private readonly index: ModelIndex;
  private readonly sessions: SessionResolver;
  private readonly imports: ModuleImports;
  private readonly provenances: Provenances;
  private readonly expired: ExpiredReads;
  private readonly findings: FindingInput[] = [];
  private readonly flagged = new Set<string>();
  private readonly needs = new Map<number, Need>();
  /** Refreshes by name before a route's own `return obj` of an object it constructs, by the return line's offset. */
  private readonly localRefreshes = new Map<number, { site: RefreshSite; names: string[] }>();
  /** Attribute names worth a look: relationship and server-generated column names of any model. */
  private readonly interesting: ReadonlySet<string>;

  constructor(private readonly ctx: TransformContext<SgRoot>) {
    // Without the engine's project pass (one file through processSource) the index is this file's own.
    if (ctx.index !== undefined && !(ctx.index instanceof EagerIndex)) throw new Error('eager-load was given an index it did not build');
    this.project = ctx.index ?? singleFileIndex(ctx);
    this.index = this.project.models;
    const imports = collectImports(ctx.tree);
    this.imports = imports;
    // A test's parameter requesting a session fixture is that session (`user = await session.scalar(select(User)...)`
    // then `user.todos`): the statement it executes takes the loader like any other.
    const fixtures = ctx.options.sessionFixtures ? visibleSessionFixtures(ctx.options.sessionFixtures, ctx.path) : {};
    // The unannotated parameters the project pass found every caller hands a session (`def seed(db)` in a test
    // module, given the session fixture; `def get_user(db, id)` in the app) are sessions here too: the earlier
    // stages converted their calls, and the objects they load are read in async code like any other.
    const params = ctx.options.sessionParams && Object.prototype.hasOwnProperty.call(ctx.options.sessionParams, ctx.path) ? ctx.options.sessionParams[ctx.path] : undefined;
    this.sessions = new SessionResolver(ctx.tree, imports, { dependencyNames: [ctx.options.getDbName, ctx.options.asyncGetDbName], facades: [], types: ctx.options.sessionTypes ?? [], aliases: ctx.options.sessionAliases ?? {}, ...(Object.keys(fixtures).length > 0 ? { fixtures } : {}), ...(params !== undefined ? { params } : {}) });
    const bindings = new Map(moduleLevelImportBindings(imports).map((b) => [b.local, b.target] as const));
    // Subclasses are known only to the project pass: without it, `select(self.model)` stays a generic query.
    const project = ctx.index !== undefined ? this.project : null;
    this.provenances = new Provenances(ctx.path, this.index, this.sessions, bindings, project ? (cls) => !project.subclassed(ctx.path, start(cls)) : undefined);
    this.expired = new ExpiredReads(ctx.path, this.index, this.sessions, this.provenances, (call, shape) => this.project.expiryAt(ctx.path, start(call), shape));
    this.interesting = interestingNames(this.index);
  }

  run(): TransformResult {
    if (this.index.models.size === 0) return { edits: [], findings: [] };
    for (const fn of this.ctx.tree.root().findAll({ rule: { kind: 'function_definition' } })) {
      // Async code and routes reach the database through the async driver after the switch; sync code left sync
      // keeps the sync engine (psycopg2), where the cast still happens.
      if (!this.index.sqliteOnly && (isAsyncCode(fn) || isRoute(fn))) for (const s of stringIntegerSites(fn, this.ctx.path, this.index)) this.flag(RULES.stringInteger, s.site, s.message, s.key);
      if (isAsyncCode(fn)) {
        this.visitReads(fn, false);
        this.visitResponseModel(fn, false);
        this.visitConcurrency(fn);
        for (const read of this.expired.in(fn)) this.flag(RULES.expiredRead, read.site, read.message, read.key);
        for (const stale of staleAfterBulkUpdate(fn, this.sessions, this.imports)) this.flag(RULES.staleUpdate, stale.site, stale.message, stale.key);
        for (const s of enumStringSites(fn, this.ctx.path, this.index, this.sessionEvents(fn), this.ctx.tree.root())) this.flag(RULES.enumString, s.site, s.message, s.key);
      } else if (isRoute(fn)) {
        // A plain `def` route runs in a threadpool, but the models its dependencies hand it were loaded by an
        // AsyncSession: a lazy load there raises MissingGreenlet too. Only those parameters are checked.
        this.visitReads(fn, true);
        this.visitResponseModel(fn, true);
      }
    }
    this.crossFunctionNeeds();
    return this.assemble();
  }

  // ---- relationship and column reads --------------------------------------------------------------------

  private visitReads(fn: SgNode, parametersOnly: boolean): void {
    const events = this.sessionEvents(fn);
    this.visitDataclassDumps(fn, parametersOnly, events);
    this.visitSchemaValidation(fn, parametersOnly, events);
    this.visitHelperCalls(fn, parametersOnly, events);
    for (const attr of fn.findAll({ rule: { kind: 'attribute' } })) {
      const name = attr.field('attribute')?.text() ?? '';
      if (!this.interesting.has(name)) continue;
      const object = attr.field('object') as SgNode;
      const owner = ownerOf(attr);
      const inKey = owner?.id() !== fn.id() ? this.keyFunctionItem(owner, object, fn) : null;
      if (owner?.id() !== fn.id() && !inKey) continue;
      const p = inKey ?? this.provenances.of(object, fn);
      if (!p || (p.shape !== 'object' && p.shape !== 'any')) continue;
      if (inKey) {
        // The lambda's parameter: only the read itself is known here, not what the lambda's other code does.
        const rel = p.model?.relationships.get(name);
        if (rel && !isAssignmentTarget(attr)) this.need(p, [rel], attr, `\`${attr.text()}\``, events);
        else if (!p.model && !isAssignmentTarget(attr)) this.unknownModelRead(p, attr, name);
        continue;
      }
      if (parametersOnly && !fromParameter(p)) continue;
      if (!p.model) {
        this.unknownModelRead(p, attr, name);
        continue;
      }
      const rel = p.model.relationships.get(name);
      // Assigning a scalar relationship loads nothing; replacing a collection loads the old one (to diff it).
      if (rel && !(rel.collection === false && isAssignmentTarget(attr))) this.need(p, [rel], attr, `\`${attr.text()}\``, events);
      if (rel && !isAssignmentTarget(attr)) this.staleCollection(fn, object, rel, attr, events);
      if (!rel && !isAssignmentTarget(attr) && !isCalled(attr)) this.propertyRead(p, p.model, name, attr, events);
      if (!rel && isCalled(attr) && p.model.methods.has(name)) this.methodRead(p, p.model, name, attr, events);
      const column = p.model.serverColumns.get(name);
      if (column && object.kind() === 'identifier' && !isAssignmentTarget(attr)) this.serverColumnRead(p, object.text(), name, column, attr, events);
    }
  }

  /**
   * `sorted(authors, key=lambda a: len(a.books))`: a lambda that `sorted`, `min`, `max`, `map`, `filter` (or a
   * list's `.sort(key=...)`) calls right there, on each item of an iterable of `fn`. A read of its parameter is a read
   * of an item of that iterable, whose provenance is returned; null for any other lambda (one stored, or handed to
   * code that calls it later, is not read here).
   */
  private keyFunctionItem(owner: SgNode | null, object: SgNode, fn: SgNode): Provenance | null {
    if (owner?.kind() !== 'lambda' || ownerOf(owner)?.id() !== fn.id() || object.kind() !== 'identifier') return null;
    const params = owner.field('parameters');
    const names = params ? namedChildren(params) : [];
    if (names.length !== 1 || names[0]?.kind() !== 'identifier' || names[0].text() !== object.text()) return null;
    let holder = owner.parent();
    const keyword = holder?.kind() === 'keyword_argument' ? holder : null;
    if (keyword) holder = keyword.parent();
    const call = holder?.kind() === 'argument_list' ? holder.parent() : null;
    if (call?.kind() !== 'call') return null;
    const callee = call.field('function') as SgNode;
    const args = callArgs(call);
    let iterable: SgNode | undefined;
    if (keyword && keyword.field('name')?.text() === 'key' && callee.kind() === 'identifier' && ['sorted', 'min', 'max'].includes(callee.text())) {
      iterable = args.positional.length === 1 ? args.positional[0] : undefined;
    } else if (keyword && keyword.field('name')?.text() === 'key' && callee.kind() === 'attribute' && callee.field('attribute')?.text() === 'sort') {
      iterable = callee.field('object') ?? undefined;
    } else if (!keyword && callee.kind() === 'identifier' && ['map', 'filter'].includes(callee.text()) && args.positional.length === 2 && sameNode(args.positional[0] ?? null, owner)) {
      iterable = args.positional[1];
    }
    if (!iterable || this.provenances.locallyBound(fn, callee.kind() === 'identifier' ? callee.text() : '')) return null;
    const p = this.provenances.of(iterable, fn);
    return p && (p.shape === 'list' || p.shape === 'any') ? { ...p, shape: 'object' } : null;
  }

  /**
   * What `node` holds in `fn` when it is one object (or a relationship value) of a known model, and with
   * `parametersOnly` one that came from a parameter: what the whole-object readers below (asdict, schema validation,
   * helpers) load for; null otherwise.
   */
  private modelObject(node: SgNode, fn: SgNode, parametersOnly: boolean): (Provenance & { model: ModelInfo }) | null {
    const p = this.provenances.of(node, fn);
    if (!p || (p.shape !== 'object' && p.shape !== 'any') || !p.model) return null;
    return parametersOnly && !fromParameter(p) ? null : (p as Provenance & { model: ModelInfo });
  }

  /**
   * `dataclasses.asdict(user)` (or `astuple`) on a model mapped as a dataclass (`@registry.mapped_as_dataclass`,
   * `MappedAsDataclass`): it reads every field, relationships included, and recurses into the related objects, so it
   * reads each relationship of the class, and theirs (the fast_zero course's `assert asdict(user) == {..., 'todos':
   * []}`). Each path is loaded like a read written here; a relationship leading back to a class already on the path
   * is not followed (asdict would recurse forever on a non-empty one in the sync code too). On a model that is no
   * dataclass asdict raises TypeError before reading anything, sync or async, so nothing is lost by loading.
   */
  private visitDataclassDumps(fn: SgNode, parametersOnly: boolean, events: SessionEvent[]): void {
    const dumpers = this.dataclassDumpers();
    if (dumpers.size === 0) return;
    for (const call of fn.findAll({ rule: { kind: 'call' } })) {
      const callee = dottedName(call.field('function') as SgNode)?.join('.');
      if (!callee || !dumpers.has(callee) || ownerOf(call)?.id() !== fn.id()) continue;
      const object = callArgs(call).positional[0];
      if (!object) continue;
      const p = this.modelObject(object, fn, parametersOnly);
      if (!p) continue;
      for (const rels of this.dumpedPaths(p.model, [p.model.key], 3)) {
        this.need(p, rels, call, `\`${callee}(${object.text()})\` (it reads every field of \`${p.model.name}\`, \`${rels.map((r) => r.name).join('.')}\` among them)`, events);
      }
    }
  }

  /**
   * `AuthorOut.model_validate(author)` (pydantic 2, `from_attributes` configured or passed) or `AuthorOut.from_orm(author)`
   * (pydantic 1) on a model object: pydantic reads the schema's fields from it there and then, as a response model
   * does when the route returns it, so its relationship fields are loaded the same way (a service returning DTOs).
   */
  private visitSchemaValidation(fn: SgNode, parametersOnly: boolean, events: SessionEvent[]): void {
    for (const call of fn.findAll({ rule: { kind: 'call' } })) {
      const callee = call.field('function');
      // `AuthorPage(items=authors, total=n)`: pydantic validates each field from its value as it is built.
      const built = callee && ownerOf(call)?.id() === fn.id() && /^[A-Z][\w]*$|\.[A-Z]\w*$/.test(callee.text()) ? this.index.schemaOfType(this.ctx.path, callee.text()) : null;
      // A mapped class (a SQLModel table model is a pydantic class too) is built, not validated from its arguments.
      const mapped = built ? this.index.resolveModel(this.ctx.path, callee!.text().split('.')) : null;
      if (built && !mapped && !built.list && callArgs(call).keywords.size > 0) {
        const pairs = [...callArgs(call).keywords].map(([name, value]) => ({ name, value }));
        this.fieldValues(fn, pairs, built.schema, `\`${callee!.text()}(...)\``, events, parametersOnly, start(call), 0);
        continue;
      }
      const method = callee?.kind() === 'attribute' ? callee.field('attribute')?.text() : undefined;
      if ((method !== 'model_validate' && method !== 'from_orm') || ownerOf(call)?.id() !== fn.id()) continue;
      const schemaText = (callee as SgNode).field('object')?.text() ?? '';
      const target = /^[A-Za-z_][\w.]*$/.test(schemaText) ? this.index.schemaOfType(this.ctx.path, schemaText) : null;
      const object = callArgs(call).positional[0];
      if (!target && object && /^[a-z_]\w*$/.test(schemaText.split('.').pop() ?? '')) {
        this.unknownSchemaValidation(call, `\`${schemaText}.${method}(${object.text()})\``, schemaText, object, fn, parametersOnly, events);
        continue;
      }
      if (!target || target.list || !object) continue;
      const p = this.modelObject(object, fn, parametersOnly);
      if (!p) {
        if (!parametersOnly) this.createdUnknownModelValidation(call, `\`${schemaText}.${method}(${object.text()})\``, target.schema, object, fn, events);
        continue;
      }
      const subject = `\`${schemaText}.${method}(${object.text()})\``;
      const reads = schemaReads(this.index, target.schema, p.model);
      for (const why of reads.opaque) this.flag(RULES.unknownQuery, call, `${subject} serialises ${why}, so which relationships it loads cannot be told; one not loaded raises MissingGreenlet`, why);
      for (const rels of reads.paths) this.need(p, rels, call, subject, events);
    }
  }

  /**
   * `self.schema.model_validate(obj)`: a schema held in a variable or an attribute (a generic repository's), which
   * the index cannot name, on an object a query of this function loaded (its model known, or not: `await
   * self.session.get(self.model, id)`). Which relationship fields the schema reads cannot be told, so it is flagged
   * when that model (unknown: any model of the project) has a relationship that loads lazily: one the schema reads
   * and the query did not load raises MissingGreenlet.
   */
  private unknownSchemaValidation(call: SgNode, subject: string, schemaText: string, object: SgNode, fn: SgNode, parametersOnly: boolean, events: SessionEvent[]): void {
    if (parametersOnly) return;
    const p = this.provenances.of(object, fn);
    const lazy = (m: ModelInfo): boolean => [...m.relationships.values()].some((r) => r.lazy === 'select' || r.lazy === 'dynamic' || r.lazy === null);
    const created = this.createdAndFlushed(object, fn, p, events, start(call));
    if (created) {
      if (!(created.model ? lazy(created.model) : [...this.index.models.values()].some(lazy))) return;
      this.flag(
        RULES.unknownQuery,
        call,
        `${subject} serialises ${created.model ? `a \`${created.model.name}\`` : 'an object'} created here (\`${created.call.text()}\`) and flushed since, with the schema \`${schemaText}\` holds, which awaitify cannot name, so which relationships it reads cannot be told; no query loaded them (a refresh loads the columns), so one it reads is loaded lazily on access and raises MissingGreenlet`,
        `schema|${schemaText}|${object.text()}`,
      );
      return;
    }
    // A session read whose model is not known (`await self.session.get(self.model, id)`) has no provenance or a
    // model-less one (provenance.ts, genericLoad).
    const unnamed = p === null || (p.load.k === 'unknown' && p.model === null);
    const model = p && (p.shape === 'object' || p.shape === 'any') && p.load.k === 'query' ? p.model : unnamed && this.sessionLoaded(object, fn) ? null : undefined;
    if (model === undefined) return;
    if (!(model ? lazy(model) : [...this.index.models.values()].some(lazy))) return;
    this.flag(
      RULES.unknownQuery,
      call,
      `${subject} serialises ${model ? `a \`${model.name}\`` : 'an object'} a query loaded here with the schema \`${schemaText}\` holds, which awaitify cannot name, so which relationships it reads cannot be told; one the query did not load raises MissingGreenlet`,
      `schema|${schemaText}|${object.text()}`,
    );
  }

  /**
   * `AuthorOut.model_validate(obj)` on `obj = self.model(**data)` created and flushed here (createdAndFlushed), the
   * model unknown: the schema's fields named like a relationship some model loads lazily are what it may read
   * unloaded, as unknownModelRead judges a read by name.
   */
  private createdUnknownModelValidation(call: SgNode, subject: string, schema: SchemaInfo, object: SgNode, fn: SgNode, events: SessionEvent[]): void {
    const created = this.createdAndFlushed(object, fn, null, events, start(call));
    if (!created) return;
    const owners = [...schema.fields.keys()].flatMap((field) =>
      this.index
        .modelsWithRelationship(field)
        .map((m) => m.relationships.get(field) as Relationship)
        .filter((r) => r.lazy === 'select' || r.lazy === 'dynamic' || r.lazy === null),
    );
    if (owners.length === 0) return;
    const names = [...new Set(owners.map((r) => `\`${r.owner}\``))].join(' or ');
    this.flag(
      RULES.unknownQuery,
      call,
      `${subject} reads the relationship ${names} on an object created here (\`${created.call.text()}\`) and flushed since, whose model awaitify cannot name; no query loaded it (a refresh loads the columns), so the access tries to load it lazily and raises MissingGreenlet`,
      `schema|${schema.name}|${object.text()}`,
    );
  }

  /**
   * `obj = self.model(**data)` (or `Author(**data)`), then `db.add(obj)` and a commit, flush or refresh before `at`:
   * the object this function created, flushed since. Its relationships were never loaded: a pending object's unset
   * collection reads as empty, but once flushed an access tries a lazy load, and a refresh loads only the columns
   * (both checked on SQLAlchemy 2.0 with aiosqlite: MissingGreenlet, inside pydantic's ValidationError). The model when
   * the constructor names one, null when not (`self.model`, a class held in a variable); null for anything else. A
   * refresh naming attributes (`attribute_names=[...]`, which loads relationships from 2.0.4) is taken as the fix.
   */
  private createdAndFlushed(expr: SgNode, fn: SgNode, p: Provenance | null, events: SessionEvent[], at: number): { model: ModelInfo | null; call: SgNode } | null {
    if (expr.kind() !== 'identifier') return null;
    const bindings = bindingsIn(fn, expr.text());
    const value = bindings.length === 1 ? boundValue(bindings[0] as SgNode) : null;
    if (value?.kind() !== 'call' || start(value) > at) return null;
    const known = p !== null && p.load.k === 'new' && sameNode(p.load.call, value) ? p.model : null;
    // An unknown callee builds what it builds: only an object handed to the session's add() is taken for a new row.
    if (!known && !['identifier', 'attribute'].includes(String(value.field('function')?.kind()))) return null;
    const added = events.find((e) => e.offset > start(value) && e.offset < at && adds(e, expr.text()));
    if (!added) return null;
    const after = events.filter((e) => e.offset > added.offset && e.offset < at);
    if (!after.some((e) => ['commit', 'flush', 'refresh'].includes(e.method))) return null;
    if (refreshLoadsRelationships(this.ctx.options) && after.some((e) => e.method === 'refresh' && (refreshedNames(e.call)?.names.length ?? 0) > 0)) return null;
    return { model: known, call: value };
  }

  /**
   * Whether `expr` is (a local bound once to) what an awaited read of a session returns, whatever the entity:
   * `await db.get(self.model, id)`, `(await db.execute(stmt)).scalar_one()`, `(await db.scalars(stmt)).first()`.
   */
  private sessionLoaded(expr: SgNode, fn: SgNode): boolean {
    let value: SgNode | null = expr;
    if (expr.kind() === 'identifier') {
      const bindings = bindingsIn(fn, expr.text());
      value = bindings.length === 1 ? boundValue(bindings[0] as SgNode) : null;
    }
    for (let depth = 0; value !== null && depth < 6; depth++) {
      if (value.kind() === 'parenthesized_expression') value = namedChildren(value)[0] ?? null;
      else if (value.kind() === 'await') {
        const inner = namedChildren(value)[0];
        const callee = inner?.kind() === 'call' ? inner.field('function') : null;
        const method = callee?.kind() === 'attribute' ? callee.field('attribute')?.text() : undefined;
        return method !== undefined && SESSION_READS.has(method) && this.sessions.resolve(callee!.field('object') as SgNode) !== null;
      } else if (value.kind() === 'call' && value.field('function')?.kind() === 'attribute' && RESULT_ONE.has(value.field('function')!.field('attribute')?.text() ?? '')) {
        value = value.field('function')!.field('object');
      } else return false;
    }
    return false;
  }

  /**
   * `describe(a)` in async code, `describe` a plain function of this module (or one defined in `fn`): it runs right
   * there on the object async code loaded, so what it reads of that parameter is read at the call, like a method's
   * reads of `self` (a sync helper was otherwise never looked at: it "reads lazily as before", but its argument
   * came from an AsyncSession).
   */
  private visitHelperCalls(fn: SgNode, parametersOnly: boolean, events: SessionEvent[]): void {
    const helpers = this.helperDefs(fn);
    if (helpers.size === 0) return;
    for (const call of fn.findAll({ rule: { kind: 'call' } })) {
      const callee = call.field('function');
      const def = callee?.kind() === 'identifier' && ownerOf(call)?.id() === fn.id() ? helpers.get(callee.text()) : undefined;
      if (!def) continue;
      const params = parametersOf(def);
      if (params.some((q) => q.node.kind() === 'list_splat_pattern' || q.node.kind() === 'dictionary_splat_pattern')) continue;
      const args = callArgs(call);
      const pairs: { param: string; value: SgNode }[] = args.positional.map((value, i) => ({ param: params[i]?.name ?? '', value }));
      for (const [name, value] of args.keywords) pairs.push({ param: name, value });
      for (const { param, value } of pairs) {
        if (!param || !params.some((q) => q.name === param)) continue;
        const p = this.modelObject(value, fn, parametersOnly);
        if (!p) continue;
        const rec = summarizeParameterReads(def, param);
        if (!rec || rec.reads.length === 0) continue;
        const what = `\`${callee!.text()}()\`, which`;
        const reads = recordReads(this.index, p.model, rec, `\`${callee!.text()}()\``);
        const subject = `\`${call.text().split('\n')[0]}\` (\`${callee!.text()}\` reads its \`${param}\`)`;
        for (const why of reads.opaque) this.flag(RULES.unknownQuery, call, `${subject}: ${why.replace(what, 'it')}, so which relationships it loads cannot be told; one not loaded raises MissingGreenlet`, why);
        if (p.load.k === 'unknown') {
          const lazy = reads.paths.filter((rels) => lazilyLoaded(rels[rels.length - 1] as Relationship));
          const owners = [...new Set(lazy.map((rels) => `\`${(rels[rels.length - 1] as Relationship).owner}\``))].join(', ');
          if (owners) this.flag(RULES.unknownQuery, call, `${subject} reads ${owners} on an object loaded by ${p.load.why}; unless that query loads it, this raises MissingGreenlet`, `${p.load.why}|${callee!.text()}`);
          continue;
        }
        for (const rels of reads.paths) this.need(p, rels, call, subject, events);
      }
    }
  }

  /** Plain (sync) functions a call in `fn` may name by itself: defined directly in `fn`, or at module level. */
  private helperDefs(fn: SgNode): Map<string, SgNode> {
    const found = new Map<string, SgNode>();
    const add = (body: SgNode | null, skipNamesBoundIn: SgNode | null): void => {
      for (const stmt of body ? body.children() : []) {
        if (stmt.kind() !== 'function_definition' || stmt.children().some((c) => c.text() === 'async')) continue;
        const name = stmt.field('name')?.text();
        if (!name || found.has(name)) continue;
        // A module-level helper shadowed by a local binding in `fn` is not the one called.
        if (skipNamesBoundIn && (this.provenances.locallyBound(skipNamesBoundIn, name))) continue;
        found.set(name, stmt);
      }
    };
    add(fn.field('body'), null);
    add(this.ctx.tree.root(), fn);
    return found;
  }

  /**
   * Field values handed to a schema (a returned dict literal, keyword arguments of its constructor): a value of a
   * field whose annotation is a nested schema (`items: list[AuthorOut]`) is serialised by it, so what that schema
   * reads of the value's objects is loaded on their statement, or flagged where the objects came from a call.
   */
  private fieldValues(fn: SgNode, pairs: readonly { name: string; value: SgNode }[], schema: SchemaInfo, subject: string, events: SessionEvent[], parametersOnly: boolean, at: number, depth: number): void {
    if (depth > 3) return;
    for (const { name, value } of pairs) {
      const field = schema.fields.get(name);
      const nested = field ? this.index.schemaOfType(field.path, field.annotation) : null;
      if (!nested) continue;
      const where = `${subject}, field \`${name}\``;
      if (value.kind() === 'dictionary' && !nested.list) {
        this.fieldValues(fn, fieldPairs(value), nested.schema, where, events, parametersOnly, at, depth + 1);
        continue;
      }
      let p = this.provenances.of(value, fn);
      if (!p || (parametersOnly && !fromParameter(p))) continue;
      if (nested.list) p = p.shape === 'list' || p.shape === 'any' ? { ...p, shape: 'object' } : null;
      else if (p.shape !== 'object' && p.shape !== 'any') p = null;
      if (!p?.model) continue;
      const reads = schemaReads(this.index, nested.schema, p.model);
      for (const why of reads.opaque) this.flag(RULES.unknownQuery, value, `${where} serialises ${why}, so which relationships it loads cannot be told; one not loaded raises MissingGreenlet`, why);
      if (p.load.k === 'unknown') {
        const owners = [...new Set(reads.paths.map((rels) => rels[rels.length - 1] as Relationship).filter((r) => r.lazy === 'select' || r.lazy === null).map((r) => `\`${r.owner}\``))];
        if (owners.length > 0) this.flag(RULES.unknownQuery, value, `${where} reads ${owners.join(', ')} on what ${p.load.why} returned; unless that query loads them, serialisation raises MissingGreenlet`, `${p.load.why}|${owners.join()}`);
        continue;
      }
      for (const rels of reads.paths) this.need(p, rels, value, where, events, at);
    }
  }

  /** Local names of `dataclasses.asdict` / `astuple`: `asdict`, `dataclasses.asdict`, under their import aliases. */
  private dataclassDumpers(): ReadonlySet<string> {
    const names = new Set<string>();
    if (!this.ctx.source.includes('dataclasses')) return names;
    for (const fn of ['asdict', 'astuple']) {
      for (const local of localNamesFor(this.imports, 'dataclasses', fn)) names.add(local);
      for (const plain of this.imports.plain) if (plain.module === 'dataclasses') names.add(`${plain.alias ?? 'dataclasses'}.${fn}`);
    }
    return names;
  }

  /** The relationship paths asdict reads on an instance of `model`, `depth` levels deep, not back to `seen` classes. */
  private dumpedPaths(model: ModelInfo, seen: readonly string[], depth: number): Relationship[][] {
    const paths: Relationship[][] = [];
    for (const rel of model.relationships.values()) {
      if (rel.target !== null && seen.includes(rel.target)) continue;
      paths.push([rel]);
      const target = rel.target !== null && depth > 1 ? this.index.models.get(rel.target) : undefined;
      if (!target) continue;
      for (const rest of this.dumpedPaths(target, [...seen, target.key], depth - 1)) paths.push([rel, ...rest]);
    }
    return paths;
  }

  /**
   * `user.items` read after `db.add(Item(owner_id=user.id))` and a commit, `user` bound before the add: the sync
   * commit expired `user`, and the read reloaded the collection with the new item; awaitify's async factories set
   * expire_on_commit=False, so a collection loaded before keeps its old members and the migrated code silently
   * reads fewer. Only a new object of the relationship's target class built without any relationship keyword (one
   * built through the relationship, `Item(owner=user)`, is appended to a loaded collection in memory), and no
   * `refresh()` of the object between the commit and the read.
   */
  private staleCollection(fn: SgNode, object: SgNode, rel: Relationship, site: SgNode, events: SessionEvent[]): void {
    if (rel.collection === false || !rel.target || object.kind() !== 'identifier') return;
    const name = object.text();
    const bindings = bindingsIn(fn, name);
    const parameter = parametersOf(fn).some((p) => p.name === name);
    if (bindings.length > 1 || (bindings.length === 0 && !parameter) || (bindings.length === 1 && parameter)) return;
    const boundAt = bindings.length === 1 ? start(bindings[0] as SgNode) : -1;
    const at = start(site);
    const commits = events.filter((e) => e.method === 'commit' && e.offset > boundAt && e.offset < at);
    const commit = commits[commits.length - 1];
    if (!commit) return;
    if (events.some((e) => e.method === 'refresh' && e.offset > commit.offset && e.offset < at && callArgs(e.call).positional[0]?.text() === name)) return;
    const target = this.index.models.get(rel.target);
    if (!target) return;
    const added = events.find((e) => e.method === 'add' && e.offset > boundAt && e.offset < commit.offset && this.buildsDetached(fn, callArgs(e.call).positional[0], target, name));
    if (!added) return;
    this.flag(
      RULES.staleCollection,
      site,
      `\`${site.text()}\` is read after \`${commit.call.text()}\`, and \`${added.call.text().split('\n')[0]}\` added a new \`${target.name}\` before it without going through the relationship: the sync commit expired \`${name}\`, so the read reloaded \`${rel.owner}\` with the new row; the async session factory sets expire_on_commit=False, so a collection loaded before keeps its old members`,
      `${rel.owner}@${at}`,
    );
  }

  /**
   * `Target(owner_id=user.id, ...)` (inline, or a local bound once to it): linked to `owner` by a column value read
   * from it (which also tells the relationship is the collection side), with no relationship of `target` among its
   * keywords.
   */
  private buildsDetached(fn: SgNode, value: SgNode | undefined, target: ModelInfo, owner: string): boolean {
    let call = value;
    if (call?.kind() === 'identifier') {
      const bound = bindingsIn(fn, call.text());
      const assignment = bound.length === 1 ? bound[0]?.parent() : null;
      call = assignment?.kind() === 'assignment' && sameNode(assignment.field('left'), bound[0] ?? null) ? (assignment.field('right') ?? undefined) : undefined;
    }
    if (call?.kind() !== 'call') return false;
    const callee = dottedName(call.field('function') as SgNode);
    const model = callee ? this.index.resolveModel(this.ctx.path, callee) : null;
    if (model?.key !== target.key) return false;
    const args = callArgs(call);
    const keywords = [...args.keywords];
    const linked = keywords.some(([, v]) => v.kind() === 'attribute' && v.field('object')?.text() === owner);
    return linked && args.positional.length === 0 && !args.splat && keywords.every(([k]) => !target.relationships.has(k));
  }

  /** `x.prop` with `prop` a property of the model: it loads what it reads, as if the read were written here. */
  private propertyRead(p: Provenance, model: ModelInfo, name: string, attr: SgNode, events: SessionEvent[]): void {
    if (!model.properties.has(name)) return;
    const reads = propertyReads(this.index, model, name);
    const subject = `\`${attr.text()}\` (the property \`${model.name}.${name}\`)`;
    for (const why of reads.opaque) {
      this.flag(RULES.unknownQuery, attr, `\`${attr.text()}\` reads ${why}, so which relationships it loads cannot be told; one not loaded raises MissingGreenlet`, why);
    }
    if (p.load.k !== 'unknown') {
      for (const rels of reads.paths) this.need(p, rels, attr, subject, events);
      return;
    }
    // What a call returned: settled (or not) by the project index under the property's name.
    const lazy = reads.paths.filter((rels) => lazilyLoaded(rels[rels.length - 1] as Relationship));
    const verdict = this.crossVerdict(p, name, ownerOf(attr));
    if (lazy.length === 0 || verdict?.ok) return;
    const owners = [...new Set(lazy.map((rels) => `\`${(rels[rels.length - 1] as Relationship).owner}\``))].join(', ');
    this.flag(RULES.unknownQuery, attr, `${subject} reads ${owners} on an object loaded by ${p.load.why}; unless that query loads it, this raises MissingGreenlet${notFixed(verdict)}`, `${p.load.why}|${model.name}.${name}`);
  }

  /**
   * `x.method()` with `method` a plain method of the model (`user.to_dict()` building a dict of `self.items`): it
   * loads what it reads of `self`, as a property does. On an object whose statement is not in this function the
   * reads are flagged (the project index does not follow methods).
   */
  private methodRead(p: Provenance, model: ModelInfo, name: string, attr: SgNode, events: SessionEvent[]): void {
    const reads = propertyReads(this.index, model, name, 0, new Set<string>(), true);
    const call = attr.parent() as SgNode;
    const subject = `\`${call.text().split('\n')[0]}\` (the method \`${model.name}.${name}()\`)`;
    for (const why of reads.opaque) {
      this.flag(RULES.unknownQuery, attr, `\`${attr.text()}()\` calls ${why}, so which relationships it loads cannot be told; one not loaded raises MissingGreenlet`, `${why}()`);
    }
    if (p.load.k !== 'unknown') {
      for (const rels of reads.paths) this.need(p, rels, attr, subject, events);
      return;
    }
    const lazy = reads.paths.filter((rels) => lazilyLoaded(rels[rels.length - 1] as Relationship));
    if (lazy.length === 0) return;
    const owners = [...new Set(lazy.map((rels) => `\`${(rels[rels.length - 1] as Relationship).owner}\``))].join(', ');
    this.flag(RULES.unknownQuery, attr, `${subject} reads ${owners} on an object loaded by ${p.load.why}; unless that query loads it, this raises MissingGreenlet`, `${p.load.why}|${model.name}.${name}()`);
  }

  /**
   * `x.rel` on what an awaited call returned, its model unknown (a service or repository method): flag it when
   * some model has a relationship of that name that would load lazily. A method call `x.items()` is no read.
   */
  private unknownModelRead(p: Provenance, attr: SgNode, name: string): void {
    if (p.load.k !== 'unknown' || p.path.length > 0) return;
    const parent = attr.parent();
    if (parent?.kind() === 'call' && sameNode(parent.field('function'), attr)) return;
    const owners = this.index.modelsWithRelationship(name).map((m) => m.relationships.get(name) as Relationship).filter((r) => r.lazy === 'select' || r.lazy === 'dynamic' || r.lazy === null);
    const properties = isAssignmentTarget(attr) ? [] : this.loadingProperties(name);
    if (owners.length + properties.length === 0 || (isAssignmentTarget(attr) && owners.every((r) => r.collection === false))) return;
    const verdict = this.crossVerdict(p, name, ownerOf(attr));
    if (verdict?.ok) return;
    const names = [...owners.map((r) => `\`${r.owner}\``), ...properties.map((m) => `the property \`${m.name}.${name}\` (which reads relationships)`)].join(' or ');
    this.flag(RULES.unknownQuery, attr, `\`${attr.text()}\` reads ${owners.length > 0 ? 'the relationship ' : ''}${names} on an object returned from ${p.load.why}; unless that query loads it, this raises MissingGreenlet${notFixed(verdict)}`, `${p.load.why}|${name}`);
  }

  /** A read of `rels` (a path from `p`'s object) at `site`: load it with the statement, or flag. */
  private need(p: Provenance, rels: Relationship[], site: SgNode, subject: string, events: SessionEvent[], at = start(site)): void {
    const last = rels[rels.length - 1] as Relationship;
    if (last.lazy === 'dynamic') {
      return this.flag(RULES.dynamic, site, `${subject} reads \`${last.owner}\`, a lazy="dynamic" relationship: it runs a query on access, which AsyncSession cannot do implicitly`, last.owner);
    }
    if (last.lazy === null) {
      return this.flag(RULES.unknownQuery, site, `${subject} reads \`${last.owner}\`, whose \`lazy=\` setting is not a literal, so whether it is loaded cannot be told`, last.owner);
    }
    if (NO_LOAD_NEEDED.has(last.lazy)) return;
    const path = [...p.path, ...rels];
    const load = p.load;
    if (load.k === 'unknown') {
      const verdict = p.path.length === 0 && rels.length === 1 ? this.crossVerdict(p, last.name, ownerOf(site)) : undefined;
      if (verdict?.ok) return;
      return this.flag(RULES.unknownQuery, site, `${subject} reads the relationship \`${last.owner}\` on an object loaded by ${load.why}; unless that query loads it, this raises MissingGreenlet${notFixed(verdict)}`, `${load.why}|${last.owner}`);
    }
    if (load.k === 'new') {
      // A pending object's unset collection is simply empty; only after a flush does an access try to load.
      const flushed = events.some((e) => ['commit', 'flush', 'refresh'].includes(e.method) && e.offset < at);
      const set = path.length === 1 && callArgs(load.call).keywords.has(last.name);
      const refreshed = refreshLoadsRelationships(this.ctx.options) && events.some((e) => e.method === 'refresh' && e.offset < at && (refreshedNames(e.call)?.names ?? []).includes(last.name));
      if (flushed && !set && !refreshed && path.length === 1) {
        this.flag(RULES.unknownQuery, site, `${subject} reads \`${last.owner}\` on an object created here and flushed since; no query loaded it, so the access tries to load it lazily`, last.owner);
      }
      return;
    }
    const stmt = load.stmt;
    if (stmt.blocked) {
      return this.flag(RULES.unknownQuery, site, `${subject} reads \`${last.owner}\`, which the statement loading the object does not load, and \`selectinload\` cannot be added to it: ${stmt.blocked}`, last.owner);
    }
    const key = start(stmt.anchor);
    const entry = this.needs.get(key) ?? { stmt, paths: [] };
    entry.paths.push({ rels: path, site, subject, entity: stmt.entityText });
    this.needs.set(key, entry);
  }

  /**
   * A route returning an object it constructs and commits (the plain shape of eager/refresh.ts), whose response
   * model reads relationships of it one level deep, each of the default `lazy="select"`: `await db.refresh(obj,
   * attribute_names=[...])` goes before the return (assemble), as for a function returning it to other code
   * (cross-index.ts). False, and the reads are flagged as before, when anything else holds.
   */
  private refreshBeforeReturn(fn: SgNode, ctor: SgNode, ret: SgNode, paths: Relationship[][]): boolean {
    if (!refreshLoadsRelationships(this.ctx.options)) return false;
    const site = refreshSite(fn, ctor, this.ctx.source, this.sessions);
    if (!site || site.at + site.indent.length !== start(ret) || this.ctx.isIgnored(site.at, site.at + 1)) return false;
    const names = new Set<string>();
    for (const rels of paths) {
      const last = rels[rels.length - 1] as Relationship;
      if (last.lazy !== null && NO_LOAD_NEEDED.has(last.lazy)) continue;
      if (rels.length !== 1 || last.lazy !== 'select') return false;
      // Set in the constructor: the object holds it already.
      if (!callArgs(ctor).keywords.has(last.name) && !site.refreshed.includes(last.name)) names.add(last.name);
    }
    if (names.size > 0) {
      const planned = this.localRefreshes.get(site.at) ?? { site, names: [] };
      for (const name of names) if (!planned.names.includes(name)) planned.names.push(name);
      this.localRefreshes.set(site.at, planned);
    }
    return true;
  }

  private serverColumnRead(p: Provenance, variable: string, column: string, info: { insert: boolean; update: boolean }, site: SgNode, events: SessionEvent[], via?: string): void {
    const at = start(site);
    const commit = [...events].reverse().find((e) => (e.method === 'commit' || e.method === 'flush') && e.offset < at);
    if (!commit) return;
    const refreshed = events.some((e) => e.method === 'refresh' && e.offset > commit.offset && e.offset < at && refreshes(e.call, variable, column));
    if (refreshed) return;
    const fn = ownerOf(site) as SgNode;
    const inserted = p.load.k === 'new' && info.insert && events.some((e) => e.offset < commit.offset && adds(e, variable));
    const updated = info.update && p.load.k !== 'new' && modifiedBefore(fn, variable, commit.offset);
    if (!inserted && !updated) return;
    const what = inserted ? 'generated by the database on INSERT' : 'generated by the database on UPDATE';
    this.flag(
      RULES.serverDefault,
      site,
      `${via ?? `\`${variable}.${column}\``} reads \`${p.model?.name}.${column}\`, ${what}, after \`${commit.call.text()}\` without \`refresh(${variable})\`: the value was expired by the flush and loading it raises MissingGreenlet`,
      `${variable}.${column}`,
    );
  }

  // ---- response models ------------------------------------------------------------------------------------

  /** Route handlers whose response model serialises relationships of the returned objects. */
  private visitResponseModel(fn: SgNode, parametersOnly: boolean): void {
    const schemaText = responseModelText(fn);
    if (!schemaText) return;
    const target = this.index.schemaOfType(this.ctx.path, schemaText);
    if (!target) {
      this.unknownResponseModel(fn, schemaText, parametersOnly);
      return;
    }
    const events = this.sessionEvents(fn);
    const handler = fn.field('name')?.text() ?? '?';
    // Rows are only read in the function that ran their statement, never in a plain def's parameters.
    const entityFields = parametersOnly ? [] : this.entityFields(target.schema);
    for (const ret of fn.findAll({ rule: { kind: 'return_statement' } })) {
      if (ownerOf(ret)?.id() !== fn.id()) continue;
      const value = namedChildren(ret)[0];
      if (!value) continue;
      if (entityFields.length > 0 && this.rowsReturn(fn, ret, value, target.list, target.schema, entityFields, events)) continue;
      if (value.kind() === 'dictionary' && !target.list) {
        // `return {"items": authors, "total": n}` under `AuthorPage`: each field serialises its value.
        this.fieldValues(fn, fieldPairs(value), target.schema, `the response model \`${target.schema.name}\` of \`${handler}\``, events, parametersOnly, start(ret), 0);
        continue;
      }
      let p = this.provenances.of(value, fn);
      if (!p || (parametersOnly && !fromParameter(p))) continue;
      if (target.list) p = p.shape === 'list' || p.shape === 'any' ? { ...p, shape: 'object' } : null;
      else if (p.shape !== 'object' && p.shape !== 'any') p = null;
      if (!p) continue;
      const subject = `the response model \`${target.schema.name}\` of \`${handler}\``;
      if (!p.model) {
        this.unknownModelReturn(fn, p, target.schema, subject);
        continue;
      }
      const reads = schemaReads(this.index, target.schema, p.model);
      const paths = reads.paths;
      const verdict = this.crossVerdict(p, '@response', fn);
      // A property the schema serialises reads what cannot be followed (the index's verdict says so too).
      if (!verdict?.ok) for (const why of reads.opaque) this.flag(RULES.unknownQuery, fn, `${subject} serialises ${why}, so which relationships it loads cannot be told; one not loaded raises MissingGreenlet`, why);
      if (verdict?.ok) {
        // Settled by the project index: the query behind the call loads (or will load) what the model reads.
      } else if (p.load.k === 'unknown') {
        // One finding per handler, naming every relationship its response model reads.
        const owners = [...new Set(paths.map((rels) => rels[rels.length - 1] as Relationship).filter((r) => r.lazy === 'select' || r.lazy === null).map((r) => `\`${r.owner}\``))];
        const dynamic = paths.map((rels) => rels[rels.length - 1] as Relationship).filter((r) => r.lazy === 'dynamic');
        for (const r of dynamic) this.need(p, [r], fn, subject, events);
        if (owners.length > 0) {
          this.flag(RULES.unknownQuery, fn, `${subject} reads ${owners.join(', ')} on the object returned from ${p.load.why}; unless that query loads them, serialisation raises MissingGreenlet${notFixed(verdict)}`, `${p.load.why}|${owners.join()}`);
        }
      } else if (!(p.load.k === 'new' && this.refreshBeforeReturn(fn, p.load.call, ret, paths))) {
        for (const rels of paths) this.need(p, rels, fn, subject, events, start(ret));
      }
      if (value.kind() === 'identifier') {
        for (const [field] of target.schema.fields) {
          const column = p.model.serverColumns.get(field);
          if (column) this.serverColumnRead(p, value.text(), field, column, ret, events, `${subject}, returning \`${value.text()}\`,`);
        }
      }
    }
  }

  /**
   * `response_model=self.response_model` (a class attribute each subclass of a generic router sets): which schema
   * serialises the returned objects is known only at run time, so neither are the relationships it reads. A handler
   * returning an object whose model has relationships loading lazily (or whose model is not known) is flagged once:
   * any relationship field of the schema raises MissingGreenlet unless the query loaded it.
   */
  private unknownResponseModel(fn: SgNode, schemaText: string, parametersOnly: boolean): void {
    if (!/^(?:(?:typing\.)?(?:list|List|Sequence)\[\s*)?(?:self|cls)\.\w+(?:\s*\])?$/.test(schemaText)) return;
    const handler = fn.field('name')?.text() ?? '?';
    for (const ret of ownReturns(fn)) {
      const value = namedChildren(ret)[0];
      const p = value ? this.provenances.of(value, fn) : null;
      if (!p) {
        // `(await db.scalars(select(self.model))).all()`: entities of a class known only at run time.
        if (!parametersOnly && value && this.loadedBySession(value)) {
          this.flag(RULES.unknownQuery, fn, `the response model of \`${handler}\` is \`${schemaText}\`, set at run time, so which relationships it serialises cannot be told; \`${handler}\` returns what a session query loaded: a relationship field the query did not load raises MissingGreenlet in serialisation`, `response:${schemaText}`);
          return;
        }
        continue;
      }
      if ((parametersOnly && !fromParameter(p)) || !['object', 'list', 'any'].includes(p.shape)) continue;
      const lazy = p.model ? [...p.model.relationships.values()].filter((r) => r.lazy === 'select' || r.lazy === 'dynamic' || r.lazy === null) : null;
      if (lazy !== null && lazy.length === 0) continue;
      const what = p.model ? `\`${p.model.name}\` objects, whose relationships ${lazy?.map((r) => `\`${r.owner}\``).join(', ')} load lazily` : `objects from ${p.load.k === 'unknown' ? p.load.why : 'a query'}`;
      this.flag(
        RULES.unknownQuery,
        fn,
        `the response model of \`${handler}\` is \`${schemaText}\`, set at run time, so which relationships it serialises cannot be told; \`${handler}\` returns ${what}: a relationship field the query did not load raises MissingGreenlet in serialisation`,
        `response:${schemaText}`,
      );
      return;
    }
  }

  /** `value` is, or reads, the result of a query method called on a session (`db.scalars(...)`, `session.get(...)`). */
  private loadedBySession(value: SgNode): boolean {
    return [value, ...value.findAll({ rule: { kind: 'call' } })].some((call) => {
      const callee = call.kind() === 'call' ? call.field('function') : null;
      const method = callee?.kind() === 'attribute' ? (callee.field('attribute')?.text() ?? '') : '';
      return QUERY_METHODS.has(method) && this.sessions.resolve(callee?.field('object') as SgNode) !== null;
    });
  }

  /** The schema's fields named exactly like a mapped class whose annotation is a (non-list) schema. */
  private entityFields(schema: SchemaInfo): EntityField[] {
    const byName = modelsByName(this.index);
    const out: EntityField[] = [];
    for (const [name, info] of schema.fields) {
      const models = byName.get(name);
      const nested = models ? this.index.schemaOfType(info.path, info.annotation) : null;
      if (models && nested && !nested.list) out.push({ name, nested: nested.schema, models });
    }
    return out;
  }

  /**
   * A route returning the rows of a statement (`select(Post, func.count(...).label("votes"))`, `select(A, B)`)
   * with a response model field named like a selected class (`Post: PostBase`): the field serialises the `Row`
   * attribute, the entity, and its schema reads the entity's relationships. They get loaders on the statement
   * like a one-model statement's; what is not certain is flagged at the `return`. True when the return is
   * settled here (the object paths below have nothing to add for rows).
   */
  private rowsReturn(fn: SgNode, ret: SgNode, value: SgNode, list: boolean, schema: SchemaInfo, fields: EntityField[], events: SessionEvent[]): boolean {
    const handler = fn.field('name')?.text() ?? '?';
    const flagFields = (which: EntityField[], why: string): void => {
      const owners = [...new Set(which.flatMap((f) => f.models.flatMap((m) => this.lazyReads(f.nested, m))))];
      if (owners.length === 0) return;
      const names = which.map((f) => `\`${f.name}\``).join(', ');
      const fieldText = which.length > 1 ? `its fields ${names} (the \`Row\` attributes of selected entities of those names)` : `its field ${names} (the \`Row\` attribute of a selected entity of that name)`;
      this.flag(
        RULES.unknownQuery,
        ret,
        `the response model \`${schema.name}\` of \`${handler}\` serialises ${owners.join(', ')} through ${fieldText}, but ${why}; unless the query loads them, serialisation raises MissingGreenlet`,
        `rows|${names}|${why}`,
      );
    };
    const rows = this.provenances.rowsOf(value, fn);
    if (!rows) {
      // A model object (or a list of them) of known provenance is serialised by the object paths; a field named
      // like a class is no attribute of it. Anything else may hold rows, or objects put together from them.
      const p = this.provenances.of(value, fn);
      if (value.kind() !== 'none' && !p?.model) flagFields(fields, `what \`${shortText(value.text())}\` holds cannot be followed to the statement that loaded it`);
      return false;
    }
    if (rows.k === 'unknown') {
      flagFields(fields, rows.why);
      return true;
    }
    if ((rows.shape === 'list') !== list) {
      const returned = rows.shape === 'result' ? 'a `Result`' : rows.shape === 'row' ? 'one row' : 'a list of rows';
      flagFields(fields, `the route returns ${returned} for a response model that expects ${list ? 'a list' : 'one object'}`);
      return true;
    }
    const invalid = invalidatedBetween(fn, rows.call, ret);
    if (invalid) {
      flagFields(fields, invalid);
      return true;
    }
    const items = rows.stmt.items;
    for (const field of fields) {
      const keyed = items.filter((i) => i.key === field.name);
      const entity = keyed.length === 1 && keyed[0]?.model && field.models.includes(keyed[0].model) ? keyed[0] : undefined;
      if (!entity) {
        // Nothing the statement selects is read by that name: the field reads no entity (validation fails instead).
        if (keyed.every((i) => !i.model) && keyed.length <= 1 && items.every((i) => i.known)) continue;
        const texts = items.filter((i) => !i.known || i.key === field.name).map((i) => `\`${shortText(i.node.text())}\``);
        flagFields([field], `which selected item the \`Row\` attribute \`${field.name}\` is cannot be told (${texts.join(', ')})`);
        continue;
      }
      const model = entity.model as ModelInfo;
      const subject = `the response model \`${schema.name}\` of \`${handler}\` (its field \`${field.name}\`, the \`Row\` attribute)`;
      const reads = schemaReads(this.index, field.nested, model);
      for (const why of reads.opaque) this.flag(RULES.unknownQuery, ret, `${subject} serialises ${why}, so which relationships it loads cannot be told; one not loaded raises MissingGreenlet`, why);
      const p: Provenance = { shape: 'object', model, load: { k: 'query', stmt: rows.stmt.forEntity(entity) }, path: [] };
      for (const rels of reads.paths) this.need(p, rels, ret, subject, events, start(ret));
    }
    return true;
  }

  /** The relationships (and unfollowable reads) `schema` serialising a `model` object may load lazily. */
  private lazyReads(schema: SchemaInfo, model: ModelInfo): string[] {
    const reads = schemaReads(this.index, schema, model);
    const lazy = reads.paths.map((rels) => rels[rels.length - 1] as Relationship).filter(lazilyLoaded);
    return [...lazy.map((r) => `\`${r.owner}\``), ...reads.opaque];
  }

  /** Models whose property `name` loads a relationship lazily, or reads what cannot be followed. */
  private loadingProperties(name: string): ModelInfo[] {
    return this.index.modelsWithProperty(name).filter((m) => {
      const reads = propertyReads(this.index, m, name);
      return reads.opaque.length > 0 || reads.paths.some((rels) => lazilyLoaded(rels[rels.length - 1] as Relationship));
    });
  }

  /** A handler returning what a CRUD call loaded, the model unknown: flag the schema fields that are relationships (or loading properties) of some model. */
  private unknownModelReturn(fn: SgNode, p: Provenance, schema: SchemaInfo, subject: string): void {
    if (p.load.k !== 'unknown') return;
    const candidates: string[] = [];
    for (const field of schema.fields.keys()) {
      for (const model of this.index.modelsWithRelationship(field)) {
        const rel = model.relationships.get(field) as Relationship;
        if (rel.lazy === 'select' || rel.lazy === 'dynamic' || rel.lazy === null) candidates.push(rel.owner);
      }
      for (const model of this.loadingProperties(field)) candidates.push(`${model.name}.${field}`);
    }
    const verdict = this.crossVerdict(p, '@response', fn);
    if (candidates.length === 0 || verdict?.ok) return;
    const names = [...new Set(candidates)].map((c) => `\`${c}\``).join(', ');
    this.flag(RULES.unknownQuery, fn, `${subject} reads ${names} on the object returned from ${p.load.why}; unless that query loads it, serialisation raises MissingGreenlet${notFixed(verdict)}`, `${p.load.why}|${names}`);
  }

  // ---- loads across functions ----------------------------------------------------------------------------

  /** How the project index settled a read of `key` on what the call behind `p` returned. */
  private crossVerdict(p: Provenance, key: string, fn: SgNode | null): Verdict | undefined {
    if (p.load.k !== 'unknown' || p.path.length > 0) return undefined;
    if (p.load.call) return this.project.verdict(this.ctx.path, start(p.load.call), key);
    // A parameter FastAPI fills from a dependency function: what that function returns.
    return p.load.param && fn ? this.project.parameterVerdict(this.ctx.path, parameterKey(fn, p.load.param), key) : undefined;
  }

  /** Loaders the project index planned on this file's statements for callers in other functions. */
  private crossFunctionNeeds(): void {
    const planned = this.project.needsIn(this.ctx.path);
    if (planned.length === 0) return;
    const fns = new Map(this.ctx.tree.root().findAll({ rule: { kind: 'function_definition' } }).map((f) => [start(f), f] as const));
    for (const need of planned) {
      const fn = fns.get(need.fn);
      const sources = fn ? returnSources(fn, this.provenances, this.sessions) : null;
      const found = sources?.find((s) => s.k === 'stmt' && start(s.stmt.anchor) === need.anchor);
      // The index summarized this very text: a statement it found is here.
      if (found?.k !== 'stmt') throw new Error(`eager-load: the statement at offset ${need.anchor} of ${this.ctx.path} planned by the index is not found`);
      const stmt = found.stmt;
      const subject = `a caller in another function (${need.callers.join(', ')})`;
      const entry = this.needs.get(start(stmt.anchor)) ?? { stmt, paths: [] };
      for (const rels of need.paths) entry.paths.push({ rels, site: stmt.anchor, subject, entity: stmt.entityText });
      this.needs.set(start(stmt.anchor), entry);
    }
  }

  // ---- concurrency ---------------------------------------------------------------------------------------

  private visitConcurrency(fn: SgNode): void {
    for (const call of fn.findAll({ rule: { kind: 'call' } })) {
      if (ownerOf(call)?.id() !== fn.id()) continue;
      const callee = dottedName(call.field('function') as SgNode);
      const last = callee?.[callee.length - 1] ?? '';
      const all = CONCURRENT_ALL.has(last) && (callee?.[0] === 'asyncio' || (callee?.length === 1 && localNameFor(this.imports, 'asyncio', last) === last));
      const task = CONCURRENT_TASK.has(last) && (callee?.length ?? 0) >= 2;
      if (!all && !task) continue;
      // `crud.create_task(db, ...)`: a project function that happens to share the name runs nothing concurrently.
      if (this.project.callsPlainProjectFunction(this.ctx.path, start(call), SPAWNERS)) continue;
      const args = namedChildren(call.field('arguments') as SgNode);
      const sessions = args.map((a) => this.taskSession(a, fn, 0));
      const carrying = args.filter((_, i) => sessions[i] !== null);
      const spread = carrying.some((a) => ['list_splat', 'list', 'list_comprehension', 'generator_expression', 'tuple', 'set'].includes(String(a.kind())));
      if (task ? carrying.length === 0 : carrying.length < 2 && !spread) continue;
      const session = sessions.find((s) => s !== null) ?? 'the session';
      this.flag(RULES.sharedSession, call, `\`${session}\` is used by the tasks that \`${callee?.join('.')}(...)\` runs concurrently; an AsyncSession is not safe for concurrent use`, String(start(call)));
    }
  }

  /**
   * The session the tasks an argument of a concurrency call makes would share: one written in it (`crud.get(db, i)`),
   * or reached through what it names in `fn`: a list of tasks built first (`tasks = [...]`, `tasks.append(...)`), a
   * function nested in `fn`, or a method of the same object (`self.describe(i)`), whose body uses a session it does
   * not make itself (`self.db`, the enclosing function's `db`). A task opening its own session shares nothing.
   */
  private taskSession(node: SgNode, fn: SgNode, depth: number): string | null {
    const direct = this.sessionIn(node);
    if (direct !== null || depth > 3) return direct;
    for (const id of [node, ...node.findAll({ rule: { kind: 'identifier' } })]) {
      if (id.kind() !== 'identifier') continue;
      const parent = id.parent();
      if (parent?.kind() === 'attribute' && !sameNode(parent.field('object'), id)) continue;
      const name = id.text();
      // `self.describe(i)`: the method of the object `self` names, in the class of the method binding it.
      const method = parent?.kind() === 'attribute' && parent.parent()?.kind() === 'call' ? this.selfMethod(id, parent.field('attribute')?.text() ?? '') : null;
      if (method) {
        const found = this.sharedSessionIn(method, depth + 1);
        if (found !== null) return found;
        continue;
      }
      for (const binding of bindingsIn(fn, name)) {
        const value = assignedValue(binding);
        const found = value ? this.taskSession(value, fn, depth + 1) : null;
        if (found !== null) return found;
      }
      for (const call of fn.findAll({ rule: { kind: 'call' } })) {
        const callee = call.field('function');
        if (callee?.kind() !== 'attribute' || callee.field('object')?.text() !== name || !['append', 'extend', 'insert'].includes(callee.field('attribute')?.text() ?? '')) continue;
        const found = this.taskSession(call.field('arguments') as SgNode, fn, depth + 1);
        if (found !== null) return found;
      }
      for (const def of fn.findAll({ rule: { kind: 'function_definition' } })) {
        if (def.field('name')?.text() !== name || ownerOf(def.parent()?.kind() === 'decorated_definition' ? (def.parent() as SgNode) : def)?.id() !== fn.id()) continue;
        const found = this.sharedSessionIn(def, depth + 1);
        if (found !== null) return found;
      }
    }
    return null;
  }

  /** `self.<name>` called where `self` is the first parameter of an enclosing method: that method of its class. */
  private selfMethod(object: SgNode, name: string): SgNode | null {
    const cls = selfClass(object);
    return cls ? (methodsOf(cls).find((m) => m.field('name')?.text() === name) ?? null) : null;
  }

  /**
   * `self.repo` where the class stores in it an object made from a session (`self.repo = Repo(self.db)`): that
   * session, which the object's methods use. Null when any store to it is not such a call.
   */
  private sessionOfHelper(attribute: SgNode): string | null {
    const object = attribute.field('object');
    const cls = object?.kind() === 'identifier' ? selfClass(object) : null;
    const name = attribute.field('attribute')?.text();
    if (!cls || !name) return null;
    let found: string | null = null;
    for (const m of methodsOf(cls)) {
      const self = parametersOf(m)[0]?.name;
      for (const assignment of m.findAll({ rule: { kind: 'assignment' } })) {
        const left = assignment.field('left');
        if (left?.kind() !== 'attribute' || left.field('object')?.text() !== self || left.field('attribute')?.text() !== name) continue;
        const right = assignment.field('right');
        const session = right?.kind() === 'call' ? this.sessionIn(right.field('arguments') as SgNode) : null;
        if (session === null) return null;
        found = session;
      }
    }
    return found;
  }

  /** A session `def`'s body uses that it does not make or receive itself: an attribute of its object, or a closure's. */
  private sharedSessionIn(def: SgNode, depth: number): string | null {
    const body = def.field('body');
    if (!body) return null;
    const self = classOfMethod(def) ? parametersOf(def)[0]?.name : undefined;
    const ownName = (name: string): boolean => name !== self && (parametersOf(def).some((p) => p.name === name) || bindingsIn(def, name).length > 0);
    for (const e of body.findAll({ rule: { any: [{ kind: 'identifier' }, { kind: 'attribute' }] } })) {
      const head = e.kind() === 'attribute' ? e.field('object') : e;
      if (head?.kind() !== 'identifier' || ownName(head.text())) continue;
      if (e.kind() === 'identifier' && e.parent()?.kind() === 'attribute' && !sameNode(e.parent()?.field('object') ?? null, e)) continue;
      if (this.sessions.resolve(e)) return e.text();
    }
    if (depth > 3) return null;
    // What it calls on its own object runs in the same task, on the same object.
    for (const call of body.findAll({ rule: { kind: 'call' } })) {
      const callee = call.field('function');
      const object = callee?.kind() === 'attribute' ? callee.field('object') : null;
      const method = object?.kind() === 'identifier' ? this.selfMethod(object, callee?.field('attribute')?.text() ?? '') : null;
      const found = method && method.id() !== def.id() ? this.sharedSessionIn(method, depth + 1) : null;
      if (found !== null) return found;
      // `await self.settings.model()`, the object built on the shared session (`ModelSettings(self.db)`).
      const helper = object?.kind() === 'attribute' && call.parent()?.kind() === 'await' ? this.sessionOfHelper(object) : null;
      if (helper !== null) return helper;
    }
    return null;
  }

  private sessionIn(node: SgNode): string | null {
    for (const id of [node, ...node.findAll({ rule: { any: [{ kind: 'identifier' }, { kind: 'attribute' }] } })]) {
      if (id.kind() !== 'identifier' && id.kind() !== 'attribute') continue;
      if (id.kind() === 'identifier' && id.parent()?.kind() === 'attribute' && !sameNode(id.parent()?.field('object') ?? null, id)) continue;
      if (id.kind() === 'identifier' && id.parent()?.kind() === 'keyword_argument' && sameNode(id.parent()?.field('name') ?? null, id)) continue;
      if (this.sessions.resolve(id)) return id.text();
    }
    return null;
  }

  // ---- session events ------------------------------------------------------------------------------------

  private readonly eventCache = new Map<number, SessionEvent[]>();

  /** commit/flush/refresh/add calls on sessions in the function's own body, in source order. */
  private sessionEvents(fn: SgNode): SessionEvent[] {
    const cached = this.eventCache.get(fn.id());
    if (cached) return cached;
    const events: SessionEvent[] = [];
    for (const call of fn.findAll({ rule: { kind: 'call' } })) {
      const callee = call.field('function');
      const method = callee?.kind() === 'attribute' ? (callee.field('attribute')?.text() ?? '') : '';
      if (!['commit', 'flush', 'refresh', 'add', 'add_all'].includes(method) || ownerOf(call)?.id() !== fn.id()) continue;
      if (!this.sessions.resolve(callee?.field('object') as SgNode)) continue;
      events.push({ method, offset: start(call), call });
    }
    events.sort((a, b) => a.offset - b.offset);
    this.eventCache.set(fn.id(), events);
    return events;
  }

  // ---- output --------------------------------------------------------------------------------------------

  private flag(rule: EagerRule, node: SgNode, message: string, key: string): void {
    const id = `${rule}@${start(node)}@${key}`;
    if (this.flagged.has(id)) return;
    this.flagged.add(id);
    const hint = (this.ctx.options.sqlalchemyVersion === '1.4' ? HINTS_V14[rule] : undefined) ?? HINTS[rule];
    this.findings.push({ rule, offset: start(node), message, hint });
  }

  private assemble(): TransformResult {
    const edits: TextEdit[] = [];
    let added = 0;
    // Only a module-level import binds the name in every function a loader may go in; one inside a function
    // binds it there alone.
    const bound = this.imports.from.find((imp) => imp.module === 'sqlalchemy.orm' && imp.name === 'selectinload' && isModuleLevel(imp.node));
    const existing = bound ? (bound.alias ?? bound.name) : null;
    // A `selectinload` bound to something else would shadow the import we add; a function's own
    // `from sqlalchemy.orm import selectinload` is the same object.
    const free = nameTable(this.ctx.tree, 'selectinload').occurrences.every((o) => o.role === 'reference' || (o.role === 'import' && this.importsSelectinload(o.node)));
    const loader = existing ?? (free ? 'selectinload' : null);
    for (const need of [...this.needs.values()].sort((a, b) => start(a.stmt.anchor) - start(b.stmt.anchor))) {
      const texts: string[] = [];
      const fail = (site: { site: SgNode; subject: string; rels: Relationship[] }, why: string): void => {
        const rel = site.rels[site.rels.length - 1] as Relationship;
        this.flag(RULES.unknownQuery, site.site, `${site.subject} reads \`${rel.owner}\`, which the statement loading the object does not load, and \`selectinload\` cannot be added: ${why}`, rel.owner);
      };
      const paths = uniquePaths(need.paths);
      for (const path of paths) {
        const names = path.rels.map((r) => r.name);
        const verdict = coverage(names, need.stmt.loaders);
        if (verdict.k === 'covered') {
          for (const site of path.sites) this.flagGetCaveat(need.stmt, site);
          continue;
        }
        if (verdict.k === 'conflict') {
          for (const site of path.sites) fail(site, verdict.why);
          continue;
        }
        if (coverage(names, [...need.stmt.loaders, ...need.stmt.conditional]).k !== 'addable' || hasConditional(names, need.stmt.conditional)) {
          for (const site of path.sites) fail(site, 'loader options for it are set on some code paths only');
          continue;
        }
        if (!loader) {
          for (const site of path.sites) fail(site, '`selectinload` is bound to something else in this module');
          continue;
        }
        const text = this.loaderText(loader, path.entity, path.rels);
        if (text.missing) {
          // The part of the path that can be written is still loaded; reads deeper than it are flagged.
          for (const site of path.sites) if (site.rels.length > text.depth) fail(site, text.missing);
          if (text.depth === 0 || coverage(names.slice(0, text.depth), need.stmt.loaders).k !== 'addable') continue;
        }
        texts.push(text.text);
        for (const [key, source] of text.imports) this.addedImports.set(key, source);
        for (const site of path.sites) if (site.rels.length <= text.depth) this.flagGetCaveat(need.stmt, site);
      }
      if (texts.length === 0) continue;
      const edit = optionsEdit(need.stmt, texts);
      if (this.ctx.isIgnored(edit.start, Math.max(edit.end, edit.start + 1))) continue;
      edits.push(edit);
      added += texts.length;
    }
    this.flagGetCaveats();
    let refreshed = 0;
    // Callers in other functions (the project index) and the route's own response model ask for one site alike.
    const refreshes = new Map<number, { site: RefreshSite; names: string[]; callers: string[] }>();
    for (const need of this.project.refreshesIn(this.ctx.path)) refreshes.set(need.site.at, { site: need.site, names: [...need.names], callers: [...need.callers] });
    for (const [at, local] of this.localRefreshes) {
      const merged = refreshes.get(at) ?? { site: local.site, names: [], callers: [] };
      for (const name of local.names) if (!merged.names.includes(name)) merged.names.push(name);
      merged.callers.push('its response model');
      refreshes.set(at, merged);
    }
    for (const need of refreshes.values()) {
      const { site } = need;
      // The index summarized this very text: the return it found is here.
      if (!this.ctx.source.startsWith(`${site.indent}return ${site.obj}`, site.at)) throw new Error(`eager-load: the return of \`${site.obj}\` at offset ${site.at} of ${this.ctx.path} planned by the index is not found`);
      const names = need.names.map((n) => `"${n}"`).join(', ');
      edits.push({
        start: site.at,
        end: site.at,
        text: `${site.indent}await ${site.session}.refresh(${site.obj}, attribute_names=[${names}])\n`,
        reason: `${ID}: load what callers read of the object it constructs (${need.callers.join(', ')}): nothing else loads its relationships`,
      });
      refreshed += need.names.length;
    }
    const add = [...(added > 0 && !existing ? [{ module: 'sqlalchemy.orm', name: 'selectinload' }] : []), ...(added > 0 ? this.addedImports.values() : [])];
    if (add.length > 0) {
      for (const e of planImportEdits(this.ctx.tree, this.ctx.source, { add })) edits.push({ ...e, reason: `${ID}: import what the loader options name` });
    }
    return {
      edits,
      findings: this.findings,
      counts: { 'eager loads added': added, 'relationships refreshed by name': refreshed, 'lazy loads flagged': this.findings.filter((f) => f.rule === RULES.unknownQuery).length },
    };
  }

  /**
   * A read served by loader options on `db.get()`: `Session.get()` hands back an object already in the identity map
   * without running its query, options included, so when a dependency sharing the request's session (the current
   * user), a test or an earlier query loaded the object, the relationship is still unloaded and the read raises
   * MissingGreenlet. Whether it was loaded before cannot be told from here: the loader stays (it serves every other
   * case) and the read is flagged, as for a caller in another function (cross-index.ts).
   */
  private flagGetCaveat(stmt: Statement, site: { site: SgNode; subject: string; rels: Relationship[] }): void {
    // A caller in another function (crossFunctionNeeds) is flagged there, with the same caveat (cross-index.ts).
    if (stmt.kind !== 'get' || start(site.site) === start(stmt.anchor)) return;
    if (this.firstUseOfOwnSession(stmt.anchor)) return;
    const key = `${start(site.site)}|${start(stmt.anchor)}`;
    const entry = this.getCaveats.get(key) ?? { stmt, site: site.site, subject: site.subject, owners: [] };
    const owner = (site.rels[site.rels.length - 1] as Relationship).owner;
    if (!entry.owners.includes(owner)) entry.owners.push(owner);
    this.getCaveats.set(key, entry);
  }

  /**
   * `db.get(...)` is the first thing done with a session the same function opened just before (`async with
   * AsyncSessionLocal() as db:` or `db = AsyncSessionLocal()`, one binding, no other mention of `db` in between, and
   * no loop around the get that the opening is outside of): its identity map is empty then, so the get runs its
   * query and its options. Anything else (a parameter, a dependency, an earlier query, even one that loads no
   * objects) keeps the caveat.
   */
  private firstUseOfOwnSession(get: SgNode): boolean {
    const receiver = get.field('function')?.field('object');
    if (!receiver || receiver.kind() !== 'identifier') return false;
    const fn = enclosingFunction(get);
    const info = this.sessions.resolve(receiver);
    if (!fn || !info?.stable || info.origins.length !== 1) return false;
    const origin = info.origins[0] as SgNode;
    if (!sameNode(enclosingFunction(origin), fn) || start(origin) >= start(get)) return false;
    // A scoped_session registry hands back the session it holds for the thread (or task), not a new one.
    if (this.mayBeScoped(origin)) return false;
    const holder = origin.parent();
    const boundBy =
      holder?.kind() === 'assignment' && holder.field('left')?.text() === receiver.text() && sameNode(holder.field('right'), origin)
        ? holder
        : holder?.kind() === 'as_pattern' && holder.field('alias')?.text() === receiver.text()
          ? holder
          : null;
    if (!boundBy) return false;
    const name = receiver.text();
    const occurrences = nameTable(this.ctx.tree, name).occurrences.filter((o) => start(o.node) >= start(fn) && start(o.node) < fn.range().end.index);
    if (occurrences.filter((o) => o.role !== 'reference' && sameNode(o.scope, fn)).length !== 1) return false;
    const between = occurrences.filter((o) => start(o.node) >= boundBy.range().end.index && start(o.node) < start(receiver));
    if (between.length > 0) return false;
    // A loop entered after the session was opened runs the get again, on a session the previous round filled.
    for (let a = get.parent(); a && !sameNode(a, fn); a = a.parent()) {
      if (LOOPS.has(String(a.kind())) && start(origin) < start(a)) return false;
    }
    return true;
  }

  /** The factory call `origin` (`F()`, `F.begin()`, `mod.F()`) may go through a `scoped_session` / `async_scoped_session` registry. */
  private mayBeScoped(origin: SgNode): boolean {
    let callee = origin.field('function');
    if (callee?.kind() === 'attribute' && callee.field('attribute')?.text() === 'begin') callee = callee.field('object');
    if (!callee) return true;
    if (/scoped/i.test(callee.text())) return true;
    if (callee.kind() !== 'identifier') return false;
    return nameTable(this.ctx.tree, callee.text()).occurrences.some((o) => {
      if (o.role !== 'binding' || o.scope.kind() !== 'module') return false;
      const assignment = o.node.parent();
      const value = assignment?.kind() === 'assignment' ? assignment.field('right') : null;
      return !value || /scoped/i.test(value.text());
    });
  }

  private readonly getCaveats = new Map<string, { stmt: Statement; site: SgNode; subject: string; owners: string[] }>();

  /** One finding per read and `db.get()`, naming every relationship its options load for that read. */
  private flagGetCaveats(): void {
    for (const { stmt, site, subject, owners } of this.getCaveats.values()) {
      this.flag(
        RULES.unknownQuery,
        site,
        `${subject} reads ${owners.map((o) => `\`${o}\``).join(', ')}, loaded by options on \`${shortText(stmt.anchor.text())}\`; but \`Session.get()\` skips its options when the object is already in the session (loaded earlier in it by a dependency sharing the request's session, a test, another query), and then this raises MissingGreenlet: make sure it is not, or load it with \`select(${stmt.entityText}).options(...).where(...)\``,
        `get|${start(stmt.anchor)}`,
      );
    }
  }

  /** The identifier is bound by `from sqlalchemy.orm import selectinload` (no alias). */
  private importsSelectinload(id: SgNode): boolean {
    return this.imports.from.some((imp) => imp.module === 'sqlalchemy.orm' && imp.name === 'selectinload' && imp.alias === null && imp.node.range().start.index <= start(id) && start(id) < imp.node.range().end.index);
  }

  /**
   * `selectinload(User.items).selectinload(Item.tags)`; deeper steps need the related class named in this
   * module, imported from its defining module when the file already imports from there. `depth` steps are written;
   * `missing` says why the rest could not be.
   */
  private loaderText(loader: string, entity: string, rels: Relationship[]): { text: string; depth: number; missing: string | null; imports: Map<string, { module: string; name: string }> } {
    const imports = new Map<string, { module: string; name: string }>();
    let text = `${loader}(${entity}.${(rels[0] as Relationship).name})`;
    for (let i = 1; i < rels.length; i++) {
      const from = (rels[i - 1] as Relationship).target;
      const model = from ? this.index.models.get(from) : undefined;
      const name = model ? this.nameFor(model, imports) : null;
      if (!model || !name) return { text, depth: i, missing: `the nested loader needs \`${model?.name ?? 'the related class'}\`, which is not imported in this module`, imports };
      text += `.selectinload(${name}.${(rels[i] as Relationship).name})`;
    }
    return { text, depth: rels.length, missing: null, imports };
  }

  private readonly addedImports = new Map<string, { module: string; name: string }>();

  private nameFor(model: ModelInfo, imports: Map<string, { module: string; name: string }>): string | null {
    const bound = this.index.textFor(this.ctx.path, model);
    if (bound) return bound;
    if (this.addedImports.has(model.key)) return model.name;
    const source = this.index.importFor(this.ctx.path, model);
    // The class name must be free in the module: no binding or use of it anywhere.
    if (!source || nameTable(this.ctx.tree, model.name).occurrences.length > 0) return null;
    imports.set(model.key, source);
    return model.name;
  }
}

/** The end of a finding's message saying why the project index could not settle the read, if it tried. */
function notFixed(verdict: Verdict | undefined): string {
  if (!verdict || verdict.ok) return '';
  return verdict.partial ? ` (a loader was added there, but ${verdict.why})` : ` (not fixed automatically: ${verdict.why})`;
}

/** Loaded by whatever supplied a parameter (a FastAPI dependency, a caller). */
/** Session methods that read rows (sessionLoaded), and the Result calls that take one object out of them. */
const SESSION_READS = new Set(['get', 'get_one', 'execute', 'scalars', 'scalar', 'exec']);
const RESULT_ONE = new Set(['first', 'one', 'one_or_none', 'scalar_one', 'scalar_one_or_none', 'scalar', 'scalars', 'unique']);

function fromParameter(p: Provenance): boolean {
  return p.load.k === 'unknown' && p.load.origin === 'parameter';
}

/** Distinct paths, those that are a prefix of another dropped (the longer chain loads them too). */
function uniquePaths(paths: Need['paths']): { rels: Relationship[]; entity: string; sites: Need['paths'] }[] {
  // The entity first: two selected items of one statement each take their own loader chains.
  const key = (entity: string, rels: Relationship[]): string => [entity, ...rels.map((r) => r.owner)].join('>');
  const groups = new Map<string, { rels: Relationship[]; entity: string; sites: Need['paths']; key: string }>();
  for (const p of paths) {
    const k = key(p.entity, p.rels);
    const g = groups.get(k) ?? { rels: p.rels, entity: p.entity, sites: [], key: k };
    g.sites.push(p);
    groups.set(k, g);
  }
  const all = [...groups.values()];
  const kept = all.filter((g) => !all.some((o) => o !== g && o.rels.length > g.rels.length && o.key.startsWith(`${g.key}>`)));
  for (const g of all) {
    if (kept.includes(g)) continue;
    const longer = kept.find((o) => o.key.startsWith(`${g.key}>`));
    longer?.sites.push(...g.sites);
  }
  return kept;
}

/** `.options(...)` after `select(...)`, or `options=[...]` in `db.get(...)`. */
function optionsEdit(stmt: Statement, loaders: string[]): TextEdit {
  const reason = `${ID}: ${loaders.join(', ')}`;
  if (stmt.kind === 'select') {
    const at = stmt.anchor.range().end.index;
    return { start: at, end: at, text: `.options(${loaders.join(', ')})`, reason };
  }
  const args = callArgs(stmt.anchor);
  const options = args.keywords.get('options');
  if (options) {
    const items = namedChildren(options);
    const last = items[items.length - 1];
    const at = last ? last.range().end.index : options.range().start.index + 1;
    return { start: at, end: at, text: `${last ? ', ' : ''}${loaders.join(', ')}`, reason };
  }
  const list = stmt.anchor.field('arguments') as SgNode;
  const all = namedChildren(list);
  const last = all[all.length - 1] as SgNode;
  const at = last.range().end.index;
  return { start: at, end: at, text: `, options=[${loaders.join(', ')}]`, reason };
}

function shortText(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

/** Loaded on access unless a loader option loaded it (`lazy="select"`, or a setting that cannot be read). */
function lazilyLoaded(rel: Relationship): boolean {
  return rel.lazy === 'select' || rel.lazy === 'dynamic' || rel.lazy === null;
}

/** `x.name(...)`: a method called, not an attribute read. */
/** The `"key": value` pairs of a dict literal with string keys (others are skipped). */
function fieldPairs(dict: SgNode): { name: string; value: SgNode }[] {
  const out: { name: string; value: SgNode }[] = [];
  for (const pair of namedChildren(dict)) {
    if (pair.kind() !== 'pair') continue;
    const key = pair.field('key');
    const value = pair.field('value');
    const name = key?.kind() === 'string' ? /^(['"])(\w+)\1$/.exec(key.text())?.[2] : undefined;
    if (name && value) out.push({ name, value });
  }
  return out;
}

function isCalled(attr: SgNode): boolean {
  const parent = attr.parent();
  return parent?.kind() === 'call' && sameNode(parent.field('function'), attr);
}

function isAssignmentTarget(attr: SgNode): boolean {
  const parent = attr.parent();
  return (parent?.kind() === 'assignment' || parent?.kind() === 'augmented_assignment') && sameNode(parent.field('left'), attr);
}

/** `db.refresh(obj)` reloads every column; with `attribute_names` only those listed. */
function refreshes(call: SgNode, variable: string, column: string): boolean {
  const args = callArgs(call);
  if (args.positional[0]?.text() !== variable) return false;
  const names = args.positional[1] ?? args.keywords.get('attribute_names');
  if (!names) return true;
  if (names.kind() !== 'list' && names.kind() !== 'tuple') return true;
  return namedChildren(names).some((n) => stringValue(n) === column);
}

/** An attribute of the object is assigned before `offset` (so the flush is an UPDATE of it). */
function modifiedBefore(fn: SgNode, variable: string, offset: number): boolean {
  return fn.findAll({ rule: { any: [{ kind: 'assignment' }, { kind: 'augmented_assignment' }] } }).some((a) => {
    const left = a.field('left');
    return start(a) < offset && left?.kind() === 'attribute' && left.field('object')?.text() === variable;
  }) || fn.findAll({ rule: { kind: 'call' } }).some((c) => start(c) < offset && c.field('function')?.text() === 'setattr' && callArgs(c).positional[0]?.text() === variable);
}

/** The value a binding occurrence is assigned (`tasks = [...]`), or null for any other binding. */
function assignedValue(id: SgNode): SgNode | null {
  const parent = id.parent();
  return parent?.kind() === 'assignment' && sameNode(parent.field('left'), id) ? parent.field('right') : null;
}

/** The class of the method whose first parameter `object` names (`self`, also from a function nested in it). */
function selfClass(object: SgNode): SgNode | null {
  for (let def = enclosingFunction(object); def; def = enclosingFunction(def)) {
    const params = parametersOf(def);
    if (params.some((p) => p.name === object.text()) || bindingsIn(def, object.text()).length > 0) {
      const cls = classOfMethod(def);
      return cls && params[0]?.name === object.text() ? cls : null;
    }
  }
  return null;
}

/**
 * The project's mapped classes by class name. Made once per model index (every file's transform shares the run's):
 * made per file, it cost each file time in proportion to the project.
 */
function modelsByName(index: ModelIndex): ReadonlyMap<string, readonly ModelInfo[]> {
  return cached(modelsByNameMemo, index, () => {
    const byName = new Map<string, ModelInfo[]>();
    for (const model of index.models.values()) {
      const list = byName.get(model.name);
      if (list) list.push(model);
      else byName.set(model.name, [model]);
    }
    return byName;
  });
}

const modelsByNameMemo = new WeakMap<ModelIndex, ReadonlyMap<string, readonly ModelInfo[]>>();
