// The audit's rule for each kind of blocking call (the classification is shared: support/blocking-calls.ts).
import { blockingKind, type BlockingKind } from '../support/blocking-calls';
import type { AuditRuleId } from './rules';

export { BLOCKING_CALL_NAMES } from '../support/blocking-calls';

export const RULE_OF: Record<BlockingKind, AuditRuleId> = {
  http: 'AUDIT-BLOCKING-HTTP',
  sleep: 'AUDIT-BLOCKING-SLEEP',
  subprocess: 'AUDIT-BLOCKING-SUBPROCESS',
  file: 'AUDIT-BLOCKING-FILE',
  redis: 'AUDIT-BLOCKING-REDIS',
};

export function blockingRule(qualified: string): AuditRuleId | null {
  const kind = blockingKind(qualified);
  return kind === null ? null : RULE_OF[kind];
}
