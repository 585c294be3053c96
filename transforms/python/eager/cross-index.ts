// eager-load's project index: the model index, the project's call graph (propagate-async's index, reused
// to resolve calls), and what follows from both for loads across functions. For every relationship read
// (or response model) on an object a call returned, the call is followed to the statements that loaded the
// object, through delegations (`return await self.repo.get(...)`), and settled: the read is satisfied
// (the statements load it already, or will once the loader this index plans is added), or it is not, and
// the reason is kept for the caller's finding. Only exact chains settle a read: every call resolved to one
// project function, every `return` of every function on the way followed.
import type { SgRoot } from '@ast-grep/napi';
import type { ProjectIndexer, TransformOptions } from '../../../engine/types';
import { summarizeModule } from '../index/summarize';
import { withCachedTree } from '../support/cached-tree';
import { ProjectIndex, functionKey } from '../index/project';
import type { CallSite, Expr, ModuleSummary } from '../index/types';
import { refreshLoadsRelationships, type RefreshSite } from './refresh';
import { summarizeCross, type CallerRead, type CrossSummary, type DependencyRef, type ReturnsRec, type StatementRec } from './cross-summary';
import { mapSession, type CallShape, type ExpiryMode, type ExpiryRec } from './expiry';
import { coverage, hasConditional, NO_LOAD_NEEDED } from './loaders';
import { ModelIndex, propertyReads, schemaReads, type ModelInfo, type Reads, type Relationship, type SchemaInfo } from './model-index';
import { summarizeModels, type ModelSummary } from './summary';

export interface EagerSummary {
  models: ModelSummary;
  project: ModuleSummary;
  cross: CrossSummary;
}

/**
 * `partial`: the loader is (or will be) on the statement, but it may not load everything: the read stays
 * flagged, saying so.
 */
export type Verdict = { ok: true } | { ok: false; why: string; partial?: boolean };

/**
 * Why the objects behind a call cannot be followed to a query. `constructed`: every object is one a function
 * constructs (`Cart()`), of these models; a read no relationship of theirs answers loads nothing.
 */
type Unfollowed = { why: string; constructed?: ModelInfo[]; refreshable?: Refreshable[] };

/** A function returning an object it constructs, and where a refresh of that object's relationships can go. */
interface Refreshable {
  path: string;
  fn: number;
  /** `crud.create_user`, for messages. */
  name: string;
  model: ModelInfo;
  site: RefreshSite;
}

/** The refresh the rewrite pass of `path` adds before the `return` of the function `fn`, for callers elsewhere. */
export interface RefreshNeed {
  fn: number;
  site: RefreshSite;
  names: string[];
  callers: string[];
}

/** Loaders the rewrite pass of `path` adds to the statement at `anchor`, for callers in other functions. */
export interface CrossNeed {
  fn: number;
  anchor: number;
  paths: Relationship[][];
  /** Where the reads are, for messages: `app/api/orders.py:19`. */
  callers: string[];
}

interface Terminal {
  path: string;
  fn: number;
  /** `OrderRepository.get_with_items`, for messages. */
  name: string;
  stmt: StatementRec;
  shape: 'object' | 'list';
}

/** A session a call may expire every object of, written in the caller's frame (`order_service.db`). */
export interface SessionExpiry {
  session: string;
  /** How the callee leaves after it: returning normally, or only by raising (seen where that is caught). */
  mode: ExpiryMode;
  /** The functions from the callee down to the one that expires: `OrderService.place_order`. */
  chain: string[];
  /** The expiring call as written there: `self.db.rollback()`. */
  call: string;
}

const MAX_CHAIN = 8;

export class EagerIndex {
  readonly models: ModelIndex;
  private readonly project: ProjectIndex;
  private readonly cross = new Map<string, CrossSummary>();
  private readonly identifiers = new Map<string, Set<string>>();
  private readonly calls = new Map<string, Map<number, CallSite>>();
  private readonly returns = new Map<string, Map<number, ReturnsRec>>();
  private readonly verdicts = new Map<string, Verdict>();
  private readonly needs = new Map<string, Map<number, CrossNeed>>();
  private readonly refreshes = new Map<string, Map<number, RefreshNeed>>();
  private readonly expiryRecs = new Map<string, Map<number, ExpiryRec>>();
  private readonly expiryMemo = new Map<string, SessionExpiry[]>();
  private expiryCuts = 0;
  /** Some module names `map_imperatively` or `mapper`: computed on first use. */
  private imperative: boolean | undefined;

  /** `refreshLoads`: whether a refresh by name loads a relationship (not on SQLAlchemy 1.4: refreshLoadsRelationships). */
  constructor(
    summaries: ReadonlyMap<string, EagerSummary>,
    private readonly refreshLoads = true,
  ) {
    const models = new Map<string, ModelSummary>();
    const projects = new Map<string, ModuleSummary>();
    for (const [path, s] of summaries) {
      models.set(path, s.models);
      projects.set(path, s.project);
      this.cross.set(path, s.cross);
      this.identifiers.set(path, new Set(s.cross.identifiers));
      this.returns.set(path, new Map(s.cross.returns.map((r) => [r.fn, r])));
      this.expiryRecs.set(path, new Map(s.cross.expiry.map((r) => [r.fn, r])));
      const sites = new Map<number, CallSite>();
      // `Repo(db).get(id)`: two calls start at one offset; what is read, returned or awaited is the outer one's result.
      for (const site of [...s.project.functions.flatMap((f) => f.calls), ...s.project.moduleCalls]) if ((sites.get(site.start)?.end ?? -1) < site.end) sites.set(site.start, site);
      this.calls.set(path, sites);
    }
    this.models = new ModelIndex(models);
    this.project = new ProjectIndex(projects);
    for (const [path, cross] of this.cross) for (const read of cross.reads) this.settle(path, read);
  }

  /**
   * How the read `key` (a relationship name, or `@response` for the route's response model) of what the call
   * at `call` in `path` returned was settled; undefined when nothing is known.
   */
  verdict(path: string, call: number, key: string): Verdict | undefined {
    return this.verdicts.get(`${path}#${call}#${key}`);
  }

  /** The same for a dependency parameter (`parameterKey`). */
  parameterVerdict(path: string, param: string, key: string): Verdict | undefined {
    return this.verdicts.get(`${path}#param:${param}#${key}`);
  }

  /**
   * The call at `call` in `path` resolves to a project function that starts no task itself (none of its own
   * calls named like `spawners` is anything but such a function in turn): `crud.create_task(db, ...)` runs its
   * body in the caller's task. A project helper wrapping `asyncio.create_task` is not one.
   */
  callsPlainProjectFunction(path: string, call: number, spawners: ReadonlySet<string>, seen = new Set<string>()): boolean {
    const site = this.calls.get(path)?.get(call);
    const target = site ? this.project.resolveFunction(path, site.callee) : null;
    const fn = target ? this.project.function(target.path, target.id) : undefined;
    if (!target || !fn) return false;
    const key = functionKey(target.path, target.id);
    // Recursion among such functions starts no task by itself.
    if (seen.has(key)) return true;
    if (seen.size >= MAX_CHAIN) return false;
    const inner = new Set([...seen, key]);
    return fn.calls.every((c) => !spawners.has(c.text.split('.').pop() ?? '') || this.callsPlainProjectFunction(target.path, c.start, spawners, inner));
  }

  needsIn(path: string): CrossNeed[] {
    return [...(this.needs.get(path)?.values() ?? [])];
  }

  refreshesIn(path: string): RefreshNeed[] {
    return [...(this.refreshes.get(path)?.values() ?? [])];
  }

  /**
   * The sessions the call at `call` in `path` (passing `shape`) may expire every object of, through the
   * functions it calls (resolved calls only), written as the caller names them.
   */
  expiryAt(path: string, call: number, shape: CallShape): SessionExpiry[] {
    return this.calleeExpiries(path, call, shape, []);
  }

  private calleeExpiries(path: string, call: number, shape: CallShape, stack: string[]): SessionExpiry[] {
    const site = this.calls.get(path)?.get(call);
    if (!site || site.onSession) return [];
    if (stack.length >= MAX_CHAIN) {
      this.expiryCuts++;
      return [];
    }
    const target = this.project.resolveFunction(path, site.callee);
    const fn = target ? this.project.function(target.path, target.id) : undefined;
    const rec = target ? this.expiryRecs.get(target.path)?.get(target.id) : undefined;
    if (!target || !fn || !rec) return [];
    const bound = fn.kind === 'method' || fn.kind === 'classmethod';
    const out: SessionExpiry[] = [];
    for (const e of this.expiriesOf(target.path, rec, fn.qualname, stack)) {
      const session = mapSession(e.session, rec, bound, shape);
      if (session) out.push({ ...e, session });
    }
    return out;
  }

  /** The sessions of its own frame (`self.*`, parameters) the function may expire, directly or through calls. */
  private expiriesOf(path: string, rec: ExpiryRec, name: string, stack: string[]): SessionExpiry[] {
    const key = functionKey(path, rec.fn);
    const memo = this.expiryMemo.get(key);
    if (memo) return memo;
    // Recursion is not followed: the cycle's own effects are found on its way in.
    if (stack.includes(key)) {
      this.expiryCuts++;
      return [];
    }
    const cutsBefore = this.expiryCuts;
    const inner = [...stack, key];
    const roots = new Set(['self', ...rec.params]);
    const out: SessionExpiry[] = rec.direct.map((d) => ({ session: d.session, mode: d.mode, chain: [name], call: d.text }));
    for (const c of rec.calls) {
      for (const e of this.calleeExpiries(path, c.call, c.shape, inner)) {
        if (!roots.has(e.session.split('.')[0] as string)) continue;
        // After a normal return the caller goes on from the call; after a raise, only where it catches it.
        const mode: ExpiryMode = e.mode === 'return' ? c.after : c.caught ? 'return' : 'raise';
        out.push({ ...e, mode, chain: [name, ...e.chain] });
      }
    }
    const unique = out.filter((e, i) => out.findIndex((o) => o.session === e.session && o.mode === e.mode) === i);
    // A result cut short by recursion or depth depends on where the walk started: not kept.
    if (this.expiryCuts === cutsBefore) this.expiryMemo.set(key, unique);
    return unique;
  }

  // ---- settling reads -----------------------------------------------------------------------------------

  private settle(path: string, read: CallerRead): void {
    const key = read.param ? `${path}#param:${read.param.key}#${read.name ?? '@response'}` : `${path}#${read.call}#${read.name ?? '@response'}`;
    const verdict = this.verdictFor(path, read);
    if (!verdict) return;
    const prior = this.verdicts.get(key);
    // The same read twice (a response model over several returns of one call) is settled only if both are.
    if (!prior || prior.ok) this.verdicts.set(key, verdict.v);
    if (!verdict.v.ok && !verdict.v.partial) return;
    const site = this.calls.get(path)?.get(read.param && read.param.dependency.k === 'call' ? read.param.dependency.call : read.call);
    for (const { t, rels } of verdict.edits) this.plan(t, rels, `${path}:${site?.line ?? '?'}`);
    for (const { r, names } of verdict.refreshes ?? []) this.planRefresh(r, names, `${path}:${site?.line ?? '?'}`);
  }

  private verdictFor(
    path: string,
    read: CallerRead,
  ): { v: Verdict; edits: { t: Terminal; rels: Relationship[] }[]; refreshes?: { r: Refreshable; names: string[] }[] } | null {
    let chain: { terminals: Terminal[] } | Unfollowed;
    if (read.param) {
      const dependency = this.dependencyFunction(path, read.param.dependency);
      // Not a dependency function (a plain annotation, a class): nothing to say about it.
      if (!dependency) return null;
      chain = this.fromFunction(dependency, `\`${this.project.function(dependency.path, dependency.id)?.qualname ?? '?'}\``, 0, new Set());
    } else chain = this.terminals(path, read.call, 0, new Set());
    const schema = read.schema !== undefined ? this.models.schemaOfType(path, read.schema) : null;
    if ('why' in chain) {
      // A constructed object's class is known: a read none of its relationships (or loading properties) answers is no
      // lazy load, whatever other models have a relationship of that name.
      const known = read.schema === undefined || schema !== null;
      const settled = known && chain.constructed?.every((model) => !this.readsLazily(this.readsOf(read, schema?.schema ?? null, model)));
      if (settled) return { v: { ok: true }, edits: [] };
      const refreshes = known && !read.elem && chain.refreshable ? this.refreshesFor(chain.refreshable, read, schema?.schema ?? null) : null;
      return refreshes ? { v: { ok: true }, edits: [], refreshes } : { v: { ok: false, why: chain.why }, edits: [] };
    }
    if (read.schema !== undefined && !schema) return null;
    const edits: { t: Terminal; rels: Relationship[] }[] = [];
    let caveat: string | null = null;
    for (const t of chain.terminals) {
      const model = this.models.resolveModel(t.path, t.stmt.entity);
      if (!model) return { v: { ok: false, why: `the query in \`${t.name}\` selects \`${t.stmt.entity.join('.')}\`, which is not a mapped model class` }, edits: [] };
      const shape = read.elem ? 'list' : 'object';
      if (t.shape !== shape) {
        return { v: { ok: false, why: `\`${t.name}\` returns ${t.shape === 'list' ? 'a list of' : 'a single'} \`${model.name}\`, not what is read here` }, edits: [] };
      }
      const reads = this.readsOf(read, schema?.schema ?? null, model);
      if (reads.opaque.length > 0) return { v: { ok: false, why: `it reads ${reads.opaque[0]}, so what it loads cannot be told` }, edits: [] };
      const paths = reads.paths;
      for (const rels of paths) {
        const checked = this.check(t, rels);
        if (checked.why) return { v: { ok: false, why: checked.why }, edits: [] };
        if (checked.edit) edits.push({ t, rels });
        if (checked.caveat) caveat ??= checked.caveat;
      }
    }
    return { v: caveat ? { ok: false, why: caveat, partial: true } : { ok: true }, edits };
  }

  /** What the read (a response model `schema`, or the attribute `read.name`) reads of an object of `model`. */
  private readsOf(read: CallerRead, schema: SchemaInfo | null, model: ModelInfo): Reads {
    if (schema) return schemaReads(this.models, schema, model);
    const rel = model.relationships.get(read.name ?? '');
    // A property runs on the read and loads what it reads; a column (or anything else) loads nothing.
    return rel ? { paths: [[rel]], opaque: [] } : propertyReads(this.models, model, read.name ?? '');
  }

  /** Reads that may run a query on access: an opaque one, or a relationship not loaded eagerly by its own setting. */
  private readsLazily(reads: Reads): boolean {
    return (
      reads.opaque.length > 0 ||
      reads.paths.some((rels) => {
        const last = rels[rels.length - 1] as Relationship;
        return last.lazy === null || !NO_LOAD_NEEDED.has(last.lazy);
      })
    );
  }

  /**
   * The relationships each constructing function must refresh by name for this read, or null when a refresh
   * cannot answer it: an opaque read, a relationship read lazily below the first step (a refresh loads one
   * level), one whose `lazy=` is not the default `select` (dynamic, not a literal), or a name the module
   * binds otherwise. Already refreshed names (an earlier run) need nothing.
   */
  private refreshesFor(refreshable: readonly Refreshable[], read: CallerRead, schema: SchemaInfo | null): { r: Refreshable; names: string[] }[] | null {
    const out: { r: Refreshable; names: string[] }[] = [];
    for (const r of refreshable) {
      const reads = this.readsOf(read, schema, r.model);
      if (reads.opaque.length > 0) return null;
      const names = new Set<string>();
      for (const rels of reads.paths) {
        const last = rels[rels.length - 1] as Relationship;
        if (last.lazy !== null && NO_LOAD_NEEDED.has(last.lazy)) continue;
        if (rels.length !== 1 || last.lazy !== 'select') return null;
        if (!r.site.refreshed.includes(last.name)) names.add(last.name);
      }
      if (names.size > 0) out.push({ r, names: [...names] });
    }
    return out;
  }

  private planRefresh(r: Refreshable, names: readonly string[], caller: string): void {
    const byFn = this.refreshes.get(r.path) ?? new Map<number, RefreshNeed>();
    this.refreshes.set(r.path, byFn);
    const need = byFn.get(r.fn) ?? { fn: r.fn, site: r.site, names: [], callers: [] };
    byFn.set(r.fn, need);
    for (const name of names) if (!need.names.includes(name)) need.names.push(name);
    if (!need.callers.includes(caller)) need.callers.push(caller);
  }

  /** Whether the statement of `t` loads `rels` or can be made to: the same rules as for a statement in the reading function. */
  private check(t: Terminal, rels: Relationship[]): { why?: string; edit?: boolean; caveat?: string } {
    const last = rels[rels.length - 1] as Relationship;
    if (last.lazy === 'dynamic') return { why: `\`${last.owner}\` is a lazy="dynamic" relationship, which runs a query on access` };
    if (last.lazy === null) return { why: `the \`lazy=\` setting of \`${last.owner}\` is not a literal, so whether it is loaded cannot be told` };
    if (NO_LOAD_NEEDED.has(last.lazy)) return {};
    const stmt = t.stmt;
    const where = `the statement in \`${t.name}\` (${t.path})`;
    if (stmt.blocked) return { why: `${where} cannot take a loader: ${stmt.blocked}` };
    const names = rels.map((r) => r.name);
    // `Session.get()` returns an object already in the identity map without running its query, options
    // included: a caller's object loaded earlier in the same session (by a test, by another query) is still
    // unloaded. The loader helps every other case, so it is added, and the read stays flagged.
    const caveat =
      stmt.kind === 'get'
        ? `the \`db.get()\` in \`${t.name}\` (${t.path}) skips loader options when the object is already in the session (created or loaded earlier in it): make sure it is not, or load it with \`select(${t.stmt.entity.join('.')}).options(...).where(...)\``
        : undefined;
    const verdict = coverage(names, stmt.loaders);
    if (verdict.k === 'covered') return { caveat };
    if (verdict.k === 'conflict') return { why: `${where} cannot take \`selectinload\` for \`${last.owner}\`: ${verdict.why}` };
    if (coverage(names, [...stmt.loaders, ...stmt.conditional]).k !== 'addable' || hasConditional(names, stmt.conditional)) {
      return { why: `${where} sets loader options on some code paths only` };
    }
    if (!this.cross.get(t.path)?.loaderName) return { why: `\`selectinload\` is bound to something else in ${t.path}` };
    for (let i = 1; i < rels.length; i++) {
      const from = (rels[i - 1] as Relationship).target;
      const related = from ? this.models.models.get(from) : undefined;
      if (!related || !this.canName(t.path, related)) {
        return { why: `the nested loader for \`${last.owner}\` needs \`${related?.name ?? 'the related class'}\` named in ${t.path}, where it is not imported` };
      }
    }
    if (stmt.ignored) return { why: `${where} is on a line with an \`awaitify: ignore\` comment` };
    return { edit: true, caveat };
  }

  /** The rewrite pass can write the model's name in `path`: bound already, or importable under a free name. */
  private canName(path: string, model: ModelInfo): boolean {
    if (this.models.textFor(path, model)) return true;
    return this.models.importFor(path, model) !== null && !(this.identifiers.get(path)?.has(model.name) ?? true);
  }

  private plan(t: Terminal, rels: Relationship[], caller: string): void {
    const byAnchor = this.needs.get(t.path) ?? new Map<number, CrossNeed>();
    this.needs.set(t.path, byAnchor);
    const need = byAnchor.get(t.stmt.anchor) ?? { fn: t.fn, anchor: t.stmt.anchor, paths: [], callers: [] };
    byAnchor.set(t.stmt.anchor, need);
    const key = rels.map((r) => r.owner).join('>');
    if (!need.paths.some((p) => p.map((r) => r.owner).join('>') === key)) need.paths.push(rels);
    if (!need.callers.includes(caller)) need.callers.push(caller);
  }

  // ---- following calls ----------------------------------------------------------------------------------

  /** The statements whose objects the call at `call` in `path` returns, through every delegation; or why not. */
  private terminals(path: string, call: number, depth: number, seen: Set<string>): { terminals: Terminal[] } | Unfollowed {
    const site = this.calls.get(path)?.get(call);
    if (!site) return { why: 'the call is not in the project index' };
    const shown = `\`${site.text}(...)\``;
    if (site.onSession) return { why: `${shown} is a session call` };
    const target = this.project.resolveFunction(path, site.callee);
    if (!target) return { why: `${shown} does not resolve to one function of the project` };
    const fn = this.project.function(target.path, target.id);
    const name = fn?.qualname ?? site.text;
    const overridden = this.overriddenIn(path, site.callee, target);
    if (overridden) return { why: `${shown} may run an override of \`${name}\` in \`${overridden}\`` };
    return this.fromFunction(target, shown, depth, seen);
  }

  /** The statements whose objects the function returns, through every delegation; or why not. */
  private fromFunction(target: { path: string; id: number }, shown: string, depth: number, seen: Set<string>): { terminals: Terminal[] } | Unfollowed {
    const fn = this.project.function(target.path, target.id);
    const name = fn?.qualname ?? '?';
    const key = functionKey(target.path, target.id);
    if (seen.has(key) || depth >= MAX_CHAIN) return { why: `the calls from ${shown} on are recursive or too deep to follow` };
    const rec = this.returns.get(target.path)?.get(target.id);
    if (!rec || fn?.isGenerator) return { why: `\`${name}\` returns no value this tool can follow` };
    if (rec.decorator) return { why: `\`${name}\` is decorated with \`@${rec.decorator}\`, which may change what a call returns` };
    const out: Terminal[] = [];
    const inner = new Set([...seen, key]);
    for (const s of rec.sources) {
      if (s.k === 'stmt') {
        out.push({ path: target.path, fn: target.id, name, stmt: s.stmt, shape: s.shape });
        continue;
      }
      if (s.k === 'opaque') return { why: `in \`${name}\`, ${s.why}` };
      if (s.k === 'new') {
        const model = this.models.resolveModel(target.path, s.entity);
        if (model) {
          const how = this.refreshLoads
            ? '(after its flush, `await db.refresh(obj, attribute_names=[...])` loads relationships)'
            : '(after its flush, select it again with `.options(selectinload(...))`: SQLAlchemy 1.4\'s `refresh(obj, attribute_names=[...])` does not load relationships)';
          const why = `\`${name}\` returns an object it constructs (\`${model.name}(...)\`), not one a query loaded, so there is no query to add a loader to ${how}`;
          const constructed = this.constructedModels(target.path, rec);
          if (!constructed) return { why };
          // Each return constructs and refreshes its own object: the refresh goes before each (one return: one site).
          const refreshable = this.refreshLoads && rec.sources.length === 1 && s.refresh ? [{ path: target.path, fn: target.id, name, model, site: s.refresh }] : undefined;
          return refreshable ? { why, constructed, refreshable } : { why, constructed };
        }
        if (this.unmapped(target.path, s.entity)) {
          // A domain object built from a model (`return Incident(id=m.id, events=[...])`): no session loads it later.
          const why = `\`${name}\` returns an object it constructs (\`${s.entity.join('.')}(...)\`), of a class that is not mapped`;
          const constructed = this.constructedModels(target.path, rec);
          return constructed ? { why, constructed } : { why };
        }
        if (s.invalid) return { why: `in \`${name}\`, ${s.invalid}` };
      }
      const sub = this.terminals(target.path, s.call, depth + 1, inner);
      // What the callee constructs is all this function returns only when that call is its one source.
      if ('why' in sub) return rec.sources.length === 1 ? sub : { why: sub.why };
      out.push(...sub.terminals);
    }
    return { terminals: out };
  }

  /**
   * The models of the objects the function returns when it returns only objects it constructs of known models or
   * of classes that are not mapped (which load nothing: they add no model); else null.
   */
  private constructedModels(path: string, rec: ReturnsRec): ModelInfo[] | null {
    const models: ModelInfo[] = [];
    for (const s of rec.sources) {
      const model = s.k === 'new' ? this.models.resolveModel(path, s.entity) : null;
      if (model) models.push(model);
      else if (s.k !== 'new' || !this.unmapped(path, s.entity)) return null;
    }
    return models;
  }

  /**
   * `entity` is a project class no mapping reaches. A project mapping classes imperatively
   * (`registry.map_imperatively(Incident, table)`, the legacy `mapper(...)`) may map any plain class: none is.
   */
  private unmapped(path: string, entity: string[]): boolean {
    this.imperative ??= [...this.identifiers.values()].some((names) => names.has('map_imperatively') || names.has('mapper'));
    return !this.imperative && this.models.unmappedClass(path, entity);
  }

  /** The function a FastAPI dependency parameter is filled from: `Depends(f)` here, or in the alias it names. */
  private dependencyFunction(path: string, ref: DependencyRef): { path: string; id: number } | null {
    let at = path;
    let call: number;
    if (ref.k === 'call') call = ref.call;
    else {
      const alias = this.models.aliasDefinition(path, ref.name);
      const found = alias ? this.cross.get(alias.path)?.aliases.find((a) => a.name === alias.name) : undefined;
      if (!alias || !found) return null;
      at = alias.path;
      call = found.dependency;
    }
    const reference = this.calls.get(at)?.get(call)?.references?.[0];
    const entity = reference ? this.project.evaluate(at, reference.expr) : null;
    return entity?.k === 'function' ? { path: entity.path, id: entity.id } : null;
  }

  /** Whether some class of the project has the class starting at offset `classStart` of `path` on its MRO. */
  subclassed(path: string, classStart: number): boolean {
    return this.project.subclassesOf({ path, id: classStart }).length > 0;
  }

  /**
   * `self.method(...)` resolves to the method of the class the code is in; an instance of a subclass that
   * overrides it runs the override. The name of such a subclass, or null.
   */
  private overriddenIn(path: string, callee: Expr, target: { path: string; id: number }): string | null {
    if (callee.k !== 'attr' || callee.of.k !== 'self') return null;
    const own = { path, id: callee.of.cls };
    for (const cls of this.project.allClasses()) {
      if (cls.path === own.path && cls.id === own.id) continue;
      const mro = this.project.mro(cls);
      if (!mro?.some((c) => c.path === own.path && c.id === own.id)) continue;
      const found = this.project.findMethod(cls, callee.name);
      if (found && (found.path !== target.path || found.id !== target.id)) return this.project.classSummary(cls.path, cls.id)?.qualname ?? '?';
    }
    return null;
  }
}

export const eagerIndexer: ProjectIndexer<SgRoot, EagerSummary, EagerIndex> = {
  id: 'eager-load',
  summarize: (raw) => {
    // One memoising view for all three: they ask the same nodes the same questions (scopes, bindings, calls).
    const input = withCachedTree(raw);
    return { models: summarizeModels(input.path, input.tree), project: summarizeModule(input), cross: summarizeCross(input) };
  },
  build: (summaries, options) => new EagerIndex(summaries, refreshLoadsRelationships(options)),
};

/** The index of one file alone: what a transform run outside the engine's project pass sees. */
export function singleFileIndex(ctx: { path: string; source: string; tree: SgRoot; options: TransformOptions }): EagerIndex {
  const input = { path: ctx.path, absPath: `/${ctx.path}`, source: ctx.source, tree: ctx.tree, options: ctx.options };
  return new EagerIndex(new Map([[ctx.path, eagerIndexer.summarize(input)]]), refreshLoadsRelationships(ctx.options));
}
