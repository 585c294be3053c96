// Calls that block the thread they run on, by the absolute name they resolve to (see names.ts). Inside an
// `async def` that thread is the event loop: every other request waits.
import type { AuditRuleId } from './rules';

const HTTP_VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request'];

const EXACT = new Map<string, AuditRuleId>([
  ['time.sleep', 'AUDIT-BLOCKING-SLEEP'],
  ['urllib.request.urlopen', 'AUDIT-BLOCKING-HTTP'],
  // httpx's module-level functions and its sync Client; httpx.AsyncClient is the async way.
  ...[...HTTP_VERBS, 'stream', 'Client'].map((name): [string, AuditRuleId] => [`httpx.${name}`, 'AUDIT-BLOCKING-HTTP']),
  ['builtins.open', 'AUDIT-BLOCKING-FILE'],
  ['io.open', 'AUDIT-BLOCKING-FILE'],
  ...['run', 'call', 'check_call', 'check_output', 'Popen', 'getoutput', 'getstatusoutput'].map(
    (name): [string, AuditRuleId] => [`subprocess.${name}`, 'AUDIT-BLOCKING-SUBPROCESS'],
  ),
  ['os.system', 'AUDIT-BLOCKING-SUBPROCESS'],
  ['os.popen', 'AUDIT-BLOCKING-SUBPROCESS'],
]);

/** requests' request functions and its Session, wherever in the package they are reached from (`requests.api.get`). */
const REQUESTS_CALLS = new Set([...HTTP_VERBS, 'Session', 'session']);

/** Last components worth resolving: everything else is skipped before any name resolution is paid for. */
export const BLOCKING_CALL_NAMES = new Set([...[...EXACT.keys()].map((name) => name.split('.').pop() as string), ...REQUESTS_CALLS]);

export function blockingRule(qualified: string): AuditRuleId | null {
  const exact = EXACT.get(qualified);
  if (exact) return exact;
  const parts = qualified.split('.');
  if (parts[0] === 'requests' && parts.length >= 2 && REQUESTS_CALLS.has(parts[parts.length - 1] as string)) return 'AUDIT-BLOCKING-HTTP';
  return null;
}
