// Calls in test code that already use a coroutine (or an async iterator or context manager) the async way, so
// async-tests must neither await nor flag them: `async with span():` on an `@asynccontextmanager`, `async for i in
// ticks():` over an async generator, `[i async for i in ticks()]`, and a coroutine handed to what runs or schedules
// it (`asyncio.run(compute(1))`, `loop.run_until_complete(...)`, `asyncio.gather(...)`). Such calls are no sign the
// test must become async: an `await` before them would hand `asyncio.run` a value, or `async with` an awaited
// context manager.
import type { SgNode } from '@ast-grep/napi';
import { asyncKeyword, start } from '../query/syntax';

/** Callees (last name) that take a coroutine object and run, schedule or wrap it themselves. */
const COROUTINE_TAKERS = new Set(['run', 'run_until_complete', 'ensure_future', 'create_task', 'gather', 'wait_for', 'shield', 'wait', 'as_completed', 'run_coroutine_threadsafe', 'start_soon']);
/** A file without any of these words holds none of the uses above. */
const MAY_USE = /\basync\b|\b(?:run|run_until_complete|ensure_future|create_task|gather|wait_for|shield|wait|as_completed|run_coroutine_threadsafe|start_soon)\s*\(/;

/** Offsets of the calls in `root` used the async way (see the file comment). */
export function asyncUses(root: SgNode, source: string): number[] {
  if (!MAY_USE.test(source)) return [];
  const found: number[] = [];
  const add = (n: SgNode | null | undefined): void => {
    const value = n?.kind() === 'as_pattern' ? n.children().find((c) => c.isNamed()) : n;
    if (value?.kind() === 'call') found.push(start(value));
  };
  for (const statement of root.findAll({ rule: { kind: 'with_statement' } })) {
    if (asyncKeyword(statement) === undefined) continue;
    for (const clause of statement.children().filter((c) => c.kind() === 'with_clause')) {
      for (const item of clause.children().filter((c) => c.kind() === 'with_item')) add(item.field('value') ?? item.children().find((c) => c.isNamed()));
    }
  }
  for (const loop of root.findAll({ rule: { any: [{ kind: 'for_statement' }, { kind: 'for_in_clause' }] } })) {
    if (asyncKeyword(loop) !== undefined) add(loop.field('right'));
  }
  for (const call of root.findAll({ rule: { kind: 'call' } })) {
    const callee = call.field('function');
    const last = callee?.kind() === 'attribute' ? callee.field('attribute')?.text() : callee?.kind() === 'identifier' ? callee.text() : undefined;
    if (last === undefined || !COROUTINE_TAKERS.has(last)) continue;
    for (const arg of call.field('arguments')?.children() ?? []) add(arg.kind() === 'keyword_argument' ? arg.field('value') : arg);
  }
  return found;
}
