// Sessions the run knows stay sync: made by a factory call insert-await finds no async twin for, or does not
// switch to it (made where nothing can be awaited). The project passes read each file before async-engine writes
// its twins, so twins are read from async-engine's project table of factories (TransformOptions.sessionFactories),
// not from the file's text.
import type { SgNode } from '@ast-grep/napi';
import type { TransformOptions } from '../../../engine/types';
import { isLocalOrigin, madeWhereItStaysSync } from '../awaits/context';
import { moduleNamesOf } from '../scaffold/engine-index';
import { bindingsIn, parametersOf } from './bindings';
import type { SessionInfo, SessionResolver } from './sessions';
import { callArgs, dottedName, enclosingFunction } from './syntax';

/**
 * Whether a session is made by a call that keeps it sync: a project factory async-engine's project pass found no
 * async twin for (`get_session = sessionmaker(bind=create_engine(url))`, its engine made inline: table entry `none`),
 * or `Session(engine)` on an engine the function binds itself (a parameter, a local), whose twin is never written;
 * or a session bound to a name where insert-await switches no factory call (madeWhereItStaysSync: a pytest fixture,
 * a property, module level), whose calls it leaves without await.
 * `absPath`: the file's, to find its own factories in the table. A session on any other engine is not told here.
 */
export function staysSyncSession(info: SessionInfo, sessions: SessionResolver, options: TransformOptions, absPath: string): boolean {
  const keptSync = new Set([options.getDbName]);
  return info.origins.some((origin) => untwinnedOrigin(origin, sessions, options, absPath) || (isLocalOrigin(origin) && madeWhereItStaysSync(origin, keptSync)));
}

function untwinnedOrigin(origin: SgNode, sessions: SessionResolver, options: TransformOptions, absPath: string): boolean {
  const callee = origin.field('function');
  if (!callee) return false;
  const factory = sessions.isFactoryBeginCall(origin) ? callee.field('object') : callee;
  const dotted = factory ? dottedName(factory) : null;
  if (!factory || !dotted) return false;
  // `AsyncSession(engine)` makes an AsyncSession already.
  if (dotted[dotted.length - 1] === 'AsyncSession') return false;
  if (sessions.typeVerdict(factory, new Set()).session) {
    const args = callArgs(origin);
    const bind = args.positional[0] ?? args.keywords.get('bind');
    const fn = enclosingFunction(origin);
    return bind?.kind() === 'identifier' && fn !== null && (parametersOf(fn).some((p) => p.name === bind.text()) || bindingsIn(fn, bind.text()).length > 0);
  }
  const imported = sessions.projectFactory(dotted);
  if (imported !== null) return imported === 'none';
  const table = options.sessionFactories;
  if (!table || dotted.length !== 1) return false;
  const kinds = moduleNamesOf(absPath).map((m) => (Object.prototype.hasOwnProperty.call(table, `${m}.${dotted[0]}`) ? table[`${m}.${dotted[0]}`] : undefined));
  return kinds.includes('none') && !kinds.some((k) => k === 'twin' || k === 'async');
}
