// What one module contributes to the model index, as plain data: its module-level imports, the classes it
// defines (bases, relationship() attributes, server-generated columns, annotated fields, pydantic config),
// declarative bases made by `declarative_base()`, and the return annotations of its functions. Names are
// recorded as written; the index resolves them once every module is summarized.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import { collectImports, isModuleLevel } from '../support/imports';
import { callArgs, dottedName, namedChildren } from '../query/syntax';
import { summarizeMethod, summarizeProperty, type PropertyRec } from './properties';
import { sqliteOnlySource } from '../testing/facts';

export interface ImportRec {
  local: string;
  /** Leading dots of a relative import, 0 for an absolute one. */
  level: number;
  /** Dotted module after the dots ('' for `from . import x`). */
  module: string;
  /** The imported name; null for `import a.b` / `import a.b as c` (the binding is a module). */
  name: string | null;
}

export interface RelationshipRec {
  name: string;
  /** Target class name as written (`"Item"`, `Item`, from a `Mapped[...]`/`List[...]` annotation), last dotted part. */
  target: string | null;
  /** `lazy=` as a strategy name; 'select' when absent; null when it is not a literal. */
  lazy: string | null;
  /** A collection (`Mapped[list[X]]`, `uselist=True`, `secondary=`); false for a scalar; null when not written down. */
  collection: boolean | null;
  /** Defined through `backref=` on another class: `onClass` is set. */
  onClass?: string;
  /**
   * Returned by a `@declared_attr` method (`def project(cls): return relationship("Project")`), the form a mixin
   * gives its models a relationship in: it maps nothing on the class declaring it, only on the models deriving from it.
   */
  declared?: true;
}

export interface ServerColumnRec {
  name: string;
  /** Generated on INSERT (server_default, SQL-expression default, Computed). */
  insert: boolean;
  /** Generated on UPDATE (server_onupdate, SQL-expression onupdate, Computed). */
  update: boolean;
}

export interface ClassRec {
  name: string;
  /** Dotted names of the positional bases; [] for a base that is not a dotted name. */
  bases: string[][];
  /** `class M(SQLModel, table=True)`. */
  table: boolean;
  /** `__abstract__ = True`. */
  abstract: boolean;
  /** Defined in a module-level `if`/`try` block (`if PYDANTIC_V2: class ORMModel(BaseModel): ...`). */
  conditional?: boolean;
  /** Dotted names of the decorators (call decorators by their callee). */
  decorators: string[][];
  relationships: RelationshipRec[];
  serverColumns: ServerColumnRec[];
  /**
   * Columns of an integer SQL type (`Column(Integer)`, `mapped_column(BigInteger)`, `Mapped[int]` without another
   * type, an `int` field of a SQLModel table): asyncpg refuses a `str` bound against them. `pk`: the primary key.
   */
  intColumns?: { name: string; pk: boolean }[];
  /**
   * Columns whose Python type may be an enum class, by the dotted name written for it: `Mapped[Role]` (without a
   * written type, or with `Enum(Role)`), `Column(Enum(Role))`, a SQLModel table's `role: Role`. Whether the name is
   * an enum class is decided by the model index, which resolves it.
   */
  enumColumns?: { name: string; type: string[] }[];
  /** Annotated class attributes, in order: the fields of a pydantic/SQLModel class. */
  fields: { name: string; annotation: string }[];
  /** `@property` getters and what they read of `self` (only filled for classes with a property). */
  properties?: PropertyRec[];
  /** Plain methods and what a call of one reads of `self` (only filled for classes with such a method). */
  methods?: PropertyRec[];
}

export interface FunctionRec {
  name: string;
  returns: string | null;
  /**
   * Without a return annotation: the dotted callee every `return` of the body constructs (`return TokenData(id=id)`,
   * or a local bound once to that call), as written; absent otherwise.
   */
  constructs?: string;
}

export interface ModelSummary {
  path: string;
  imports: ImportRec[];
  classes: ClassRec[];
  /** Module-level names assigned `declarative_base(...)` or `<registry>.generate_base(...)`. */
  declarativeBases: string[];
  functions: FunctionRec[];
  /** Module-level type aliases `NotebookDep = Annotated[Notebook, Depends(...)]`: the name and the subscript text. */
  typeAliases: { name: string; text: string }[];
  /**
   * The module makes an engine (`create_engine(...)`, `create_async_engine(...)`) outside the tests: `sqlite` when the
   * module writes a SQLite URL and no other database's (testing/facts.ts's sqliteOnlySource), else `other`.
   */
  engine?: 'sqlite' | 'other';
}

const RELATIONSHIP_CALLEES = new Set(['relationship', 'relation', 'Relationship']);
const COLUMN_CALLEES = new Set(['Column', 'mapped_column', 'Field', 'column_property']);
/** Callees whose result is an SQL expression evaluated by the database (so the value is not known to the ORM after flush). */
const SQL_EXPRESSION_HEADS = new Set(['func', 'text', 'literal_column', 'select', 'cast', 'sql']);
const LAZY_BOOLEAN: Record<string, string> = { True: 'select', False: 'joined', None: 'noload' };

export function summarizeModels(path: string, root: SgRoot): ModelSummary {
  const summary: ModelSummary = { path, imports: [], classes: [], declarativeBases: [], functions: [], typeAliases: [] };
  const imports = collectImports(root);
  for (const imp of imports.from) {
    if (!isModuleLevel(imp.node) || imp.name === '*' || imp.module === '__future__') continue;
    summary.imports.push({ local: imp.alias ?? imp.name, level: imp.relativeLevel, module: imp.module.replace(/^\.+/, ''), name: imp.name });
  }
  for (const imp of imports.plain) {
    if (!isModuleLevel(imp.node)) continue;
    // `import a.b` binds `a` (the package); `import a.b as c` binds the submodule.
    if (imp.alias) summary.imports.push({ local: imp.alias, level: 0, module: imp.module, name: null });
    else summary.imports.push({ local: imp.module.split('.')[0] as string, level: 0, module: imp.module.split('.')[0] as string, name: null });
  }
  for (const stmt of root.root().children()) {
    const def = stmt.kind() === 'decorated_definition' ? stmt.field('definition') : stmt;
    if (!def) continue;
    if (def.kind() === 'class_definition') summary.classes.push(summarizeClass(def));
    else if (def.kind() === 'function_definition') {
      const name = def.field('name')?.text();
      const returns = def.field('return_type')?.text() ?? null;
      const constructs = returns === null ? constructedReturn(def) : null;
      if (name) summary.functions.push(constructs ? { name, returns, constructs } : { name, returns });
    } else if (def.kind() === 'expression_statement') {
      const assignment = namedChildren(def)[0];
      if (assignment?.kind() !== 'assignment') continue;
      const left = assignment.field('left');
      const right = assignment.field('right');
      // FastAPI's dependency aliases are how handlers receive loaded models: `nb: NotebookDep`.
      if (left?.kind() === 'identifier' && right?.kind() === 'subscript' && assignment.field('type') === null) {
        summary.typeAliases.push({ name: left.text(), text: right.text() });
        continue;
      }
      if (left?.kind() !== 'identifier' || right?.kind() !== 'call') continue;
      const callee = dottedName(right.field('function') as SgNode);
      const last = callee?.[callee.length - 1];
      if (last === 'declarative_base' || last === 'generate_base') summary.declarativeBases.push(left.text());
    }
  }
  for (const stmt of root.root().children()) {
    if (stmt.kind() === 'if_statement' || stmt.kind() === 'try_statement') conditionalClasses(stmt, summary.classes, 0);
  }
  const source = root.root().text();
  if (ENGINE_MAKER.test(source) && !TEST_MODULE.test(path)) summary.engine = sqliteOnlySource(source, root.root()) ? 'sqlite' : 'other';
  return summary;
}

/** The dotted callee (`schemas.TokenData`) every `return` of `def`'s own body constructs; null otherwise. */
function constructedReturn(def: SgNode): string | null {
  const body = def.field('body');
  if (!body) return null;
  const own = (node: SgNode): boolean => {
    for (let at = node.parent(); at; at = at.parent()) {
      if (at.kind() === 'function_definition' || at.kind() === 'lambda' || at.kind() === 'class_definition') return at.id() === def.id();
    }
    return false;
  };
  const callee = (node: SgNode | null | undefined): string | null => {
    if (node?.kind() !== 'call') return null;
    const named = dottedName(node.field('function') as SgNode);
    return named && /^[A-Z]/.test(named[named.length - 1] ?? '') ? named.join('.') : null;
  };
  const found = new Set<string>();
  for (const ret of body.findAll({ rule: { kind: 'return_statement' } }).filter(own)) {
    const value = namedChildren(ret)[0];
    let made = callee(value);
    if (!made && value?.kind() === 'identifier') {
      const bound = body.findAll({ rule: { kind: 'assignment' } }).filter((a) => own(a) && a.field('left')?.text() === value.text());
      made = bound.length === 1 ? callee(bound[0]?.field('right')) : null;
    }
    if (!made) return null;
    found.add(made);
  }
  return found.size === 1 ? ([...found][0] as string) : null;
}

/** A call making an engine; the tests' own engines say nothing of the application's database. */
const ENGINE_MAKER = /\b(?:create_engine|create_async_engine)\s*\(/;
const TEST_MODULE = /(^|\/)(tests?\/|test_[^/]*\.py$|[^/]*_test\.py$|conftest\.py$)/;

/** Classes defined in the branches of a module-level `if`/`try` (nested ones too), marked conditional. */
function conditionalClasses(node: SgNode, out: ClassRec[], depth: number): void {
  if (depth > 4) return;
  for (const child of node.children()) {
    const kind = child.kind();
    if (kind === 'block' || kind === 'else_clause' || kind === 'elif_clause' || kind === 'except_clause' || kind === 'finally_clause' || kind === 'if_statement' || kind === 'try_statement') {
      conditionalClasses(child, out, depth + 1);
      continue;
    }
    const def = kind === 'decorated_definition' ? child.field('definition') : child;
    if (def?.kind() === 'class_definition') out.push({ ...summarizeClass(def), conditional: true });
  }
}

function summarizeClass(cls: SgNode): ClassRec {
  const rec: ClassRec = { name: cls.field('name')?.text() ?? '', bases: [], table: false, abstract: false, decorators: [], relationships: [], serverColumns: [], fields: [] };
  const superclasses = cls.field('superclasses');
  for (const arg of superclasses ? namedChildren(superclasses) : []) {
    if (arg.kind() === 'keyword_argument') {
      if (arg.field('name')?.text() === 'table' && arg.field('value')?.text() === 'True') rec.table = true;
      continue;
    }
    rec.bases.push(dottedName(arg) ?? []);
  }
  const holder = cls.parent();
  if (holder?.kind() === 'decorated_definition') {
    for (const d of holder.children().filter((c) => c.kind() === 'decorator')) {
      const expr = namedChildren(d)[0];
      const target = expr?.kind() === 'call' ? expr.field('function') : expr;
      rec.decorators.push((target && dottedName(target)) ?? []);
    }
  }
  const body = cls.field('body');
  for (const stmt of body ? body.children() : []) {
    const def = stmt.kind() === 'decorated_definition' ? stmt.field('definition') : null;
    const property = def?.kind() === 'function_definition' ? summarizeProperty(def) : null;
    if (property) (rec.properties ??= []).push(property);
    const declared = def?.kind() === 'function_definition' ? declaredRelationship(def) : null;
    if (def && declared) {
      summarizeRelationship(rec, def.field('name')?.text() ?? '', declared, def.field('return_type'));
      for (const rel of rec.relationships) if (rel.name === def.field('name')?.text()) rel.declared = true;
    }
    const method = stmt.kind() === 'function_definition' ? summarizeMethod(stmt) : null;
    if (method) (rec.methods ??= []).push(method);
    const assignment = stmt.kind() === 'expression_statement' ? namedChildren(stmt)[0] : null;
    if (assignment?.kind() !== 'assignment') continue;
    const left = assignment.field('left');
    if (left?.kind() !== 'identifier') continue;
    const name = left.text();
    const type = assignment.field('type');
    const right = assignment.field('right');
    if (name === '__abstract__' && right?.text() === 'True') rec.abstract = true;
    if (type && !/^\s*(typing\.)?ClassVar\b/.test(type.text()) && name !== 'model_config') rec.fields.push({ name, annotation: type.text() });
    if (right?.kind() !== 'call') continue;
    const callee = dottedName(right.field('function') as SgNode);
    const last = callee?.[callee.length - 1] ?? '';
    if (RELATIONSHIP_CALLEES.has(last)) summarizeRelationship(rec, name, right, type);
    else if (COLUMN_CALLEES.has(last)) {
      const column = serverColumn(name, right);
      if (column) rec.serverColumns.push(column);
    }
  }
  for (const stmt of body ? body.children() : []) {
    const assignment = stmt.kind() === 'expression_statement' ? namedChildren(stmt)[0] : null;
    const column = assignment?.kind() === 'assignment' ? integerColumn(assignment, rec.table) : null;
    if (column) (rec.intColumns ??= []).push(column);
    const enumType = assignment?.kind() === 'assignment' ? enumColumn(assignment, rec.table) : null;
    if (enumType) (rec.enumColumns ??= []).push(enumType);
  }
  return rec;
}

const ENUM_TYPES = new Set(['Enum', 'SAEnum', 'SqlEnum', 'SQLEnum']);

/**
 * `name = Column(Enum(Role))` / `mapped_column(sa.Enum(Role, ...))`; `name: Mapped[Role]` (alone, or with a column
 * call naming no type, or `Enum(Role)`); `name: Role` in a SQLModel table. The name written for the class, or null.
 */
function enumColumn(assignment: SgNode, table: boolean): { name: string; type: string[] } | null {
  const left = assignment.field('left');
  if (left?.kind() !== 'identifier') return null;
  const right = assignment.field('right');
  let args: ReturnType<typeof callArgs> | null = null;
  if (right?.kind() === 'call') {
    const callee = dottedName(right.field('function') as SgNode);
    if (!COLUMN_CALLEES.has(callee?.[callee.length - 1] ?? '') || callee?.[callee.length - 1] === 'column_property') return null;
    args = callArgs(right);
  } else if (right !== null) return null;
  const written = args ? writtenTypeNode(args.positional) : null;
  if (written) {
    // `Enum(Role)`: the class is its first argument; `Enum("a", "b")` holds strings and loads strings.
    const callee = written.kind() === 'call' ? dottedName(written.field('function') as SgNode) : null;
    if (!ENUM_TYPES.has(callee?.[callee.length - 1] ?? '')) return null;
    const first = callArgs(written).positional[0];
    const name = first ? dottedName(first) : null;
    return name ? { name: left.text(), type: name } : null;
  }
  if (args?.keywords.has('sa_column') || args?.keywords.has('sa_type')) return null;
  const text = assignment.field('type')?.text().trim() ?? '';
  const parsed = text ? parseTypeText(text) : null;
  if (!parsed || parsed.list) return null;
  const mapped = /^(?:[\w.]+\.)?Mapped\s*\[/.test(text);
  return mapped || table ? { name: left.text(), type: parsed.name } : null;
}

/** The first positional argument of a column call that writes its type (`Enum(Role)`, `Integer`), or null. */
function writtenTypeNode(positional: readonly SgNode[]): SgNode | null {
  for (const arg of positional) {
    if (arg.kind() === 'string') continue;
    const named = dottedName(arg.kind() === 'call' ? (arg.field('function') as SgNode) : arg);
    const last = named?.[named.length - 1];
    if (!last || NOT_TYPES.has(last)) continue;
    return arg;
  }
  return null;
}

const INTEGER_TYPES = new Set(['Integer', 'BigInteger', 'SmallInteger', 'INTEGER', 'BIGINT', 'SMALLINT', 'INT']);
/** Positional arguments of Column()/mapped_column() that are not the column's type. */
const NOT_TYPES = new Set(['ForeignKey', 'Sequence', 'Identity', 'Computed', 'FetchedValue', 'CheckConstraint', 'DefaultClause']);

/**
 * `name = Column(Integer, ...)` / `mapped_column(BigInteger)` / `Column("name", Integer)`; `name: Mapped[int]`
 * (alone, or with a column call naming no type, `mapped_column(ForeignKey(...))`); `name: int` in a SQLModel
 * table (`table=True`), bare or `= Field(...)`. A written type decides over the annotation. Null otherwise.
 */
function integerColumn(assignment: SgNode, table: boolean): { name: string; pk: boolean } | null {
  const left = assignment.field('left');
  if (left?.kind() !== 'identifier') return null;
  const type = assignment.field('type');
  const right = assignment.field('right');
  let call: SgNode | null = null;
  if (right?.kind() === 'call') {
    const callee = dottedName(right.field('function') as SgNode);
    if (!COLUMN_CALLEES.has(callee?.[callee.length - 1] ?? '') || callee?.[callee.length - 1] === 'column_property') return null;
    call = right;
  } else if (right !== null) return null;
  const args = call ? callArgs(call) : null;
  const pk = args?.keywords.get('primary_key')?.text() === 'True';
  const written = args ? writtenType(args.positional) : null;
  if (written !== null) return INTEGER_TYPES.has(written) ? { name: left.text(), pk } : null;
  // SQLModel's Field(sa_column=Column(...)) / sa_type= decide the type themselves.
  if (args?.keywords.has('sa_column') || args?.keywords.has('sa_type')) return null;
  const text = type?.text().trim() ?? '';
  const parsed = text ? parseTypeText(text) : null;
  if (!parsed || parsed.list || parsed.name.join('.') !== 'int') return null;
  const mapped = /^(?:[\w.]+\.)?Mapped\s*\[/.test(text);
  return mapped || table ? { name: left.text(), pk } : null;
}

/** The last name of the type a column call's positional arguments write (`Integer`, `sa.String(50)`), or null. */
function writtenType(positional: readonly SgNode[]): string | null {
  const arg = writtenTypeNode(positional);
  const named = arg ? dottedName(arg.kind() === 'call' ? (arg.field('function') as SgNode) : arg) : null;
  return named?.[named.length - 1] ?? null;
}

/**
 * `@declared_attr` (or `@declared_attr.cascading`) over a method whose body is one `return relationship(...)`
 * (docstrings and comments aside): that call. Null for anything else (a column, a directive, a computed value).
 */
function declaredRelationship(def: SgNode): SgNode | null {
  const holder = def.parent();
  if (holder?.kind() !== 'decorated_definition') return null;
  const declared = holder.children().some((d) => {
    if (d.kind() !== 'decorator') return false;
    const name = dottedName(namedChildren(d)[0] as SgNode) ?? [];
    const at = name.lastIndexOf('declared_attr');
    return at >= 0 && (at === name.length - 1 || (at === name.length - 2 && name[at + 1] === 'cascading'));
  });
  if (!declared) return null;
  const statements = (def.field('body') ? namedChildren(def.field('body') as SgNode) : []).filter(
    (st) => st.kind() !== 'comment' && !(st.kind() === 'expression_statement' && namedChildren(st)[0]?.kind() === 'string'),
  );
  const only = statements.length === 1 ? statements[0] : undefined;
  const value = only?.kind() === 'return_statement' ? namedChildren(only)[0] : undefined;
  if (value?.kind() !== 'call') return null;
  const callee = dottedName(value.field('function') as SgNode);
  return RELATIONSHIP_CALLEES.has(callee?.[callee.length - 1] ?? '') ? value : null;
}

function summarizeRelationship(rec: ClassRec, name: string, call: SgNode, type: SgNode | null): void {
  const args = callArgs(call);
  const first = args.positional[0] ?? args.keywords.get('argument');
  let target = first ? classNameOf(first) : null;
  if (!target && type) target = parseTypeText(type.text())?.name.at(-1) ?? null;
  let lazyNode = args.keywords.get('lazy') ?? null;
  // SQLModel: Relationship(sa_relationship_kwargs={"lazy": "selectin"}).
  const saKwargs = args.keywords.get('sa_relationship_kwargs');
  if (!lazyNode && saKwargs) {
    if (saKwargs.kind() !== 'dictionary') lazyNode = saKwargs;
    else lazyNode = dictValue(saKwargs, 'lazy');
  }
  const uselist = args.keywords.get('uselist')?.text();
  const annotated = type ? parseTypeText(type.text()) : null;
  const collection = uselist === 'True' || args.keywords.has('secondary') ? true : uselist === 'False' ? false : annotated ? annotated.list : null;
  rec.relationships.push({ name, target, lazy: lazyNode ? lazyValue(lazyNode) : 'select', collection });
  const backref = args.keywords.get('backref') ?? (saKwargs?.kind() === 'dictionary' ? dictValue(saKwargs, 'backref') : null);
  if (backref && target) {
    const literal = stringValue(backref);
    if (literal !== null) rec.relationships.push({ name: literal, target: rec.name, lazy: 'select', collection: null, onClass: target });
    else if (backref.kind() === 'call') {
      const backrefArgs = callArgs(backref);
      const backrefName = backrefArgs.positional[0] ? stringValue(backrefArgs.positional[0]) : null;
      const lazy = backrefArgs.keywords.get('lazy');
      if (backrefName) rec.relationships.push({ name: backrefName, target: rec.name, lazy: lazy ? lazyValue(lazy) : 'select', collection: null, onClass: target });
    }
  }
}

function serverColumn(name: string, call: SgNode): ServerColumnRec | null {
  const args = callArgs(call);
  let insert = false;
  let update = false;
  const consider = (key: string, value: SgNode): void => {
    if (key === 'server_default' && value.kind() !== 'none') insert = true;
    else if (key === 'server_onupdate' && value.kind() !== 'none') update = true;
    else if (key === 'default' && isSqlExpression(value)) insert = true;
    else if (key === 'onupdate' && isSqlExpression(value)) update = true;
  };
  for (const [key, value] of args.keywords) consider(key, value);
  for (const arg of args.positional) {
    if (arg.kind() === 'call' && dottedName(arg.field('function') as SgNode)?.at(-1) === 'Computed') insert = update = true;
  }
  // SQLModel: Field(sa_column=Column(...)) or Field(sa_column_kwargs={"server_default": ...}).
  const saColumn = args.keywords.get('sa_column');
  if (saColumn?.kind() === 'call') {
    const inner = serverColumn(name, saColumn);
    insert ||= inner?.insert ?? false;
    update ||= inner?.update ?? false;
  }
  const saKwargs = args.keywords.get('sa_column_kwargs');
  if (saKwargs?.kind() === 'dictionary') {
    for (const key of ['server_default', 'server_onupdate', 'default', 'onupdate']) {
      const value = dictValue(saKwargs, key);
      if (value) consider(key, value);
    }
  }
  return insert || update ? { name, insert, update } : null;
}

/** `func.now()`, `sa.func.now()`, `text("...")`: evaluated by the database, so the ORM does not know the value after a flush. */
function isSqlExpression(node: SgNode): boolean {
  if (node.kind() !== 'call') return false;
  const callee = dottedName(node.field('function') as SgNode);
  if (!callee) return false;
  return callee.some((part) => SQL_EXPRESSION_HEADS.has(part));
}

function lazyValue(node: SgNode): string | null {
  const literal = stringValue(node);
  if (literal !== null) return literal;
  return LAZY_BOOLEAN[node.text()] ?? null;
}

function classNameOf(node: SgNode): string | null {
  const literal = stringValue(node);
  if (literal !== null) return /^[\w.]+$/.test(literal) ? (literal.split('.').at(-1) ?? null) : null;
  return dottedName(node)?.at(-1) ?? null;
}

export function stringValue(node: SgNode): string | null {
  if (node.kind() !== 'string') return null;
  const parts = node.children();
  if (parts.length === 2) return '';
  if (parts.length !== 3 || parts[1]?.kind() !== 'string_content') return null;
  if (/^[bBfF]/.test(parts[0]?.text() ?? '')) return null;
  return parts[1].text();
}

function dictValue(dict: SgNode, key: string): SgNode | null {
  for (const pair of namedChildren(dict)) {
    if (pair.kind() !== 'pair') continue;
    const k = pair.field('key');
    if (k && stringValue(k) === key) return pair.field('value');
  }
  return null;
}

export interface ParsedType {
  /** A collection of the named type (`List[X]`, `list[X]`, `Sequence[X]`...). */
  list: boolean;
  name: string[];
}

const TRANSPARENT = /^(?:typing\.|t\.)?(?:Optional|Mapped|Annotated)$/;
const COLLECTIONS = /^(?:typing\.|t\.|collections\.abc\.)?(?:List|list|Sequence|Iterable|Set|set|FrozenSet|frozenset|Tuple|tuple|Collection)$/;

/**
 * The class an annotation describes, read from its text: `Optional["User"]`, `Mapped[List["Item"]]`,
 * `list[ItemOut]`, `UserOut | None`. Null for anything else (unions of types, callables, unknown generics).
 */
export function parseTypeText(text: string): ParsedType | null {
  let t = text.trim();
  let list = false;
  for (let guard = 0; guard < 8; guard++) {
    t = t.replace(/^(['"])(.*)\1$/s, '$2').trim();
    const union = splitTopLevel(t, '|').map((p) => p.trim()).filter((p) => p !== 'None');
    if (union.length !== 1) return null;
    t = union[0] as string;
    const generic = /^([\w.]+)\s*\[(.*)\]$/s.exec(t);
    if (!generic) break;
    const head = generic[1] as string;
    const params = splitTopLevel(generic[2] as string, ',').map((p) => p.trim());
    if (TRANSPARENT.test(head)) t = params[0] ?? '';
    else if (/^(?:typing\.)?Union$/.test(head)) {
      const kept = params.filter((p) => p !== 'None');
      if (kept.length !== 1) return null;
      t = kept[0] as string;
    } else if (COLLECTIONS.test(head) && !list) {
      if (params.length === 2 && params[1] === '...') params.pop();
      if (params.length !== 1) return null;
      list = true;
      t = params[0] as string;
    } else return null;
  }
  t = t.replace(/^(['"])(.*)\1$/s, '$2').trim();
  return /^[A-Za-z_][\w.]*$/.test(t) ? { list, name: t.split('.') } : null;
}

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    if (ch === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}
