// Session → AsyncSession in the annotations that describe the request's session: parameters, returns,
// `Annotated[Session, Depends(...)]` aliases. Everything else that names Session (constructor calls,
// sessionmaker, isinstance, subclasses) is left alone and keeps the import alive.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { FindingInput, TextEdit, Transform, TransformContext, TransformResult } from '../../engine/types';
import { collectImports, dunderAllNames, FromImport, isModuleLevel, ModuleImports, moduleLevelImportBindings, planImportEdits } from './support/imports';
import { definesUntwinnedDependency, importedByOthers, lacksDependencyTwin } from './scaffold/engine-index';
import { maySeeModuleBinding, moduleBindings, NameTable, occurrenceOf, resolveBinding, seesModuleBinding, cachedNameTables } from './support/scope';
import { annotationRole, climbTypeExpression, parseStringAnnotation, TypePosition } from './support/type-annotations';
import { classOfMethod, methodsOf } from './query/syntax';
import { loneDuplicateImports, samePlaceSwaps, SYNC_SESSION_MODULES } from './support/sync-back';

const ASYNC_CLASS = 'AsyncSession';
const SA_ASYNC_MODULE = 'sqlalchemy.ext.asyncio';
const SQLMODEL_ASYNC_MODULE = 'sqlmodel.ext.asyncio.session';


/** Modules an existing `AsyncSession` import may come from, per target module. */
const ASYNC_SESSION_MODULES: Record<string, string[]> = {
  [SA_ASYNC_MODULE]: [SA_ASYNC_MODULE, 'sqlalchemy.ext.asyncio.session'],
  [SQLMODEL_ASYNC_MODULE]: [SQLMODEL_ASYNC_MODULE],
};

export const RULE_AMBIGUOUS = 'SESSION-NAME-AMBIGUOUS';
export const RULE_LEFT = 'SESSION-ANNOTATION-LEFT';
export const RULE_ISINSTANCE = 'SESSION-ISINSTANCE';

const IMPORT_KINDS = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

const kindOf = (node: SgNode): string => String(node.kind());
const same = (a: SgNode | null | undefined, b: SgNode | null | undefined): boolean => !!a && !!b && a.id() === b.id();

/** One place SQLAlchemy's Session is named: `Session`, `orm.Session`, or either inside a string annotation. */
interface SessionUse {
  /** The identifier or attribute naming the class (in the string's own tree for string annotations). */
  node: SgNode;
  start: number;
  end: number;
  asyncModule: string;
  /** Local name it goes through, for unqualified uses (decides whether the import can go). */
  localName: string | null;
  /** The string literal holding it, for forward references. */
  inString: SgNode | null;
  /** In a class body that also binds the name: which one is meant is decided at run time. Never converted. */
  uncertain?: boolean;
}

type Verdict = 'convert' | 'keep';

export const transform: Transform<SgRoot> = {
  id: 'async-session',
  description: "SQLAlchemy's Session → AsyncSession in parameter/return annotations and Annotated aliases",
  language: 'python',
  // Kept in step with the early return below: without the word there is nothing to convert or flag.
  prefilter: ['Session'],
  run(ctx: TransformContext<SgRoot>): TransformResult {
    if (!ctx.source.includes('Session')) return { edits: [], findings: [] };
    return new SessionAnnotations(ctx).run();
  },
};

class SessionAnnotations {
  private readonly imports: ModuleImports;
  private readonly findings: FindingInput[] = [];

  private readonly table: (name: string) => NameTable;


  constructor(private readonly ctx: TransformContext<SgRoot>) {

    this.table = cachedNameTables(ctx.tree);
    this.imports = collectImports(ctx.tree);
  }

  run(): TransformResult {
    const sessionImports = this.imports.from.filter(
      (imp) => imp.name === 'Session' && imp.module in SYNC_SESSION_MODULES && isModuleLevel(imp.node),
    );
    const usable = new Map<string, FromImport[]>();
    for (const imp of sessionImports) {
      const local = imp.alias ?? imp.name;
      usable.set(local, [...(usable.get(local) ?? []), imp]);
    }
    const blocked = new Set<string>();
    for (const [local, imps] of usable) {
      const conflict = this.conflictingBinding(local, (imp) => imps.some((i) => same(i.node, imp)));
      const targets = new Set(imps.map((i) => SYNC_SESSION_MODULES[i.module]));
      if (conflict || targets.size > 1) {
        blocked.add(local);
        this.flag(RULE_AMBIGUOUS, conflict ?? imps[0]!.node, `\`${local}\` is SQLAlchemy's Session here but is also bound to something else in this file; its annotations were not converted`, `Rename one of the two, then run async-session again, or convert the annotations by hand.`);
      }
    }

    const uses = this.findUses(usable, blocked);
    const verdicts = new Map<SessionUse, Verdict>();
    // Attribute annotations follow the parameters that fill the attribute: judged once those are.
    const attributes = new Map<SessionUse, HeldAttribute>();
    for (const use of uses) {
      const held = heldAttributeOf(use);
      if (held) attributes.set(use, held);
      else verdicts.set(use, this.judge(use));
    }
    const ignoredOut = (use: SessionUse): void => {
      if (verdicts.get(use) === 'convert' && this.ctx.isIgnored(use.start, use.end)) verdicts.set(use, 'keep');
    };
    uses.forEach(ignoredOut);
    const converted = convertedParameters(uses, verdicts);
    for (const [use, held] of attributes) {
      verdicts.set(use, this.fedOnlyByConverted(held, converted) ? 'convert' : this.judge(use));
      ignoredOut(use);
    }
    const converting = uses.filter((u) => verdicts.get(u) === 'convert');
    if (converting.length === 0) return { edits: [], findings: this.findings };

    const asyncModules = new Set(converting.map((u) => u.asyncModule));
    if (asyncModules.size > 1) {
      this.flag(RULE_AMBIGUOUS, converting[0]!.node, 'This file uses both SQLAlchemy\'s and SQLModel\'s Session; their AsyncSession classes would share one name, so nothing was converted', 'Convert the annotations by hand, importing one AsyncSession under an alias.');
      return { edits: [], findings: this.findings };
    }
    const asyncModule = [...asyncModules][0]!;
    const asyncConflict = this.conflictingBinding(ASYNC_CLASS, (statement) =>
      this.imports.from.some(
        (imp) => same(imp.node, statement) && imp.name === ASYNC_CLASS && imp.alias === null && ASYNC_SESSION_MODULES[asyncModule]!.includes(imp.module),
      ),
    );
    if (asyncConflict) {
      this.flag(RULE_AMBIGUOUS, asyncConflict, `\`${ASYNC_CLASS}\` is already bound to something else in this file; Session annotations were not converted`, 'Rename the other AsyncSession, then run async-session again.');
      return { edits: [], findings: this.findings };
    }

    const edits: TextEdit[] = converting.map((use) => ({
      start: use.start,
      end: use.end,
      text: ASYNC_CLASS,
      reason: 'Session → AsyncSession',
    }));
    const add = [{ module: asyncModule, name: ASYNC_CLASS }];
    const remove = this.removableImports(uses, verdicts, blocked, sessionImports);
    const swapped = this.duplicatesSwapped(remove, asyncModule);
    if (swapped) {
      const rest = remove.filter((r) => r.module !== swapped.module);
      const others = rest.length > 0 ? planImportEdits(this.ctx.tree, this.ctx.source, { remove: rest }, importedByOthers(this.ctx.options, this.ctx.path)) : [];
      return { edits: [...edits, ...swapped.edits, ...others.map((e) => ({ ...e, reason: 'import AsyncSession' }))], findings: this.findings };
    }
    let importEdits = planImportEdits(this.ctx.tree, this.ctx.source, { add, remove }, importedByOthers(this.ctx.options, this.ctx.path));
    if (importEdits.some((e) => this.ctx.isIgnored(e.start, e.end))) {
      importEdits = planImportEdits(this.ctx.tree, this.ctx.source, { add });
      if (importEdits.some((e) => this.ctx.isIgnored(e.start, e.end))) {
        // Without the import the converted annotations would name an undefined class.
        return { edits: [], findings: this.findings };
      }
    }
    return {
      edits: [...edits, ...importEdits.map((e) => ({ ...e, reason: 'import AsyncSession' }))],
      findings: this.findings,
    };
  }

  /** A module-level binding of `name` that is not one of the expected import statements, if any. */
  private conflictingBinding(name: string, isExpected: (statement: SgNode) => boolean): SgNode | null {
    for (const binding of moduleBindings(this.table(name))) {
      if (binding.role !== 'import') return binding.node;
      const statement = binding.node.ancestors().find((a) => IMPORT_KINDS.has(kindOf(a)));
      if (!statement || !isExpected(statement)) return binding.node;
    }
    return null;
  }

  private findUses(usable: Map<string, FromImport[]>, blocked: Set<string>): SessionUse[] {
    const uses: SessionUse[] = [];
    for (const [local, imps] of usable) {
      if (blocked.has(local)) continue;
      const asyncModule = SYNC_SESSION_MODULES[imps[0]!.module]!;
      const table = this.table(local);
      for (const occurrence of table.occurrences) {
        if (occurrence.role !== 'reference' || !maySeeModuleBinding(table, occurrence)) continue;
        const { start, end } = occurrence.node.range();
        const uncertain = !seesModuleBinding(table, occurrence);
        uses.push({ node: occurrence.node, start: start.index, end: end.index, asyncModule, localName: local, inString: null, uncertain });
      }
    }
    for (const attribute of this.ctx.tree.root().findAll({ rule: { kind: 'attribute', has: { field: 'attribute', regex: '^Session$' } } })) {
      const asyncModule = this.qualifiedSessionModule(attribute);
      if (!asyncModule) continue;
      const { start, end } = attribute.range();
      uses.push({ node: attribute, start: start.index, end: end.index, asyncModule, localName: null, inString: null });
    }
    uses.push(...this.stringUses(usable, blocked));
    return uses;
  }

  /** The AsyncSession module for `sqlalchemy.orm.Session`, `orm.Session`, `sqlmodel.Session`... or null. */
  private qualifiedSessionModule(attribute: SgNode, checkScope = true): string | null {
    const parts: string[] = [];
    let current: SgNode | null = attribute;
    while (current && kindOf(current) === 'attribute') {
      parts.unshift(current.field('attribute')?.text() ?? '');
      current = current.field('object');
    }
    if (!current || kindOf(current) !== 'identifier') return null;
    const root = current.text();
    const table = this.table(root);
    if (checkScope) {
      const occurrence = occurrenceOf(table, current);
      if (!occurrence || occurrence.role !== 'reference' || !seesModuleBinding(table, occurrence)) return null;
    }
    const bindings = moduleBindings(table);
    const importBindings = moduleLevelImportBindings(this.imports).filter((b) => b.local === root);
    const targets = new Set(importBindings.map((b) => b.target));
    if (bindings.length === 0 || bindings.some((b) => b.role !== 'import') || targets.size !== 1) return null;
    const path = [...targets][0]!.split('.').concat(parts);
    const name = path.pop();
    return name === 'Session' ? (SYNC_SESSION_MODULES[path.join('.')] ?? null) : null;
  }

  /** Session named inside forward-reference strings, wherever the string sits (judged later). */
  private stringUses(usable: Map<string, FromImport[]>, blocked: Set<string>): SessionUse[] {
    const uses: SessionUse[] = [];
    const names = [...usable.keys()].filter((n) => !blocked.has(n));
    for (const literal of this.ctx.tree.root().findAll({ rule: { kind: 'string', regex: 'Session' } })) {
      if (!isForwardReference(literal)) continue;
      const mentions = names.some((name) => new RegExp(`\\b${name}\\b`).test(literal.text()));
      const parsed = parseStringAnnotation(literal);
      if (!parsed) {
        if (mentions) this.flagUnreadable(literal);
        continue;
      }
      const inner = parsed.expression;
      const candidates: { node: SgNode; asyncModule: string; localName: string | null }[] = [];
      for (const name of names) {
        for (const id of inner.findAll({ rule: { kind: 'identifier', regex: `^${name}$` } })) {
          const parent = id.parent();
          if (parent && kindOf(parent) === 'attribute' && !same(parent.field('object'), id)) continue;
          if (parent && kindOf(parent) === 'keyword_argument' && same(parent.field('name'), id)) continue;
          candidates.push({ node: id, asyncModule: SYNC_SESSION_MODULES[usable.get(name)![0]!.module]!, localName: name });
        }
      }
      for (const attribute of inner.findAll({ rule: { kind: 'attribute', has: { field: 'attribute', regex: '^Session$' } } })) {
        const asyncModule = this.qualifiedSessionModule(attribute, false);
        if (asyncModule) candidates.push({ node: attribute, asyncModule, localName: null });
      }
      if (mentions && candidates.length === 0) this.flagUnreadable(literal);
      for (const c of candidates) {
        const { start, end } = c.node.range();
        uses.push({
          node: c.node,
          start: parsed.contentStart + start.index,
          end: parsed.contentStart + end.index,
          asyncModule: c.asyncModule,
          localName: c.localName,
          inString: literal,
        });
      }
    }
    return uses;
  }

  private judge(use: SessionUse): Verdict {
    if (use.uncertain) return 'keep';
    let position: TypePosition;
    if (use.inString) {
      const inner = climbTypeExpression(use.node);
      const outer = climbTypeExpression(use.inString);
      const reachesTop = same(inner.top, parseStringRoot(use.node, inner.top));
      position = {
        top: outer.top,
        direct: inner.direct && outer.direct && reachesTop,
        throughAnnotated: inner.throughAnnotated || outer.throughAnnotated,
        inMetadata: inner.inMetadata || outer.inMetadata,
        wrapped: inner.wrapped || outer.wrapped,
        inLiteral: inner.inLiteral || outer.inLiteral,
      };
    } else {
      position = climbTypeExpression(use.node);
    }
    const role = annotationRole(position.top);
    const anchor = use.inString ?? use.node;

    if (role.kind === 'none' || position.inMetadata) {
      if (!use.inString) this.flagIsinstance(position.top, anchor);
      return 'keep';
    }
    if (role.kind === 'return' && isSessionProvider(role.function, this.sessionNames())) return 'keep';
    if (role.kind === 'return' && position.direct) {
      // The body is not rewritten here: a returned call keeps making what it made before. A factory without an
      // async twin (an engine that cannot be twinned, an injected `self._factory`) keeps making a sync Session,
      // and an AsyncSession annotation would then tell callers to await a sync one.
      const made = returnedCalls(role.function);
      if (made.length > 0) {
        const unknown = made.find((call) => !this.makesSyncSession(call));
        if (unknown) {
          this.flag(
            RULE_LEFT,
            anchor,
            `Session in this return annotation was left unchanged: the function returns what \`${compactText(unknown.text())}\` makes, and nothing shows that becomes an AsyncSession after the switch (a factory without an async twin keeps making sync sessions)`,
            'If that call makes an AsyncSession after the switch, change the annotation to AsyncSession by hand (and await the session calls of its callers); otherwise leave it, and keep its callers on a sync session.',
          );
        }
        return 'keep';
      }
      // `return self.db` with `self.db = SessionLocal()` in the class: the attribute holds what that call made,
      // renamed to the async twin only where insert-await finds the class awaiting it, which is not known here.
      const stored = storedCall(role.function);
      if (stored) {
        this.flag(
          RULE_LEFT,
          anchor,
          `Session in this return annotation was left unchanged: the function returns \`${compactText(stored.attribute)}\`, which the class sets from \`${compactText(stored.call.text())}\`, and whether that makes an AsyncSession after the switch is not known here`,
          'If the attribute holds an AsyncSession after the switch (its factory call was renamed to the async twin), change the annotation to AsyncSession by hand; otherwise leave it.',
        );
        return 'keep';
      }
    }
    const convertible =
      role.kind === 'parameter' ||
      role.kind === 'return' ||
      role.kind === 'type-alias' ||
      (role.kind === 'assigned' && position.throughAnnotated);
    if (convertible && position.direct) {
      // `SessionDep = Annotated[Session, Depends(get_db)]` with a get_db that gets no async twin: the alias keeps
      // injecting the sync Session (its Depends stays, GETDB-NO-TWIN), like the parameters async-get-db leaves.
      if (role.kind !== 'parameter' && role.kind !== 'return' && position.throughAnnotated && this.dependsOnUntwinned(position.top)) return 'keep';
      return 'convert';
    }

    const flagged =
      role.kind === 'parameter' ||
      role.kind === 'return' ||
      role.kind === 'type-alias' ||
      (role.kind === 'assigned' && position.wrapped) ||
      (role.kind === 'variable' && isInClassBody(role.statement));
    if (flagged) {
      const message =
        role.kind === 'variable'
          ? 'Session in a class attribute annotation was left unchanged: whatever fills the attribute decides whether it becomes an AsyncSession'
          : `Session in ${role.kind === 'assigned' ? 'a type alias' : 'this annotation'} was left unchanged: it is not the annotated type itself (e.g. inside list[...], Callable[...], type[...])`;
      this.flag(RULE_LEFT, anchor, message, 'Decide whether this value becomes an AsyncSession after the switch and edit the annotation by hand.');
    }
    return 'keep';
  }

  /**
   * Every store to the attribute in the class's own methods (`self.db = db`, `self.db: Session = db`, `self.db =
   * None`) is `None` or a parameter of the storing method, not rebound there, whose annotation this run converts,
   * and at least one is such a parameter: the attribute then holds what those parameters hold, an AsyncSession
   * after the switch. Any other value (a factory call, `db or SessionLocal()`), a store through a tuple, `for` or
   * augmented target, or a class-level value other than `None` leaves the annotation as it is.
   */
  private fedOnlyByConverted(held: HeldAttribute, converted: ReadonlySet<number>): boolean {
    const body = held.cls.field('body');
    if (!body) return false;
    let fed = false;
    for (const statement of body.children()) {
      // Class-level `db = <value>` / `db: Session = <value>`: the default instances read until a store replaces it.
      if (kindOf(statement) !== 'expression_statement') continue;
      const assignment = statement.children().find((c) => kindOf(c) === 'assignment');
      const left = assignment?.field('left');
      if (!assignment || !left || kindOf(left) !== 'identifier' || left.text() !== held.attr) continue;
      const value = assignment.field('right');
      if (value && kindOf(value) !== 'none') return false;
    }
    for (const method of methodsOf(held.cls)) {
      const receiver = firstParameter(method);
      if (!receiver) continue;
      for (const target of method.findAll({ rule: { kind: 'attribute', has: { field: 'attribute', regex: `^${held.attr}$` } } })) {
        if (target.field('object')?.text() !== receiver || target.field('attribute')?.text() !== held.attr) continue;
        const parent = target.parent();
        if (!parent) continue;
        const kind = kindOf(parent);
        if (kind === 'assignment' && same(parent.field('left'), target)) {
          const value = unparenthesized(parent.field('right'));
          if (!value) continue; // `self.db: Session` alone declares, stores nothing
          if (kindOf(value) === 'none') continue;
          if (!this.isConvertedParameter(value, converted)) return false;
          fed = true;
        } else if (STORE_CONTEXTS.has(kind)) {
          return false;
        }
      }
    }
    return fed;
  }

  /** An identifier naming a parameter of its own function, bound nowhere else there, whose annotation is converted. */
  private isConvertedParameter(value: SgNode, converted: ReadonlySet<number>): boolean {
    if (kindOf(value) !== 'identifier') return false;
    const table = this.table(value.text());
    const reference = occurrenceOf(table, value);
    if (!reference || reference.role !== 'reference') return false;
    const scope = resolveBinding(table, reference);
    if (!scope || kindOf(scope) !== 'function_definition') return false;
    const bindings = table.occurrences.filter((o) => o.role !== 'reference' && same(o.scope, scope));
    if (bindings.length !== 1) return false;
    const parameter = bindings[0]!.node.parent();
    return !!parameter && ['typed_parameter', 'typed_default_parameter'].includes(kindOf(parameter)) && converted.has(parameter.id());
  }

  /**
   * The type expression holds `Depends(get_db)` (or `Depends(deps.get_db)`) on a session dependency that gets no
   * async twin: defined in this file, or in the module it is imported from (EngineIndex.untwinnedDependencies).
   */
  private dependsOnUntwinned(top: SgNode): boolean {
    const getDb = this.ctx.options.getDbName;
    for (const call of top.findAll({ rule: { kind: 'call' } })) {
      if (!/(^|\.)Depends$/.test(call.field('function')?.text() ?? '')) continue;
      const target = call.field('arguments')?.children().find((c) => c.isNamed() && kindOf(c) !== 'comment' && kindOf(c) !== 'keyword_argument');
      if (!target) continue;
      if (kindOf(target) === 'identifier') {
        const imported = this.imports.from.find((i) => (i.alias ?? i.name) === target.text() && i.name === getDb && isModuleLevel(i.node));
        if (imported) {
          if (lacksDependencyTwin(this.ctx.options, this.ctx.path, imported.module)) return true;
        } else if (target.text() === getDb && definesUntwinnedDependency(this.ctx.options, this.ctx.path)) {
          return true;
        }
      } else if (kindOf(target) === 'attribute' && target.field('attribute')?.text() === getDb) {
        const object = target.field('object')!.text();
        // `import app.deps as deps` / `import app.deps`, or `from app import deps` (the submodule `app.deps`).
        const plain = this.imports.plain.find((i) => (i.alias ?? i.module) === object && isModuleLevel(i.node));
        const from = this.imports.from.find((i) => (i.alias ?? i.name) === object && i.name !== '*' && isModuleLevel(i.node));
        const module = plain ? plain.module : from ? (/\.$/.test(from.module) ? `${from.module}${from.name}` : `${from.module}.${from.name}`) : null;
        if (module && lacksDependencyTwin(this.ctx.options, this.ctx.path, module)) return true;
      }
    }
    return false;
  }

  /** A forward reference naming Session in a form this transform does not parse (nested quotes, a typo). */
  private flagUnreadable(literal: SgNode): void {
    const role = annotationRole(climbTypeExpression(literal).top);
    const relevant =
      role.kind === 'parameter' || (role.kind === 'return' && !isSessionProvider(role.function, this.sessionNames()));
    if (!relevant) return;
    this.flag(RULE_LEFT, literal, 'Session in this string annotation was left unchanged: the string could not be read as a plain type expression', 'Decide whether this value becomes an AsyncSession after the switch and edit the annotation by hand.');
  }

  /**
   * Names whose call makes a sync session: SQLAlchemy's `Session` under its local names, and the session
   * dependency itself (`return next(get_db())` hands out the sync session `get_db` opens).
   */
  private sessionNames(): Set<string> {
    return new Set([
      ...this.imports.from.filter((imp) => imp.name === 'Session' && imp.module in SYNC_SESSION_MODULES).map((imp) => imp.alias ?? imp.name),
      this.ctx.options.getDbName,
    ]);
  }

  /**
   * A call making a sync session whatever the switch does: a module-level factory of this file bound from
   * `sessionmaker(...)` / `scoped_session(...)` (its twin gets another name; this call is not renamed here).
   */
  private makesSyncSession(call: SgNode): boolean {
    const callee = call.field('function');
    if (!callee || kindOf(callee) !== 'identifier') return false;
    const bindings = moduleBindings(this.table(callee.text()));
    return (
      bindings.length > 0 &&
      bindings.every((b) => {
        const assignment = b.node.parent();
        if (!assignment || kindOf(assignment) !== 'assignment' || !same(assignment.field('left'), b.node)) return false;
        const value = assignment.field('right');
        const factory = value && kindOf(value) === 'call' ? value.field('function')?.text() : undefined;
        return !!factory && SYNC_FACTORIES.test(factory);
      })
    );
  }

  private flagIsinstance(top: SgNode, anchor: SgNode): void {
    const argument = top.parent() && kindOf(top.parent()!) === 'tuple' ? top.parent()! : top;
    const args = argument.parent();
    const call = args?.parent();
    if (!args || !call || kindOf(args) !== 'argument_list' || kindOf(call) !== 'call') return;
    const callee = call.field('function')?.text();
    if (callee !== 'isinstance' && callee !== 'issubclass') return;
    const positional = args.children().filter((c) => c.isNamed() && kindOf(c) !== 'comment');
    if (!same(positional[1], argument)) return;
    this.flag(RULE_ISINSTANCE, anchor, `${callee}(..., Session) is False for an AsyncSession`, 'After the async switch sessions are AsyncSession: check against AsyncSession (or both) here.');
  }

  /**
   * A module importing Session twice or more, each by a lone statement (loneDuplicateImports), all of which go: each
   * becomes `from <asyncModule> import AsyncSession` where it is, rather than one statement kept and the others deleted.
   * propagate-async, giving every annotation back (the code stays sync on a get_db with no twin), then swaps each back
   * and the file is as it was. Not when AsyncSession is bound already, other modules import Session from this one, or
   * a statement is on an ignored line.
   */
  private duplicatesSwapped(remove: readonly { module: string; name: string }[], asyncModule: string): { module: string; edits: TextEdit[] } | null {
    const statements = loneDuplicateImports(this.imports, 'Session');
    const module = statements?.[0]?.module;
    if (!statements || module === undefined || !remove.some((r) => r.module === module)) return null;
    if (this.imports.from.some((i) => (i.alias ?? i.name) === ASYNC_CLASS) || this.imports.plain.some((i) => i.alias === ASYNC_CLASS)) return null;
    if (importedByOthers(this.ctx.options, this.ctx.path).includes('Session')) return null;
    if (statements.some((i) => this.ctx.isIgnored(i.node.range().start.index, i.node.range().end.index))) return null;
    return { module, edits: samePlaceSwaps(statements, asyncModule, ASYNC_CLASS, 'import AsyncSession') };
  }

  /** Which `from ... import Session` can go: only when every use of every name they bind was converted. */
  private removableImports(
    uses: SessionUse[],
    verdicts: Map<SessionUse, Verdict>,
    blocked: Set<string>,
    sessionImports: FromImport[],
  ): { module: string; name: string }[] {
    if (/(^|\/)__init__\.py$/.test(this.ctx.path)) return []; // a package may re-export it
    const modules = [...new Set(sessionImports.map((imp) => imp.module))];
    return modules
      .filter((module) => {
        const locals = new Set(sessionImports.filter((i) => i.module === module).map((i) => i.alias ?? i.name));
        for (const local of locals) {
          if (blocked.has(local)) return false;
          const localUses = uses.filter((u) => u.localName === local);
          if (localUses.some((u) => verdicts.get(u) !== 'convert')) return false;
          if (!localUses.some((u) => verdicts.get(u) === 'convert')) return false;
          if (this.hasOtherTextualUse(local, localUses)) return false;
          // Bound inside a function too? That import stays; it does not need this one.
        }
        return true;
      })
      .map((module) => ({ module, name: 'Session' }));
  }

  /** `__all__` entries that re-export it, or annotation strings this transform could not read. */
  private hasOtherTextualUse(local: string, localUses: SessionUse[]): boolean {
    if (dunderAllNames(this.ctx.tree).has(local)) return true;
    const word = new RegExp(`\\b${local}\\b`);
    for (const literal of this.ctx.tree.root().findAll({ rule: { kind: 'string', regex: word.source } })) {
      if (isForwardReference(literal) && !localUses.some((u) => same(u.inString, literal))) return true;
    }
    return false;
  }

  private flag(rule: string, node: SgNode, message: string, hint: string): void {
    this.findings.push({ rule, offset: node.range().start.index, message, hint });
  }
}

/** An annotated attribute of a class: `self.<attr>: Session = ...` in a method, or `<attr>: Session` in the class body. */
interface HeldAttribute {
  cls: SgNode;
  attr: string;
}

/** Parents of an attribute node that store into it other than a plain assignment: never followed. */
const STORE_CONTEXTS = new Set(['augmented_assignment', 'pattern_list', 'tuple_pattern', 'list_pattern', 'list_splat_pattern', 'for_statement', 'for_in_clause', 'as_pattern_target', 'delete_statement']);

/**
 * The attribute a Session use annotates, when it is the annotated type itself (`Session`, `Optional[Session]`):
 * `self.db: Session = ...` in a method of a class, or `db: Session` / `db: Session = None` in the body of a class
 * that defines its own `__init__` and has no decorator (a `@dataclass` field is filled by the callers).
 */
function heldAttributeOf(use: SessionUse): HeldAttribute | null {
  if (use.uncertain || use.inString) return null;
  const position = climbTypeExpression(use.node);
  if (!position.direct || position.inMetadata) return null;
  const role = annotationRole(position.top);
  if (role.kind !== 'variable') return null;
  const left = role.statement.field('left');
  if (!left) return null;
  if (kindOf(left) === 'identifier' && isInClassBody(role.statement)) {
    const cls = role.statement.parent()!.parent()!.parent()!;
    const decorated = kindOf(cls.parent() ?? cls) === 'decorated_definition';
    const value = role.statement.field('right');
    if (decorated || (value && kindOf(value) !== 'none') || !methodsOf(cls).some((m) => m.field('name')?.text() === '__init__')) return null;
    return { cls, attr: left.text() };
  }
  if (kindOf(left) !== 'attribute') return null;
  const method = role.statement.ancestors().find((a) => ['function_definition', 'lambda', 'class_definition'].includes(kindOf(a)));
  if (!method || kindOf(method) !== 'function_definition') return null;
  const owner = classOfMethod(method);
  if (!owner) return null;
  const receiver = firstParameter(method);
  if (!receiver || left.field('object')?.text() !== receiver) return null;
  return { cls: owner, attr: left.field('attribute')?.text() ?? '' };
}

/** Node ids of the parameters whose annotation has a Session use being converted. */
function convertedParameters(uses: readonly SessionUse[], verdicts: ReadonlyMap<SessionUse, Verdict>): Set<number> {
  const out = new Set<number>();
  for (const use of uses) {
    if (verdicts.get(use) !== 'convert' || use.inString) continue;
    const top = climbTypeExpression(use.node).top;
    const parameter = top.parent();
    if (parameter && ['typed_parameter', 'typed_default_parameter'].includes(kindOf(parameter)) && same(parameter.field('type'), top)) out.add(parameter.id());
  }
  return out;
}

const SYNC_FACTORIES = /^(?:(?:sqlalchemy\.)?(?:orm\.)?)?(?:sessionmaker|scoped_session)$/;

const compactText = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
};

/** The calls whose result a function's own `return` statements hand back (through `a or b`, `x if c else y`). */
function returnedCalls(fn: SgNode): SgNode[] {
  return ownReturns(fn).flatMap((statement) => valueCalls(statement.children().find((c) => c.isNamed() && kindOf(c) !== 'comment')));
}

/** The calls whose result an expression is: itself, or either side of `a or b` / `x if c else y`. */
function valueCalls(value: SgNode | null | undefined): SgNode[] {
  const node = unparenthesized(value);
  if (!node) return [];
  switch (kindOf(node)) {
    case 'call':
      return [node];
    case 'boolean_operator':
      return [...valueCalls(node.field('left')), ...valueCalls(node.field('right'))];
    case 'conditional_expression': {
      const parts = node.children().filter((c) => c.isNamed() && kindOf(c) !== 'comment');
      return [...valueCalls(parts[0]), ...valueCalls(parts[2])];
    }
    default:
      return [];
  }
}

/**
 * For a method returning `self.<attr>`: the first call the class's methods assign to `self.<attr>` (through
 * `a or b`, `x if c else y`), with the attribute as written; null when there is none.
 */
function storedCall(fn: SgNode): { attribute: string; call: SgNode } | null {
  const cls = fn.ancestors().find((a) => ['function_definition', 'class_definition'].includes(kindOf(a)) && !same(a, fn));
  if (!cls || kindOf(cls) !== 'class_definition') return null;
  const self = firstParameter(fn);
  if (!self) return null;
  const attributes = new Set<string>();
  for (const statement of ownReturns(fn)) {
    const value = unparenthesized(statement.children().find((c) => c.isNamed() && kindOf(c) !== 'comment'));
    if (!value || kindOf(value) !== 'attribute' || value.field('object')?.text() !== self) continue;
    const name = value.field('attribute')?.text();
    if (name) attributes.add(name);
  }
  if (attributes.size === 0) return null;
  for (const method of cls.findAll({ rule: { kind: 'function_definition' } })) {
    const owner = method.ancestors().find((a) => kindOf(a) === 'class_definition');
    const receiver = firstParameter(method);
    if (!same(owner, cls) || !receiver) continue;
    for (const assignment of method.findAll({ rule: { kind: 'assignment' } })) {
      const left = assignment.field('left');
      const name = left && kindOf(left) === 'attribute' && left.field('object')?.text() === receiver ? left.field('attribute')?.text() : undefined;
      if (!name || !attributes.has(name)) continue;
      const call = valueCalls(assignment.field('right'))[0];
      if (call) return { attribute: `${self}.${name}`, call };
    }
  }
  return null;
}

function firstParameter(fn: SgNode): string | null {
  const first = fn.field('parameters')?.children().find((c) => c.isNamed() && kindOf(c) !== 'comment');
  return first && kindOf(first) === 'identifier' ? first.text() : null;
}

function unparenthesized(node: SgNode | null | undefined): SgNode | null {
  let current = node ?? null;
  while (current && kindOf(current) === 'parenthesized_expression') current = current.children().find((c) => c.isNamed() && kindOf(c) !== 'comment') ?? null;
  return current;
}

/** A function's own `return` statements (not those of nested functions, lambdas or classes). */
function ownReturns(fn: SgNode): SgNode[] {
  const body = fn.field('body');
  if (!body) return [];
  return body.findAll({ rule: { kind: 'return_statement' } }).filter((statement) => {
    const owner = statement.ancestors().find((a) => ['function_definition', 'lambda', 'class_definition'].includes(kindOf(a)));
    return same(owner, fn);
  });
}

/** The expression root of the string tree a node belongs to. */
function parseStringRoot(node: SgNode, fallback: SgNode): SgNode {
  const statement = node.ancestors().find((a) => kindOf(a) === 'expression_statement');
  const expression = statement?.children().find((c) => c.isNamed());
  if (!expression) return fallback;
  // A string with surrounding spaces was parsed inside parentheses.
  if (kindOf(expression) === 'parenthesized_expression') return expression.children().find((c) => c.isNamed()) ?? expression;
  return expression;
}

/** A string in an annotation that typing would evaluate as a type (not a `Literal` value or metadata). */
function isForwardReference(literal: SgNode): boolean {
  const position = climbTypeExpression(literal);
  return !position.inLiteral && !position.inMetadata && annotationRole(position.top).kind !== 'none';
}

function isInClassBody(statement: SgNode): boolean {
  const block = statement.parent()?.parent();
  return !!block && kindOf(block) === 'block' && kindOf(block.parent() ?? block) === 'class_definition';
}

/**
 * A function that makes sessions (`return SessionLocal()`, a `yield`ing dependency, `return next(get_db())`) returns a sync Session
 * whatever the rest of the app becomes: its return annotation stays. Its async twin is written by async-engine.
 */
function isSessionProvider(fn: SgNode, sessionNames: Set<string>): boolean {
  const body = fn.field('body');
  if (!body) return false;
  const own = (node: SgNode) => {
    const owner = node.ancestors().find((a) => ['function_definition', 'lambda', 'class_definition'].includes(kindOf(a)));
    return same(owner, fn);
  };
  if (body.findAll({ rule: { kind: 'yield' } }).some(own)) return true;
  return body.findAll({ rule: { kind: 'call' } }).some((call) => {
    if (!own(call)) return false;
    const callee = call.field('function');
    if (!callee) return false;
    const name = kindOf(callee) === 'attribute' ? callee.field('attribute')?.text() : callee.text();
    return !!name && (/session/i.test(name) || sessionNames.has(name));
  });
}
