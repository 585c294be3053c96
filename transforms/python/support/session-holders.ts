// Classes that keep a constructor argument on the instance (`def __init__(self, db): self.db = db`) and use it
// in their methods as a session (`self.db.commit()`): repositories, services, unit-of-work and builder objects.
// A session handed to their constructor is used there, the sync way or the async way; the project index records
// this per class (ClassSummary.holder) for propagate-async and async-tests. Not every `self.x.get()` is a session's:
// attributes the class provably fills with something else (an HTTP client, a cache, a dict) are told apart.
import type { SgNode } from '@ast-grep/napi';
import { carriesIgnoreMarker } from '../../../engine/ignore';
import { awaitState } from '../awaits/awaiting';
import { placeOf } from '../awaits/context';
import { SESSION_LIKE_METHODS } from '../awaits/methods';
import { type Parameter, parametersOf } from '../query/bindings';
import { asyncKeyword, callArgs, dottedName, methodsOf, namedChildren, sameNode } from '../query/syntax';
import { genericHead, optionalInner, parseStringAnnotation } from './type-annotations';
import type { LineOf } from './input-lines';


export interface SessionHolder {
  /** Its own `__init__`'s parameters after `self`, in order; null when it defines none. */
  initParams: string[] | null;
  /** `self.<attr> = <param>` in its own `__init__`. */
  stores: { param: string; attr: string }[];
  /** Parameters its `__init__` hands, as they are, to `super().__init__(...)`, by position (after `self`) or keyword. */
  handsUp: { param: string; position: number | null; keyword: string | null }[];
  /**
   * Session method calls of its own methods on an attribute of `self` (`self.db.commit()`), whatever stored the
   * attribute: `awaited` when written `await self.db.commit()` (or `async with self.db.begin()`), else a call that
   * only works on a sync Session as it is (`self.db.commit()` without await, `self.db.query(...)`, a sync
   * `with self.db.begin():`). `in`: the method's name.
   */
  uses: { attr: string; method: string; line: number; in: string; awaited: boolean }[];
  /**
   * Attributes of `stores` and `uses` that the class's own code fills only with objects that are no SQLAlchemy
   * session (attributeFills): `self.session = requests.Session()`, `self._handlers = defaultdict(list)`. Their
   * `.get()`/`.close()`/`.execute()` only look like session calls. Absent when none.
   */
  others?: string[];
  /**
   * Attributes of `stores` and `uses` with an `AsyncSession` annotation propagate-async's rewrite would give back
   * to `Session` were the class kept on the sync Session (attributeSessionAnnotations: in the class body, on `self.<attr>`,
   * or on the `__init__` parameter stored there, not injected by `Depends(...)`, not also filled by a call here).
   * Absent when none: the class then has nothing to give back. Read on the text the rewrite sees (the index is built
   * over it).
   */
  asyncAnnotated?: string[];
}

/**
 * The absolute name a dotted name written in the module stands for through its module-level imports (`Client` →
 * `httpx.Client` after `from httpx import Client`), `builtins.<name>` for a builtin the module does not rebind; null
 * for anything else (a project name, a local, a relative import).
 */
export type Qualify = (dotted: readonly string[]) => string | null;

/** See SessionHolder; null when the class neither keeps an `__init__` parameter nor calls session methods on `self`. */
export function sessionHolderOf(cls: SgNode, source: string, qualify: Qualify, lineOf: LineOf): SessionHolder | null {
  const methods = namedChildren(cls.field('body') as SgNode)
    .map((m) => (m.kind() === 'decorated_definition' ? m.field('definition') : m))
    .filter((m): m is SgNode => m?.kind() === 'function_definition');
  const init = methods.filter((m) => m.field('name')?.text() === '__init__').pop();
  const initParams = init ? parametersOf(init).slice(1).map((p) => p.name) : [];
  const stores = init ? initStores(init, initParams) : [];
  const handsUp = init ? superInitArgs(init, initParams) : [];
  const uses: SessionHolder['uses'] = [];
  for (const method of methods) {
    const self = parametersOf(method)[0]?.name;
    const name = method.field('name')?.text() ?? '?';
    const body = method.field('body');
    if (!self || !body || !body.text().includes(`${self}.`)) continue;
    const held = (node: SgNode | null): string | null => {
      if (node?.kind() !== 'attribute') return null;
      const object = node.field('object');
      const attr = node.field('attribute')?.text() ?? '';
      return object?.kind() === 'identifier' && object.text() === self && attr !== '' ? attr : null;
    };
    for (const call of body.findAll({ rule: { kind: 'call' } })) {
      const callee = call.field('function') as SgNode;
      if (callee.kind() !== 'attribute') continue;
      const called = callee.field('attribute')?.text() ?? '';
      if (!SESSION_LIKE_METHODS.has(called)) continue;
      const attr = held(callee.field('object'));
      if (attr === null || !sameNode(placeOf(call).unit, method) || ignoredLine(source, call.range().start.index)) continue;
      uses.push({ attr, method: called, line: lineOf(call), in: name, awaited: awaitState(call, source) === 'yes' });
    }
    for (const item of body.findAll({ rule: { kind: 'with_item' } })) {
      const call = item.find({ rule: { kind: 'call' } });
      const callee = call?.field('function');
      const called = callee?.field('attribute')?.text() ?? '';
      const attr = callee?.kind() === 'attribute' && /^begin(_nested)?$/.test(called) ? held(callee.field('object')) : null;
      if (attr === null || !sameNode(placeOf(item).unit, method) || ignoredLine(source, item.range().start.index)) continue;
      const stmt = item.parent()?.parent();
      uses.push({ attr, method: called, line: lineOf(item), in: name, awaited: !!stmt && asyncKeyword(stmt) !== undefined });
    }
  }
  if (stores.length === 0 && handsUp.length === 0 && uses.length === 0) return null;
  const holder: SessionHolder = { initParams: init ? initParams : null, stores, handsUp, uses };
  const attrs = new Set([...stores.map((s) => s.attr), ...uses.map((u) => u.attr)]);
  if (attrs.size === 0) return holder;
  const fills = attributeFills(cls, methods, qualify);
  const others = [...attrs].filter((attr) => fills.get(attr) === true);
  if (others.length > 0) holder.others = others;
  const range = cls.range();
  if (source.slice(range.start.index, range.end.index).includes('AsyncSession')) {
    const { found, madeHere, injected } = attributeSessionAnnotations(cls, attrs);
    const annotated = [...new Set(found.map((f) => f.attr))].filter((attr) => !madeHere.has(attr) && !injected.has(attr));
    if (annotated.length > 0) holder.asyncAnnotated = annotated;
  }
  return holder;
}

/**
 * The line at `index` carries `# awaitify: ignore`: its author converts it by hand (the shop app's `best_sellers`),
 * so its sync use of the session says nothing about what the object is handed after the migration.
 */
function ignoredLine(source: string, index: number): boolean {
  const from = source.lastIndexOf('\n', index - 1) + 1;
  const to = source.indexOf('\n', index);
  return carriesIgnoreMarker(source.slice(from, to < 0 ? source.length : to), '#');
}

/** `self.<attr> = <param>` in the own body of `__init__`. */
function initStores(init: SgNode, params: readonly string[]): SessionHolder['stores'] {
  const out: SessionHolder['stores'] = [];
  const self = parametersOf(init)[0]?.name;
  for (const assignment of init.field('body')?.findAll({ rule: { kind: 'assignment' } }) ?? []) {
    if (!sameNode(assignment.ancestors().find((a) => a.kind() === 'function_definition') ?? null, init)) continue;
    const left = assignment.field('left');
    const right = assignment.field('right');
    if (left?.kind() !== 'attribute' || left.field('object')?.text() !== self || right?.kind() !== 'identifier' || !params.includes(right.text())) continue;
    out.push({ param: right.text(), attr: left.field('attribute')?.text() ?? '' });
  }
  return out;
}

/** `super().__init__(User, db)` or `super(UserRepository, self).__init__(db=db)` in the own body of `__init__`. */
function superInitArgs(init: SgNode, params: readonly string[]): SessionHolder['handsUp'] {
  const out: SessionHolder['handsUp'] = [];
  for (const call of init.field('body')?.findAll({ rule: { kind: 'call' } }) ?? []) {
    const callee = call.field('function');
    const inner = callee?.kind() === 'attribute' && callee.field('attribute')?.text() === '__init__' ? callee.field('object') : null;
    if (inner?.kind() !== 'call' || inner.field('function')?.text() !== 'super' || !sameNode(placeOf(call).unit, init)) continue;
    const args = callArgs(call);
    if (args.splat) continue;
    args.positional.forEach((a, i) => {
      if (a.kind() === 'identifier' && params.includes(a.text())) out.push({ param: a.text(), position: i, keyword: null });
    });
    for (const [k, a] of args.keywords) if (a.kind() === 'identifier' && params.includes(a.text())) out.push({ param: a.text(), position: null, keyword: k });
  }
  return out;
}

/**
 * Third-party packages whose objects are never SQLAlchemy sessions, though their methods share a session's names
 * (`get`, `delete`, `execute`, `close`, `query`): HTTP clients, cloud SDKs, caches, other databases' drivers,
 * message brokers. Anything they make or annotate is no session. A package not listed proves nothing (a wrapper
 * library may hand out SQLAlchemy sessions).
 */
const NOT_SESSION_PACKAGES = new Set([
  'requests', 'httpx', 'aiohttp', 'urllib3', 'boto3', 'botocore', 'aioboto3', 'aiobotocore', 'redis', 'aioredis',
  'pymemcache', 'pymongo', 'motor', 'elasticsearch', 'opensearchpy', 'kafka', 'aiokafka', 'pika', 'aio_pika', 'paramiko',
]);

/** Standard-library classes and builtins of the same kind: containers, queues, loggers, sqlite3 connections. */
const NOT_SESSION_NAMES = /^(builtins\.(dict|list|set|frozenset|tuple|str|bytes|bytearray|int|float|bool)|collections\.\w+|typing\.(Dict|List|Set|FrozenSet|Tuple|DefaultDict|OrderedDict|Deque|Counter|ChainMap|Mapping|MutableMapping|Sequence|MutableSequence|Callable)|(queue|asyncio)\.(Queue|LifoQueue|PriorityQueue|SimpleQueue)|logging\.(getLogger|Logger)|sqlite3\.(connect|Connection))$/;

/** Values written in the syntax that are builtin objects: literals, displays and comprehensions. */
const LITERALS = new Set([
  'string', 'concatenated_string', 'integer', 'float', 'true', 'false', 'dictionary', 'list', 'set', 'tuple',
  'dictionary_comprehension', 'list_comprehension', 'set_comprehension',
]);

function isNotSessionName(qualified: string | null): boolean {
  if (qualified === null) return false;
  return NOT_SESSION_PACKAGES.has(qualified.split('.')[0] as string) || NOT_SESSION_NAMES.test(qualified);
}

/**
 * For each attribute of `self` the class's own code stores into (class-body annotations and assignments, `self.<attr>
 * = ...` or `self.<attr>: T = ...` in its methods): true when every value or annotation stored is provably no
 * SQLAlchemy session (notSessionValue, notSessionAnnotation), false when one may be. Stores made elsewhere (a
 * subclass, code outside the class) are not seen here: ClassSummary.attributes has them, and AsyncPlan weighs both.
 */
function attributeFills(cls: SgNode, methods: readonly SgNode[], qualify: Qualify): Map<string, boolean> {
  const fills = new Map<string, boolean>();
  const note = (attr: string, other: boolean): void => void fills.set(attr, (fills.get(attr) ?? true) && other);
  for (const statement of namedChildren(cls.field('body') as SgNode)) {
    const assignment = statement.kind() === 'expression_statement' ? statement.child(0) : null;
    const left = assignment?.kind() === 'assignment' ? assignment.field('left') : null;
    if (!assignment || left?.kind() !== 'identifier') continue;
    const type = assignment.field('type')?.child(0) ?? null;
    const right = assignment.field('right');
    if (type) note(left.text(), notSessionAnnotation(type, qualify));
    else if (right && right.kind() !== 'none') note(left.text(), notSessionValue(right, [], qualify));
  }
  for (const method of methods) {
    const params = parametersOf(method);
    const self = params[0]?.name;
    if (!self) continue;
    const selfAttr = (node: SgNode | null): string | null =>
      node?.kind() === 'attribute' && node.field('object')?.text() === self ? (node.field('attribute')?.text() ?? null) : null;
    for (const assignment of method.findAll({ rule: { kind: 'assignment' } })) {
      const left = assignment.field('left');
      const attr = selfAttr(left);
      if (attr === null) {
        // `self.a, self.b = make()`: what each gets is not read here.
        for (const target of left && left.kind() !== 'attribute' ? left.findAll({ rule: { kind: 'attribute' } }) : []) {
          const unpacked = selfAttr(target);
          if (unpacked !== null && sameNode(target.parent(), left)) note(unpacked, false);
        }
        continue;
      }
      const type = assignment.field('type')?.child(0) ?? null;
      const right = assignment.field('right');
      if (type) note(attr, notSessionAnnotation(type, qualify));
      else if (right && right.kind() !== 'none') note(attr, notSessionValue(right, params.slice(1), qualify));
    }
  }
  return fills;
}

/**
 * An annotation naming, alone or in an optional, a class of NOT_SESSION_PACKAGES or NOT_SESSION_NAMES
 * (`requests.Session`, `Optional[httpx.Client]`, `DefaultDict[str, list]`, in quotes too). `Any` and unions prove nothing.
 */
function notSessionAnnotation(annotation: SgNode, qualify: Qualify): boolean {
  const written = annotation.kind() === 'type' ? annotation.child(0) : annotation;
  const expression = written?.kind() === 'string' ? parseStringAnnotation(written)?.expression : written;
  if (!expression) return false;
  const inner = optionalInner(expression);
  const head = inner.kind() === 'generic_type' || inner.kind() === 'subscript' ? genericHead(inner) : null;
  const name = inner.kind() === 'generic_type' ? (head === null ? null : [head]) : dottedName(inner.kind() === 'subscript' ? (inner.field('value') as SgNode) : inner);
  return name !== null && isNotSessionName(qualify(name));
}

/**
 * A value that is provably no SQLAlchemy session: a literal or display, a call of a class or function of
 * NOT_SESSION_PACKAGES or NOT_SESSION_NAMES (`requests.Session()`, `boto3.client("s3")`, `defaultdict(list)`), a
 * parameter of the method annotated with one, or `a or b` / `a if c else b` of such values.
 */
function notSessionValue(value: SgNode, params: readonly Parameter[], qualify: Qualify): boolean {
  switch (value.kind()) {
    case 'call': {
      const callee = dottedName(value.field('function') as SgNode);
      return callee !== null && isNotSessionName(qualify(callee));
    }
    case 'identifier': {
      const param = params.find((p) => p.name === value.text());
      return !!param?.annotation && notSessionAnnotation(param.annotation, qualify);
    }
    case 'boolean_operator':
      return [value.field('left'), value.field('right')].every((v) => !!v && notSessionValue(v, params, qualify));
    case 'conditional_expression': {
      const [then, , otherwise] = namedChildren(value);
      return !!then && !!otherwise && notSessionValue(then, params, qualify) && notSessionValue(otherwise, params, qualify);
    }
    case 'parenthesized_expression': {
      const inner = namedChildren(value)[0];
      return !!inner && notSessionValue(inner, params, qualify);
    }
    default:
      return LITERALS.has(String(value.kind()));
  }
}

/**
 * In the class, the `AsyncSession` (alone or in an optional) of the annotations of the attributes `attrs` of `self`:
 * `<attr>: AsyncSession` in the class body, `self.<attr>: AsyncSession = ...` in its methods, and the `__init__`
 * parameters stored there (`self.<attr> = <param>`). `madeHere`: attributes also stored from a call (`self.db =
 * AsyncSessionLocal()`, renamed by insert-await), whose annotation says what that call makes. `injected`: attributes
 * stored from an `__init__` parameter injected by `Depends(...)` / `Security(...)`. Read by propagate-async's rewrite
 * (what it gives back to `Session`) and by the holder summary (SessionHolder.asyncAnnotated), alike.
 */
export function attributeSessionAnnotations(cls: SgNode, attrs: ReadonlySet<string>): { found: { attr: string; node: SgNode }[]; madeHere: Set<string>; injected: Set<string> } {
  const asyncName = (annotation: SgNode | null | undefined): SgNode | null => {
    const inner = annotation ? optionalInner(annotation) : null;
    return inner?.kind() === 'identifier' && inner.text() === 'AsyncSession' ? inner : null;
  };
  const found: { attr: string; node: SgNode }[] = [];
  const madeHere = new Set<string>();
  const injected = new Set<string>();
  for (const statement of namedChildren(cls.field('body') as SgNode)) {
    const assignment = statement.kind() === 'expression_statement' ? statement.child(0) : null;
    const left = assignment?.kind() === 'assignment' ? assignment.field('left') : null;
    const name = left?.kind() === 'identifier' && attrs.has(left.text()) ? asyncName(assignment?.field('type')?.child(0)) : null;
    if (name) found.push({ attr: left!.text(), node: name });
  }
  for (const method of methodsOf(cls)) {
    const params = namedChildren(method.field('parameters') as SgNode);
    const receiver = params[0]?.kind() === 'identifier' ? params[0].text() : null;
    if (receiver === null) continue;
    const isInit = method.field('name')?.text() === '__init__';
    for (const assignment of method.findAll({ rule: { kind: 'assignment' } })) {
      const left = assignment.field('left');
      const attr = left?.kind() === 'attribute' && left.field('object')?.text() === receiver ? (left.field('attribute')?.text() ?? '') : '';
      if (!attrs.has(attr)) continue;
      const name = asyncName(assignment.field('type')?.child(0));
      if (name) found.push({ attr, node: name });
      const right = assignment.field('right');
      if (right && right.kind() !== 'identifier' && right.kind() !== 'none') madeHere.add(attr);
      const param = isInit && right?.kind() === 'identifier' ? params.find((p) => String(p.kind()).startsWith('typed_') && p.child(0)?.text() === right.text()) : undefined;
      if (!param) continue;
      const value = param.field('value');
      if (value?.kind() === 'call' && /(^|\.)(Depends|Security)$/.test(value.field('function')?.text() ?? '')) injected.add(attr);
      const annotated = asyncName(param.field('type')?.child(0));
      if (annotated) found.push({ attr, node: annotated });
    }
  }
  return { found, madeHere, injected };
}
