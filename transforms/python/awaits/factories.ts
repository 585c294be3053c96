// The async twin of a session factory. `SessionLocal()` makes a sync Session; the await transforms need
// the AsyncSession that the async factory makes. async-engine writes the twin next to the sync factory
// under the name `twinName()` gives (`SessionLocal` → `AsyncSessionLocal`, REFERENCE section 4). It runs
// before this transform, so in the module defining a factory the twin is bound when it was written. A file
// importing a factory gets its twin from the same module when async-engine's project pass saw that module
// write it (or define it), and the conventional `SessionLocal` gets `AsyncSessionLocal` even without that
// pass; any other imported factory name is trusted only when this file already binds its twin. A factory a
// star import of its module binds (`from .utils import *`) gets the twin that star import binds as well. `Session(engine)` becomes `AsyncSession(async_engine, ...)` when that engine's twin exists.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { TextEdit } from '../../../engine/types';
import { isModuleLevel, moduleLevelImportBindings, type FromImport, type ModuleImports } from '../support/imports';
import { twinName } from '../scaffold/twin-names';
import { nameTable } from '../support/scope';
import type { SessionResolver } from '../query/sessions';
import { callArgs, dottedName, end, ifBranchBodies, namedChildren, start } from '../query/syntax';

const CONVENTIONAL = 'SessionLocal';

export interface ImportAdd {
  module: string;
  name: string;
  /** The sync factory's import, which can go once nothing else in the file uses `local`; null for a star import's name. */
  replaces: { module: string; name: string; local: string } | null;
}

export type Twin =
  /** The call already makes an AsyncSession. */
  | { kind: 'async' }
  | {
      kind: 'rename';
      edit: TextEdit;
      importAdd: ImportAdd | null;
      extraImports?: { module: string; name: string }[];
      /** Imports the replaced text used (`Session`, `engine` in `Session(engine)`), to drop once nothing else does. */
      mayFree?: NonNullable<ImportAdd['replaces']>[];
    }
  | { kind: 'unknown'; why: string };

export class FactoryTwins {
  private readonly importTargets = new Map<string, string>();
  private readonly cache = new Map<number, Twin>();

  constructor(
    private readonly root: SgRoot,
    private readonly imports: ModuleImports,
    private readonly sessions: SessionResolver,
    /** Whether an engine imported `from module import name` gets its async twin there (async-engine's project pass). */
    private readonly importedEngineTwinned: (module: string, name: string) => boolean = () => false,
  ) {
    for (const b of moduleLevelImportBindings(imports)) this.importTargets.set(b.local, b.target);
  }

  /** The twin for a call the resolver counts as making a session: `F()`, `F.begin()`, `mod.F()`, `Session(...)`. */
  twinOf(call: SgNode): Twin {
    const key = start(call);
    let twin = this.cache.get(key);
    if (!twin) {
      twin = this.compute(call);
      this.cache.set(key, twin);
    }
    return twin;
  }

  /**
   * The module-level `from` import binding `name` that functions see: the last one, when a file imports the
   * name twice (`from sqlalchemy.orm import Session` then `from app.db import Session`, the project's factory).
   */
  private lastImportOf(name: string): FromImport | undefined {
    return this.imports.from.filter((i) => (i.alias ?? i.name) === name && isModuleLevel(i.node) && i.name !== '*').pop();
  }

  private compute(call: SgNode): Twin {
    const callee = call.field('function') as SgNode;
    const factory = this.sessions.isFactoryBeginCall(call) ? (callee.field('object') as SgNode) : callee;
    const dotted = dottedName(factory);
    if (!dotted) return { kind: 'unknown', why: `\`${factory.text()}\` is not a plain factory name` };
    const head = dotted[0] as string;
    const last = dotted[dotted.length - 1] as string;
    const target = this.importTargets.get(head);
    const full = target ? [target, ...dotted.slice(1)].join('.') : null;
    if (full && /(^|\.)AsyncSession$/.test(full)) return { kind: 'async' };
    if (this.sessions.typeVerdict(factory, new Set()).session) {
      return this.sessionOnEngine(call, full) ?? { kind: 'unknown', why: `\`${factory.text()}(...)\` makes a sync Session on a sync engine; the async engine to use is not known here` };
    }
    if (/^(Async|async_)/.test(last)) return { kind: 'async' };
    const renameLast = (name: string, importAdd: ImportAdd | null): Twin => {
      const node = factory.kind() === 'attribute' ? (factory.field('attribute') as SgNode) : factory;
      return { kind: 'rename', edit: { start: start(node), end: end(node), text: name }, importAdd };
    };
    // The project pass saw the factory's sessionmaker in its module: what that module has or gets is known.
    const project = this.sessions.projectFactory(dotted);
    if (project === 'async') return { kind: 'async' };
    if (project === 'none') {
      return { kind: 'unknown', why: `\`${factory.text()}\` is a session factory of another module that gets no async twin there (see async-engine's finding on it, or REEXPORT-UNFOLLOWED where a module hands it on)` };
    }
    // `database.SessionLocal()`: the imported session module gains `AsyncSessionLocal` from async-engine.
    if (dotted.length === 2 && target && (last === CONVENTIONAL || project === 'twin')) return renameLast(twinName(last), null);
    if (dotted.length !== 1) return { kind: 'unknown', why: `no async twin of \`${factory.text()}\` is known` };

    if (this.isModuleAsyncFactory(head)) return { kind: 'async' };
    const twin = twinName(head);
    const twinBinding = this.moduleBinding(twin);
    if (twinBinding === 'conflict') return { kind: 'unknown', why: `\`${twin}\` is bound inside a function or class too` };
    if (twinBinding === 'module') return renameLast(twin, null);

    const imported = this.lastImportOf(head);
    if (imported && (imported.name === CONVENTIONAL || project === 'twin')) {
      // The twin is named after the factory's own name in its module, not the local alias.
      const importedTwin = twinName(imported.name);
      const binding = this.moduleBinding(importedTwin);
      const sameImport = this.imports.from.some((i) => i.module === imported.module && i.name === importedTwin && i.alias === null);
      if (binding === 'conflict' || (binding === 'module' && !sameImport)) {
        return { kind: 'unknown', why: `\`${importedTwin}\` is already bound to something else in this file` };
      }
      const replaces = { module: imported.module, name: imported.name, local: head };
      return renameLast(importedTwin, sameImport ? null : { module: imported.module, name: importedTwin, replaces });
    }
    // `from .utils import *` binds the twin written beside the factory too, unless the module's `__all__` does not
    // list it (in the text read by the project pass): then it is imported by name, which binds it whatever `__all__` says.
    const star = imported ? null : this.sessions.starImportOf(head);
    if (star && project === 'twin') {
      if (this.sessions.starImportOf(twin) === star) return renameLast(twin, null);
      return renameLast(twin, { module: star.module, name: twin, replaces: null });
    }
    if (!imported && this.isModuleSyncFactory(head)) {
      return { kind: 'unknown', why: `\`${head}\` is defined here but its async twin \`${twin}\` is not (async-engine writes it; see its finding)` };
    }
    return { kind: 'unknown', why: `no async twin of \`${head}\` is known: \`${twin}\` is not bound in this file` };
  }

  /**
   * `Session(engine)` / `Session(bind=engine)` (nothing else passed) on an engine whose async twin exists:
   * defined in this file (async-engine wrote it earlier in the run), or in the module the engine is imported
   * from. It becomes `AsyncSession(async_engine, expire_on_commit=False)`, the session get_async_db opens.
   */
  private sessionOnEngine(call: SgNode, sessionClass: string | null): Twin | null {
    if (this.sessions.isFactoryBeginCall(call)) return null;
    const args = callArgs(call);
    const keywords = [...args.keywords.entries()];
    const bind = args.positional.length === 1 && keywords.length === 0 ? args.positional[0] : args.positional.length === 0 && keywords.length === 1 && keywords[0]![0] === 'bind' ? keywords[0]![1] : null;
    if (!bind || bind.kind() !== 'identifier' || namedChildren(call.field('arguments') as SgNode).length !== 1) return null;
    const engine = bind.text();
    const twin = twinName(engine);
    const imports: { module: string; name: string }[] = [];
    const engineImport = this.lastImportOf(engine);
    const ownTwin = this.moduleAssignments(twin);
    const isAsyncEngine = ownTwin.length > 0 && ownTwin.every((value) => value.kind() === 'call' && /(^|\.)create_async_engine$/.test(value.field('function')?.text() ?? ''));
    // One twin beside each binding of the engine: one top-level statement, or one in each branch of a module-level
    // `if`/`else` (async-engine writes those only when every path binds the engine, and nothing else does).
    if (this.moduleBinding(twin) === 'module' && isAsyncEngine && !engineImport && this.moduleAssignments(engine).length === ownTwin.length) {
      // The engine is this module's; async-engine wrote the twin beside it.
    } else if (engineImport && engineImport.alias === null && this.importedEngineTwinned(engineImport.module, engineImport.name)) {
      if (this.moduleBinding(twin) !== 'none') return null;
      imports.push({ module: engineImport.module, name: twin });
    } else {
      return null;
    }
    const sqlmodel = !!sessionClass && /^sqlmodel\./.test(sessionClass);
    const module = sqlmodel ? 'sqlmodel.ext.asyncio.session' : 'sqlalchemy.ext.asyncio';
    const existing = this.imports.from.find((i) => i.module === module && i.name === 'AsyncSession' && isModuleLevel(i.node));
    const cls = existing ? (existing.alias ?? existing.name) : 'AsyncSession';
    if (!existing) {
      if (this.moduleBinding('AsyncSession') !== 'none') return null;
      imports.push({ module, name: 'AsyncSession' });
    }
    const mayFree: NonNullable<ImportAdd['replaces']>[] = [];
    const calleeName = call.field('function');
    const classImport = calleeName?.kind() === 'identifier' ? this.imports.from.find((i) => (i.alias ?? i.name) === calleeName.text() && isModuleLevel(i.node)) : undefined;
    if (classImport) mayFree.push({ module: classImport.module, name: classImport.name, local: calleeName?.text() ?? classImport.name });
    if (engineImport) mayFree.push({ module: engineImport.module, name: engineImport.name, local: engine });
    return { kind: 'rename', edit: { start: start(call), end: end(call), text: `${cls}(${twin}, expire_on_commit=False)` }, importAdd: null, extraImports: imports, mayFree };
  }

  /** 'module' when the name is bound only at module level, 'conflict' when bound elsewhere too, 'none' when unbound. */
  private moduleBinding(name: string): 'module' | 'conflict' | 'none' {
    const bindings = nameTable(this.root, name).occurrences.filter((o) => o.role === 'binding' || o.role === 'import');
    if (bindings.length === 0) return 'none';
    return bindings.every((b) => b.scope.kind() === 'module') ? 'module' : 'conflict';
  }

  /** The values assigned to `name` by top-level statements and by statements directly in the branches of a top-level `if`. */
  private moduleAssignments(name: string): SgNode[] {
    const values: SgNode[] = [];
    const statements = this.root.root().children().flatMap((stmt) => (stmt.kind() === 'if_statement' ? ifBlocks(stmt).flatMap((block) => namedChildren(block)) : [stmt]));
    for (const stmt of statements) {
      const assignment = stmt.kind() === 'expression_statement' ? namedChildren(stmt)[0] : null;
      if (assignment?.kind() !== 'assignment' || assignment.field('left')?.text() !== name) continue;
      const right = assignment.field('right');
      if (right) values.push(right);
    }
    return values;
  }

  private isModuleAsyncFactory(name: string): boolean {
    const values = this.moduleAssignments(name);
    return values.length > 0 && values.every((v) => factoryKind(v) === 'async');
  }

  private isModuleSyncFactory(name: string): boolean {
    const values = this.moduleAssignments(name);
    return values.length === 1 && factoryKind(values[0] as SgNode) === 'sync';
  }
}

/** The blocks of an `if` statement: its own, its `elif`s' and its `else`'s. */
function ifBlocks(ifStatement: SgNode): SgNode[] {
  return ifBranchBodies(ifStatement).bodies.filter((b): b is SgNode => b !== null && b.kind() === 'block');
}

function factoryKind(value: SgNode): 'async' | 'sync' | null {
  if (value.kind() !== 'call') return null;
  const callee = dottedName(value.field('function') as SgNode);
  const last = callee?.[callee.length - 1];
  if (last === 'async_sessionmaker') return 'async';
  if (last !== 'sessionmaker') return null;
  const classArg = callArgs(value).keywords.get('class_');
  return classArg && /AsyncSession$/.test(classArg.text()) ? 'async' : 'sync';
}
