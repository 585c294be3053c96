// The edits of reexport-twins: the async twin of a re-exported name (`from .session import SessionLocal` in
// app/db/__init__.py), imported beside it, since importers of the name through the module are switched to the twin.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { TextEdit, TransformOptions } from '../../../engine/types';
import { namedChildren, end } from '../query/syntax';
import { moduleBindings, nameTable } from '../support/scope';
import { collectImports, dunderAllNames, planImportEdits } from '../support/imports';
import { stringValue } from '../eager/summary';
import type { EngineOptions, ReexportedTwin } from './engine-index';

const REASON = 'reexport-twins: importers of the name through this module are switched to its async twin, so it re-exports that too';

const ALL_REASON = 'reexport-twins: the module lists the name in __all__, so it lists its async twin too';

const wordsOf = new WeakMap<TransformOptions, string[]>();

/** The names a file must contain for reexport-twins to have anything to do in it (a prefilter's words). */
export function reexportWords(options: TransformOptions): string[] {
  let words = wordsOf.get(options);
  if (!words) {
    const { reexportedTwins = {}, unlistedTwins = {} } = options as EngineOptions;
    words = [...new Set([...Object.values(reexportedTwins).flatMap((twins) => twins.map((t) => t.name)), ...Object.values(unlistedTwins).flat()])];
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
  for (const t of twins) {
    const reexported = imports.from.some((i) => i.module === t.module && i.name === t.name && i.alias === null && i.node.parent()?.kind() === 'module');
    if (!reexported || moduleBindings(nameTable(tree, t.twin)).length > 0) continue;
    add.push({ module: t.module, name: t.twin });
  }
  if (add.length === 0) return { edits: [], added: 0 };
  const edits: TextEdit[] = planImportEdits(tree, source, { add }).map((e) => ({ ...e, reason: REASON }));
  edits.push(...dunderAllEdits(tree, add.map(({ name }) => ({ origin: twins.find((t) => t.twin === name)?.name ?? '', twin: name }))));
  return { edits, added: add.length };
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
