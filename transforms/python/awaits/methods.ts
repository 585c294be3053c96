// What an AsyncSession awaits and what it does not (REFERENCE section 1).

/** Coroutine methods of AsyncSession: a call without `await` returns an un-run coroutine. */
export const AWAITED_METHODS = new Set([
  'execute',
  'scalar',
  'scalars',
  'get',
  'get_one',
  'refresh',
  'delete',
  'merge',
  'flush',
  'commit',
  'rollback',
  'close',
  'reset',
  'invalidate',
  'connection',
  'run_sync',
  'stream',
  'stream_scalars',
]);

/** SQLModel's AsyncSession adds `exec()`, a coroutine too; on SQLAlchemy's session it does not exist. */
export const SQLMODEL_AWAITED_METHODS = new Set(['exec']);

/**
 * Plain methods and attributes of AsyncSession (`await db.add(x)` raises TypeError). Listed for documentation and
 * tests; the transform never awaits anything outside the sets above, so these need no code path.
 */
export const SYNC_MEMBERS = new Set([
  'add',
  'add_all',
  'expire',
  'expire_all',
  'expunge',
  'expunge_all',
  'is_modified',
  'in_transaction',
  'in_nested_transaction',
  'get_transaction',
  'get_bind',
  'dirty',
  'new',
  'deleted',
  'identity_map',
  'no_autoflush',
]);

/** Session methods AsyncSession lacks; they run on the sync session through `run_sync`. */
export const BULK_METHODS = new Set(['bulk_save_objects', 'bulk_insert_mappings', 'bulk_update_mappings']);

/**
 * Every session method that only works on a sync Session as written: a coroutine on an AsyncSession (awaited
 * methods, SQLModel's `exec`), run through `run_sync` (`bulk_*`), or missing there (`query`). A call of one on a
 * name marks that name as used like a session.
 */
export const SESSION_LIKE_METHODS = new Set([...AWAITED_METHODS, ...BULK_METHODS, ...SQLMODEL_AWAITED_METHODS, 'query']);

/** They return an AsyncConnection / AsyncResult, whose own methods are coroutines. */
export const ASYNC_OBJECT_METHODS = new Set(['connection', 'stream', 'stream_scalars']);

/** `begin()`/`begin_nested()`: async context managers, or awaitables that start the transaction. */
export const TRANSACTION_METHODS = new Set(['begin', 'begin_nested']);
