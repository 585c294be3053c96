import type { SgRoot } from '@ast-grep/napi';
import type { Transform } from '../../engine/types';
import { planQueryToSelect } from './query/plan';

/** Legacy `session.query(...)` chains → 2.0 `select()` executed on the session (sync or awaited). */
export const transform: Transform<SgRoot> = {
  id: 'query-to-select',
  description: 'Rewrite legacy session.query(...) chains as select() statements executed on the session (sync or async)',
  language: 'python',
  run: (ctx) => planQueryToSelect(ctx),
};
