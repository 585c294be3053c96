// Calls that block the thread they run on, by the absolute name they resolve to (`time.sleep`, `requests.get`).
// Inside an `async def` that thread is the event loop: every other request waits. Shared by the audit (calls in
// any `async def`) and propagate-async (calls in the functions a run makes async).

export type BlockingKind = 'http' | 'sleep' | 'subprocess' | 'file' | 'redis';

const HTTP_VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request'];

const EXACT = new Map<string, BlockingKind>([
  ['time.sleep', 'sleep'],
  ['urllib.request.urlopen', 'http'],
  // httpx's module-level functions and its sync Client; httpx.AsyncClient is the async way.
  ...[...HTTP_VERBS, 'stream', 'Client'].map((name): [string, BlockingKind] => [`httpx.${name}`, 'http']),
  ['builtins.open', 'file'],
  ['io.open', 'file'],
  ...['run', 'call', 'check_call', 'check_output', 'Popen', 'getoutput', 'getstatusoutput'].map(
    (name): [string, BlockingKind] => [`subprocess.${name}`, 'subprocess'],
  ),
  ['os.system', 'subprocess'],
  ['os.popen', 'subprocess'],
  // redis-py's sync client (`redis.asyncio.Redis` is the async one): making it connects nothing, each command it
  // sends waits for the server's answer.
  ...['Redis', 'StrictRedis', 'from_url', 'Redis.from_url', 'StrictRedis.from_url', 'client.Redis', 'client.StrictRedis'].map(
    (name): [string, BlockingKind] => [`redis.${name}`, 'redis'],
  ),
]);

/** requests' request functions and its Session, wherever in the package they are reached from (`requests.api.get`). */
const REQUESTS_CALLS = new Set([...HTTP_VERBS, 'Session', 'session']);

/** Last components worth resolving: everything else is skipped before any name resolution is paid for. */
export const BLOCKING_CALL_NAMES = new Set([...[...EXACT.keys()].map((name) => name.split('.').pop() as string), ...REQUESTS_CALLS]);

export function blockingKind(qualified: string): BlockingKind | null {
  const exact = EXACT.get(qualified);
  if (exact) return exact;
  const parts = qualified.split('.');
  if (parts[0] === 'requests' && parts.length >= 2 && REQUESTS_CALLS.has(parts[parts.length - 1] as string)) return 'http';
  return null;
}

/** What blocks, in a message's words. */
export const BLOCKING_WHAT: Record<BlockingKind, string> = {
  http: 'a sync HTTP call',
  sleep: 'a blocking sleep',
  subprocess: 'a blocking subprocess call',
  file: 'blocking file I/O',
  redis: 'a blocking Redis command',
};

/** What a client class of the kind makes (`requests.Session()`, `httpx.Client()`, `subprocess.Popen()`). */
export const BLOCKING_CLIENT: Record<BlockingKind, string> = {
  http: 'a sync HTTP client, whose requests block',
  sleep: 'a blocking sleep',
  subprocess: 'a subprocess whose waits and reads block',
  file: 'a file whose reads and writes block',
  redis: 'a sync Redis client, whose commands block',
};

/** The async API to use instead, in a message's words (the other way: run the call in a thread). */
export const BLOCKING_FIX: Record<BlockingKind, string> = {
  http: '`httpx.AsyncClient` (`async with httpx.AsyncClient() as client: await client.get(...)`)',
  sleep: '`await asyncio.sleep(...)`',
  subprocess: '`await asyncio.create_subprocess_exec(...)` (or `_shell`)',
  file: '`aiofiles.open` with `async with` and awaited reads/writes',
  redis: '`redis.asyncio.Redis` (`await client.get(...)`)',
};
