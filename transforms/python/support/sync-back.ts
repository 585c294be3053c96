// Giving code back its sync form: what insert-await and async-session wrote in a function that turns out to stay
// sync (a plain def propagate-async keeps, a test handed a sync session by a fixture async-tests leaves sync).
import type { SgNode, SgRoot } from '@ast-grep/napi';
import type { TextEdit } from '../../../engine/types';
import { end, namedChildren, start } from '../query/syntax';
import { isModuleLevel, type ModuleImports } from './imports';
import { nameTable } from './scope';

/** The sync session module of each async one: where `Session` comes from when `AsyncSession` goes. */
export const ASYNC_SESSION_MODULES: Record<string, string> = { 'sqlalchemy.ext.asyncio': 'sqlalchemy.orm', 'sqlmodel.ext.asyncio.session': 'sqlmodel' };

/** Modules whose `Session` is SQLAlchemy's (or SQLModel's) sync session, and where the matching AsyncSession lives. */
export const SYNC_SESSION_MODULES: Readonly<Record<string, string>> = {
  'sqlalchemy.orm': 'sqlalchemy.ext.asyncio',
  'sqlalchemy.orm.session': 'sqlalchemy.ext.asyncio',
  sqlmodel: 'sqlmodel.ext.asyncio.session',
  'sqlmodel.orm.session': 'sqlmodel.ext.asyncio.session',
};

/**
 * Every `await x` that `owned` accepts becomes `x` (which parses wherever `await x` did, since `await` only ever
 * takes a primary); the parentheses insert-await wrote for it go too (`(await x).first()` → `x.first()`).
 */
export function awaitsTakenOut(root: SgNode, owned: (node: SgNode) => boolean, reason: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const node of root.findAll({ rule: { kind: 'await' } })) {
    const operand = node.child(1);
    if (!operand || !owned(node)) continue;
    const parens = node.parent();
    if (parens?.kind() === 'parenthesized_expression' && namedChildren(parens).length === 1 && /^(attribute|subscript|call)$/.test(String(parens.parent()?.kind() ?? ''))) {
      edits.push({ start: start(parens), end: start(operand), text: '', reason }, { start: end(operand), end: end(parens), text: '', reason });
      continue;
    }
    edits.push({ start: start(node), end: start(operand), text: '', reason });
  }
  return edits;
}

/**
 * The module-level `from m import <name>` whose every other use was replaced at `replaced` (offsets), so it would be
 * left unused. Read from the text, strings and comments included (`__all__`, a string annotation, a doctest): one
 * occurrence of the word anywhere else keeps the import.
 */
export function unusedImport(source: string, imports: ModuleImports, name: string, replaced: readonly number[]): { module: string; name: string } | null {
  const imported = imports.from.filter((i) => i.name === name || i.alias === name);
  const only = imported.length === 1 && imports.plain.every((i) => i.alias !== name) ? imported[0] : undefined;
  if (only === undefined || only.alias !== null || !isModuleLevel(only.node) || replaced.length === 0) return null;
  const statement = { start: start(only.node), end: end(only.node) };
  const done = new Set(replaced);
  let inImport = 0;
  for (const match of source.matchAll(new RegExp(`(?<![\\w.])${name}(?!\\w)`, 'gu'))) {
    if (done.has(match.index)) continue;
    if (match.index < statement.start || match.index >= statement.end) return null;
    inImport++;
  }
  return inImport === 1 ? { module: only.module, name } : null;
}

/** Some statement at module level binds or declares `name` (an import, an assignment, a def...). */
export function boundAtModuleLevel(tree: SgRoot, name: string): boolean {
  return nameTable(tree, name).occurrences.some((o) => o.role !== 'reference' && o.scope.kind() === 'module');
}
