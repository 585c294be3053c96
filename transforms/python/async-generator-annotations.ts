// async-generator-annotations: a generator function made `async def` by the migration (a `get_db`-style
// dependency, a pytest fixture that yields a session, a service helper) is an async generator, and its return
// annotation must say so: `Generator[Y, S, None]` → `AsyncGenerator[Y, S]`, `Iterator[Y]` → `AsyncIterator[Y]`,
// `Iterable[Y]` → `AsyncIterable[Y]`. A yielded `Session` becomes `AsyncSession` only when the function
// visibly yields an async session (bound by `async with ... as s`, or awaited on: `await s.close()`);
// async-session leaves these annotations alone because, before the switch, such a function makes sync sessions.
//
// Runs last in the default preset, after every transform that writes `async def`. Only annotations change,
// so nothing here alters what the program does; type checkers stop reporting the old annotation.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { FindingInput, TextEdit, Transform, TransformContext, TransformResult } from '../../engine/types';
import { QualifiedNames } from './audit/names';
import { end, enclosingFunction, isAsyncDef, namedChildren, sameNode, start } from './query/syntax';
import { collectImports, dunderAllNames, isModuleLevel, planImportEdits, type ImportChange, type ModuleImports } from './support/imports';
import { importedByOthers } from './scaffold/engine-index';
import { nameTable } from './support/scope';

const ID = 'async-generator-annotations';
const RULE = 'ASYNC-GENERATOR-ANNOTATION-LEFT';
const HINT =
  'An `async def` that yields is an async generator: annotate it `AsyncGenerator[Y, None]`, `AsyncIterator[Y]` or ' +
  '`AsyncIterable[Y]` (from typing or collections.abc).';

/** Sync generator protocols, by the modules that define them, and their async counterparts. */
const PROTOCOL_MODULES = ['typing', 'collections.abc', 'typing_extensions'];
const ASYNC_TWIN: Record<string, string> = { Generator: 'AsyncGenerator', Iterator: 'AsyncIterator', Iterable: 'AsyncIterable' };
/** SQLAlchemy's and SQLModel's sync Session, and the module of the matching AsyncSession. */
const SESSION_CLASSES: Record<string, string> = {
  'sqlalchemy.orm.Session': 'sqlalchemy.ext.asyncio',
  'sqlalchemy.orm.session.Session': 'sqlalchemy.ext.asyncio',
  'sqlmodel.Session': 'sqlmodel.ext.asyncio.session',
  'sqlmodel.orm.session.Session': 'sqlmodel.ext.asyncio.session',
};
const ASYNC_SESSION = 'AsyncSession';

export const transform: Transform<SgRoot> = {
  id: ID,
  description: 'Return annotations of generators made async: Generator/Iterator/Iterable → AsyncGenerator/AsyncIterator/AsyncIterable (and a yielded Session → AsyncSession)',
  language: 'python',
  prefilter: ['Generator', 'Iterator', 'Iterable'],
  run: (ctx) => new GeneratorAnnotations(ctx).run(),
};

/**
 * The head and type arguments of an annotation. tree-sitter reads `Name[...]` in an annotation as a
 * `generic_type` whose arguments are wrapped in `type` nodes, and `module.Name[...]` as a `subscript`.
 */
function annotationParts(expr: SgNode): { head: SgNode | null; args: SgNode[] } {
  if (expr.kind() === 'subscript') {
    const head = expr.field('value');
    return { head, args: namedChildren(expr).filter((c) => !sameNode(c, head)) };
  }
  if (expr.kind() === 'generic_type') {
    const [head, parameters] = namedChildren(expr);
    const args = parameters?.kind() === 'type_parameter' ? namedChildren(parameters).map((t) => (t.kind() === 'type' ? (namedChildren(t)[0] ?? t) : t)) : [];
    return { head: head ?? null, args };
  }
  return { head: expr, args: [] };
}

/** A name this file must import (or already binds) for a rewritten annotation. */
interface NeededName {
  module: string;
  name: string;
}

/** One function's planned rewrite. */
interface Plan {
  edits: TextEdit[];
  needs: NeededName[];
  /** Identifier nodes whose text the edits replace: they no longer count as uses of their name. */
  replaced: SgNode[];
}

class GeneratorAnnotations {
  private readonly imports: ModuleImports;
  private readonly names: QualifiedNames;
  private readonly findings: FindingInput[] = [];

  constructor(private readonly ctx: TransformContext<SgRoot>) {
    this.imports = collectImports(ctx.tree);
    this.names = new QualifiedNames(ctx.tree, this.imports);
  }

  run(): TransformResult {
    const plans: Plan[] = [];
    for (const fn of this.ctx.tree.root().findAll({ rule: { kind: 'function_definition' } })) {
      if (!isAsyncDef(fn) || !this.yields(fn)) continue;
      const annotation = fn.field('return_type');
      const expr = annotation ? namedChildren(annotation)[0] : undefined;
      if (!expr) continue;
      const plan = this.plan(fn, expr);
      if (!plan || plan.edits.length === 0) continue;
      if (plan.edits.some((e) => this.ctx.isIgnored(e.start, e.end))) continue;
      plans.push(plan);
    }
    if (plans.length === 0) return { edits: [], findings: this.findings };
    const importEdits = this.importEdits(plans);
    if (importEdits === null) return { edits: [], findings: this.findings };
    return { edits: [...plans.flatMap((p) => p.edits), ...importEdits], findings: this.findings };
  }

  /** True when the function's own body (not a nested def or lambda) yields. */
  private yields(fn: SgNode): boolean {
    const body = fn.field('body');
    if (!body) return false;
    return body.findAll({ rule: { kind: 'yield' } }).some((y) => sameNode(enclosingFunction(y), fn) && !y.ancestors().some((a) => a.kind() === 'lambda'));
  }

  private plan(fn: SgNode, expr: SgNode): Plan | null {
    if (expr.kind() === 'string') {
      if (/\b(Generator|Iterator|Iterable)\b/.test(expr.text())) this.flag(expr, fn, 'a string (forward reference), which is not rewritten');
      return null;
    }
    const { head, args } = annotationParts(expr);
    if (!head || (head.kind() !== 'identifier' && head.kind() !== 'attribute')) return null;
    const protocol = this.protocolOf(head);
    if (!protocol) return null;
    const plan: Plan = { edits: [], needs: [], replaced: [] };

    if (protocol.name === 'Generator' && args.length === 3) {
      // An async generator cannot `return value`, so AsyncGenerator has no return type to carry over.
      const returned = args[2]!;
      if (returned.kind() !== 'none') {
        this.flag(expr, fn, `\`Generator[..., ..., ${returned.text()}]\` declares a return value, which an async generator cannot have`);
        return null;
      }
      plan.edits.push({ start: end(args[1]!), end: end(returned), text: '', reason: `${ID}: AsyncGenerator has no return type` });
    }

    const twin = ASYNC_TWIN[protocol.name]!;
    const newHead = this.headFor(head, protocol.module, twin, plan);
    if (newHead === null) {
      this.flag(expr, fn, `\`${twin}\` is bound to something else in this file`);
      return null;
    }
    plan.edits.push(newHead);

    const yielded = args[0];
    if (yielded && this.yieldsAsyncSessions(fn)) this.sessionEdit(yielded, plan);
    return plan;
  }

  /** The protocol a head names (`Generator`, `typing.Iterator`, an alias of `collections.abc.Iterable`...). */
  private protocolOf(head: SgNode): { module: string; name: string } | null {
    const qualified = this.names.of(head);
    if (!qualified) return null;
    const dot = qualified.lastIndexOf('.');
    const module = qualified.slice(0, dot);
    const name = qualified.slice(dot + 1);
    return PROTOCOL_MODULES.includes(module) && name in ASYNC_TWIN ? { module, name } : null;
  }

  /**
   * The edit that renames the head. `typing.Generator` keeps its module prefix (`typing.AsyncGenerator`); a
   * bare or aliased name becomes the twin's own name, imported from the same module. Null when the twin's
   * name is bound here to something other than that import.
   */
  private headFor(head: SgNode, module: string, twin: string, plan: Plan): TextEdit | null {
    const reason = `${ID}: the function is an async generator`;
    if (head.kind() === 'attribute') {
      const attr = head.field('attribute')!;
      return { start: start(attr), end: end(attr), text: twin, reason };
    }
    if (!this.nameFreeFor(twin, `${module}.${twin}`)) return null;
    plan.needs.push({ module, name: twin });
    plan.replaced.push(head);
    return { start: start(head), end: end(head), text: twin, reason };
  }

  /** True when `name` is unbound in the file or bound only by imports of `qualified`. */
  private nameFreeFor(name: string, qualified: string): boolean {
    return nameTable(this.ctx.tree, name).occurrences.every((o) => {
      if (o.role === 'reference') return true;
      if (o.role !== 'import') return false;
      const dot = qualified.lastIndexOf('.');
      return this.imports.from.some(
        (imp) => imp.module === qualified.slice(0, dot) && imp.name === name && (imp.alias ?? imp.name) === name && o.node.ancestors().some((a) => sameNode(a, imp.node)),
      );
    });
  }

  /**
   * Every yield hands out a name that is visibly an async session here: the target of an `async with` or of an
   * `async for` over the session dependency's twin, or
   * something this function awaits a method of (`await session.close()`: a sync Session's close() returns
   * None, which cannot be awaited, so the migrated code only runs if it is async).
   */
  private yieldsAsyncSessions(fn: SgNode): boolean {
    const body = fn.field('body')!;
    const own = (n: SgNode): boolean => sameNode(enclosingFunction(n), fn);
    const asyncNames = new Set<string>();
    for (const w of body.findAll({ rule: { kind: 'with_statement' } })) {
      if (!own(w) || !w.children().some((c) => c.kind() === 'async')) continue;
      for (const pattern of w.findAll({ rule: { kind: 'as_pattern' } })) {
        const target = pattern.field('alias') ?? namedChildren(pattern).at(-1);
        const id = target?.kind() === 'as_pattern_target' ? namedChildren(target)[0] : target;
        if (id?.kind() === 'identifier') asyncNames.add(id.text());
      }
    }
    // `async for session in get_async_db():` (a dependency delegating to the twin async-get-db moved it to).
    for (const loop of body.findAll({ rule: { kind: 'for_statement' } })) {
      if (!own(loop) || !loop.children().some((c) => c.kind() === 'async')) continue;
      const iterable = loop.field('right');
      const callee = iterable?.kind() === 'call' ? iterable.field('function') : null;
      const name = callee?.kind() === 'attribute' ? callee.field('attribute')?.text() : callee?.text();
      const target = loop.field('left');
      if (name === this.ctx.options.asyncGetDbName && target?.kind() === 'identifier') asyncNames.add(target.text());
    }
    for (const awaited of body.findAll({ rule: { kind: 'await' } })) {
      if (!own(awaited)) continue;
      const call = namedChildren(awaited)[0];
      const callee = call?.kind() === 'call' ? call.field('function') : null;
      const receiver = callee?.kind() === 'attribute' ? callee.field('object') : null;
      if (receiver?.kind() === 'identifier') asyncNames.add(receiver.text());
    }
    const yields = body.findAll({ rule: { kind: 'yield' } }).filter(own);
    return (
      yields.length > 0 &&
      yields.every((y) => {
        const value = namedChildren(y)[0];
        return value?.kind() === 'identifier' && asyncNames.has(value.text()) && !this.rebound(fn, value.text());
      })
    );
  }

  /** A name assigned more than once in the function may not hold the async session at the yield. */
  private rebound(fn: SgNode, name: string): boolean {
    const bindings = nameTable(this.ctx.tree, name).occurrences.filter((o) => o.role === 'binding' && sameNode(o.scope, fn));
    return bindings.length > 1;
  }

  /** `Session` as the yield type → `AsyncSession` (the same name `async-session` writes for parameters). */
  private sessionEdit(yielded: SgNode, plan: Plan): void {
    if (yielded.kind() !== 'identifier' && yielded.kind() !== 'attribute') return;
    const qualified = this.names.of(yielded);
    const asyncModule = qualified ? SESSION_CLASSES[qualified] : undefined;
    if (!asyncModule || !this.nameFreeFor(ASYNC_SESSION, `${asyncModule}.${ASYNC_SESSION}`)) return;
    plan.needs.push({ module: asyncModule, name: ASYNC_SESSION });
    if (yielded.kind() === 'identifier') plan.replaced.push(yielded);
    plan.edits.push({ start: start(yielded), end: end(yielded), text: ASYNC_SESSION, reason: `${ID}: the generator yields an AsyncSession` });
  }

  /**
   * Imports for the new names, and removal of the old names' imports that nothing uses any more. Null when an
   * import edit would touch an ignored line (then the file is left as it is).
   */
  private importEdits(plans: Plan[]): TextEdit[] | null {
    const change: ImportChange = { add: plans.flatMap((p) => p.needs), remove: [] };
    const replaced = plans.flatMap((p) => p.replaced);
    const exported = dunderAllNames(this.ctx.tree);
    const candidates = new Map<string, { module: string; name: string }>();
    for (const node of replaced) {
      const qualified = this.names.of(node);
      if (!qualified) continue;
      const dot = qualified.lastIndexOf('.');
      candidates.set(node.text(), { module: qualified.slice(0, dot), name: qualified.slice(dot + 1) });
    }
    for (const [local, target] of candidates) {
      if (local !== target.name || exported.has(local)) continue;
      const statements = this.imports.from.filter((imp) => imp.module === target.module && imp.name === target.name);
      if (statements.length === 0 || statements.some((imp) => imp.alias !== null || !isModuleLevel(imp.node))) continue;
      const stillUsed = nameTable(this.ctx.tree, local).occurrences.some((o) => o.role === 'reference' && !replaced.some((r) => sameNode(r, o.node)));
      if (!stillUsed) change.remove!.push(target);
    }
    const edits = planImportEdits(this.ctx.tree, this.ctx.source, change, importedByOthers(this.ctx.options, this.ctx.path));
    return edits.some((e) => this.ctx.isIgnored(e.start, e.end)) ? null : edits;
  }

  private flag(expr: SgNode, fn: SgNode, why: string): void {
    const name = fn.field('name')?.text() ?? '?';
    this.findings.push({
      rule: RULE,
      offset: start(expr),
      message: `\`${name}\` is an async generator, but its return annotation is ${why}`,
      hint: HINT,
    });
  }
}
