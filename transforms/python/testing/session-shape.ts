// The shapes of a function that hands out a sync session, and their async form:
//   session = Factory(); try: yield session; finally: session.close()
//   try: session = Factory(); yield session; finally: session.close()
//   session = Factory(); yield session; session.close()
//   with Factory() as session: yield session (then maybe session.rollback())
//   with Factory() as session: <setup>; yield session; <teardown>   (the session's calls awaited, see BlockWork)
//   return Factory()
//   yield Factory()
// Anything else around the session (setup before it, teardown after it) stays as written; code that uses the
// session in another way makes the shape unrecognised, because the async form could not keep it.
import type { SgNode } from '@ast-grep/napi';
import { awaitState } from '../awaits/awaiting';
import { placeOf } from '../awaits/context';
import { ASYNC_OBJECT_METHODS, AWAITED_METHODS, SYNC_MEMBERS } from '../awaits/methods';
import { callArgs, commentsWithin, isAsyncDef, isDocstring, namedChildren, reraises, start, end } from '../query/syntax';
import { type LineOf, treeLine } from '../support/input-lines';

export interface SessionShape {
  /** The name the session is bound to (`session` for `return Factory()`). */
  variable: string;
  /** The call opening the session. */
  open: SgNode;
  /** The statements replaced by `async with <open> as <variable>: yield <variable>`. */
  from: number;
  to: number;
  /** Indentation of the replaced statements and one level more. */
  indent: string;
  unit: string;
  /**
   * The session is bound to a connection inside a transaction the fixture rolls back (the "join the session
   * into an external transaction" recipe): `conn = engine.connect(); tx = conn.begin(); session = F(bind=conn)`,
   * handed out, then `session.close(); tx.rollback(); conn.close()`.
   */
  connection?: ConnectionShape;
  /**
   * `with Factory() as session:` whose block does more than `yield session`: only the header is replaced
   * (`from`..`to`), the block stays, with this work done on it.
   */
  block?: BlockWork;
}

/** How the connection and its transaction are held (see SessionShape.connection). */
export interface ConnectionShape {
  name: string;
  engine: string;
  /** The transaction's name; '' for `with connection.begin():` without `as`. */
  transaction: string;
  /** `with engine.connect() as connection:` rather than `connection = engine.connect()` ... `connection.close()`. */
  connectBlock?: boolean;
  /** `with connection.begin() [as transaction]:` rather than `transaction = connection.begin()`. */
  beginBlock?: boolean;
  /** The teardown calls `transaction.rollback()` (always so without `beginBlock`: leaving the block commits). */
  rollsBack?: boolean;
}

/**
 * What the block of `with Factory() as session: init_db(session); yield session; session.execute(...);
 * session.commit()` needs on an AsyncSession: `awaits`, the session's own coroutine calls, which an `await` fixes;
 * `handoffs`, the calls handing the session on as an argument (`init_db(session)`), which work only when the
 * function called is async after the migration and is awaited (the plan checks that: the shape cannot).
 */
export interface BlockWork {
  awaits: { start: number; end: number }[];
  handoffs: { start: number; end: number; text: string }[];
}

export type ShapeResult = { ok: true; shape: SessionShape } | { ok: false; reason: string } | null;

/**
 * The session shape of `fn`, null when the function opens no session (as `isOpener` judges calls), and a
 * reason when it opens one in a shape that is not recognised.
 */
export function sessionShape(fn: SgNode, source: string, isOpener: (call: SgNode) => boolean, lineOf: LineOf = treeLine): ShapeResult {
  if (isAsyncDef(fn)) return null;
  const body = fn.field('body');
  if (!body) return null;
  // A nested def (an override the fixture installs) opens its own sessions, not the fixture's.
  const opens = body.findAll({ rule: { kind: 'call' } }).filter((c) => isOpener(c) && sameRange(placeOf(c).unit, fn));
  if (opens.length === 0) return null;
  const fail = (reason: string): ShapeResult => ({ ok: false, reason });
  if (opens.length > 1) return fail('it opens more than one session');
  const open = opens[0] as SgNode;
  let statements = namedChildren(body);
  if (statements[0] && isDocstring(statements[0])) statements = statements.slice(1);
  const at = statements.findIndex((s) => start(s) <= start(open) && end(open) <= end(s));
  const statement = statements[at];
  if (!statement) return fail('the session is opened inside a nested block');
  const indent = leadingWhitespace(statement, source);
  if (indent === null) return fail('the statement opening the session does not start its own line');
  const unit = indentUnit(fn, source);
  if (unit === null) return fail('its indentation is not recognised');
  const rest = statements.slice(at + 1);
  let variable: string;
  let last: SgNode;

  const joined = connectionShape(statements, at, open);
  if (joined !== null) {
    if ('reason' in joined) return fail(joined.reason);
    if (!joined.shape.name) return null;
    const outside = statements.filter((st) => end(st) <= joined.from || start(st) >= joined.to);
    if (outside.some((st) => st.find({ rule: { any: [{ kind: 'yield' }, { kind: 'return_statement' }] } }) || st.kind() === 'return_statement')) {
      return fail('it yields or returns in more than one place');
    }
    return { ok: true, shape: { variable: joined.shape.name, open, from: joined.from, to: joined.to, indent, unit, connection: joined.shape.connection } };
  }
  // `sessionmaker(bind=engine)()` off a connection: a factory with no async twin, whatever shape holds it.
  if (open.field('function')?.kind() === 'call') return fail(`its session comes from \`${open.text()}\`, a factory made inside the fixture, which has no async twin`);

  if (statement.kind() === 'with_statement') {
    const items = withItems(statement);
    const pattern = items.length === 1 ? namedChildren(items[0] as SgNode)[0] : undefined;
    if (!pattern || pattern.kind() !== 'as_pattern') return fail('its `with` statement is not `with Factory() as session:`');
    const [call, target] = namedChildren(pattern);
    const name = target ? namedChildren(target)[0] : undefined;
    if (!call || !sameRange(call, open) || name?.kind() !== 'identifier') return fail('its `with` statement is not `with Factory() as session:`');
    const inner = namedChildren(statement.field('body') as SgNode);
    if (!handsOut(fn, name.text())) return null;
    // `yield session` then `session.rollback()` (the fast_zero course's fixture): leaving the `async with` closes
    // the session, and closing rolls its transaction back, so the rollback goes with the rest of the block.
    const rollsBack = inner.length === 2 && isMethodCall(inner[1] as SgNode, name.text(), 'rollback');
    variable = name.text();
    last = statement;
    if ((inner.length !== 1 && !rollsBack) || !isYieldOf(inner[0] as SgNode, name.text())) {
      const work = blockWork(fn, statement, variable, source, lineOf);
      if ('reason' in work) return fail(work.reason);
      const colon = statement.children().find((c) => c.kind() === ':');
      if (!colon) return fail('its `with` statement is not `with Factory() as session:`');
      const after = statements.slice(statements.findIndex((s) => sameRange(s, statement)) + 1);
      if (after.some((s) => mentions(s, variable))) return fail(`\`${variable}\` is used again after the session is handed out`);
      if ([...statements.slice(0, at), ...after].some((s) => s.find({ rule: { any: [{ kind: 'yield' }, { kind: 'return_statement' }] } }) || s.kind() === 'return_statement')) {
        return fail('it yields or returns in more than one place');
      }
      return { ok: true, shape: { variable, open, from: start(statement), to: end(colon), indent, unit, block: work } };
    }
  } else if (statement.kind() === 'return_statement') {
    if (!sameRange(namedChildren(statement)[0], open)) return fail('it returns something built from the session');
    variable = 'session';
    last = statement;
  } else if (statement.kind() === 'try_statement') {
    // `try: session = Factory(); yield session; finally: session.close()`: if the factory raises, the `finally`
    // meets an unbound name; `async with` lets that error through as it is, and is otherwise the same.
    const inner = namedChildren(statement.field('body') as SgNode);
    const assignment = inner[0] ? soleChild(inner[0], 'assignment') : null;
    const left = assignment?.field('left');
    if (inner.length !== 2 || left?.kind() !== 'identifier' || !sameRange(assignment?.field('right'), open) || !isYieldOf(inner[1] as SgNode, left.text()) || !closesIn(statement, left.text())) {
      return fail('its `try` statement does more than `session = Factory()`, `yield session` and close it');
    }
    variable = left.text();
    last = statement;
  } else if (soleChild(statement, 'yield')) {
    // `yield Factory()`: the sync session was never closed by the fixture (garbage collection did it);
    // the async form closes it when the fixture is torn down.
    if (!sameRange(namedChildren(soleChild(statement, 'yield') as SgNode)[0], open)) return fail('it yields something built from the session');
    variable = 'session';
    last = statement;
  } else {
    const assignment = soleChild(statement, 'assignment');
    const left = assignment?.field('left');
    if (!assignment || left?.kind() !== 'identifier' || !sameRange(assignment.field('right'), open)) {
      return fail('the session is not opened by a plain `session = Factory()`');
    }
    variable = left.text();
    // A session it opens for its own work (seeding rows, reading a token) and never hands out: not a session fixture.
    if (!handsOut(fn, variable)) return null;
    const next = rest[0];
    if (!next) return fail('it neither yields nor returns the session');
    if (next.kind() === 'try_statement') {
      if (!tryClosing(next, variable)) return fail('its `try` statement does more than `yield session` and close it');
      last = next;
    } else if (next.kind() === 'return_statement') {
      const value = namedChildren(next)[0];
      if (value?.kind() !== 'identifier' || value.text() !== variable) return fail('it returns something built from the session');
      last = next;
    } else if (isYieldOf(next, variable)) {
      last = next;
      // Teardown: rollback and close; a close must be among them, or the sync session was never closed here.
      let closed = false;
      for (const s of rest.slice(1)) {
        if (isMethodCall(s, variable, 'close')) closed = true;
        else if (!isMethodCall(s, variable, 'rollback')) break;
        last = s;
      }
      if (!closed) return fail('its teardown does not end with `session.close()`');
    } else {
      return fail('the statement after opening the session is not `yield session`');
    }
  }
  const after = statements.slice(statements.findIndex((s) => sameRange(s, last)) + 1);
  if (after.some((s) => mentions(s, variable))) return fail(`\`${variable}\` is used again after the session is handed out`);
  if ([...statements.slice(0, at), ...after].some((s) => s.find({ rule: { any: [{ kind: 'yield' }, { kind: 'return_statement' }] } }) || s.kind() === 'return_statement')) {
    return fail('it yields or returns in more than one place');
  }
  return { ok: true, shape: { variable, open, from: start(statement), to: end(last), indent, unit } };
}

/**
 * The async form of the shape. `comments`: the comments among the replaced statements (the text would drop them):
 * one trailing the `yield` line stays on the new `yield`, the others go on lines of their own before the new block,
 * in their order.
 */
export function asyncShapeText(shape: SessionShape, openText: string, asyncEngine?: string, comments: readonly KeptComment[] = []): string {
  const { indent, unit, variable, connection } = shape;
  const onYield = comments.filter((c) => c.onYield).map((c) => `  ${c.text}`).join('');
  const before = comments.filter((c) => !c.onYield).map((c) => `${c.text}\n${indent}`).join('');
  if (connection && asyncEngine) {
    // The connection and the session close as the `async with` blocks end, in the order the sync teardown had;
    // a transaction begun as a block still commits as it ends, unless rolled back, as the sync block did.
    const at = (depth: number): string => indent + unit.repeat(depth);
    const tx = connection.transaction;
    const lines = [`async with ${asyncEngine}.connect() as ${connection.name}:`];
    lines.push(connection.beginBlock ? `${at(1)}async with ${connection.name}.begin()${tx ? ` as ${tx}` : ''}:` : `${at(1)}${tx} = await ${connection.name}.begin()`);
    const depth = connection.beginBlock ? 2 : 1;
    lines.push(`${at(depth)}async with ${openText} as ${variable}:`, `${at(depth + 1)}yield ${variable}${onYield}`);
    if (!connection.beginBlock || connection.rollsBack) lines.push(`${at(depth)}await ${tx}.rollback()`);
    return before + lines.join('\n');
  }
  if (shape.block) return `${before}async with ${openText} as ${variable}:`;
  return `${before}async with ${openText} as ${variable}:\n${indent}${unit}yield ${variable}${onYield}`;
}

/**
 * The work the block of `with Factory() as <name>:` does on the session besides handing it out once (see
 * BlockWork), or why that has no async form: every use of the session there must be a call of one of its
 * coroutine methods where an `await` can be written and is all it needs (not `exec`, which only SQLModel's
 * AsyncSession has; not `connection()`/`stream()` kept for their result), a call of one of its plain methods
 * (`add`), or the session handed to a call as an argument of its own.
 */
function blockWork(fn: SgNode, statement: SgNode, name: string, source: string, lineOf: LineOf): BlockWork | { reason: string } {
  const body = statement.field('body') as SgNode;
  const yields = namedChildren(body).filter((s) => isYieldOf(s, name));
  const exits = body.findAll({ rule: { any: [{ kind: 'yield' }, { kind: 'return_statement' }] } });
  if (yields.length !== 1 || exits.length !== 1) return { reason: 'its `with` block does not hand the session out by one `yield session` of its own' };
  if (body.find({ rule: { any: [{ kind: 'function_definition' }, { kind: 'class_definition' }, { kind: 'lambda' }] } })) return { reason: 'its `with` block defines a function or class' };
  const work: BlockWork = { awaits: [], handoffs: [] };
  const yielded = namedChildren(soleChild(yields[0] as SgNode, 'yield') as SgNode)[0] as SgNode;
  for (const id of body.findAll({ rule: { kind: 'identifier', regex: `^${name}$` } })) {
    const parent = id.parent();
    // `f(session=...)`'s keyword and `x.session` are other names.
    if (sameRange(id, yielded) || (parent?.kind() === 'keyword_argument' && sameRange(parent.field('name'), id)) || (parent?.kind() === 'attribute' && sameRange(parent.field('attribute'), id))) continue;
    const cannot = (what: string): { reason: string } => ({ reason: `its \`with\` block ${what} (line ${lineOf(id)}), which has no async form awaitify writes` });
    if (parent?.kind() === 'attribute' && sameRange(parent.field('object'), id)) {
      const call = parent.parent();
      const method = parent.field('attribute')?.text() ?? '';
      if (call?.kind() !== 'call' || !sameRange(call.field('function'), parent)) return cannot(`reads \`${parent.text()}\``);
      if (SYNC_MEMBERS.has(method)) continue;
      const alone = AWAITED_METHODS.has(method) && (!ASYNC_OBJECT_METHODS.has(method) || call.parent()?.kind() === 'expression_statement');
      if (!alone || placeOf(call).blocked !== null || !sameRange(placeOf(call).unit, fn) || awaitState(call, source) !== 'no') return cannot(`calls \`${name}.${method}()\``);
      work.awaits.push({ start: start(call), end: end(call) });
      continue;
    }
    const holder = parent?.kind() === 'keyword_argument' && sameRange(parent.field('value'), id) ? parent.parent() : parent;
    const call = holder?.kind() === 'argument_list' ? holder.parent() : null;
    if (call?.kind() !== 'call' || placeOf(call).blocked !== null || !sameRange(placeOf(call).unit, fn) || awaitState(call, source) !== 'no' || callArgs(call).splat) return cannot(`uses \`${name}\` in \`${parent?.text() ?? name}\``);
    work.handoffs.push({ start: start(call), end: end(call), text: (call.field('function')?.text() ?? '').replace(/\s+/g, '') });
  }
  return work;
}

/** A comment among a shape's replaced statements (see asyncShapeText). */
export interface KeptComment {
  text: string;
  /** It trails the line of the `yield` (or `return`) handing the session out. */
  onYield: boolean;
}

/** The comments among the statements `shape` replaces, in order (see asyncShapeText). */
export function shapeComments(fn: SgNode, shape: SessionShape, source: string): KeptComment[] {
  return commentsWithin(fn, shape.from, shape.to).map((c) => {
    const lineStart = source.lastIndexOf('\n', start(c) - 1) + 1;
    return { text: c.text(), onYield: /^\s*(?:yield|return)\b/.test(source.slice(lineStart, start(c))) };
  });
}

/**
 * The connection-bound shape around the session opened by `statements[at]`:
 *   conn = engine.connect()
 *   tx = conn.begin()
 *   session = Factory(bind=conn)
 *   try: yield session / finally: session.close(); tx.rollback(); conn.close()     (or the same without `try`)
 * null when the session is not opened on a connection made just before; a reason when it is, in another shape.
 */
function connectionShape(
  statements: SgNode[],
  at: number,
  open: SgNode,
): { shape: { name: string | null; connection: NonNullable<SessionShape['connection']> }; from: number; to: number } | { reason: string } | null {
  const opening = statements[at] as SgNode;
  if (opening.kind() === 'with_statement') return connectionBlockShape(opening, open);
  const assignment = soleChild(opening, 'assignment');
  const left = assignment?.field('left');
  if (!assignment || !sameRange(assignment.field('right'), open)) return null;
  const bind = sessionBind(open);
  if (bind?.kind() !== 'identifier') return null;
  const conn = bind.text();
  const connect = at >= 2 ? soleChild(statements[at - 2] as SgNode, 'assignment') : null;
  const connectCall = connect?.field('right');
  const engine = connectCall?.kind() === 'call' ? connectCall.field('function') : null;
  if (connect?.field('left')?.text() !== conn || engine?.kind() !== 'attribute' || engine.field('attribute')?.text() !== 'connect' || namedChildren(connectCall?.field('arguments') as SgNode).length > 0) return null;
  const engineName = engine.field('object');
  if (engineName?.kind() !== 'identifier') return { reason: `its connection comes from \`${engine.text()}()\`, not a module-level engine's \`connect()\`` };
  const begin = soleChild(statements[at - 1] as SgNode, 'assignment');
  const tx = begin?.field('left');
  const beginCall = begin?.field('right');
  if (tx?.kind() !== 'identifier' || beginCall?.kind() !== 'call' || beginCall.field('function')?.text() !== `${conn}.begin` || namedChildren(beginCall.field('arguments') as SgNode).length > 0) {
    return { reason: `the statement before opening the session is not \`transaction = ${conn}.begin()\`` };
  }
  if (left?.kind() !== 'identifier') return { reason: 'the session is not opened by a plain `session = Factory(bind=connection)`' };
  const session = left.text();
  const teardown = [`${session}.close`, `${tx.text()}.rollback`, `${conn}.close`];
  const rest = statements.slice(at + 1);
  let last: SgNode;
  let calls: SgNode[];
  const first = rest[0];
  if (first?.kind() === 'try_statement') {
    const teardownBlock = finallyTeardown(first, session);
    if (!teardownBlock) return { reason: 'its `try` statement does more than `yield session` and, in `finally`, close the session, roll back and close the connection' };
    calls = teardownBlock;
    last = first;
  } else if (first && isYieldOf(first, session)) {
    calls = rest.slice(1, 4);
    last = calls[calls.length - 1] ?? first;
  } else {
    return { reason: notYielded(first, session, conn) };
  }
  const written = teardownTexts(calls);
  if (written.length !== 3 || !teardown.every((t) => written.includes(t)) || written.indexOf(`${conn}.close`) !== 2) {
    return { reason: `its teardown is not \`${session}.close()\`, \`${tx.text()}.rollback()\` and \`${conn}.close()\`` };
  }
  const from = start(statements[at - 2] as SgNode);
  const to = end(last);
  const after = statements.slice(statements.findIndex((st) => sameRange(st, last)) + 1);
  if (after.some((st) => mentions(st, session) || mentions(st, conn) || mentions(st, tx.text()))) return { reason: 'the session, connection or transaction is used again after the teardown' };
  return { shape: { name: session, connection: { name: conn, engine: engineName.text(), transaction: tx.text() } }, from, to };
}

/**
 * What the session opened by `open` is bound to: its one argument (`Factory(bind=conn)`, `Session(conn)`), or for
 * `sessionmaker(bind=conn, ...)()` the factory's bind (its other keywords are the rewrite's to judge).
 */
export function sessionBind(open: SgNode): SgNode | null {
  const inner = open.field('function');
  if (inner?.kind() === 'call') {
    const args = callArgs(inner);
    if (args.splat || namedChildren(open.field('arguments') as SgNode).length > 0) return null;
    if (args.positional.length === 1 && !args.keywords.has('bind')) return args.positional[0] ?? null;
    return args.positional.length === 0 ? (args.keywords.get('bind') ?? null) : null;
  }
  const args = callArgs(open);
  if (args.splat) return null;
  // `Session(bind=conn, join_transaction_mode=...)`: the keywords besides are the rewrite's to judge.
  if (args.positional.length === 1 && !args.keywords.has('bind')) return args.positional[0] ?? null;
  return args.positional.length === 0 ? (args.keywords.get('bind') ?? null) : null;
}

/**
 * The connection-bound shape held by blocks:
 *   with engine.connect() as conn:
 *       tx = conn.begin()                      (or `with conn.begin() [as tx]:` around the rest)
 *       session = Factory(bind=conn)
 *       yield session                          (or `try: yield session` / `finally:` with the teardown)
 *       session.close(); tx.rollback()         (`tx.rollback()` optional in a `begin()` block; `conn.close()` allowed last)
 * null when `statement` is not `with engine.connect() as conn:` around the session; a reason when it is, in another shape.
 */
function connectionBlockShape(statement: SgNode, open: SgNode): { shape: { name: string | null; connection: ConnectionShape }; from: number; to: number } | { reason: string } | null {
  const connect = asBlock(statement);
  const connectCall = connect?.value;
  const engine = connectCall?.kind() === 'call' ? connectCall.field('function') : null;
  if (!connect || !connect.target || engine?.kind() !== 'attribute' || engine.field('attribute')?.text() !== 'connect' || namedChildren(connectCall?.field('arguments') as SgNode).length > 0) return null;
  const conn = connect.target;
  if (sessionBind(open)?.text() !== conn) return null;
  const engineName = engine.field('object');
  if (engineName?.kind() !== 'identifier') return { reason: `its connection comes from \`${engine.text()}()\`, not an engine's \`connect()\`` };
  let inner = namedChildren(statement.field('body') as SgNode);
  let tx = '';
  let beginBlock = false;
  const begin = inner.length === 1 && inner[0]?.kind() === 'with_statement' ? asBlock(inner[0]) : null;
  if (begin && begin.value.text() === `${conn}.begin()`) {
    beginBlock = true;
    tx = begin.target ?? '';
    inner = namedChildren((inner[0] as SgNode).field('body') as SgNode);
  } else {
    const assignment = inner[0] ? soleChild(inner[0], 'assignment') : null;
    const left = assignment?.field('left');
    if (left?.kind() !== 'identifier' || assignment?.field('right')?.text() !== `${conn}.begin()`) {
      return { reason: `inside \`with ${connectCall?.text()} as ${conn}:\`, the transaction is not begun by \`transaction = ${conn}.begin()\` or \`with ${conn}.begin():\`` };
    }
    tx = left.text();
    inner = inner.slice(1);
  }
  const opening = inner[0] ? soleChild(inner[0], 'assignment') : null;
  const left = opening?.field('left');
  if (!opening || !sameRange(opening.field('right'), open) || left?.kind() !== 'identifier') return { reason: `the session is not opened by a plain \`session = Factory(bind=${conn})\` right after the transaction begins` };
  const session = left.text();
  const first = inner[1];
  let calls: SgNode[];
  if (first?.kind() === 'try_statement' && inner.length === 2) {
    const teardownBlock = finallyTeardown(first, session);
    if (!teardownBlock) return { reason: 'its `try` statement does more than `yield session` and, in `finally`, tear the session and transaction down' };
    calls = teardownBlock;
  } else if (first && isYieldOf(first, session)) {
    calls = inner.slice(2);
  } else {
    return { reason: notYielded(first, session, conn) };
  }
  const written = teardownTexts(calls);
  const rollsBack = tx !== '' && written.includes(`${tx}.rollback`);
  const allowed = [`${session}.close`, ...(tx ? [`${tx}.rollback`] : []), `${conn}.close`];
  const closeAt = written.indexOf(`${conn}.close`);
  if (!written.includes(`${session}.close`) || (!beginBlock && !rollsBack) || written.some((w, i) => !allowed.includes(w) || written.indexOf(w) !== i) || (closeAt !== -1 && closeAt !== written.length - 1)) {
    return { reason: `its teardown is not \`${session}.close()\`${beginBlock ? '' : ` and \`${tx}.rollback()\``} (maybe then \`${conn}.close()\`)` };
  }
  const after = namedChildren(statement.parent() as SgNode).filter((st) => start(st) > end(statement));
  if (after.some((st) => mentions(st, session) || mentions(st, conn) || (tx !== '' && mentions(st, tx)))) return { reason: 'the session, connection or transaction is used again after the teardown' };
  return { shape: { name: session, connection: { name: conn, engine: engineName.text(), transaction: tx, connectBlock: true, beginBlock, rollsBack } }, from: start(statement), to: end(statement) };
}

/** `try: yield session` with a `finally:` block and nothing else: that block's statements; null for any other `try`. */
function finallyTeardown(statement: SgNode, session: string): SgNode[] | null {
  const body = namedChildren(statement.field('body') as SgNode);
  const clauses = namedChildren(statement).slice(1);
  const block = clauses.length === 1 && clauses[0]?.kind() === 'finally_clause' ? clauses[0].children().find((c) => c.kind() === 'block') : undefined;
  return body.length === 1 && isYieldOf(body[0] as SgNode, session) && block ? namedChildren(block) : null;
}

/** Each teardown statement as the callee of its one argument-less call (`session.close`); '' for any other statement. */
function teardownTexts(calls: SgNode[]): string[] {
  return calls.map((c) => soleChild(c, 'call')).map((c) => (c && namedChildren(c.field('arguments') as SgNode).length === 0 ? (c.field('function')?.text() ?? '') : ''));
}

/** Why the statement `first` after opening the session on the connection `conn` is not the shape's `yield session`. */
function notYielded(first: SgNode | undefined, session: string, conn: string): string {
  if (first?.find({ rule: { kind: 'attribute', regex: 'begin_nested$' } })) {
    return `it opens a SAVEPOINT (\`${firstLine(first.text())}\`) to restart from an event listener, a recipe awaitify does not rewrite: its async form depends on what the listener does (on an AsyncSession it listens on \`${session}.sync_session\` and restarts the SAVEPOINT on \`${conn}.sync_connection\`; on SQLAlchemy 2.0, \`AsyncSession(bind=${conn}, join_transaction_mode="create_savepoint")\` replaces both)`;
  }
  return 'the statement after opening the session on the connection is not `yield session`';
}

/** `with <value> [as <name>]:` with one item: its value and its plain name target (null without `as`). */
function asBlock(statement: SgNode): { value: SgNode; target: string | null } | null {
  const items = withItems(statement);
  if (items.length !== 1 || /^async\b/.test(statement.text())) return null;
  const item = namedChildren(items[0] as SgNode)[0];
  if (!item) return null;
  if (item.kind() !== 'as_pattern') return { value: item, target: null };
  const [value, target] = namedChildren(item);
  const name = target ? namedChildren(target)[0] : undefined;
  return value && name?.kind() === 'identifier' ? { value, target: name.text() } : null;
}

function withItems(statement: SgNode): SgNode[] {
  return statement.findAll({ rule: { kind: 'with_item' } }).filter((i) => i.parent()?.parent() && sameRange(i.parent()?.parent(), statement));
}

function tryClosing(statement: SgNode, name: string, passthrough = false): boolean {
  const body = namedChildren(statement.field('body') as SgNode);
  return body.length === 1 && isYieldOf(body[0] as SgNode, name) && closesIn(statement, name, passthrough);
}

/**
 * The clauses of the `try` only close the session: `finally:` rollbacks then `close()`, `except:` a rollback and a
 * bare `raise`. With `passthrough` (an override handing out a session it did not open), `finally: pass` too.
 */
function closesIn(statement: SgNode, name: string, passthrough = false): boolean {
  let closed = false;
  for (const clause of namedChildren(statement).slice(1)) {
    const block = clause.children().find((c) => c.kind() === 'block');
    const stmts = block ? namedChildren(block) : [];
    if (clause.kind() === 'finally_clause') {
      // `finally: pass` (the override of FastAPI's older testing docs, handing out a fixture's session that the
      // fixture closes) tears nothing down: it is `yield session` alone.
      const passOnly = passthrough && stmts.length > 0 && stmts.every((s) => s.kind() === 'pass_statement');
      closed = passOnly || (stmts.length > 0 && isMethodCall(stmts[stmts.length - 1] as SgNode, name, 'close') && stmts.slice(0, -1).every((s) => isMethodCall(s, name, 'rollback')));
    } else if (clause.kind() === 'except_clause') {
      // Rolling back and re-raising is what leaving `async with` on an error does anyway.
      if (!stmts.every((s) => isMethodCall(s, name, 'rollback') || reraises(s, clause))) return false;
    } else return false;
  }
  return closed;
}

/** Some `return` or `yield` of `fn` itself (not of a nested def) mentions `name`: the session leaves the function. */
function handsOut(fn: SgNode, name: string): boolean {
  return ownExits(fn).some((e) => mentions(e, name));
}

/** The `return` statements and `yield`s of `fn` itself, not of a def nested in it. */
export function ownExits(fn: SgNode): SgNode[] {
  const body = fn.field('body');
  const exits = body ? body.findAll({ rule: { any: [{ kind: 'return_statement' }, { kind: 'yield' }] } }) : [];
  return exits.filter((e) => sameRange(placeOf(e).unit, fn));
}

function soleChild(statement: SgNode, kind: string): SgNode | null {
  if (statement.kind() !== 'expression_statement') return null;
  const children = namedChildren(statement);
  return children.length === 1 && children[0]?.kind() === kind ? (children[0] as SgNode) : null;
}

function isYieldOf(statement: SgNode, name: string): boolean {
  const y = soleChild(statement, 'yield');
  const values = y ? namedChildren(y) : [];
  return values.length === 1 && values[0]?.kind() === 'identifier' && values[0].text() === name;
}

/** `return <name>`. */
export function isReturnOf(statement: SgNode, name: string): boolean {
  if (statement.kind() !== 'return_statement') return false;
  const values = namedChildren(statement);
  return values.length === 1 && values[0]?.kind() === 'identifier' && values[0].text() === name;
}

function isMethodCall(statement: SgNode, name: string, method: string): boolean {
  const call = soleChild(statement, 'call');
  return !!call && call.field('function')?.text() === `${name}.${method}` && namedChildren(call.field('arguments') as SgNode).length === 0;
}

function mentions(node: SgNode, name: string): boolean {
  return node.findAll({ rule: { kind: 'identifier', regex: `^${name}$` } }).length > 0;
}

function sameRange(a: SgNode | null | undefined, b: SgNode | null | undefined): boolean {
  return !!a && !!b && start(a) === start(b) && end(a) === end(b);
}

export function leadingWhitespace(node: SgNode, source: string): string | null {
  const at = start(node);
  const before = source.slice(source.lastIndexOf('\n', at - 1) + 1, at);
  return /^[ \t]*$/.test(before) ? before : null;
}

/** One level of indentation as the function writes it: its body's indentation minus its own. */
export function indentUnit(fn: SgNode, source: string): string | null {
  const first = namedChildren(fn.field('body') as SgNode)[0];
  const holder = fn.parent()?.kind() === 'decorated_definition' ? (fn.parent() as SgNode) : fn;
  const outer = leadingWhitespace(holder, source);
  const inner = first ? leadingWhitespace(first, source) : null;
  if (outer === null || inner === null || !inner.startsWith(outer) || inner.length === outer.length) return null;
  return inner.slice(outer.length);
}

/**
 * A dependency override that hands out a session it did not open, `name` (a fixture's value it closes over):
 *   yield session
 *   yield session; session.close()
 *   try: yield session; finally: session.close()   (or `finally: pass`)
 *   return session          (a plain function: FastAPI injects what it returns; nothing to tear down)
 * with rollbacks before the close, and `except: session.rollback(); raise` clauses. The teardown calls, which
 * an AsyncSession needs awaited, when it is one of these; null otherwise.
 */
export function passthroughShape(fn: SgNode, name: string): SgNode[] | null {
  if (isAsyncDef(fn)) return null;
  const body = fn.field('body');
  if (!body) return null;
  let statements = namedChildren(body);
  if (statements[0] && isDocstring(statements[0])) statements = statements.slice(1);
  const [first, ...rest] = statements;
  if (!first) return null;
  if (first.kind() === 'try_statement' && rest.length === 0) return tryClosing(first, name, true) ? teardownCalls(first, name) : null;
  if (isReturnOf(first, name)) return rest.length === 0 ? [] : null;
  if (!isYieldOf(first, name)) return null;
  if (!rest.every((s) => isMethodCall(s, name, 'close') || isMethodCall(s, name, 'rollback'))) return null;
  return rest.map((s) => soleChild(s, 'call') as SgNode);
}

/** `session.close()` / `session.rollback()` calls in the clauses of a `try` that `tryClosing` accepted. */
function teardownCalls(statement: SgNode, name: string): SgNode[] {
  return namedChildren(statement)
    .slice(1)
    .flatMap((clause) => namedChildren(clause.children().find((c) => c.kind() === 'block') as SgNode))
    .filter((s) => isMethodCall(s, name, 'close') || isMethodCall(s, name, 'rollback'))
    .map((s) => soleChild(s, 'call') as SgNode);
}

/** The text's first line, ` ...` after it when there is more. */
export function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  return newline === -1 ? text : `${text.slice(0, newline).trimEnd()} ...`;
}
