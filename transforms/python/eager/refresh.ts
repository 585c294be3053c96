// Where a function returning an object it constructs can load that object's relationships before handing it
// back: `obj = M(...)`, `db.add(obj)`, `await db.commit()` (or `flush()`), maybe `await db.refresh(obj)`, then
// `return obj`. With expire_on_commit=False nothing loads a relationship of such an object afterwards except a
// lazy load, which an AsyncSession cannot do implicitly (MissingGreenlet); `await db.refresh(obj,
// attribute_names=[...])` loads the named relationships inside the await (SQLAlchemy 2.0.4+; see
// refreshLoadsRelationships). The cross-function index (cross-index.ts) decides whether a caller's reads need it;
// this only says where it can go.
import type { SgNode } from '@ast-grep/napi';
import type { TransformOptions } from '../../../engine/types';
import { bindingsIn } from '../query/bindings';
import type { SessionResolver } from '../query/sessions';
import { asyncKeyword, callArgs, namedChildren, sameNode, start } from '../query/syntax';
import { ownReturns } from './routes';
import { stringValue } from './summary';

/**
 * Whether `refresh(obj, attribute_names=["rel"])` loads a `lazy="select"` relationship on the SQLAlchemy the run
 * targets. Only since 2.0.4: 1.4's refresh runs no lazy loader, so naming only relationships raises "No
 * column-based properties specified for refresh operation", and naming a column too leaves the relationship
 * unloaded (MissingGreenlet on the read). On 1.4 such a refresh is neither written nor taken to load anything.
 */
export function refreshLoadsRelationships(options: Pick<TransformOptions, 'sqlalchemyVersion'>): boolean {
  return options.sqlalchemyVersion !== '1.4';
}

export interface RefreshSite {
  /** Start of the line of the `return obj` statement: the refresh goes on its own line before it. */
  at: number;
  /** The return line's indentation. */
  indent: string;
  obj: string;
  /** The session the object was added to, as written (`db`, `self.db`). */
  session: string;
  /** Relationship names a refresh after the last commit already loads by name (written by an earlier run). */
  refreshed: string[];
}

/** The body's statements, comments left out. */
function statementsOf(fn: SgNode): SgNode[] {
  const body = fn.field('body');
  return body ? namedChildren(body).filter((s) => s.kind() !== 'comment') : [];
}

/** `await <session>.<method>(<args>)` as a statement: the call; null for anything else. */
function awaitedCall(statement: SgNode): SgNode | null {
  if (statement.kind() !== 'expression_statement') return null;
  const expr = namedChildren(statement)[0];
  const call = expr?.kind() === 'await' ? namedChildren(expr)[0] : null;
  return call?.kind() === 'call' ? call : null;
}

function method(call: SgNode | null): { receiver: string; name: string } | null {
  const callee = call?.field('function');
  if (callee?.kind() !== 'attribute') return null;
  return { receiver: callee.field('object')?.text() ?? '', name: callee.field('attribute')?.text() ?? '' };
}

/**
 * The attributes a `refresh(obj, attribute_names=[...])` call (or its second positional argument) names: null
 * without that argument (a full refresh); `literal` false when it is not a list or tuple of string literals
 * (`names` then holds the literal ones).
 */
export function refreshedNames(call: SgNode): { names: string[]; literal: boolean } | null {
  const args = callArgs(call);
  const named = args.keywords.get('attribute_names') ?? args.positional[1];
  if (!named) return null;
  if (named.kind() !== 'list' && named.kind() !== 'tuple') return { names: [], literal: false };
  const values = namedChildren(named).map(stringValue);
  return { names: values.filter((v): v is string => v !== null), literal: values.every((v) => v !== null) };
}

/**
 * The refresh site of `fn` for the object its constructor call `ctor` makes, or null when the function is not
 * that plain shape: async; the constructor assigned once to a local at the top level of the body; that local
 * added to a session and then committed or flushed on it; nothing after the last commit but refreshes of the
 * object; and the function's one return, last in the body and alone on its line, returning the local.
 */
export function refreshSite(fn: SgNode, ctor: SgNode, source: string, sessions: SessionResolver): RefreshSite | null {
  if (asyncKeyword(fn) === undefined) return null;
  const statements = statementsOf(fn);
  const last = statements[statements.length - 1];
  const returned = last?.kind() === 'return_statement' ? namedChildren(last)[0] : undefined;
  if (!last || returned?.kind() !== 'identifier' || ownReturns(fn).length !== 1) return null;
  const obj = returned.text();
  if (bindingsIn(fn, obj).length !== 1) return null;
  const made = statements.findIndex((s) => {
    const assignment = s.kind() === 'expression_statement' ? namedChildren(s)[0] : null;
    return assignment?.kind() === 'assignment' && assignment.field('left')?.text() === obj && sameNode(assignment.field('right'), ctor);
  });
  if (made < 0) return null;
  let session: string | null = null;
  let added = -1;
  for (let i = made + 1; i < statements.length - 1; i++) {
    const s = statements[i] as SgNode;
    const call = s.kind() === 'expression_statement' ? namedChildren(s)[0] : null;
    const m = call?.kind() === 'call' ? method(call) : null;
    if (m?.name !== 'add' || callArgs(call as SgNode).positional[0]?.text() !== obj) continue;
    const receiver = (call as SgNode).field('function')?.field('object');
    if (!receiver || !sessions.resolve(receiver)) return null;
    session = m.receiver;
    added = i;
    break;
  }
  if (session === null) return null;
  let committed = -1;
  for (let i = added + 1; i < statements.length - 1; i++) {
    const m = method(awaitedCall(statements[i] as SgNode));
    if (m?.receiver === session && (m.name === 'commit' || m.name === 'flush')) committed = i;
  }
  if (committed < 0) return null;
  const refreshed: string[] = [];
  for (let i = committed + 1; i < statements.length - 1; i++) {
    const call = awaitedCall(statements[i] as SgNode);
    const m = method(call);
    const args = call ? callArgs(call) : null;
    if (m?.receiver !== session || m.name !== 'refresh' || args?.positional[0]?.text() !== obj) return null;
    const named = refreshedNames(call as SgNode);
    if (named && !named.literal) return null;
    refreshed.push(...(named?.names ?? []));
  }
  const lineStart = source.lastIndexOf('\n', start(last) - 1) + 1;
  const indent = source.slice(lineStart, start(last));
  if (!/^[ \t]*$/.test(indent)) return null;
  return { at: lineStart, indent, obj, session, refreshed };
}
