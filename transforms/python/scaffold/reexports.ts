// A module re-exporting a session factory (`from .session import SessionLocal` in app/db/__init__.py) must bind
// its twin as well: importers of the factory through it are switched to `from app.db import AsyncSessionLocal`
// (insert-await, by the project pass's sessionFactories), which fails at import unless app/db binds that name.
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { TextEdit, TransformOptions } from '../../../engine/types';
import { namedChildren, end } from '../query/syntax';
import { moduleBindings, nameTable } from '../support/scope';
import { collectImports, planImportEdits } from '../support/imports';
import type { EngineOptions, ReexportedTwin } from './engine-index';

const REASON = 'async-engine: this module re-exports a session factory; its importers are switched to the async twin, so it re-exports that too';

const wordsOf = new WeakMap<TransformOptions, string[]>();

/** The re-exported names a file must contain for reexportEdits to have anything to do (a prefilter's words). */
export function reexportWords(options: TransformOptions): string[] {
  let words = wordsOf.get(options);
  if (!words) {
    const table = (options as EngineOptions).reexportedTwins ?? {};
    words = [...new Set(Object.values(table).flatMap((twins) => twins.map((t) => t.name)))];
    wordsOf.set(options, words);
  }
  return words;
}

/**
 * The twins of the factories this file re-exports, imported beside them from the same module, and listed in a
 * literal `__all__` after the name they twin (a star import of the module must bring the twin too). A twin the
 * file already binds, or a re-export that is no longer a module-level import, is left alone.
 */
export function reexportEdits(tree: SgRoot, source: string, twins: readonly ReexportedTwin[]): TextEdit[] {
  const imports = collectImports(tree);
  const add: { module: string; name: string }[] = [];
  for (const t of twins) {
    const reexported = imports.from.some((i) => i.module === t.module && i.name === t.name && i.alias === null && i.node.parent()?.kind() === 'module');
    if (!reexported || moduleBindings(nameTable(tree, t.twin)).length > 0) continue;
    add.push({ module: t.module, name: t.twin });
  }
  if (add.length === 0) return [];
  const edits = planImportEdits(tree, source, { add }).map((e) => ({ ...e, reason: REASON }));
  const all = dunderAll(tree);
  if (all) {
    for (const { name } of add) {
      const origin = twins.find((t) => t.twin === name)?.name;
      const element = namedChildren(all).find((e) => e.kind() === 'string' && stringValue(e) === origin);
      if (!element || namedChildren(all).some((e) => e.kind() === 'string' && stringValue(e) === name)) continue;
      const quote = element.text().startsWith("'") ? "'" : '"';
      edits.push({ start: end(element), end: end(element), text: `, ${quote}${name}${quote}`, reason: REASON });
    }
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

/** The text of a plain string literal (no prefix, no interpolation), or null. */
function stringValue(node: SgNode): string | null {
  const match = /^(['"])([A-Za-z_][A-Za-z0-9_]*)\1$/.exec(node.text());
  return match ? (match[2] as string) : null;
}
