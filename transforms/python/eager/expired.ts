// Attribute reads on ORM objects the session has expired. With a sync Session an expired attribute reloads
// on access; with an AsyncSession that reload is implicit I/O and raises MissingGreenlet. Expiring calls:
// `db.expire_all()`, `db.expire(obj[, names])` and `db.rollback()` (which expires every persistent object).
// `commit()` expires too when the factory has expire_on_commit=True, but awaitify's factories set False and
// the factory the session comes from is not visible here, so commits are not counted.
//
// One function at a time, in textual order: an object loaded before the expiring call (a parameter typed
// with a model, a query/get result, a constructor call flushed since, what a CRUD or repository call returned)
// and read after it, without `await db.refresh(obj)` in between, is flagged at its first such read. A call of
// a project function that may roll back (or expire_all) a session it is given or holds counts as an expiring
// call too (eager/expiry.ts); when it only does so before raising, only reads where that exception was caught
// (`with pytest.raises(...)`, an `except`) count.
import type { SgNode } from '@ast-grep/napi';
import { bindingsIn, parametersOf } from '../query/bindings';
import type { SessionResolver } from '../query/sessions';
import { callArgs, dottedName, end, namedChildren, sameNode, start } from '../query/syntax';
import type { SessionExpiry } from './cross-index';
import { callShape, reachedOnRaise, type CallShape } from './expiry';
import type { ModelIndex } from './model-index';
import type { Provenance, Provenances } from './provenance';
import { ownerOf } from './scope';
import { stringValue } from './summary';

const EXPIRING = new Set(['expire_all', 'expire', 'rollback']);
const TRACKED = new Set([...EXPIRING, 'refresh', 'commit', 'flush']);
/** Attributes that are not mapped state: reading them loads nothing. */
const UNMAPPED = /^(?:__\w+__|awaitable_attrs|_sa_instance_state|metadata|registry)$/;

interface Event {
  method: string;
  offset: number;
  call: SgNode;
  /** Source text of the session the call is on. */
  session: string;
  /** A call of a project function that may expire `session`. */
  via?: { expiry: SessionExpiry; comparable: boolean };
}

export interface ExpiredRead {
  site: SgNode;
  message: string;
  key: string;
}

interface Candidate {
  /** Where the object was bound: -1 for a parameter. */
  boundAt: number;
  /** The session it was loaded through, when the binding names one. */
  session: string | null;
  /** Made by a constructor here: only persistent after a flush or commit. */
  created: boolean;
  what: string;
}

export class ExpiredReads {
  constructor(
    private readonly path: string,
    private readonly index: ModelIndex,
    private readonly sessions: SessionResolver,
    private readonly provenances: Provenances,
    /** What a call of a project function may expire (the project index); none when not given. */
    private readonly callExpiry: (call: SgNode, shape: CallShape) => SessionExpiry[] = () => [],
  ) {}

  in(fn: SgNode): ExpiredRead[] {
    const direct = this.events(fn);
    const events = [...direct, ...this.callEvents(fn, direct)].sort((a, b) => a.offset - b.offset);
    if (!events.some((e) => EXPIRING.has(e.method))) return [];
    const sessions = new Set(events.filter((e) => !e.via || e.via.comparable).map((e) => e.session));
    const out: ExpiredRead[] = [];
    const reported = new Set<string>();
    const candidates = new Map<string, Candidate | null>();
    for (const attr of fn.findAll({ rule: { kind: 'attribute' } })) {
      const object = attr.field('object');
      const name = attr.field('attribute')?.text() ?? '';
      if (object?.kind() !== 'identifier' || UNMAPPED.test(name) || ownerOf(attr)?.id() !== fn.id() || !isRead(attr)) continue;
      const variable = object.text();
      if (!candidates.has(variable)) candidates.set(variable, this.candidate(object, fn));
      const c = candidates.get(variable);
      if (!c) continue;
      const at = start(attr);
      const expiring = [...events].reverse().find((e) => e.offset > c.boundAt && e.offset < at && EXPIRING.has(e.method) && sameSession(e, c, sessions) !== null && this.expires(e, variable, name, c, events) && reachesRead(e, attr, fn));
      if (!expiring) continue;
      if (events.some((e) => e.method === 'refresh' && e.offset > expiring.offset && e.offset < at && refreshes(e.call, variable, name))) continue;
      if (awaitedAttrBetween(fn, variable, name, expiring.offset, at)) continue;
      const key = `${variable}@${expiring.offset}`;
      if (reported.has(key)) continue;
      reported.add(key);
      out.push({
        site: attr,
        key,
        message: expiring.via
          ? viaMessage(attr.text(), variable, c.what, expiring, sameSession(expiring, c, sessions) === 'may')
          : `\`${attr.text()}\` reads an attribute of \`${variable}\` (${c.what}) after \`${expiring.call.text()}\` expired it; reloading it is implicit I/O, which raises MissingGreenlet with an AsyncSession (unless a query since then loaded the same row)`,
      });
    }
    return out;
  }

  /** Whether `e` expires `variable.name`. */
  private expires(e: Event, variable: string, name: string, c: Candidate, events: Event[]): boolean {
    if (c.created) {
      // A new object joins the identity map with a flush; a rollback expunges what the transaction inserted,
      // so only a commit before it leaves the object persistent (and expired by the rollback).
      const persisting = e.method === 'rollback' ? ['commit'] : ['commit', 'flush'];
      if (!events.some((p) => persisting.includes(p.method) && p.offset > c.boundAt && p.offset < e.offset)) return false;
    }
    if (e.method !== 'expire') return true;
    const args = callArgs(e.call);
    if (args.positional[0]?.kind() !== 'identifier' || args.positional[0].text() !== variable) return false;
    return listsName(args.positional[1] ?? args.keywords.get('attribute_names'), name);
  }

  /** The object a variable holds, when it is (or may well be) an ORM instance loaded before its reads. */
  private candidate(id: SgNode, fn: SgNode): Candidate | null {
    const name = id.text();
    const param = parametersOf(fn).find((p) => p.name === name);
    const bindings = bindingsIn(fn, name);
    if (param) {
      if (bindings.length > 0) return null;
      const p = this.provenances.of(id, fn);
      return p && isObject(p) ? { boundAt: -1, session: null, created: false, what: `a parameter holding a \`${p.model?.name}\`` } : null;
    }
    if (bindings.length !== 1) return null;
    const binding = bindings[0] as SgNode;
    const assignment = binding.parent();
    const value = assignment?.kind() === 'assignment' && sameNode(assignment.field('left'), binding) ? assignment.field('right') : null;
    const p = this.provenances.of(id, fn);
    const session = value ? this.sessionIn(value) : null;
    // A factory fixture's object: named with its factory, as repositoryResult names it.
    const factory = p?.load.k === 'unknown' && p.load.origin === 'call' && p.load.call?.field('function')?.kind() === 'identifier' && value ? this.repositoryResult(value, fn) : null;
    if (factory) return { boundAt: start(binding), session: factory.session, created: false, what: factory.what };
    if (p && isObject(p)) {
      const what = p.model ? `a \`${p.model.name}\`` : `returned from ${p.load.k === 'unknown' ? p.load.why : 'a query'}`;
      return { boundAt: start(binding), session, created: p.load.k === 'new', what };
    }
    if (!value) return null;
    const other = this.repositoryResult(value, fn);
    return other ? { boundAt: start(binding), session: other.session, created: false, what: other.what } : null;
  }

  /**
   * `await repo.create(...)` with `repo = OrderRepository(db)` (a local object built around the session), or
   * `await make_product(...)` with `make_product: Callable[..., Product]` (a factory fixture).
   */
  private repositoryResult(value: SgNode, fn: SgNode): { session: string | null; what: string } | null {
    if (value.kind() !== 'await') return null;
    const call = namedChildren(value)[0];
    const callee = call?.kind() === 'call' ? call.field('function') : null;
    if (!call || !callee) return null;
    if (callee.kind() === 'identifier') {
      const param = parametersOf(fn).find((p) => p.name === callee.text());
      const typed = param?.annotation && bindingsIn(fn, callee.text()).length === 0 ? this.index.factoryOfType(this.path, param.annotation.text()) : null;
      return typed && !typed.list ? { session: null, what: `a \`${typed.model.name}\` made by \`${callee.text()}\`` } : null;
    }
    const receiver = callee.kind() === 'attribute' ? callee.field('object') : null;
    if (receiver?.kind() !== 'identifier' || parametersOf(fn).some((p) => p.name === receiver.text())) return null;
    const bindings = bindingsIn(fn, receiver.text());
    const holder = bindings.length === 1 ? (bindings[0] as SgNode).parent() : null;
    const built = holder?.kind() === 'assignment' ? holder.field('right') : null;
    if (built?.kind() !== 'call') return null;
    const args = callArgs(built);
    const session = [...args.positional, ...args.keywords.values()].find((a) => this.sessions.resolve(a));
    return session ? { session: session.text(), what: `returned from \`${callee.text()}(...)\`, a method of an object holding \`${session.text()}\`` } : null;
  }

  /** The first session named in an expression (the receiver of `db.get`, an argument of `crud.get(db, ...)`). */
  private sessionIn(node: SgNode): string | null {
    for (const n of node.findAll({ rule: { any: [{ kind: 'identifier' }, { kind: 'attribute' }] } })) {
      if (n.kind() === 'identifier' && n.parent()?.kind() === 'attribute' && !sameNode(n.parent()?.field('object'), n)) continue;
      if (this.sessions.resolve(n)) return n.text();
    }
    return null;
  }

  /** Awaited calls of project functions that may expire a session (each session once per call). */
  private callEvents(fn: SgNode, direct: Event[]): Event[] {
    const out: Event[] = [];
    for (const call of fn.findAll({ rule: { kind: 'call' } })) {
      if (ownerOf(call)?.id() !== fn.id() || call.parent()?.kind() !== 'await') continue;
      const seen = new Set<string>();
      for (const found of this.callExpiry(call, callShape(call))) {
        const held = this.heldSession(fn, found.session);
        const expiry = { ...found, session: held ?? found.session };
        if (seen.has(expiry.session)) continue;
        seen.add(expiry.session);
        const args = namedChildren(call.field('arguments') as SgNode).map((a) => (a.kind() === 'keyword_argument' ? (a.field('value') as SgNode) : a));
        // Comparable with the sessions of this function: passed as it is named here, or named by one of its own session calls.
        const comparable = held !== null || args.some((a) => dottedName(a)?.join('.') === expiry.session && this.sessions.resolve(a) !== null) || direct.some((e) => e.session === expiry.session);
        const method = /\.expire_all\(/.test(expiry.call) ? 'expire_all' : 'rollback';
        // The call's arguments are read before it runs: the expiry is at its end.
        out.push({ method, offset: end(call), call, session: expiry.session, via: { expiry, comparable } });
      }
    }
    return out;
  }

  /**
   * `service.db` with `service = OrderService(db)` (a local bound once to a call given one session, as a
   * service or repository is built around it): that session, as named here; null otherwise.
   */
  private heldSession(fn: SgNode, session: string): string | null {
    const [root, ...rest] = session.split('.');
    if (rest.length !== 1 || !root || root === 'self' || parametersOf(fn).some((p) => p.name === root)) return null;
    const bindings = bindingsIn(fn, root);
    const holder = bindings.length === 1 ? (bindings[0] as SgNode).parent() : null;
    const built = holder?.kind() === 'assignment' && sameNode(holder.field('left'), bindings[0]) ? holder.field('right') : null;
    if (built?.kind() !== 'call') return null;
    const args = callArgs(built);
    const given = new Set([...args.positional, ...args.keywords.values()].filter((a) => this.sessions.resolve(a)).map((a) => a.text()));
    return given.size === 1 ? ([...given][0] as string) : null;
  }

  /** Session calls that expire, refresh or persist objects, in the function's own body, in source order. */
  private events(fn: SgNode): Event[] {
    const out: Event[] = [];
    for (const call of fn.findAll({ rule: { kind: 'call' } })) {
      const callee = call.field('function');
      if (callee?.kind() !== 'attribute') continue;
      const method = callee.field('attribute')?.text() ?? '';
      const receiver = callee.field('object') as SgNode;
      if (!TRACKED.has(method) || ownerOf(call)?.id() !== fn.id() || !this.sessions.resolve(receiver)) continue;
      out.push({ method, offset: start(call), call, session: receiver.text() });
    }
    return out.sort((a, b) => a.offset - b.offset);
  }
}

/**
 * Whether the expiring call `e` is one on the object's session: `definite` when both are named alike, `may` when
 * a called function's session cannot be compared with it (a service object holding its own reference), null
 * when not. An object whose session is not named is only matched when the function uses one session.
 */
function sameSession(e: Event, c: Candidate, sessions: Set<string>): 'definite' | 'may' | null {
  if (!e.via) return c.session === null ? (sessions.size === 1 ? 'definite' : null) : e.session === c.session ? 'definite' : null;
  if (c.session !== null) return e.session === c.session ? 'definite' : e.via.comparable ? null : 'may';
  if (e.via.comparable) return sessions.size === 1 ? 'definite' : null;
  return sessions.size <= 1 ? 'may' : null;
}

/** A called function that expires only before raising is seen where the exception was caught. */
function reachesRead(e: Event, read: SgNode, fn: SgNode): boolean {
  if (e.via?.expiry.mode === 'raise') return reachedOnRaise(e.call, read, fn);
  return reaches(e.call, read);
}

function viaMessage(read: string, variable: string, what: string, e: Event, may: boolean): string {
  const via = e.via as NonNullable<Event['via']>;
  const callee = (e.call.field('function') as SgNode).text();
  const chain = via.expiry.chain.map((f) => `\`${f}\``).join(' → ');
  const when = via.expiry.mode === 'raise' ? ' before raising, and the exception is caught here' : '';
  const session = may ? `\`${e.session}\` (which may be the session \`${variable}\` belongs to)` : `\`${e.session}\``;
  return `\`${read}\` reads an attribute of \`${variable}\` (${what}) after \`${callee}(...)\`, which may expire it: ${chain} runs \`${via.expiry.call}\` on ${session}${when}; reloading an expired attribute is implicit I/O, which raises MissingGreenlet with an AsyncSession (unless a query since then loaded the same row)`;
}

/**
 * Whether control can get from `call` to `read`: not when the call sits in a block that `read` is outside of
 * and that ends in `raise`/`return` (`except: await db.rollback(); raise`), unless `read` is in a `finally`.
 */
function reaches(call: SgNode, read: SgNode): boolean {
  const at = start(read);
  for (const a of call.ancestors()) {
    if (a.kind() === 'function_definition') break;
    if (a.kind() !== 'block' || (start(a) <= at && at < a.range().end.index)) continue;
    const last = namedChildren(a).filter((n) => n.kind() !== 'comment').at(-1);
    if (last?.kind() !== 'raise_statement' && last?.kind() !== 'return_statement') continue;
    const inFinally = read.ancestors().some((r) => r.kind() === 'finally_clause' && r.parent()?.kind() === 'try_statement' && call.ancestors().some((c) => c.id() === r.parent()?.id()));
    return inFinally;
  }
  return true;
}

/** A model object (or what a session-given call returned, model unknown): not a list, not a result. */
function isObject(p: Provenance): boolean {
  if (p.shape !== 'object' && p.shape !== 'any') return false;
  return p.model !== null || p.load.k === 'unknown';
}

/** A read, not `obj.x = ...`, `del obj.x` or a method looked up to be called. */
function isRead(attr: SgNode): boolean {
  const parent = attr.parent();
  if (!parent) return true;
  if ((parent.kind() === 'assignment' || parent.kind() === 'augmented_assignment') && sameNode(parent.field('left'), attr)) return parent.kind() === 'augmented_assignment';
  if (parent.kind() === 'delete_statement') return false;
  if (parent.kind() === 'call' && sameNode(parent.field('function'), attr)) return false;
  return true;
}

/** No names (every attribute), a non-literal list (cannot tell), or a literal list naming it. */
function listsName(names: SgNode | null | undefined, name: string): boolean {
  if (!names || (names.kind() !== 'list' && names.kind() !== 'tuple')) return true;
  return namedChildren(names).some((n) => stringValue(n) === name || stringValue(n) === null);
}

/** `db.refresh(obj)` reloads every attribute; with `attribute_names` the listed ones. */
function refreshes(call: SgNode, variable: string, name: string): boolean {
  const args = callArgs(call);
  const first = args.positional[0];
  if (first?.kind() !== 'identifier' || first.text() !== variable) return false;
  const names = args.positional[1] ?? args.keywords.get('attribute_names');
  if (!names || (names.kind() !== 'list' && names.kind() !== 'tuple')) return true;
  return namedChildren(names).some((n) => stringValue(n) === name);
}

/** `await obj.awaitable_attrs.name` between the expiring call and the read loads it. */
function awaitedAttrBetween(fn: SgNode, variable: string, name: string, from: number, to: number): boolean {
  return fn.findAll({ rule: { kind: 'await' } }).some((a) => {
    if (start(a) < from || start(a) > to) return false;
    const inner = namedChildren(a)[0];
    return inner?.kind() === 'attribute' && dottedName(inner)?.join('.') === `${variable}.awaitable_attrs.${name}`;
  });
}

