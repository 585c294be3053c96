// A string given for an enum column of a new object, read after the commit. The sync `commit()` expired the
// object (`expire_on_commit=True`, the default), so the next read loaded the column back from the database as the
// enum member (`Role.ADMIN`); the async factories awaitify writes set `expire_on_commit=False`, so the object keeps
// the string it was built with. `user.role == Role.ADMIN` turns False, and a response serialises the name string
// instead of the member's value: no error, a wrong branch (probed with SQLAlchemy 2.0.58, aiosqlite). Nothing is
// rewritten: whether to pass the member or refresh the object is the author's call.
import type { SgNode } from '@ast-grep/napi';
import { callArgs, dottedName, namedChildren, start } from '../query/syntax';
import type { ModelIndex, ModelInfo } from './model-index';
import { ownerOf } from './scope';
import { adds, type SessionEvent } from './session-events';
import { stringValue } from './summary';

export interface EnumStringSite {
  site: SgNode;
  message: string;
  key: string;
}


/**
 * In `fn`'s own body: `obj = Model(col="NAME")` (or `Model(**DATA)` with `DATA` a module-level dict literal of this
 * file giving `"col": "NAME"`), `col` an enum column of the model, `obj` added to a session and the session
 * committed afterwards, and `obj` used after that commit.
 */
export function enumStringSites(fn: SgNode, path: string, index: ModelIndex, events: readonly SessionEvent[], root: SgNode): EnumStringSite[] {
  const out: EnumStringSite[] = [];
  for (const assignment of fn.findAll({ rule: { kind: 'assignment' } })) {
    if (ownerOf(assignment)?.id() !== fn.id()) continue;
    const left = assignment.field('left');
    const call = assignment.field('right');
    if (left?.kind() !== 'identifier' || call?.kind() !== 'call') continue;
    const callee = dottedName(call.field('function') as SgNode);
    const model = callee ? index.resolveModel(path, callee) : null;
    if (!model || model.enumColumns.size === 0) continue;
    const variable = left.text();
    const commit = commitAfterAdd(events, variable, start(call));
    if (!commit || !usedAfter(fn, variable, commit.call.range().end.index)) continue;
    for (const given of stringsForEnumColumns(call, model, root)) {
      const enumName = model.enumColumns.get(given.column) as string;
      out.push({
        site: given.site,
        key: `${variable}.${given.column}`,
        message:
          `\`${variable}\` is built with the string ${JSON.stringify(given.value)} for \`${model.name}.${given.column}\`, a \`${enumName}\` column, and used after \`${commit.call.text()}\`: ` +
          `the sync commit expired it and the next read loaded the \`${enumName}\` member from the database; the async session factory sets expire_on_commit=False, so \`${variable}.${given.column}\` stays the str ${JSON.stringify(given.value)}: \`==\` against a member is False (unless the enum derives from str and the string is that member's value), \`is\`, \`.value\` and \`.name\` no longer see a member`,
      });
    }
  }
  return out;
}

/** The first `commit()` after `db.add(variable)` (or `add_all([... variable ...])`) that follows `from`. */
function commitAfterAdd(events: readonly SessionEvent[], variable: string, from: number): SessionEvent | null {
  const add = events.find((e) => e.offset > from && adds(e, variable));
  if (!add) return null;
  return events.find((e) => e.offset > add.offset && e.method === 'commit') ?? null;
}

/** `variable` is named in `fn` after offset `from` (returned, read, passed on). */
function usedAfter(fn: SgNode, variable: string, from: number): boolean {
  return fn.findAll({ rule: { kind: 'identifier', regex: `^${variable}$` } }).some((id) => start(id) >= from && ownerOf(id)?.id() === fn.id());
}

interface GivenString {
  column: string;
  value: string;
  site: SgNode;
}

/** The enum columns the constructor call gives a plain string literal, by keyword or through `**DATA`. */
function stringsForEnumColumns(call: SgNode, model: ModelInfo, root: SgNode): GivenString[] {
  const out: GivenString[] = [];
  for (const [column, value] of callArgs(call).keywords) {
    const text = model.enumColumns.has(column) ? stringValue(value) : null;
    if (text !== null) out.push({ column, value: text, site: value });
  }
  for (const arg of namedChildren(call.field('arguments') as SgNode)) {
    if (arg.kind() !== 'dictionary_splat') continue;
    const name = namedChildren(arg)[0];
    const dict = name?.kind() === 'identifier' ? moduleDict(root, name.text()) : null;
    for (const pair of dict ? namedChildren(dict) : []) {
      if (pair.kind() !== 'pair') continue;
      const column = stringValue(pair.field('key') as SgNode);
      const value = pair.field('value');
      const text = column !== null && model.enumColumns.has(column) && value ? stringValue(value) : null;
      if (column !== null && text !== null) out.push({ column, value: text, site: arg });
    }
  }
  return out;
}

/** The dict literal a name is bound to by the module's only top-level assignment of it (`DATA: dict[...] = {...}`). */
function moduleDict(root: SgNode, name: string): SgNode | null {
  const bound: SgNode[] = [];
  for (const stmt of namedChildren(root)) {
    const assignment = stmt.kind() === 'expression_statement' ? namedChildren(stmt)[0] : null;
    if (assignment?.kind() !== 'assignment' && assignment?.kind() !== 'augmented_assignment') continue;
    if (assignment.field('left')?.text() !== name) continue;
    bound.push(assignment);
  }
  const only = bound.length === 1 ? bound[0] : undefined;
  const right = only?.kind() === 'assignment' ? only.field('right') : null;
  return right?.kind() === 'dictionary' ? right : null;
}
