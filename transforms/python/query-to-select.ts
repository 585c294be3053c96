import type { SgRoot } from '@ast-grep/napi';
import type { ProjectIndexer, Transform } from '../../engine/types';
import { entityIndexer } from './query/entity-index';
import { planQueryToSelect } from './query/plan';
import { withCachedTree } from './support/cached-tree';
import { runSessionWords } from './query/sessions';

/** Legacy `session.query(...)` chains → 2.0 `select()` executed on the session (sync or awaited). */
export const transform: Transform<SgRoot> = {
  id: 'query-to-select',
  description: 'Rewrite legacy session.query(...) chains as select() statements executed on the session (sync or async)',
  language: 'python',
  // In the async stage its `await db.execute(...)` sits in plain defs until propagate-async makes those async.
  finishedBy: 'propagate-async',
  // Proves `self.model` is a mapped class when the repository's base class is in another module.
  indexer: entityIndexer as ProjectIndexer<SgRoot>,
  // Only queries and raw SQL on a session are rewritten (planQueryToSelect returns early without one).
  prefilter: (options) => runSessionWords(options),
  run: (ctx) => planQueryToSelect(withCachedTree(ctx)),
};
