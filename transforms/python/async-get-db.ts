// Depends(get_db) → Depends(get_async_db), and the test overrides keyed by the dependency, so handlers receive
// the AsyncSession that the async twin (written by async-engine) yields.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { FindingInput, TextEdit, Transform, TransformContext, TransformResult } from '../../engine/types';
import { collectImports, dunderAllNames, FromImport, isModuleLevel, ModuleImports, planImportEdits } from './support/imports';
import { calledByOthers, definesAsyncDependency, definesUntwinnedDependency, definesNonSessionDependency, dependencyNotSession, importedByOthers, lacksDependencyTwin } from './scaffold/engine-index';
import { isDocstring, sameNode } from './query/syntax';
import { indentUnit, leadingWhitespace } from './testing/session-shape';
import { maySeeModuleBinding, moduleBindings, NameOccurrence, NameTable, occurrenceOf, resolveBinding, seesModuleBinding, cachedNameTables } from './support/scope';

export const RULE_UNRESOLVED = 'GETDB-UNRESOLVED';
export const RULE_NO_TWIN = 'GETDB-NO-TWIN';

const IMPORT_KINDS = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);
const OVERRIDE_METHODS = new Set(['pop', 'get', 'setdefault']);

const kindOf = (node: SgNode): string => String(node.kind());
const same = (a: SgNode | null | undefined, b: SgNode | null | undefined): boolean => !!a && !!b && a.id() === b.id();

/** How the dependency's name is bound at module level, which decides how its twin is reached. */
type Origin =
  | { kind: 'import'; module: string }
  /** `def get_db()` in this file: async-engine writes `get_async_db` beside it. */
  | { kind: 'local' };

interface Site {
  /** The identifier to rename: `get_db`, an alias of it, or the `get_db` of `deps.get_db`. */
  target: SgNode;
  /** Unqualified uses depend on an import of the twin (or a local twin); qualified ones do not. */
  origin: Origin | null;
  localName: string | null;
}

/**
 * A dependency generator that only hands on what get_db yields (`def get_session(): yield from get_db()`): FastAPI
 * injects the same session as through `Depends(get_db)`, so it delegates to the twin instead, as an async generator.
 */
interface Delegation {
  def: SgNode;
  /** The `yield from get_db()` statement. */
  statement: SgNode;
  /** The site of the `get_db` it calls. */
  site: Site;
  /** The statement's indentation, and one level of the def's (indentUnit). */
  indent: string;
  unit: string;
}

export const transform: Transform<SgRoot> = {
  id: 'async-get-db',
  description: 'Depends(get_db) → Depends(get_async_db), dependency_overrides keys included, imports updated',
  language: 'python',
  // Kept in step with the early return below.
  prefilter: (options) => [options.getDbName],
  run(ctx: TransformContext<SgRoot>): TransformResult {
    const { getDbName, asyncGetDbName } = ctx.options;
    if (getDbName === asyncGetDbName || !ctx.source.includes(getDbName)) return { edits: [], findings: [] };
    return new GetDbRewrite(ctx).run();
  },
};

class GetDbRewrite {
  private readonly imports: ModuleImports;
  private readonly findings: FindingInput[] = [];
  private readonly getDb: string;
  private readonly asyncName: string;
  /** Module-level `from m import get_db [as x]`. */
  private readonly dependencyImports: FromImport[];

  private readonly table: (name: string) => NameTable;


  constructor(private readonly ctx: TransformContext<SgRoot>) {

    this.table = cachedNameTables(ctx.tree);
    this.getDb = ctx.options.getDbName;
    this.asyncName = ctx.options.asyncGetDbName;
    this.imports = collectImports(ctx.tree);
    this.dependencyImports = this.imports.from.filter((imp) => imp.name === this.getDb && isModuleLevel(imp.node));
  }

  run(): TransformResult {
    const localNames = new Set([this.getDb, ...this.dependencyImports.map((imp) => imp.alias ?? imp.name)]);
    const sites: Site[] = [];
    for (const expression of this.dependencyExpressions()) {
      const site = this.siteFor(expression, localNames);
      if (site) sites.push(site);
    }
    // A dependency that is an `async def` already yields what the migrated code needs, and gets no twin.
    sites.splice(0, sites.length, ...sites.filter((s) => !this.alreadyAsync(s)));
    const delegations = this.delegations(localNames);
    sites.push(...delegations.map((d) => d.site));
    // A dependency whose twin async-engine cannot write keeps its uses: `get_async_db` would not exist, and the app
    // would fail at import. The code receiving its session stays sync (propagate-async keeps the handlers sync).
    sites.splice(0, sites.length, ...sites.filter((s) => !this.keptForMissingTwin(s)));
    const unqualified = sites.filter((s) => s.origin !== null);
    if (unqualified.length > 0) {
      const conflict = this.twinConflict(unqualified[0]!.origin!);
      if (conflict) {
        this.flag(conflict, `\`${this.asyncName}\` is already bound to something else in this file; \`${this.getDb}\` was not replaced here`, `Rename the other ${this.asyncName}, or replace ${this.getDb} by hand.`);
        sites.splice(0, sites.length, ...sites.filter((s) => s.origin === null));
      }
    }

    const kept = sites.filter((s) => !this.ctx.isIgnored(s.target.range().start.index, s.target.range().end.index));
    const delegated = new Map(delegations.filter((d) => kept.includes(d.site)).map((d) => [d.site, d]));
    const siteEdits = (list: Site[]): TextEdit[] =>
      list.flatMap((s) => {
        const delegation = delegated.get(s);
        if (delegation) return this.delegationEdits(delegation);
        return [{ start: s.target.range().start.index, end: s.target.range().end.index, text: this.asyncName, reason: `${this.getDb} → ${this.asyncName}` }];
      });

    const imported = kept.filter((s) => s.origin?.kind === 'import');
    if (imported.length === 0) return { edits: siteEdits(kept), findings: this.findings };

    const module = (imported[0]!.origin as { kind: 'import'; module: string }).module;
    const add = [{ module, name: this.asyncName }];
    const remove = this.importRemovable(module, imported) ? [{ module, name: this.getDb }] : [];
    let importEdits = planImportEdits(this.ctx.tree, this.ctx.source, { add, remove }, importedByOthers(this.ctx.options, this.ctx.path));
    if (importEdits.some((e) => this.ctx.isIgnored(e.start, e.end))) {
      importEdits = planImportEdits(this.ctx.tree, this.ctx.source, { add });
      if (importEdits.some((e) => this.ctx.isIgnored(e.start, e.end))) {
        // Without the import the renamed uses would name an undefined function: rename only qualified/local ones.
        return { edits: siteEdits(kept.filter((s) => s.origin?.kind !== 'import')), findings: this.findings };
      }
    }
    return {
      edits: [...siteEdits(kept), ...importEdits.map((e) => ({ ...e, reason: `import ${this.asyncName}` }))],
      findings: this.findings,
    };
  }

  /** Expressions naming a dependency: `Depends(x)`, `Depends(dependency=x)`, and `dependency_overrides` keys. */
  private dependencyExpressions(): SgNode[] {
    const found: SgNode[] = [];
    const root = this.ctx.tree.root();
    for (const call of root.findAll({ rule: { kind: 'call' } })) {
      const callee = call.field('function');
      const args = call.field('arguments');
      if (!callee || !args || kindOf(args) !== 'argument_list') continue;
      const calleeName = kindOf(callee) === 'attribute' ? callee.field('attribute')?.text() : callee.text();
      if (calleeName === 'Depends') {
        const dependency = firstPositional(args) ?? keywordValue(args, 'dependency');
        if (dependency) found.push(dependency);
      } else if (kindOf(callee) === 'attribute' && OVERRIDE_METHODS.has(calleeName ?? '') && isOverrides(callee.field('object'))) {
        const key = firstPositional(args);
        if (key) found.push(key);
      } else if (kindOf(callee) === 'attribute' && calleeName === 'update' && isOverrides(callee.field('object'))) {
        const dict = firstPositional(args);
        if (dict) found.push(...dictionaryKeys(dict));
      }
    }
    for (const subscript of root.findAll({ rule: { kind: 'subscript' } })) {
      if (!isOverrides(subscript.field('value'))) continue;
      const keys = subscript.fieldChildren('subscript');
      if (keys.length !== 1) continue;
      found.push(keys[0]!);
      // `dependency_overrides[get_db] = get_db` (a test putting the dependency back after its own override) names it
      // twice: with the key alone moved, the twin's override would be the sync get_db, a sync Session for every later
      // request.
      const assignment = subscript.parent();
      const value = assignment && kindOf(assignment) === 'assignment' && sameNode(assignment.field('left'), subscript) ? assignment.field('right') : null;
      if (value && kindOf(value) === kindOf(keys[0]!) && value.text() === keys[0]!.text()) found.push(value);
    }
    for (const comparison of root.findAll({ rule: { kind: 'comparison_operator' } })) {
      const operands = comparison.children().filter((c) => c.isNamed());
      const operators = comparison.children().filter((c) => !c.isNamed()).map((c) => c.text());
      if (operands.length === 2 && (operators.join(' ') === 'in' || operators.join(' ') === 'not in') && isOverrides(operands[1])) {
        found.push(operands[0]!);
      }
    }
    for (const assignment of root.findAll({ rule: { kind: 'assignment' } })) {
      if (!isOverrides(assignment.field('left'))) continue;
      const right = assignment.field('right');
      if (right) found.push(...dictionaryKeys(right));
    }
    return found;
  }

  /**
   * Module-level plain generators whose whole body (a docstring aside) is `yield from get_db()`, named in this file
   * only where a dependency is (`Depends(...)`, override keys): a get_db that gets its twin, reached as the
   * dependency sites are. One called directly (`next(get_session())`, here or in a module importing it by name) stays,
   * as does one on a get_db without twin.
   */
  private delegations(localNames: Set<string>): Delegation[] {
    const out: Delegation[] = [];
    const dependencyIds = new Set(this.dependencyExpressions().map((e) => e.id()));
    for (const statement of this.ctx.tree.root().children()) {
      if (kindOf(statement) !== 'function_definition' || statement.children().some((c) => c.text() === 'async')) continue;
      const parameters = statement.field('parameters');
      if (!parameters || parameters.children().some((c) => c.isNamed())) continue;
      const delegating = delegatingStatement(statement);
      const callee = delegating?.find({ rule: { kind: 'call' } })?.field('function');
      // The `async for` and its body are written on lines of their own, at the body's indentation (not after `def f():`).
      const unit = indentUnit(statement, this.ctx.source);
      const indent = delegating ? leadingWhitespace(delegating, this.ctx.source) : null;
      if (!delegating || !callee || unit === null || indent === null) continue;
      const name = statement.field('name')?.text() ?? '';
      const table = this.table(name);
      const usedOtherwise = table.occurrences.some((o) => o.role === 'reference' && seesModuleBinding(table, o) && !dependencyIds.has(o.node.id()));
      if (usedOtherwise || dunderAllNames(this.ctx.tree).has(name) || calledByOthers(this.ctx.options, this.ctx.path).includes(name)) continue;
      const site = this.quietly(() => this.siteFor(callee, localNames));
      if (!site || this.alreadyAsync(site) || this.lacksTwin(site)) continue;
      out.push({ def: statement, statement: delegating, site, indent, unit });
    }
    return out;
  }

  /** `def` → `async def`, and `yield from get_db()` → `async for session in get_async_db(): yield session`. */
  private delegationEdits({ def, statement, site, indent, unit }: Delegation): TextEdit[] {
    const start = statement.range().start.index;
    const callee = site.target.parent() && kindOf(site.target.parent()!) === 'attribute' ? `${site.target.parent()!.field('object')!.text()}.${this.asyncName}` : this.asyncName;
    const reason = `yield from ${this.getDb}() → async for over ${this.asyncName}()`;
    return [
      { start: def.range().start.index, end: def.range().start.index, text: 'async ', reason },
      { start, end: statement.range().end.index, text: `async for session in ${callee}():\n${indent}${unit}yield session`, reason },
    ];
  }

  /** What `run` computes without the findings it would report (a delegation is only a candidate). */
  private quietly<T>(compute: () => T): T {
    const before = this.findings.length;
    const result = compute();
    this.findings.splice(before);
    return result;
  }

  private siteFor(expression: SgNode, localNames: Set<string>): Site | null {
    if (kindOf(expression) === 'identifier' && localNames.has(expression.text())) return this.unqualifiedSite(expression);
    if (kindOf(expression) === 'attribute' && expression.field('attribute')?.text() === this.getDb) {
      return this.qualifiedSite(expression);
    }
    return null;
  }

  private unqualifiedSite(identifier: SgNode): Site | null {
    const name = identifier.text();
    const table = this.table(name);
    const occurrence = occurrenceOf(table, identifier);
    if (!occurrence || occurrence.role !== 'reference') return null;
    const scope = resolveBinding(table, occurrence);
    if (!scope) {
      this.flag(identifier, `\`${name}\` is neither defined nor imported by name in this file (a wildcard import?), so it was not replaced`, `Import ${this.getDb} explicitly, or replace it with ${this.asyncName} by hand.`);
      return null;
    }
    if (kindOf(scope) !== 'module') {
      const localImport = table.occurrences.some((o) => o.role === 'import' && same(o.scope, scope));
      if (localImport) {
        this.flag(identifier, `\`${name}\` is imported inside a function; its replacement was not added there`, `Import ${this.asyncName} in the same function and use it here.`);
      }
      if (kindOf(scope) === 'class_definition' && maySeeModuleBinding(table, occurrence)) {
        this.flag(identifier, `\`${name}\` is also bound in this class body, so which function is meant is decided at run time; it was not replaced`, `Replace it with ${this.asyncName} by hand, or give the class attribute another name.`);
      }
      return null; // a parameter or local variable: not the module's dependency
    }
    const origin = this.originOf(name, moduleBindings(table));
    if (!origin) {
      this.flag(identifier, `\`${name}\` is bound in a way this transform cannot follow (assigned, or imported from several places), so it was not replaced`, `Replace it with ${this.asyncName} by hand once the async twin exists.`);
      return null;
    }
    return { target: identifier, origin, localName: name };
  }

  private originOf(name: string, bindings: NameOccurrence[]): Origin | null {
    if (bindings.length === 0) return null;
    if (bindings.every((b) => b.role === 'import')) {
      const modules = new Set<string>();
      for (const binding of bindings) {
        const statement = binding.node.ancestors().find((a) => IMPORT_KINDS.has(kindOf(a)));
        const imp = this.dependencyImports.find((i) => same(i.node, statement) && (i.alias ?? i.name) === name);
        if (!imp) return null;
        modules.add(imp.module);
      }
      return modules.size === 1 ? { kind: 'import', module: [...modules][0]! } : null;
    }
    const isDef = (b: NameOccurrence) => {
      const parent = b.node.parent();
      return b.role === 'binding' && !!parent && kindOf(parent) === 'function_definition' && same(parent.field('name'), b.node);
    };
    return name === this.getDb && bindings.every(isDef) ? { kind: 'local' } : null;
  }

  private qualifiedSite(attribute: SgNode): Site | null {
    let root: SgNode | null = attribute.field('object');
    while (root && kindOf(root) === 'attribute') root = root.field('object');
    const target = attribute.field('attribute')!;
    if (root && kindOf(root) === 'identifier') {
      const table = this.table(root.text());
      const occurrence = occurrenceOf(table, root);
      const bindings = moduleBindings(table);
      if (occurrence && seesModuleBinding(table, occurrence) && bindings.length > 0 && bindings.every((b) => b.role === 'import')) {
        return { target, origin: null, localName: null };
      }
    }
    this.flag(attribute, `\`${attribute.text()}\` is not reached through an imported module, so it was not replaced`, `Replace it with the async twin by hand if this object provides one.`);
    return null;
  }

  /** The site names a `get_db` defined as `async def`: in this file, or in a module async-engine's project pass saw. */
  private alreadyAsync(site: Site): boolean {
    if (site.origin?.kind === 'local') {
      return this.ctx.tree.root().children().some((statement) => {
        const def = kindOf(statement) === 'decorated_definition' ? statement.field('definition') : statement;
        return !!def && kindOf(def) === 'function_definition' && def.field('name')?.text() === this.getDb && def.children().some((c) => c.text() === 'async');
      });
    }
    const module = site.origin?.kind === 'import' ? site.origin.module : this.qualifyingModule(site.target);
    return module !== null && definesAsyncDependency(this.ctx.options, this.ctx.path, module);
  }

  /**
   * The site names a sync `get_db` whose async twin async-engine's project pass found cannot be written (in this
   * file, or in the module it is imported from): flagged, and left as it is.
   */
  private keptForMissingTwin(site: Site): boolean {
    if (!this.lacksTwin(site)) return false;
    const module = this.moduleOf(site);
    // A get_db yielding a driver's connection (`sqlite3.connect(...)`) is no session dependency: nothing to say.
    if (this.notSession(site, module)) return true;
    const where = site.origin?.kind === 'local' ? 'this file' : `\`${module}\``;
    this.findings.push({
      rule: RULE_NO_TWIN,
      offset: site.target.range().start.index,
      message: `\`${this.getDb}\` (${where}) gets no async twin \`${this.asyncName}\` (see the ENGINE-* finding at its definition, or REEXPORT-UNFOLLOWED where a module hands it on), so this use stays on \`${this.getDb}\` and the code receiving its session stays sync`,
      hint: `Write \`async def ${this.asyncName}()\` beside \`${this.getDb}\` by hand (an AsyncSession on an async engine), then run awaitify again to move this use and its callers to it.`,
    });
    return true;
  }

  /** The site names a `get_db` that hands out no SQLAlchemy session (EngineIndex.nonSessionDependencyModules). */
  private notSession(site: Site, module: string | null): boolean {
    if (site.origin?.kind === 'local') return definesNonSessionDependency(this.ctx.options, this.ctx.path);
    return module !== null && dependencyNotSession(this.ctx.options, this.ctx.path, module);
  }

  /** The site names a sync `get_db` whose async twin async-engine's project pass found cannot be written. */
  private lacksTwin(site: Site): boolean {
    if (site.origin?.kind === 'local') return definesUntwinnedDependency(this.ctx.options, this.ctx.path);
    const module = this.moduleOf(site);
    return module !== null && lacksDependencyTwin(this.ctx.options, this.ctx.path, module);
  }

  /** The module the site's `get_db` comes from, as an import writes it; null for this file's own or when unknown. */
  private moduleOf(site: Site): string | null {
    return site.origin?.kind === 'import' ? site.origin.module : site.origin?.kind === 'local' ? null : this.qualifyingModule(site.target);
  }

  /**
   * The module `deps.get_db` reaches `get_db` through, as an import would write it: `from app.api import deps` →
   * `app.api.deps`, `from .. import db` → `..db`, `import app.api.deps` → `app.api.deps`; null when unknown.
   */
  private qualifyingModule(target: SgNode): string | null {
    const object = target.parent()?.field('object');
    if (!object) return null;
    const parts = object.text().replace(/\s+/g, '').split('.');
    const root = parts[0]!;
    const from = this.imports.from.find((imp) => (imp.alias ?? imp.name) === root && imp.name !== '*' && isModuleLevel(imp.node));
    if (from) {
      const base = /^\.+$/.test(from.module) ? `${from.module}${from.name}` : `${from.module}.${from.name}`;
      return [base, ...parts.slice(1)].join('.');
    }
    const plain = this.imports.plain.find((imp) => (imp.alias ?? imp.module.split('.')[0]) === root && isModuleLevel(imp.node));
    if (!plain) return null;
    return plain.alias ? [plain.module, ...parts.slice(1)].join('.') : parts.join('.');
  }

  /** A module-level binding of the twin's name that would clash with the one this transform relies on. */
  private twinConflict(origin: Origin): SgNode | null {
    for (const binding of moduleBindings(this.table(this.asyncName))) {
      if (origin.kind === 'local') {
        const parent = binding.node.parent();
        const isDef = binding.role === 'binding' && !!parent && kindOf(parent) === 'function_definition';
        if (!isDef) return binding.node;
        continue;
      }
      const statement = binding.node.ancestors().find((a) => IMPORT_KINDS.has(kindOf(a)));
      const ok =
        binding.role === 'import' &&
        this.imports.from.some(
          (imp) => same(imp.node, statement) && imp.module === origin.module && imp.name === this.asyncName && imp.alias === null,
        );
      if (!ok) return binding.node;
    }
    return null;
  }

  /** The import of get_db goes only when nothing else in the file still uses any name it binds. */
  private importRemovable(module: string, converted: Site[]): boolean {
    if (/(^|\/)__init__\.py$/.test(this.ctx.path)) return false; // a package may re-export it
    const locals = new Set(this.dependencyImports.filter((i) => i.module === module).map((i) => i.alias ?? i.name));
    const convertedIds = new Set(converted.map((s) => s.target.id()));
    for (const local of locals) {
      const table = this.table(local);
      const remaining = table.occurrences.some(
        (o) => o.role === 'reference' && maySeeModuleBinding(table, o) && !convertedIds.has(o.node.id()),
      );
      if (remaining) return false;
      if (dunderAllNames(this.ctx.tree).has(local)) return false;
    }
    return true;
  }

  private flag(node: SgNode, message: string, hint: string): void {
    this.findings.push({ rule: RULE_UNRESOLVED, offset: node.range().start.index, message, hint });
  }
}

/** The `yield from f()` statement (no arguments) that is a function's whole body, a docstring aside; else null. */
function delegatingStatement(def: SgNode): SgNode | null {
  const body = def.field('body');
  if (!body) return null;
  const statements = body.children().filter((c) => c.isNamed() && kindOf(c) !== 'comment');
  if (statements.length === 2 && isDocstring(statements[0]!)) statements.shift();
  if (statements.length !== 1 || kindOf(statements[0]!) !== 'expression_statement') return null;
  const statement = statements[0]!;
  const expressions = statement.children().filter((c) => c.isNamed());
  const yielded = expressions.length === 1 && kindOf(expressions[0]!) === 'yield' ? expressions[0]! : null;
  if (!yielded || !yielded.children().some((c) => c.text() === 'from')) return null;
  const call = yielded.children().filter((c) => c.isNamed());
  if (call.length !== 1 || kindOf(call[0]!) !== 'call') return null;
  const args = call[0]!.field('arguments');
  const callee = call[0]!.field('function');
  if (!args || args.children().some((c) => c.isNamed()) || !callee || !['identifier', 'attribute'].includes(kindOf(callee))) return null;
  return statement;
}

function firstPositional(args: SgNode): SgNode | null {
  return args.children().find((c) => c.isNamed() && !['keyword_argument', 'comment', 'list_splat', 'dictionary_splat'].includes(kindOf(c))) ?? null;
}

function keywordValue(args: SgNode, name: string): SgNode | null {
  const keyword = args.children().find((c) => kindOf(c) === 'keyword_argument' && c.field('name')?.text() === name);
  return keyword?.field('value') ?? null;
}

/** `app.dependency_overrides`, `client.app.dependency_overrides`... */
function isOverrides(node: SgNode | null | undefined): boolean {
  return !!node && kindOf(node) === 'attribute' && node.field('attribute')?.text() === 'dependency_overrides';
}

function dictionaryKeys(node: SgNode): SgNode[] {
  if (kindOf(node) !== 'dictionary') return [];
  return node
    .children()
    .filter((c) => kindOf(c) === 'pair')
    .map((pair) => pair.field('key'))
    .filter((key): key is SgNode => key !== null);
}
