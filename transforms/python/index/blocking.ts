// Which calls of the project's functions block the thread they run on, over the whole-project index: a blocking
// API called by its absolute name (support/blocking-calls.ts classifies it), a request through a sync HTTP client
// made elsewhere, and a call of project code that blocks (a plain def, a class whose `__init__` blocks). Shared by
// propagate-async (ASYNC-BLOCKING-CALL, in the functions a run makes async) and the audit (AUDIT-BLOCKING-*, in the
// functions that are async already), so both see the same calls.
import { BLOCKING_CALL_NAMES, blockingKind, type BlockingKind } from '../support/blocking-calls';
import { functionKey, type ProjectIndex } from './project';
import type { CallSite, Expr, FunctionSummary } from './types';

/** A blocking API a call calls, by its absolute name (`time.sleep`, `httpx.Client().get`). */
export interface BlockingApi {
  kind: BlockingKind;
  name: string;
}

/** A blocking call reached through plain defs that stay sync: `chain` names them, the first called first. */
export interface BlockingPath extends BlockingApi {
  chain: string[];
  /** The blocking call as written, where it is. */
  text: string;
  path: string;
  line: number;
}

/** How many plain defs deep a call is followed to the blocking call it makes. */
const MAX_BLOCKING_DEPTH = 4;

/** Methods of a sync HTTP client (requests' Session, httpx's Client) that make a request. */
const CLIENT_REQUESTS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'send', 'stream']);

/**
 * Methods of redis-py's sync client that send nothing to the server: they make a pipeline, a pub/sub object or a lock
 * (whose own methods then do), or close the connection pool. Every other method is a command that waits for the answer.
 */
const REDIS_LOCAL = new Set(['pipeline', 'pubsub', 'lock', 'close', 'get_connection_kwargs', 'get_encoder']);

export class BlockingCalls {
  /** The first blocking call of each plain def asked about; null while one is worked out, which ends a cycle. */
  private readonly memo = new Map<string, BlockingPath | null>();

  /**
   * `isAsync`: whether a function is (or, for propagate-async, becomes) an `async def`: calling one runs none of its
   * body, so it blocks nothing where it is called.
   */
  constructor(
    private readonly index: ProjectIndex,
    private readonly isAsync: (path: string, fn: FunctionSummary) => boolean,
  ) {}

  /** The blocking API a call calls directly, by its absolute name; null for anything else, file I/O included. */
  direct(path: string, call: CallSite): BlockingApi | null {
    const request = this.clientRequest(path, call.callee);
    if (request) return request;
    const last = call.text.slice(call.text.lastIndexOf('.') + 1);
    // `from requests import get as fetch`: a name bound by an import may be any of them; other names are skipped unresolved.
    if (!BLOCKING_CALL_NAMES.has(last) && call.callee.k !== 'global' && call.callee.k !== 'import') return null;
    const name = this.libraryName(path, call.callee);
    const kind = name === null ? null : blockingKind(name);
    return kind === null || kind === 'file' || name === null ? null : { kind, name };
  }

  /**
   * The blocking call a call of project code makes: a plain def that stays sync, or a project class's `__init__` when
   * the call constructs it (`Notifier()` whose `__init__` sends a request). Making a client there (`self.http =
   * requests.Session()`) is not what blocks: its requests are, in the methods that make them.
   */
  through(path: string, call: CallSite, depth = 0): BlockingPath | null {
    const target = this.index.resolveFunction(path, call.callee);
    if (target) return this.blockingIn(target.path, target.id, depth);
    const made = this.index.evaluate(path, call.callee);
    const init = made.k === 'class' ? this.index.findMethod(made, '__init__') : null;
    const via = init ? this.blockingIn(init.path, init.id, depth) : null;
    return via && !isClient(via.text) ? via : null;
  }

  /** The dotted name of a library object an expression denotes (`requests.api.get`); null for project code and the unknown. */
  private libraryName(path: string, expr: Expr): string | null {
    const entity = this.index.evaluate(path, expr);
    // A module of the run named like the library (`requests.py`) is found (path set): not the library.
    if (entity.k !== 'module' || entity.path !== null || entity.ref.anchor !== null) return null;
    return entity.ref.parts.join('.');
  }

  /**
   * A request through a sync HTTP client made elsewhere: `client.get(...)` on a module-level `client = httpx.Client()`
   * (or `requests.Session()`) of this module or imported from another, `self.http.post(...)` where the class stores
   * `self.http = requests.Session()` (every store to it) or annotates it so, or a parameter annotated `httpx.Client`.
   * A client made in the function itself is reported where it is made.
   */
  private clientRequest(path: string, callee: Expr): BlockingApi | null {
    if (callee.k !== 'attr' || REDIS_LOCAL.has(callee.name)) return null;
    const receiver = callee.of;
    let made: Expr | null | undefined;
    // Where the client is made: this module, or the module it is imported from (`from app.http import client`).
    let at = path;
    if (receiver.k === 'instance') {
      // A parameter annotated with the client class (`client: httpx.Client`).
      made = receiver;
    } else if (receiver.k === 'attr' && receiver.of.k === 'self') {
      made = this.index.classSummary(path, receiver.of.cls)?.attributes.find(([name]) => name === receiver.name)?.[1];
    } else if (receiver.k === 'global' || receiver.k === 'attr') {
      const origin = this.index.importedFrom(path, receiver) ?? (receiver.k === 'global' ? { path, name: receiver.name } : null);
      const binding = origin ? this.index.module(origin.path)?.globals.find(([name]) => name === origin.name)?.[1] : undefined;
      made = binding?.k === 'value' ? binding.expr : null;
      at = origin?.path ?? path;
    }
    if (made?.k !== 'call' && made?.k !== 'instance') return null;
    const client = this.libraryName(at, made.of);
    const kind = client === null || !isClient(client) ? null : blockingKind(client);
    // An HTTP client blocks in its request methods; a Redis client in every command (all but REDIS_LOCAL).
    if (kind === 'http' && CLIENT_REQUESTS.has(callee.name)) return { kind, name: `${client}().${callee.name}` };
    return kind === 'redis' ? { kind, name: `${client}().${callee.name}` } : null;
  }

  /**
   * The first blocking call a project plain def makes, directly or through other such defs. Generators are left out:
   * calling one runs none of its body; so are tests, which nothing in the project calls.
   */
  private blockingIn(path: string, id: number, depth: number): BlockingPath | null {
    const key = functionKey(path, id);
    if (this.memo.has(key)) return this.memo.get(key) ?? null;
    const fn = this.index.function(path, id);
    if (!fn || depth >= MAX_BLOCKING_DEPTH || this.isAsync(path, fn) || fn.isGenerator || fn.test !== null) return null;
    this.memo.set(key, null);
    let found: BlockingPath | null = null;
    for (const call of fn.calls) {
      if (!runsInBody(call)) continue;
      const direct = this.direct(path, call);
      if (direct) {
        found = { ...direct, chain: [`\`${fn.qualname}\``], text: call.text, path, line: call.line };
        break;
      }
      const via = this.through(path, call, depth + 1);
      if (via) {
        found = { ...via, chain: [`\`${fn.qualname}\``, ...via.chain] };
        break;
      }
    }
    this.memo.set(key, found);
    return found;
  }
}

/** A client or session class (`requests.Session`, `httpx.Client`, `subprocess.Popen`): its methods do the blocking. */
export function isClient(callee: string): boolean {
  const last = callee.slice(callee.lastIndexOf('.') + 1);
  return /^[A-Z]/.test(last) || last === 'session' || last === 'from_url';
}

/**
 * Whether a call runs during its function's own execution, and awaitify may comment on it: not in a lambda or a
 * generator expression that may run elsewhere (a `key=` lambda of `sorted` and a generator expression `any()` iterates
 * do run there: CallSite.runsHere), a decorator or a default; not marked `# awaitify: ignore`; not awaited.
 */
export function runsInBody(call: CallSite): boolean {
  return (call.blocked === undefined || call.runsHere === true) && !call.ignored && call.awaited !== 'yes';
}
