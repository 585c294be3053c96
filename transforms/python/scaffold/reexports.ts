// The edits of reexport-twins: the async twin of a re-exported name (`from .session import SessionLocal` in
// app/db/__init__.py), imported beside it, since importers of the name through the module are switched to the twin.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { TextEdit, TransformOptions } from '../../../engine/types';
import { dottedName, namedChildren, end } from '../query/syntax';
import { moduleBindings, nameTable } from '../support/scope';
import { collectImports, dunderAllNames, isModuleLevel, isTopLevel, moduleLevelImportBindings, planImportEdits } from '../support/imports';
import { stringValue } from '../eager/summary';
import type { EngineOptions, ReexportedTwin } from './engine-index';

const REASON = 'reexport-twins: importers of the name through this module are switched to its async twin, so it re-exports that too';

const ALL_REASON = 'reexport-twins: the module lists the name in __all__, so it lists its async twin too';

const wordsOf = new WeakMap<TransformOptions, string[]>();

/** The names a file must contain for reexport-twins to have anything to do in it (a prefilter's words). */
export function reexportWords(options: TransformOptions): string[] {
  let words = wordsOf.get(options);
  if (!words) {
    const { reexportedTwins = {}, unlistedTwins = {}, unfollowedReexports = {} } = options as EngineOptions;
    words = [
      ...new Set([
        ...Object.values(reexportedTwins).flatMap((twins) => twins.map((t) => t.name)),
        ...Object.values(unlistedTwins).flat(),
        ...Object.values(unfollowedReexports).flatMap((list) => list.map((u) => u.name)),
      ]),
    ];
    wordsOf.set(options, words);
  }
  return words;
}

/**
 * The twins of the names this file re-exports, imported beside them from the same module, and listed in a
 * literal `__all__` after the name they twin (a star import of the module must bring the twin too). A twin the
 * file already binds, or a re-export that is no longer a module-level import, is left alone.
 */
export function reexportEdits(tree: SgRoot, source: string, twins: readonly ReexportedTwin[]): { edits: TextEdit[]; added: number } {
  const imports = collectImports(tree);
  const add: { module: string; name: string }[] = [];
  const edits: TextEdit[] = [];
  const listed: { origin: string; twin: string }[] = [];
  for (const t of twins) {
    if (t.assigned !== undefined) {
      const local = t.alias?.local ?? t.name;
      const binding = unfollowedBindings(tree, source).find((b) => b.object === t.assigned && b.local === local && b.name === t.name);
      if (!binding || moduleBindings(nameTable(tree, t.twin)).length > 0 || listed.some((l) => l.twin === t.twin)) continue;
      listed.push({ origin: local, twin: t.twin });
      // On the line after the assignment (a comment ending it stays there), the same way: `AsyncSessionLocal = session.AsyncSessionLocal`.
      const lineEnd = source.indexOf('\n', end(binding.node.parent()!));
      const at = lineEnd === -1 ? source.length : lineEnd;
      edits.push({ start: at, end: at, text: `\n${t.twin} = ${t.assigned}.${t.alias?.sourceTwin ?? t.twin}`, reason: REASON });
      continue;
    }
    const local = t.alias?.local ?? t.name;
    // `from .session import SessionLocal as SessionLocal` (an explicit re-export) is a plain one.
    const reexport = imports.from.find((i) => i.module === t.module && i.name === t.name && (i.alias ?? i.name) === local && i.node.parent()?.kind() === 'module');
    if (!reexport || moduleBindings(nameTable(tree, t.twin)).length > 0 || listed.some((l) => l.twin === t.twin)) continue;
    listed.push({ origin: local, twin: t.twin });
    if (!t.alias) {
      add.push({ module: t.module, name: t.twin });
      continue;
    }
    // The source's twin under the alias's twin, after the aliased name in the same statement.
    const item = reexport.node.findAll({ rule: { kind: 'aliased_import' } }).find((a) => a.field('name')?.text().replace(/\s+/g, '') === t.name && a.field('alias')?.text() === local);
    if (!item) {
      listed.pop();
      continue;
    }
    edits.push({ start: end(item), end: end(item), text: `, ${t.alias.sourceTwin} as ${t.twin}`, reason: REASON });
  }
  if (listed.length === 0) return { edits: [], added: 0 };
  if (add.length > 0) edits.push(...planImportEdits(tree, source, { add }).map((e) => ({ ...e, reason: REASON })));
  edits.push(...dunderAllEdits(tree, listed));
  return { edits, added: listed.length };
}

/**
 * Each twin listed in a literal `__all__` right after the name it twins, in the quotes that entry uses, where the
 * name is listed and the twin is not: a star import of the module brings the twin then.
 */
export function dunderAllEdits(tree: SgRoot, pairs: readonly { origin: string; twin: string }[]): TextEdit[] {
  const all = dunderAll(tree);
  if (!all || pairs.length === 0) return [];
  const entries = namedChildren(all).filter((e) => e.kind() === 'string');
  // Also what `__all__ += [...]` or `.append(...)` lists: a twin listed there is not listed again.
  const listed = dunderAllNames(tree);
  const edits: TextEdit[] = [];
  for (const { origin, twin } of pairs) {
    const element = entries.find((e) => stringValue(e) === origin);
    if (!element || listed.has(twin)) continue;
    listed.add(twin);
    const quote = element.text().startsWith("'") ? "'" : '"';
    edits.push({ start: end(element), end: end(element), text: `, ${quote}${twin}${quote}`, reason: ALL_REASON });
  }
  return edits;
}

/** The list or tuple literal of a module-level `__all__ = [...]`, when there is exactly one binding of `__all__`. */
function dunderAll(tree: SgRoot): SgNode | null {
  const bindings = moduleBindings(nameTable(tree, '__all__'));
  if (bindings.length !== 1) return null;
  for (const statement of tree.root().children()) {
    const assignment = statement.kind() === 'expression_statement' ? namedChildren(statement)[0] : null;
    if (assignment?.kind() !== 'assignment' || assignment.field('left')?.text() !== '__all__') continue;
    const value = assignment.field('right');
    return value && (value.kind() === 'list' || value.kind() === 'tuple') ? value : null;
  }
  return null;
}

/** A line reading like `name = module.name`, indented or not (unfollowedBindings' shortcut). */
const ATTRIBUTE_ASSIGNMENT = /^[ \t]*[A-Za-z_]\w*[ \t]*=[ \t]*[A-Za-z_][\w.]*\.[A-Za-z_]\w*[ \t]*(#.*)?$/m;

/**
 * Why a module-level binding of a name is a re-export the index does not follow (EngineIndex.unfollowedReexports):
 * `conditional`, an import inside `try`/`if`/`with` (`except ImportError:` may bind something else, `if TYPE_CHECKING:`
 * nothing at all); `assignment`, `SessionLocal = session.SessionLocal` inside one, or with the name bound again;
 * `alias`, an import renaming the session dependency (`from .session import get_db as get_session`, or another name
 * `as get_db`).
 */

export type UnfollowedWhy = 'conditional' | 'assignment' | 'alias';

/** A binding unfollowedBindings finds: `module` as an import would write it (`.session`), `name` the name there. */
export interface UnfollowedBinding {
  local: string;
  module: string;
  name: string;
  why: UnfollowedWhy;
  node: SgNode;
  /**
   * Set for an assignment that is a statement of the module itself and the name's only module-level binding: the
   * module's expression as written (`session`, `app.db.session`). Such a re-export is followed: its twin is assigned
   * the same way on the next line (EngineSummary.fromImports `assigned`).
   */
  object?: string;
}

/**
 * The module-level bindings of this file that take a name from another module other than by a module-level import:
 * imports nested in a module-level `try`/`if`/`with` (any alias), and assignments at module level of an attribute of
 * an imported module (`get_db = session.get_db`, `SessionLocal = app.db.session.SessionLocal` after `import
 * app.db.session`). Those reexport-twins can follow carry `object` (a plain assignment); the others it cannot give a
 * twin beside. Aliased module-level imports are the index's to judge (EngineIndex.followReexports).
 */
export function unfollowedBindings(tree: SgRoot, source: string): UnfollowedBinding[] {
  const found: UnfollowedBinding[] = [];
  const imports = collectImports(tree);
  for (const i of imports.from) {
    if (i.name === '*' || i.module === '__future__' || isTopLevel(i.node) || !isModuleLevel(i.node)) continue;
    found.push({ local: i.alias ?? i.name, module: i.module, name: i.name, why: 'conditional', node: i.node });
  }
  // Every file of the run is summarized: the tree is searched for assignments only where a line reads like one.
  if (!ATTRIBUTE_ASSIGNMENT.test(source)) return found;
  // `exact`: the binding names the module itself; a plain `import app.db.session` binds only the package `app`.
  const modules = new Map<string, { target: string; exact: boolean }>();
  for (const b of moduleLevelImportBindings(imports, { relative: true })) modules.set(b.local, { target: b.target, exact: b.aliased || b.node.kind() !== 'import_statement' });
  if (modules.size === 0) return found;
  for (const assignment of tree.root().findAll({ rule: { kind: 'assignment' } })) {
    const left = assignment.field('left');
    const right = assignment.field('right');
    if (left?.kind() !== 'identifier' || right?.kind() !== 'attribute' || !isModuleLevel(assignment)) continue;
    const dotted = dottedName(right);
    const root = dotted ? modules.get(dotted[0]!) : undefined;
    if (!dotted || !root) continue;
    const module = root.exact ? [root.target, ...dotted.slice(1, -1)].join('.') : dotted.slice(0, -1).join('.');
    const plain = isTopLevel(assignment.parent()!) && moduleBindings(nameTable(tree, left.text())).length === 1;
    found.push({ local: left.text(), module, name: dotted[dotted.length - 1]!, why: 'assignment', node: assignment, ...(plain ? { object: dotted.slice(0, -1).join('.') } : {}) });
  }
  return found;
}
