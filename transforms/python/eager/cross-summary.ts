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
import { namedChildren, sameNode, start } from '../query/syntax';
import { collectImports, localNameFor, moduleLevelImportBindings } from '../support/imports';
import { isInsideString } from '../support/language';
import type { LoaderChain } from './loaders';
import type { ModelInfo } from './model-index';
import { Provenances, type ModelLookup, type Provenance } from './provenance';
import { parametersOf } from '../query/bindings';
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
  | { k: 'new'; call: number; entity: string[]; invalid: string | null }
  | { k: 'opaque'; why: string };

export interface ReturnsRec {
  /** The function's id in the project index: the offset of its `def`. */
  fn: number;
  sources: SourceRec[];
}

/** An attribute read (or, with `schema`, a response model's serialisation) of what a call returned. */
export interface CallerRead {
  /** Offset of the call whose result is read. */
  call: number;
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
}

const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'generator_expression', 'dictionary_comprehension']);

/** Stands in for the model index while one file is summarized: any dotted name may be a model; the index checks. */
class DeferredModels implements ModelLookup {
  readonly models = new Map<string, ModelInfo>();
  constructor(private readonly path: string) {}
  resolveModel(_path: string, parts: string[]): ModelInfo | null {
    return { key: `?${parts.join('.')}`, path: this.path, name: parts[parts.length - 1] ?? '', relationships: new Map(), serverColumns: new Map() };
  }
  functionReturn(): null {
    return null;
  }
  modelOfType(): null {
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
  for (const fn of root.root().findAll({ rule: { kind: 'function_definition' } })) {
    const sources = returnSources(fn, provenances, sessions);
    if (sources) {
      returns.push({
        fn: start(fn),
        sources: sources.map((s): SourceRec => {
          if (s.k === 'call') return { k: 'call', call: start(s.call) };
          if (s.k === 'new') return { k: 'new', call: start(s.call), entity: s.entity, invalid: s.invalid };
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
  }
  const existing = localNameFor(imports, 'sqlalchemy.orm', 'selectinload');
  return { returns, reads, loaderName: existing ?? (identifiers.has('selectinload') ? null : 'selectinload'), identifiers: [...identifiers] };
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
