// Text around a converted statement: what goes before `select(...)` and what replaces the terminal.
// The statement itself is edited in place (smallest ranges), so its layout and comments survive.
import type { Form } from './analyze';

export type QueryStage = 'select' | 'async';

/** Local names for the SQLAlchemy constructs, after import resolution (`select` or an alias). */
export interface Names {
  select: string;
  func: string;
  delete: string;
  update: string;
  /** For raw SQL strings handed to `session.execute()`. */
  text: string;
}

export interface Pieces {
  /** Text before the statement's constructor (`(await db.scalars(`). */
  prefix: string;
  /** Constructor replacing `db.query` (`select`, `delete`, `update`; empty for the short count form). */
  ctor: string;
  /** Replaces the terminal step, or is appended after the chain when there is none (iteration). */
  tail: string;
  /** The result is `await x(...)` unparenthesised: wrap it when used as a primary (`.attr`, `[i]`, call). */
  bareAwait: boolean;
}

export interface EmitContext {
  stage: QueryStage;
  session: string;
  names: Names;
  /** The value of a bulk delete/update is used (else `.rowcount` is not appended). */
  valueUsed: boolean;
  /**
   * Entities as `(await s.execute(stmt)).scalars()`, not `await s.scalars(stmt)`: the run targets SQLAlchemy 1.4,
   * whose `Session.scalars()` and `AsyncSession.scalars()` came only in 1.4.24 (an AttributeError before); the
   * result's `.scalars()` is in every 1.4 and gives the same objects.
   */
  scalarsViaExecute?: boolean;
}

/** Which constructs a form needs imported. */
export function namesNeeded(form: Form): (keyof Names)[] {
  switch (form.kind) {
    case 'get':
      return [];
    case 'count':
      return ['select', 'func'];
    case 'delete':
      return ['delete'];
    case 'update':
      return ['update'];
    default:
      return ['select'];
  }
}

export function emitPieces(form: Form, ctx: EmitContext): Pieces {
  const a = ctx.stage === 'async';
  const s = ctx.session;
  const { select, func } = ctx.names;
  // `(await s.m(` … `))` in async mode, `s.m(` … `)` in the select stage: a primary either way.
  const wrapped = (method: string): { open: string; close: string } =>
    a ? { open: `(await ${s}.${method}(`, close: '))' } : { open: `${s}.${method}(`, close: ')' };
  const bare = (method: string): { open: string; close: string } => (a ? { open: `await ${s}.${method}(`, close: ')' } : { open: `${s}.${method}(`, close: ')' });
  const unique = (u: boolean): string => (u ? '.unique()' : '');

  switch (form.kind) {
    case 'all': {
      if (form.scalars && ctx.scalarsViaExecute) {
        const w = wrapped('execute');
        return { prefix: w.open, ctor: select, tail: `${form.window}${w.close}.scalars()${unique(form.unique)}.all()`, bareAwait: false };
      }
      const w = wrapped(form.scalars ? 'scalars' : 'execute');
      return { prefix: w.open, ctor: select, tail: `${form.window}${w.close}${unique(form.unique)}.all()`, bareAwait: false };
    }
    case 'first': {
      if (form.scalars) {
        const b = bare('scalar');
        return { prefix: b.open, ctor: select, tail: `.limit(1)${b.close}`, bareAwait: a };
      }
      const w = wrapped('execute');
      return { prefix: w.open, ctor: select, tail: `.limit(1)${w.close}.first()`, bareAwait: false };
    }
    case 'exec': {
      const w = wrapped('execute');
      return { prefix: w.open, ctor: select, tail: `${w.close}${unique(form.unique)}.${form.method}()`, bareAwait: false };
    }
    case 'count': {
      const b = bare('scalar');
      const counter = `${select}(${func}.count()).select_from`;
      if (form.short) return { prefix: `${b.open}${counter}`, ctor: '', tail: b.close, bareAwait: a };
      return { prefix: `${b.open}${counter}(`, ctor: select, tail: `.subquery())${b.close}`, bareAwait: a };
    }
    case 'get':
      // Whole-chain replacement built by the caller; only the call shape is decided here.
      return { prefix: a ? `await ${s}.get(` : `${s}.get(`, ctor: '', tail: ')', bareAwait: a };
    case 'delete':
    case 'update': {
      const options = `${form.kind === 'update' ? `.values(${form.values})` : ''}.execution_options(synchronize_session=${form.sync})`;
      const ctor = form.kind === 'delete' ? ctx.names.delete : ctx.names.update;
      if (ctx.valueUsed) {
        const w = wrapped('execute');
        return { prefix: w.open, ctor, tail: `${options}${w.close}.rowcount`, bareAwait: false };
      }
      const b = bare('execute');
      return { prefix: b.open, ctor, tail: `${options}${b.close}`, bareAwait: a };
    }
    case 'iterate': {
      if (form.scalars && ctx.scalarsViaExecute) {
        const w = wrapped('execute');
        return { prefix: w.open, ctor: select, tail: `${w.close}.scalars()${unique(form.unique)}`, bareAwait: false };
      }
      const method = form.scalars ? 'scalars' : 'execute';
      if (form.unique) {
        const w = wrapped(method);
        return { prefix: w.open, ctor: select, tail: `${w.close}.unique()`, bareAwait: false };
      }
      const b = bare(method);
      return { prefix: b.open, ctor: select, tail: b.close, bareAwait: a };
    }
    case 'exists': {
      const b = bare('scalar');
      return { prefix: b.open, ctor: select, tail: b.close, bareAwait: a };
    }
  }
}
