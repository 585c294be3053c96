// The model index of eager-load: which classes are mapped (declarative models, SQLModel tables), their
// relationships (target model, lazy strategy) and server-generated columns, which classes are pydantic
// schemas (with their fields, inherited ones included), and what module-level functions return.
//
// Names resolve through module-level imports across the project's files (absolute imports by path suffix,
// several candidates narrowed to those whose root holds the importer; relative ones from the importing file). A name that cannot be resolved is unknown, never guessed, except
// relationship targets: SQLAlchemy itself resolves `relationship("Item")` by class name in the registry, so a
// model name that is unique in the project is its target.
import type { SgRoot } from '@ast-grep/napi';
import type { ProjectIndexer } from '../../../engine/types';
import { parseTypeText, summarizeModels, type ClassRec, type FunctionRec, type ImportRec, type ModelSummary, type ParsedType } from './summary';
import { cachedTree } from '../support/cached-tree';
import { cached } from '../../../engine/cached';
import { LIBRARY_ROOTS, TailTable } from '../index/modules';
import type { PropertyRec } from './properties';

export interface Relationship {
  name: string;
  /** Key of the target model, null when it cannot be resolved. */
  target: string | null;
  /** Strategy name (`select`, `selectin`, `dynamic`...); null when `lazy=` is not a literal. */
  lazy: string | null;
  /** A collection; false for a scalar (many-to-one, one-to-one); null when the model does not say. */
  collection: boolean | null;
  /** Class that declares it (for messages): `User.items`. */
  owner: string;
}

export interface ModelInfo {
  key: string;
  path: string;
  name: string;
  relationships: Map<string, Relationship>;
  serverColumns: Map<string, { insert: boolean; update: boolean }>;
  /** `@property` getters, inherited ones included (a subclass's own win). */
  properties: Map<string, PropertyRec>;
  /** Plain methods, inherited ones included, read like properties when called (`user.to_dict()`). */
  methods: Map<string, PropertyRec>;
  /** Columns of an integer SQL type, mapped ancestors' and mixins' included; `pk`: the primary key. */
  intColumns: Map<string, { pk: boolean }>;
  /** Columns holding members of an enum class (`Mapped[Role]`, `Column(Enum(Role))`): column → the class's name. */
  enumColumns: Map<string, string>;
}

export interface SchemaInfo {
  key: string;
  path: string;
  name: string;
  /** Field name → annotation text, inherited fields included. */
  fields: Map<string, { annotation: string; path: string }>;
}

type Resolved =
  | { k: 'class'; path: string; cls: ClassRec }
  | { k: 'module'; path: string }
  | { k: 'function'; path: string; fn: FunctionRec }
  /** A module-level name assigned `declarative_base()`. */
  | { k: 'base' }
  /** A module-level type alias `X = Annotated[M, ...]`: its text, read in `path`. */
  | { k: 'alias'; path: string; text: string; name: string }
  /**
   * A name outside the project, as an absolute dotted path. `ambiguous`: several project files end like its
   * module (none rooted at the importer alone), so it may be the project's after all.
   */
  | { k: 'external'; target: string; ambiguous: boolean };

const DECLARATIVE_BASES = new Set(['sqlalchemy.orm.DeclarativeBase', 'sqlalchemy.orm.DeclarativeBaseNoMeta', 'sqlalchemy.orm.decl_api.DeclarativeBase']);
const SQLMODEL = new Set(['sqlmodel.SQLModel', 'sqlmodel.main.SQLModel']);
const PYDANTIC = new Set(['pydantic.BaseModel', 'pydantic.main.BaseModel', 'pydantic.v1.BaseModel']);
const MAPPING_DECORATORS = new Set(['mapped', 'mapped_as_dataclass']);

const keyOf = (path: string, name: string): string => `${path}::${name}`;

export class ModelIndex {
  private readonly modules: ReadonlyMap<string, ModelSummary>;
  readonly models = new Map<string, ModelInfo>();
  readonly schemas = new Map<string, SchemaInfo>();
  private readonly kinds = new Map<string, 'model' | 'mapped-ancestor' | 'base' | 'sqlmodel' | 'schema' | 'other'>();
  /** The modules an absolute module name may be, by name (the modules never change once the index is built). */
  private readonly absolute = new Map<string, string[]>();
  /** The modules' paths by their ends, for findModule's absolute names. */
  private readonly byTail = new TailTable<string>();
  /**
   * Models by relationship name, in the order of `models`: asked for every relationship read of every file,
   * where a walk over every model of the project would cost each file in proportion to the project.
   */
  private readonly byRelationship = new Map<string, ModelInfo[]>();
  /** Models by property name, in the order of `models`, as `byRelationship`. */
  private readonly byProperty = new Map<string, ModelInfo[]>();
  /** Models by class name, in the order of `models`: a relationship target written as a string is looked up by name. */
  private readonly byName = new Map<string, ModelInfo[]>();

  /**
   * Every module of the project making an engine (tests aside) writes a SQLite URL and no other database's: the
   * database is SQLite (aiosqlite), not PostgreSQL through asyncpg. False when no module makes one: unknown.
   */
  readonly sqliteOnly: boolean;

  constructor(summaries: ReadonlyMap<string, ModelSummary>) {
    this.modules = summaries;
    const engines = [...summaries.values()].flatMap((m) => (m.engine ? [m.engine] : []));
    this.sqliteOnly = engines.length > 0 && engines.every((e) => e === 'sqlite');
    for (const path of summaries.keys()) this.byTail.add(path.split('/'), path);
    for (const [path, summary] of summaries) for (const cls of summary.classes) this.classify(path, cls, new Set());
    for (const [path, summary] of summaries) {
      for (const cls of summary.classes) {
        if (this.kinds.get(keyOf(path, cls.name)) === 'model') this.models.set(keyOf(path, cls.name), { key: keyOf(path, cls.name), path, name: cls.name, relationships: new Map(), serverColumns: new Map(), properties: new Map(), methods: new Map(), intColumns: new Map(), enumColumns: new Map() });
      }
    }
    for (const model of this.models.values()) cached(this.byName, model.name, () => []).push(model);
    for (const model of this.models.values()) this.collectMembers(model);
    this.collectBackrefs();
    for (const model of this.models.values()) {
      for (const relationship of model.relationships.keys()) cached(this.byRelationship, relationship, () => []).push(model);
      for (const property of model.properties.keys()) cached(this.byProperty, property, () => []).push(model);
    }
    for (const [path, summary] of summaries) {
      // SQLModel classes without `table=True` are pydantic models reading ORM objects by attribute too.
      for (const cls of summary.classes) if (['schema', 'sqlmodel'].includes(this.kinds.get(keyOf(path, cls.name)) ?? '')) this.schemas.set(keyOf(path, cls.name), this.schemaOf(path, cls));
    }
  }

  /** The model a dotted name written in module `path` is bound to. */
  resolveModel(path: string, parts: string[]): ModelInfo | null {
    const r = this.resolve(path, parts);
    return r?.k === 'class' ? (this.models.get(keyOf(r.path, r.cls.name)) ?? null) : null;
  }

  /**
   * `parts` names a project class that no mapping reaches, its whole hierarchy known: a plain class, a dataclass,
   * a pydantic model (a domain entity a repository builds from a model). Not a class with a base this index cannot
   * resolve (it may be mapped), nor a generic base (`Repo[T]`, not a dotted name).
   */
  unmappedClass(path: string, parts: string[], depth = 0): boolean {
    const r = depth > 8 ? null : this.resolve(path, parts);
    if (r?.k !== 'class') return false;
    const kind = this.kinds.get(keyOf(r.path, r.cls.name));
    if (kind !== 'other' && kind !== 'schema') return false;
    return r.cls.bases.every((base) => {
      if (base.length === 1 && base[0] === 'object') return true;
      const b = base.length > 0 ? this.resolve(r.path, base) : null;
      if (b?.k === 'external') return !b.ambiguous;
      return b?.k === 'class' && this.unmappedClass(r.path, base, depth + 1);
    });
  }

  resolveSchema(path: string, parts: string[]): SchemaInfo | null {
    const r = this.resolve(path, parts);
    return r?.k === 'class' ? (this.schemas.get(keyOf(r.path, r.cls.name)) ?? null) : null;
  }

  /** What a module-level function named by `parts` in `path` is annotated to return, when that is a model (or a list of one). */
  functionReturn(path: string, parts: string[]): { model: ModelInfo; list: boolean } | null {
    const r = this.resolve(path, parts);
    if (r?.k !== 'function' || !r.fn.returns) return null;
    return this.modelOfType(r.path, r.fn.returns);
  }

  /** The model (or list of one) an annotation written in `path` names, type aliases followed. */
  modelOfType(path: string, text: string, depth = 0): { model: ModelInfo; list: boolean } | null {
    const parsed = parseTypeText(text);
    if (!parsed || depth > 4) return null;
    const r = this.resolve(path, parsed.name);
    if (r?.k === 'alias') {
      const inner = this.modelOfType(r.path, r.text, depth + 1);
      return inner ? { model: inner.model, list: inner.list || parsed.list } : null;
    }
    const model = r?.k === 'class' ? this.models.get(keyOf(r.path, r.cls.name)) : undefined;
    return model ? { model, list: parsed.list } : null;
  }

  /**
   * What calling a factory annotated `text` in `path` gives, when it is a model (or a list of one):
   * `Callable[..., Author]`, `Callable[..., Awaitable[Author]]`, or a type alias of one (`AuthorFactory`).
   */
  factoryOfType(path: string, text: string, depth = 0): { model: ModelInfo; list: boolean } | null {
    const returns = callableReturn(text);
    if (returns !== null) return this.modelOfType(path, returns);
    const parsed = parseTypeText(text);
    if (!parsed || parsed.list || depth > 4) return null;
    const r = this.resolve(path, parsed.name);
    return r?.k === 'alias' ? this.factoryOfType(r.path, r.text, depth + 1) : null;
  }

  /** The module-level type alias a dotted name written in `path` is bound to: its module and name there. */
  aliasDefinition(path: string, parts: string[]): { path: string; name: string } | null {
    const r = this.resolve(path, parts);
    return r?.k === 'alias' ? { path: r.path, name: r.name } : null;
  }

  /** The schema and list-ness an annotation text written in `path` names. */
  /**
   * The pydantic schema a module-level function named by `parts` in `path` returns: by its annotation, else by the
   * constructor every return of its body calls (`return schemas.TokenData(id=id)`).
   */
  functionSchema(path: string, parts: string[]): SchemaInfo | null {
    const r = this.resolve(path, parts);
    if (r?.k !== 'function') return null;
    const text = r.fn.returns ?? r.fn.constructs ?? null;
    const found = text ? this.schemaOfType(r.path, text) : null;
    return found && !found.list ? found.schema : null;
  }

  schemaOfType(path: string, text: string): { schema: SchemaInfo; list: boolean } | null {
    const parsed: ParsedType | null = parseTypeText(text);
    const schema = parsed ? this.resolveSchema(path, parsed.name) : null;
    return parsed && schema ? { schema, list: parsed.list } : null;
  }

  /** Models with a relationship of this name, in the order of `models`. */
  modelsWithRelationship(name: string): ModelInfo[] {
    return [...(this.byRelationship.get(name) ?? [])];
  }

  /** Models with a property of this name (not shadowed by a relationship), in the order of `models`. */
  modelsWithProperty(name: string): ModelInfo[] {
    return (this.byProperty.get(name) ?? []).filter((m) => !m.relationships.has(name));
  }

  /**
   * How code in module `path` can name `model` without a new import: a module-level name bound to it, or an
   * imported module holding it (`models.Item`). Null when neither exists.
   */
  textFor(path: string, model: ModelInfo): string | null {
    const summary = this.modules.get(path);
    if (!summary) return null;
    const locals = new Set([...summary.imports.map((i) => i.local), ...summary.classes.map((c) => c.name), ...summary.functions.map((f) => f.name)]);
    for (const local of locals) {
      const r = this.resolve(path, [local]);
      if (r?.k === 'class' && keyOf(r.path, r.cls.name) === model.key) return local;
      if (r?.k === 'module' && this.resolve(r.path, [model.name])?.k === 'class' && this.resolveModel(r.path, [model.name])?.key === model.key) return `${local}.${model.name}`;
    }
    return null;
  }

  /**
   * A `from <module> import <Model>` this file could add: a module it already imports from by `from` import
   * that is where the model is defined. Null when there is none.
   */
  importFor(path: string, model: ModelInfo): { module: string; name: string } | null {
    const summary = this.modules.get(path);
    for (const imp of summary?.imports ?? []) {
      if (imp.name === null) continue;
      if (this.findModule(path, imp.level, imp.module) === model.path) return { module: `${'.'.repeat(imp.level)}${imp.module}`, name: model.name };
    }
    return null;
  }

  /**
   * The dotted name written in `path` is an enum class: one deriving from `enum.Enum` (or `IntEnum`, `StrEnum`,
   * `Flag`), directly or through project classes. A name that cannot be resolved is not one.
   */
  private isEnumClass(path: string, parts: string[], depth: number): boolean {
    if (depth > 8) return false;
    const r = this.resolve(path, parts);
    if (r?.k !== 'class') return false;
    return r.cls.bases.some((base) => {
      if (base.length === 0) return false;
      const b = this.resolve(r.path, base);
      if (b?.k === 'external') return !b.ambiguous && /^enum\.(?:Enum|IntEnum|StrEnum|Flag|IntFlag)$/.test(b.target);
      return b?.k === 'class' && this.isEnumClass(r.path, base, depth + 1);
    });
  }

  // ---- resolution ---------------------------------------------------------------------------------------

  private resolve(path: string, parts: string[]): Resolved | null {
    let r = parts[0] ? this.resolveGlobal(path, parts[0], 0) : null;
    for (const part of parts.slice(1)) {
      if (!r) return null;
      if (r.k === 'module') r = this.resolveGlobal(r.path, part, 0) ?? this.submodule(r.path, part);
      else if (r.k === 'external') r = { k: 'external', target: `${r.target}.${part}`, ambiguous: r.ambiguous };
      else return null;
    }
    return r;
  }

  private resolveGlobal(path: string, name: string, depth: number): Resolved | null {
    const summary = this.modules.get(path);
    if (!summary || depth > 8) return null;
    let classes = summary.classes.filter((c) => c.name === name);
    // One class per branch of a module-level `if`/`try` (a version switch): when every branch defines it with
    // the same bases, it is the same kind of class whichever runs.
    if (classes.length > 1 && classes.every((c) => c.conditional && JSON.stringify(c.bases) === JSON.stringify(classes[0]?.bases))) classes = classes.slice(0, 1);
    const functions = summary.functions.filter((f) => f.name === name);
    // The same import written twice binds the same object whichever runs last: one binding.
    const imports = summary.imports.filter((i, n, all) => i.local === name && all.findIndex((o) => sameImport(o, i)) === n);
    const bases = summary.declarativeBases.filter((b) => b === name);
    const aliases = summary.typeAliases.filter((a) => a.name === name);
    // Bound more than once at module level: which binding a use sees is not known statically.
    if (classes.length + functions.length + imports.length + bases.length + aliases.length !== 1) return null;
    if (classes[0]) return { k: 'class', path, cls: classes[0] };
    if (functions[0]) return { k: 'function', path, fn: functions[0] };
    if (bases[0]) return { k: 'base' };
    if (aliases[0]) return { k: 'alias', path, text: aliases[0].text, name: aliases[0].name };
    const imp = imports[0]!;
    if (imp.name === null) {
      const found = this.findModule(path, 0, imp.module);
      return found ? { k: 'module', path: found } : { k: 'external', target: imp.module, ambiguous: this.inProject(path, imp.module) };
    }
    const from = this.findModule(path, imp.level, imp.module);
    const inModule = from ? this.resolveGlobal(from, imp.name, depth + 1) : null;
    if (inModule) return inModule;
    const sub = this.findModule(path, imp.level, imp.module === '' ? imp.name : `${imp.module}.${imp.name}`);
    if (sub) return { k: 'module', path: sub };
    if (from || imp.level > 0) return null;
    return { k: 'external', target: `${imp.module}.${imp.name}`, ambiguous: this.inProject(path, imp.module) };
  }

  private submodule(packagePath: string, name: string): Resolved | null {
    if (!packagePath.endsWith('__init__.py')) return null;
    const dir = packagePath.slice(0, -'__init__.py'.length);
    for (const candidate of [`${dir}${name}.py`, `${dir}${name}/__init__.py`]) if (this.modules.has(candidate)) return { k: 'module', path: candidate };
    return null;
  }

  /** The indexed file a module name refers to, seen from `importer`; null when none or several match. */
  private findModule(importer: string, level: number, module: string): string | null {
    const parts = module === '' ? [] : module.split('.');
    if (level > 0) {
      const dir = importer.split('/').slice(0, -1);
      for (let i = 1; i < level; i++) {
        if (dir.length === 0) return null;
        dir.pop();
      }
      const base = [...dir, ...parts].join('/');
      if (base === '') return this.modules.has('__init__.py') ? '__init__.py' : null;
      for (const candidate of [`${base}.py`, `${base}/__init__.py`]) if (this.modules.has(candidate)) return candidate;
      return null;
    }
    if (parts.length === 0) return null;
    const matches = cached(this.absolute, module, () => this.moduleCandidates(parts));
    // Several files end the same way (a sibling project with its own `config/database.py`), or a file is named
    // like a library (`dependencies/sqlmodel.py`): keep those whose implied root directory holds the importer,
    // as a sys.path entry holding it would; the rule the project index (index/modules.ts) resolves calls by,
    // so that models and calls agree on what an import names.
    const rooted = this.rootedFor(importer, parts, matches);
    if (LIBRARY_ROOTS.has(parts[0]!)) return rooted.length === 1 ? (rooted[0] as string) : null;
    if (matches.length <= 1) return matches[0] ?? null;
    if (rooted.length === 1) return rooted[0] as string;
    // `x/y.py` next to `x/y/__init__.py`: the package wins, as in Python.
    const packages = rooted.filter((m) => m.endsWith('/__init__.py') || m === '__init__.py');
    if (rooted.length === 2 && packages.length === 1 && moduleRoot(rooted[0] as string, 0).join('/') === moduleRoot(rooted[1] as string, 0).join('/')) return packages[0] as string;
    return null;
  }

  /** Some project file ends like the absolute module name (for a library's name: one `importer` would import). */
  private inProject(importer: string, module: string): boolean {
    if (module === '') return false;
    const parts = module.split('.');
    const matches = cached(this.absolute, module, () => this.moduleCandidates(parts));
    return LIBRARY_ROOTS.has(parts[0]!) ? this.rootedFor(importer, parts, matches).length > 0 : matches.length > 0;
  }

  private rootedFor(importer: string, parts: string[], matches: string[]): string[] {
    const importerDir = importer.split('/').slice(0, -1);
    const rooted = matches.filter((m) => isPrefix(moduleRoot(m, parts.length), importerDir));
    // A library's name: never a file in a package's directory (no sys.path entry), as index/modules.ts decides.
    if (!LIBRARY_ROOTS.has(parts[0]!)) return rooted;
    return rooted.filter((m) => !this.modules.has([...moduleRoot(m, parts.length), '__init__.py'].join('/')));
  }

  /**
   * The modules whose paths end like an absolute module name: the same from every importer, so looked up once
   * per name, among the modules whose paths end the same way (a scan of every module per name or per import
   * grew with the square of the project).
   */
  private moduleCandidates(parts: string[]): string[] {
    const tail = parts.join('/');
    const matches = new Set<string>();
    for (const ending of [`${tail}.py`, `${tail}/__init__.py`]) {
      for (const p of this.byTail.candidates(ending.split('/'))) if (p === ending || p.endsWith(`/${ending}`)) matches.add(p);
    }
    return [...matches];
  }

  // ---- classification -----------------------------------------------------------------------------------

  private classify(path: string, cls: ClassRec, seen: Set<string>): 'model' | 'mapped-ancestor' | 'base' | 'sqlmodel' | 'schema' | 'other' {
    const key = keyOf(path, cls.name);
    const known = this.kinds.get(key);
    if (known) return known;
    if (seen.has(key)) return 'other';
    seen.add(key);
    let kind: 'model' | 'mapped-ancestor' | 'base' | 'sqlmodel' | 'schema' | 'other' = 'other';
    const decorated = cls.decorators.map((d) => d.at(-1) ?? '');
    if (decorated.includes('as_declarative')) kind = 'base';
    else if (decorated.some((d) => MAPPING_DECORATORS.has(d))) kind = 'model';
    else {
      let unresolved = false;
      for (const base of cls.bases) {
        const r = base.length > 0 ? this.resolve(path, base) : null;
        if (!r || (r.k === 'external' && r.ambiguous)) unresolved ||= base.length > 0;
        if (!r) continue;
        let parent: string = 'other';
        if (r.k === 'base') parent = 'base';
        else if (r.k === 'external') parent = DECLARATIVE_BASES.has(r.target) ? 'declarative-base-class' : SQLMODEL.has(r.target) ? 'sqlmodel' : PYDANTIC.has(r.target) ? 'schema' : 'other';
        else if (r.k === 'class') parent = this.classify(r.path, r.cls, seen);
        if (parent === 'declarative-base-class') kind = 'base';
        else if (parent === 'base' || parent === 'model' || parent === 'mapped-ancestor') kind = cls.abstract ? 'mapped-ancestor' : 'model';
        else if (parent === 'sqlmodel') kind = cls.table ? 'model' : 'sqlmodel';
        else if (parent === 'schema' && kind === 'other') kind = 'schema';
        if (kind !== 'other' && kind !== 'schema') break;
      }
      // A base the project names but this index cannot resolve (an import several modules may answer, a name
      // bound twice): a class declaring `relationship()` attributes is mapped all the same. Seeing no model
      // there would leave its relationship reads neither loaded nor flagged.
      // (A mixin's `@declared_attr` relationships map nothing on the mixin itself.)
      if (kind === 'other' && unresolved && cls.relationships.some((rel) => !rel.onClass && !rel.declared)) kind = cls.abstract ? 'mapped-ancestor' : 'model';
    }
    this.kinds.set(key, kind);
    return kind;
  }

  /**
   * Relationships and server columns of a model, its mapped ancestors' included (a subclass's own win), and the
   * `@declared_attr` relationships of the project's mixins it derives from (`class Tag(Base, ProjectMixin)`), which
   * declarative maps on the model itself.
   */
  private collectMembers(model: ModelInfo): void {
    const chain: { path: string; cls: ClassRec; mixin?: true }[] = [];
    const visit = (path: string, cls: ClassRec, depth: number, mixin: boolean): void => {
      if (depth > 8) return;
      for (const base of cls.bases) {
        const r = base.length > 0 ? this.resolve(path, base) : null;
        if (r?.k !== 'class') continue;
        const kind = this.kinds.get(keyOf(r.path, r.cls.name));
        if (kind === 'model' || kind === 'mapped-ancestor') visit(r.path, r.cls, depth + 1, false);
        else if (kind === 'other') visit(r.path, r.cls, depth + 1, true);
      }
      chain.push(mixin ? { path, cls, mixin } : { path, cls });
    };
    const own = this.modules.get(model.path)?.classes.find((c) => c.name === model.name);
    if (!own) return;
    visit(model.path, own, 0, false);
    this.collectProperties(model, model.path, own, 0);
    for (const { path, cls, mixin } of chain) {
      for (const rel of cls.relationships) {
        if (rel.onClass || (mixin && !rel.declared)) continue;
        model.relationships.set(rel.name, { name: rel.name, target: rel.target ? this.targetKey(path, rel.target) : null, lazy: rel.lazy, collection: rel.collection, owner: `${model.name}.${rel.name}` });
      }
      // A mixin's columns are copied onto the models deriving from it.
      for (const column of cls.intColumns ?? []) model.intColumns.set(column.name, { pk: column.pk });
      for (const column of cls.enumColumns ?? []) if (this.isEnumClass(path, column.type, 0)) model.enumColumns.set(column.name, column.type[column.type.length - 1] as string);
      if (mixin) continue;
      for (const column of cls.serverColumns) model.serverColumns.set(column.name, { insert: column.insert, update: column.update });
    }
  }

  /**
   * Properties of a model's class and of every project class it derives from, mixins included (a property
   * there runs on the model's objects too); the class nearest the model wins, as in Python's lookup.
   */
  private collectProperties(model: ModelInfo, path: string, cls: ClassRec, depth: number): void {
    if (depth > 8) return;
    for (const p of cls.properties ?? []) if (!model.properties.has(p.name)) model.properties.set(p.name, p);
    for (const m of cls.methods ?? []) if (!model.methods.has(m.name)) model.methods.set(m.name, m);
    for (const base of cls.bases) {
      const r = base.length > 0 ? this.resolve(path, base) : null;
      if (r?.k === 'class') this.collectProperties(model, r.path, r.cls, depth + 1);
    }
  }

  private collectBackrefs(): void {
    for (const [path, summary] of this.modules) {
      for (const cls of summary.classes) {
        if (this.kinds.get(keyOf(path, cls.name)) !== 'model') continue;
        for (const rel of cls.relationships) {
          if (!rel.onClass) continue;
          const targetKey = this.targetKey(path, rel.onClass);
          const target = targetKey ? this.models.get(targetKey) : null;
          if (target && !target.relationships.has(rel.name)) {
            target.relationships.set(rel.name, { name: rel.name, target: keyOf(path, cls.name), lazy: rel.lazy, collection: rel.collection, owner: `${target.name}.${rel.name}` });
          }
        }
      }
    }
  }

  /** A relationship target: the model the name is bound to in the defining module, else the one model of that name. */
  private targetKey(path: string, name: string): string | null {
    const bound = this.resolveModel(path, [name]);
    if (bound) return bound.key;
    const named = this.byName.get(name) ?? [];
    return named.length === 1 ? (named[0] as ModelInfo).key : null;
  }

  private schemaOf(path: string, cls: ClassRec): SchemaInfo {
    const fields = new Map<string, { annotation: string; path: string }>();
    const visit = (p: string, c: ClassRec, depth: number): void => {
      if (depth > 8) return;
      for (const base of c.bases) {
        const r = base.length > 0 ? this.resolve(p, base) : null;
        if (r?.k === 'class' && ['schema', 'sqlmodel'].includes(this.kinds.get(keyOf(r.path, r.cls.name)) ?? '')) visit(r.path, r.cls, depth + 1);
      }
      for (const f of c.fields) fields.set(f.name, { annotation: f.annotation, path: p });
    };
    visit(path, cls, 0);
    return { key: keyOf(path, cls.name), path, name: cls.name, fields };
  }
}

/** What reading something of a model loads: relationship paths, and why some of it cannot be followed. */
export interface Reads {
  paths: Relationship[][];
  /** What cannot be followed, as a noun phrase (`the property \`Project.summary\`, which calls \`self.compute()\``). */
  opaque: string[];
}

/** Paths of relationships a schema reads on a model: its fields named like relationships or properties, nested schemas followed. */
export function schemaPaths(index: ModelIndex, schema: SchemaInfo, model: ModelInfo): Relationship[][] {
  return schemaReads(index, schema, model).paths;
}

export function schemaReads(index: ModelIndex, schema: SchemaInfo, model: ModelInfo, depth = 0, seen = new Set<string>()): Reads {
  const key = `${schema.key}>${model.key}`;
  const out: Reads = { paths: [], opaque: [] };
  if (depth > 3 || seen.has(key)) return out;
  seen.add(key);
  for (const [field, info] of schema.fields) {
    const rel = model.relationships.get(field);
    const nested = index.schemaOfType(info.path, info.annotation);
    if (!rel) {
      if (model.properties.has(field)) propertyField(index, model, field, nested?.schema ?? null, depth, seen, out);
      continue;
    }
    out.paths.push([rel]);
    const target = rel.target ? index.models.get(rel.target) : undefined;
    // Nested schemas read the related objects' relationships too, unless the relationship itself is never loaded.
    if (!nested || !target || !loadsObjects(rel)) continue;
    const sub = schemaReads(index, nested.schema, target, depth + 1, new Set(seen));
    for (const rels of sub.paths) out.paths.push([rel, ...rels]);
    out.opaque.push(...sub.opaque);
  }
  return out;
}

/** A schema field serialising a property: what the property reads, and what a nested schema reads of what it returns. */
function propertyField(index: ModelIndex, model: ModelInfo, field: string, nested: SchemaInfo | null, depth: number, seen: Set<string>, out: Reads): void {
  const reads = propertyReads(index, model, field);
  out.paths.push(...reads.paths);
  out.opaque.push(...reads.opaque);
  if (!nested) return;
  // `return self.project.owner` serialised by `OwnerOut`: the schema reads the related object like a relationship field.
  const returned = (model.properties.get(field) as PropertyRec).returns;
  const rels = returned ? relationshipChain(index, model, returned) : null;
  const last = rels?.[rels.length - 1];
  const target = last?.target ? index.models.get(last.target) : undefined;
  if (rels && last && target && rels.length === returned?.length) {
    if (!loadsObjects(last)) return;
    const sub = schemaReads(index, nested, target, depth + 1, new Set(seen));
    for (const more of sub.paths) out.paths.push([...rels, ...more]);
    out.opaque.push(...sub.opaque);
  } else if (reads.paths.length > 0) {
    out.opaque.push(`the property \`${model.name}.${field}\`, which returns objects that \`${nested.name}\` serialises (which objects those are cannot be followed)`);
  }
}

function loadsObjects(rel: Relationship): boolean {
  return rel.lazy !== 'dynamic' && rel.lazy !== 'noload' && rel.lazy !== 'raise' && rel.lazy !== 'write_only';
}

/** The relationships a chain of attribute names walks from `model`, as far as each is a relationship. */
function relationshipChain(index: ModelIndex, model: ModelInfo, chain: string[]): Relationship[] {
  const rels: Relationship[] = [];
  let at: ModelInfo | undefined = model;
  for (const name of chain) {
    const rel: Relationship | undefined = at?.relationships.get(name);
    if (!rel) break;
    rels.push(rel);
    at = rel.target ? index.models.get(rel.target) : undefined;
  }
  return rels;
}

/**
 * What reading the property `name` of a `model` object loads: the relationships its chains from `self` walk,
 * properties it reads followed (of the model and of related models). What cannot be followed is reported:
 * `self` handed to a call, a method of `self` called, attributes of a related object's relationships read on
 * objects the chains do not reach (`sorted(self.tasks, key=lambda t: t.owner.name)`).
 */
/** What a function reading `rec` of a `model` object loads (see propertyReads), described as `what` in findings. */
export function recordReads(index: ModelIndex, model: ModelInfo, rec: PropertyRec, what: string): Reads {
  return propertyReads(index, model, rec.name, 0, new Set<string>(), false, { rec, what });
}

export function propertyReads(index: ModelIndex, model: ModelInfo, name: string, depth = 0, seen = new Set<string>(), method = false, given?: { rec: PropertyRec; what: string }): Reads {
  const out: Reads = { paths: [], opaque: [] };
  const prop = given ? given.rec : (method ? model.methods : model.properties).get(name);
  const key = given ? `${model.key}>${given.what}` : `${model.key}.${name}${method ? '()' : ''}`;
  const what = given ? given.what : method ? `the method \`${model.name}.${name}()\`` : `the property \`${model.name}.${name}\``;
  if (!prop || seen.has(key)) return out;
  if (depth > 4) {
    out.opaque.push(`${what}, which reads properties too deeply nested to follow`);
    return out;
  }
  const inner = new Set([...seen, key]);
  const shown = `${what}, which`;
  if (prop.opaque) out.opaque.push(`${shown} ${prop.opaque}`);
  const reached = new Set<ModelInfo>();
  for (const chain of prop.reads) {
    const rels = relationshipChain(index, model, chain);
    for (const rel of rels) {
      const target = rel.target ? index.models.get(rel.target) : undefined;
      if (target) reached.add(target);
    }
    const next = chain[rels.length];
    const last = rels[rels.length - 1];
    const at = last ? (last.target ? index.models.get(last.target) : undefined) : model;
    // `self.a.label` with `label` a property of the related model: what it reads, from there.
    if (next !== undefined && at?.properties.has(next) && (!last || loadsObjects(last))) {
      const sub = propertyReads(index, at, next, depth + 1, inner);
      for (const more of sub.paths) out.paths.push([...rels, ...more]);
      out.opaque.push(...sub.opaque);
      if (rels.length + 1 < chain.length && sub.paths.length > 0) out.opaque.push(`${shown} reads \`${chain.slice(rels.length + 1).join('.')}\` of what the property \`${at.name}.${next}\` returns`);
    }
    if (rels.length > 0) out.paths.push(rels);
  }
  const hidden = prop.foreign.filter((attr) => [...reached].some((m) => m.relationships.has(attr) || m.properties.has(attr)));
  if (hidden.length > 0) out.opaque.push(`${shown} reads \`${hidden[0]}\` on objects it takes from \`${model.name}\` in a way this tool cannot follow`);
  return out;
}

export const modelIndexer: ProjectIndexer<SgRoot, ModelSummary, ModelIndex> = {
  id: 'eager-load-models',
  summarize: (input) => summarizeModels(input.path, cachedTree(input.tree)),
  build: (summaries) => new ModelIndex(summaries),
};

/** The index of one file alone: what a transform run outside the engine's project pass sees. */
export function singleFileIndex(path: string, tree: SgRoot): ModelIndex {
  return new ModelIndex(new Map([[path, summarizeModels(path, tree)]]));
}

/** The directories a module's file path names, its last `depth` module names dropped: the root it is imported from. */
function moduleRoot(path: string, depth: number): string[] {
  const segments = path.slice(0, -'.py'.length).split('/');
  if (segments[segments.length - 1] === '__init__') segments.pop();
  return segments.slice(0, segments.length - depth);
}

function isPrefix(prefix: readonly string[], segments: readonly string[]): boolean {
  return prefix.length <= segments.length && prefix.every((p, i) => segments[i] === p);
}

function sameImport(a: ImportRec, b: ImportRec): boolean {
  return a.local === b.local && a.level === b.level && a.module === b.module && a.name === b.name;
}

/** `Callable[..., Product]` → `Product`; null for any other annotation. */
function callableReturn(text: string): string | null {
  const m = /^(?:typing\.|t\.|collections\.abc\.)?Callable\s*\[\s*(?:\.\.\.|\[[^\]]*\])\s*,\s*(.+)\]$/s.exec(text.trim());
  if (!m) return null;
  const inner = (m[1] as string).trim();
  // `Awaitable[Product]` / `Coroutine[Any, Any, Product]`: what awaiting the call gives.
  const awaitable = /^(?:typing\.|collections\.abc\.)?(?:Awaitable|Coroutine)\s*\[(?:.*,)?\s*([^,\]]+)\]$/s.exec(inner);
  return (awaitable ? (awaitable[1] as string) : inner).trim();
}
