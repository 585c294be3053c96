// What one module tells eager-load's project index about loads that cross function boundaries, as plain
// data: for each function, what its `return`s hand back (a statement of its own, a call it delegates to,
// a constructed object...), and for each async function, the relationship reads and response-model
// serialisations of objects it got from calls. Models are not known while one file is summarized: names
// are recorded as written and the index resolves them once every module is summarized.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import { findIgnoreMarkers, touchesIgnoredLine } from '../../../engine/ignore';
import { LineIndex } from '../../../engine/lines';
import type { IndexInput } from '../../../engine/types';
import { SessionResolver } from '../query/sessions';
import { callArgs, decoratorsOf, dottedName, namedChildren, sameNode, start } from '../query/syntax';
import { collectImports, localNameFor, moduleLevelImportBindings } from '../support/imports';
import { isInsideString } from '../support/language';
import type { LoaderChain } from './loaders';
import type { ModelInfo } from './model-index';
import { Provenances, type ModelLookup, type Provenance } from './provenance';
import { bindingsIn, parametersOf } from '../query/bindings';
import { refreshSite, type RefreshSite } from './refresh';
import { summarizeExpiry, type ExpiryRec } from './expiry';
import { returnSources } from './returns';
import { isAsyncCode, isRoute, ownReturns, responseModelText } from './routes';
import { ownerOf } from './scope';
import { parseTypeText } from './summary';

export interface StatementRec {
  /** Offset of the statement's anchor (`select(...)` or `db.get(...)`). */
  anchor: number;
  kind: 'select' | 'get';
  /** The selected entity as written, resolved by the index. */
  entity: string[];
  loaders: LoaderChain[];
  conditional: LoaderChain[];
  blocked: string | null;
  /** The `.options(...)` edit would touch a line with an ignore comment. */
  ignored: boolean;
}

export type SourceRec =
  | { k: 'stmt'; stmt: StatementRec; shape: 'object' | 'list' }
  | { k: 'call'; call: number }
  | { k: 'new'; call: number; entity: string[]; invalid: string | null; refresh: RefreshSite | null }
  | { k: 'opaque'; why: string };

export interface ReturnsRec {
  /** The function's id in the project index: the offset of its `def`. */
  fn: number;
  sources: SourceRec[];
  /** A decorator that may change what a call returns (`@cache`, `@retry`), as written; null when none. */
  decorator: string | null;
}

/** Where a FastAPI dependency parameter's value comes from: a `Depends(f)` call here, or a type alias naming one. */
export type DependencyRef = { k: 'call'; call: number } | { k: 'alias'; name: string[] };

/**
 * An attribute read (or, with `schema`, a response model's serialisation) of what a call returned, or of a
 * parameter FastAPI fills from a dependency (`param`).
 */
export interface CallerRead {
  /** Offset of the call whose result is read; for a parameter, -1. */
  call: number;
  param?: { key: string; dependency: DependencyRef };
  /** The read is of an element of the call's result (a loop over it, `[i]`, a list response model). */
  elem: boolean;
  /** The attribute read, for `x.name`. */
  name?: string;
  /** The response model's annotation text, for a route returning the call's result. */
  schema?: string;
}

export interface CrossSummary {
  returns: ReturnsRec[];
  reads: CallerRead[];
  /** The name `selectinload` can be written as in this module (imported, or free to import); null when neither. */
  loaderName: string | null;
  /** Every identifier written in the module: a class name to import must be free of all of them. */
  identifiers: string[];
  /** Module-level `X = Annotated[M, Depends(f)]`: the alias name and the offset of its `Depends(...)` call. */
  aliases: { name: string; dependency: number }[];
  /** Functions that expire a session, or call something that may (eager/expiry.ts). */
  expiry: ExpiryRec[];
}

/** Decorators that leave what a call of the function returns alone. */
const TRANSPARENT_DECORATORS = new Set(['staticmethod', 'classmethod', 'abstractmethod', 'abc.abstractmethod', 'override', 'typing.override', 'typing_extensions.override']);
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'generator_expression', 'dictionary_comprehension']);

/** Stands in for the model index while one file is summarized: any dotted name may be a model; the index checks. */
class DeferredModels implements ModelLookup {
  readonly models = new Map<string, ModelInfo>();
  constructor(private readonly path: string) {}
  resolveModel(_path: string, parts: string[]): ModelInfo | null {
    return { key: `?${parts.join('.')}`, path: this.path, name: parts[parts.length - 1] ?? '', relationships: new Map(), serverColumns: new Map(), properties: new Map(), methods: new Map(), intColumns: new Map(), enumColumns: new Map() };
  }
  functionReturn(): null {
    return null;
  }
  modelOfType(): null {
    return null;
  }
  factoryOfType(): null {
    return null;
  }
}

export function summarizeCross(input: IndexInput<SgRoot>): CrossSummary {
  const root = input.tree;
  const imports = collectImports(root);
  const sessions = new SessionResolver(root, imports, { dependencyNames: [input.options.getDbName, input.options.asyncGetDbName], facades: [] });
  const bindings = new Map(moduleLevelImportBindings(imports).map((b) => [b.local, b.target] as const));
  const provenances = new Provenances(input.path, new DeferredModels(input.path), sessions, bindings);
  const lines = new LineIndex(input.source);
  const markers = findIgnoreMarkers(lines, '#', (offset) => isInsideString(root, offset));
  const identifiers = new Set(root.root().findAll({ rule: { kind: 'identifier' } }).map((n) => n.text()));
  const returns: ReturnsRec[] = [];
  const reads: CallerRead[] = [];
  const expiry: ExpiryRec[] = [];
  for (const fn of root.root().findAll({ rule: { kind: 'function_definition' } })) {
    const expiring = summarizeExpiry(fn, sessions);
    if (expiring) expiry.push(expiring);
    const sources = returnSources(fn, provenances, sessions);
    if (sources) {
      returns.push({
        fn: start(fn),
        decorator: decoratorsOf(fn).map((d) => d.text().replace(/^@\s*/, '').split('(')[0]?.trim() ?? '').find((d) => !TRANSPARENT_DECORATORS.has(d)) ?? null,
        sources: sources.map((s): SourceRec => {
          if (s.k === 'call') return { k: 'call', call: start(s.call) };
          if (s.k === 'new') {
            const refresh = refreshSite(fn, s.call, input.source, sessions);
            const ignored = refresh !== null && (markers.file || touchesIgnoredLine(markers, lines, refresh.at, refresh.at + 1));
            return { k: 'new', call: start(s.call), entity: s.entity, invalid: s.invalid, refresh: ignored ? null : refresh };
          }
          if (s.k === 'opaque') return s;
          const at = s.stmt.kind === 'select' ? s.stmt.anchor.range().end.index : s.stmt.anchor.range().end.index - 1;
          return {
            k: 'stmt',
            shape: s.shape,
            stmt: {
              anchor: start(s.stmt.anchor),
              kind: s.stmt.kind,
              entity: s.stmt.model.key.slice(1).split('.'),
              loaders: s.stmt.loaders,
              conditional: s.stmt.conditional,
              blocked: s.stmt.blocked,
              ignored: markers.file || touchesIgnoredLine(markers, lines, at, at + 1),
            },
          };
        }),
      });
    }
    if (isAsyncCode(fn)) callerReads(fn, provenances, reads);
    if (isAsyncCode(fn) || isRoute(fn)) parameterReads(fn, reads);
  }
  const existing = localNameFor(imports, 'sqlalchemy.orm', 'selectinload');
  return { returns, reads, loaderName: existing ?? (identifiers.has('selectinload') ? null : 'selectinload'), identifiers: [...identifiers], aliases: dependencyAliases(root), expiry };
}

/** The key of a parameter in the index's verdicts: the function's offset and the name. */
export function parameterKey(fn: SgNode, name: string): string {
  return `${start(fn)}:${name}`;
}

/** Reads `p.rel` of parameters FastAPI fills from a dependency function, and the response model returning one. */
function parameterReads(fn: SgNode, out: CallerRead[]): void {
  const deps = new Map<string, DependencyRef>();
  for (const param of parametersOf(fn)) {
    const dependency = dependencyOf(param.annotation, param.defaultValue);
    if (dependency && bindingsIn(fn, param.name).length === 0) deps.set(param.name, dependency);
  }
  if (deps.size === 0) return;
  for (const attr of fn.findAll({ rule: { kind: 'attribute' } })) {
    const object = attr.field('object') as SgNode;
    const dependency = object.kind() === 'identifier' ? deps.get(object.text()) : undefined;
    if (!dependency || ownerOf(attr)?.id() !== fn.id()) continue;
    const parent = attr.parent();
    if (parent?.kind() === 'call' && sameNode(parent.field('function'), attr)) continue;
    out.push({ call: -1, param: { key: parameterKey(fn, object.text()), dependency }, elem: false, name: attr.field('attribute')?.text() ?? '' });
  }
  const schema = isRoute(fn) ? responseModelText(fn) : null;
  if (!schema || parseTypeText(schema)?.list) return;
  for (const ret of ownReturns(fn)) {
    const value = namedChildren(ret)[0];
    const dependency = value?.kind() === 'identifier' ? deps.get(value.text()) : undefined;
    if (value && dependency) out.push({ call: -1, param: { key: parameterKey(fn, value.text()), dependency }, elem: false, schema });
  }
}

/** `= Depends(f)`, `Annotated[M, Depends(f)]`, or an annotation naming an alias that may hold one. */
function dependencyOf(annotation: SgNode | null, defaultValue: SgNode | null): DependencyRef | null {
  if (defaultValue) return isDependsCall(defaultValue) ? { k: 'call', call: start(defaultValue) } : null;
  if (!annotation) return null;
  const inner = annotation.kind() === 'type' ? (namedChildren(annotation)[0] ?? null) : annotation;
  if (!inner) return null;
  const dotted = dottedName(inner);
  if (dotted) return { k: 'alias', name: dotted };
  const call = inner.findAll({ rule: { kind: 'call' } }).find(isDependsCall);
  return call && /^\s*(?:typing\.)?Annotated\s*\[/.test(inner.text()) ? { k: 'call', call: start(call) } : null;
}

function dependencyAliases(root: SgRoot): { name: string; dependency: number }[] {
  const out: { name: string; dependency: number }[] = [];
  for (const stmt of root.root().children()) {
    const assignment = stmt.kind() === 'expression_statement' ? namedChildren(stmt)[0] : null;
    if (assignment?.kind() !== 'assignment') continue;
    const left = assignment.field('left');
    const right = assignment.field('right');
    if (left?.kind() !== 'identifier' || right?.kind() !== 'subscript' || !/^\s*(?:typing\.)?Annotated\s*\[/.test(right.text())) continue;
    const call = right.findAll({ rule: { kind: 'call' } }).find(isDependsCall);
    if (call) out.push({ name: left.text(), dependency: start(call) });
  }
  return out;
}

/** `Depends(f)` / `Security(f)` naming the dependency (not `Depends()`, which means the annotated class). */
function isDependsCall(node: SgNode): boolean {
  if (node.kind() !== 'call') return false;
  const callee = dottedName(node.field('function') as SgNode);
  const last = callee?.[callee.length - 1];
  const args = callArgs(node);
  return (last === 'Depends' || last === 'Security') && (args.positional.length > 0 || args.keywords.has('dependency'));
}

/** Reads of `x.name` on what a call returned, and a route's response model serialising it. */
function callerReads(fn: SgNode, provenances: Provenances, out: CallerRead[]): void {
  const params = new Set(parametersOf(fn).map((p) => p.name));
  // A local's provenance is the same wherever it is read, outside comprehensions (which may rebind it).
  const locals = new Map<string, Provenance | null>();
  for (const attr of fn.findAll({ rule: { kind: 'attribute' } })) {
    const object = attr.field('object') as SgNode;
    // Without models, relationship chains (`x.a.b`) and parameters have no provenance here: skip them early.
    if (object.kind() === 'attribute' || (object.kind() === 'identifier' && params.has(object.text()))) continue;
    if (ownerOf(attr)?.id() !== fn.id()) continue;
    const parent = attr.parent();
    if (parent?.kind() === 'call' && sameNode(parent.field('function'), attr)) continue;
    const cacheable = object.kind() === 'identifier' && !object.ancestors().some((a) => COMPREHENSIONS.has(String(a.kind())));
    let p: Provenance | null;
    if (cacheable && locals.has(object.text())) p = locals.get(object.text()) ?? null;
    else {
      p = provenances.of(object, fn);
      if (cacheable) locals.set(object.text(), p);
    }
    // With the stand-in, a call's own result has shape `any`; an element of it (loop, subscript) `object`.
    if (!p || p.load.k !== 'unknown' || !p.load.call || p.path.length > 0 || (p.shape !== 'any' && p.shape !== 'object')) continue;
    out.push({ call: start(p.load.call), elem: p.shape === 'object', name: attr.field('attribute')?.text() ?? '' });
  }
  const schema = isRoute(fn) ? responseModelText(fn) : null;
  if (!schema) return;
  for (const ret of ownReturns(fn)) {
    const value = namedChildren(ret)[0];
    const p = value ? provenances.of(value, fn) : null;
    if (!p || p.load.k !== 'unknown' || !p.load.call || p.path.length > 0) continue;
    const list = parseTypeText(schema)?.list ?? false;
    // A list response model serialises the elements of what the call returned.
    if (p.shape === 'any') out.push({ call: start(p.load.call), elem: list, schema });
    else if (p.shape === 'object' && !list) out.push({ call: start(p.load.call), elem: true, schema });
  }
}
