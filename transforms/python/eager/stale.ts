// ORM objects left stale by a bulk UPDATE the session does not synchronise. `update(M)...` run with
// `synchronize_session=False` changes rows without touching the objects of M the session holds. With the
// sync session that used to be harmless once committed: `commit()` expired every object, and the next read
// reloaded the new values. awaitify's async factories set `expire_on_commit=False` (an expired attribute
// cannot reload implicitly under an AsyncSession), so after the same commit those objects keep the values
// from before the UPDATE, and a query of M hands back those same objects from the identity map: the
// migrated code silently returns old data.
//
// One async function at a time, in textual order: such an UPDATE on a session, then a commit of that
// session, then a query of M (`select(M...)`, `db.get(M, ...)`) or a read of a variable loaded from a query
// of M before the UPDATE. Flagged at the UPDATE.
import type { SgNode } from '@ast-grep/napi';
import { bindingsIn } from '../query/bindings';
import type { SessionResolver } from '../query/sessions';
import { callArgs, dottedName, end, namedChildren, sameNode, start } from '../query/syntax';
import { localNamesFor, type ModuleImports } from '../support/imports';
import { ownerOf } from './scope';

export interface StaleUpdate {
  site: SgNode;
  message: string;
  key: string;
}

interface BulkUpdate {
  call: SgNode;
  session: string;
  model: string;
}

export function staleAfterBulkUpdate(fn: SgNode, sessions: SessionResolver, imports: ModuleImports): StaleUpdate[] {
  if (!/synchronize_session/.test(fn.text())) return [];
  const updateNames = new Set(['sqlalchemy', 'sqlalchemy.sql', 'sqlalchemy.sql.expression'].flatMap((m) => localNamesFor(imports, m, 'update')));
  const saModules = new Set(imports.plain.filter((i) => i.module === 'sqlalchemy').map((i) => i.alias ?? 'sqlalchemy'));
  const own = (node: SgNode): boolean => sameNode(ownerOf(node), fn);
  const calls = fn.findAll({ rule: { kind: 'call' } }).filter(own);
  const out: StaleUpdate[] = [];
  for (const bulk of bulkUpdates(calls, fn, sessions, updateNames, saModules)) {
    const commit = calls.find((c) => start(c) > start(bulk.call) && isSessionCall(c, bulk.session, 'commit'));
    if (!commit) continue;
    const reread = calls.find((c) => start(c) > start(commit) && readsModel(c, bulk.model, bulk.session, fn) && !populatesExisting(c));
    const stale = reread ? null : staleVariableRead(fn, own, calls, bulk, commit);
    const why = reread ? `\`${reread.text().split('\n')[0]?.slice(0, 60)}\` after it` : stale ? `\`${stale.text()}\` after it (loaded before the UPDATE)` : null;
    if (!why) continue;
    out.push({
      site: bulk.call,
      key: `${bulk.model}@${start(bulk.call)}`,
      message:
        `\`update(${bulk.model})\` runs with synchronize_session=False and \`${bulk.session}.commit()\` follows: the ${bulk.model} objects the session already holds keep ` +
        `their values from before the UPDATE (the async session factory sets expire_on_commit=False, where the sync commit expired them), so ${why} reads the old values`,
    });
  }
  return out;
}

/** `<session>.execute(update(M)....execution_options(synchronize_session=False))`, inline or through a local assigned once. */
function bulkUpdates(calls: SgNode[], fn: SgNode, sessions: SessionResolver, updateNames: ReadonlySet<string>, saModules: ReadonlySet<string>): BulkUpdate[] {
  const out: BulkUpdate[] = [];
  for (const call of calls) {
    const callee = call.field('function');
    if (callee?.kind() !== 'attribute' || callee.field('attribute')?.text() !== 'execute') continue;
    const receiver = callee.field('object') as SgNode;
    if (sessions.resolve(receiver) === null) continue;
    const args = callArgs(call);
    let statement: SgNode | undefined = args.positional[0];
    if (statement?.kind() === 'identifier') statement = assignedOnce(fn, statement.text()) ?? undefined;
    if (!statement) continue;
    const model = updatedModel(statement, updateNames, saModules);
    const options = args.keywords.get('execution_options');
    const unsynced = chainSetsUnsynchronised(statement) || (options !== undefined && /["']synchronize_session["']\s*:\s*False\b/.test(options.text()));
    if (model && unsynced) out.push({ call, session: receiver.text(), model });
  }
  return out;
}

/** The model `update(M)` names at the root of the statement's method chain, or null. */
function updatedModel(statement: SgNode, updateNames: ReadonlySet<string>, saModules: ReadonlySet<string>): string | null {
  let node: SgNode | null = statement;
  while (node?.kind() === 'call') {
    const callee = node.field('function') as SgNode;
    const dotted = dottedName(callee);
    const isUpdate = !!dotted && ((dotted.length === 1 && updateNames.has(dotted[0] as string)) || (dotted.length === 2 && saModules.has(dotted[0] as string) && dotted[1] === 'update'));
    if (isUpdate) {
      const first = callArgs(node).positional[0];
      return first && dottedName(first) ? first.text() : null;
    }
    node = callee.kind() === 'attribute' ? callee.field('object') : null;
  }
  return null;
}

/** The query is run with `populate_existing=True` somewhere up its chain (the statement or the execute call). */
function populatesExisting(call: SgNode): boolean {
  for (let node: SgNode | null = call; node; node = node.parent()) {
    if (/populate_existing\s*=\s*True|["']populate_existing["']\s*:\s*True/.test(node.text())) return true;
    if (node.kind() === 'expression_statement' || node.kind() === 'assignment' || node.kind() === 'return_statement') return false;
  }
  return false;
}

function chainSetsUnsynchronised(statement: SgNode): boolean {
  for (let node: SgNode | null = statement; node?.kind() === 'call'; ) {
    const callee = node.field('function') as SgNode;
    if (callee.kind() === 'attribute' && callee.field('attribute')?.text() === 'execution_options') {
      const value = callArgs(node).keywords.get('synchronize_session');
      if (value?.text() === 'False') return true;
    }
    node = callee.kind() === 'attribute' ? callee.field('object') : null;
  }
  return false;
}

/** The value `name` is assigned, when one plain assignment is its only binding in the function's own scope. */
function assignedOnce(fn: SgNode, name: string): SgNode | null {
  const [only, ...more] = bindingsIn(fn, name);
  const assignment = only?.parent();
  return more.length === 0 && assignment?.kind() === 'assignment' && sameNode(assignment.field('left'), only) ? assignment.field('right') : null;
}

function isSessionCall(call: SgNode, session: string, method: string): boolean {
  const callee = call.field('function');
  return callee?.kind() === 'attribute' && callee.field('attribute')?.text() === method && callee.field('object')?.text() === session;
}

/**
 * `select(M, ...)` / `select(M.x)` naming the model, `<session>.get(M, ...)`, or a session call running a
 * statement held in a local some assignment of the function builds from such a `select(...)`.
 */
function readsModel(call: SgNode, model: string, session: string, fn: SgNode): boolean {
  const args = namedChildren(call.field('arguments') as SgNode);
  if (selectsModel(call, model)) return true;
  if (isSessionCall(call, session, 'get')) return args[0]?.text() === model;
  if (!SESSION_READS.some((m) => isSessionCall(call, session, m))) return false;
  let root: SgNode | null = args[0] ?? null;
  while (root?.kind() === 'call' || root?.kind() === 'attribute') root = root.kind() === 'call' ? root.field('function') : root.field('object');
  if (root?.kind() !== 'identifier') return false;
  const name = root.text();
  return fn
    .findAll({ rule: { kind: 'assignment' } })
    .some((a) => a.field('left')?.text() === name && (a.field('right')?.findAll({ rule: { kind: 'call' } }) ?? []).some((c) => selectsModel(c, model)));
}

const SESSION_READS = ['execute', 'scalar', 'scalars', 'stream', 'stream_scalars'];

function selectsModel(call: SgNode, model: string): boolean {
  const callee = dottedName(call.field('function') as SgNode);
  if (callee?.[callee.length - 1] !== 'select') return false;
  return namedChildren(call.field('arguments') as SgNode).some((a) => a.text() === model || a.text().startsWith(`${model}.`));
}

/** A read, after the commit, of a variable assigned before the UPDATE from an expression naming the model. */
function staleVariableRead(fn: SgNode, own: (node: SgNode) => boolean, calls: readonly SgNode[], bulk: BulkUpdate, commit: SgNode): SgNode | null {
  const loaded = new Set<string>();
  for (const a of fn.findAll({ rule: { kind: 'assignment' } })) {
    const left = a.field('left');
    const right = a.field('right');
    // Loaded before the UPDATE: not the statement running it (`count = (await db.execute(update(M)...)).rowcount`).
    if (!own(a) || left?.kind() !== 'identifier' || !right || end(a) > start(bulk.call)) continue;
    if (right.findAll({ rule: { kind: 'identifier', regex: `^${bulk.model.split('.').pop() ?? ''}$` } }).length > 0 && /\bawait\b/.test(right.text())) loaded.add(left.text());
  }
  if (loaded.size === 0) return null;
  const refreshed = (name: string, before: number): boolean =>
    calls.some((c) => start(c) > start(bulk.call) && start(c) < before && isSessionCall(c, bulk.session, 'refresh') && namedChildren(c.field('arguments') as SgNode)[0]?.text() === name);
  for (const id of fn.findAll({ rule: { kind: 'identifier' } })) {
    if (start(id) <= start(commit) || !own(id) || !loaded.has(id.text()) || refreshed(id.text(), start(id))) continue;
    const parent = id.parent();
    const read = (parent?.kind() === 'attribute' && sameNode(parent.field('object'), id)) || parent?.kind() === 'return_statement';
    if (read) return parent as SgNode;
  }
  return null;
}
