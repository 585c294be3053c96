// How many worker threads a run may use without running the machine out of memory, and what to tell the
// user about it. Every thread builds every index from every file's summary, so memory grows with the
// project's size times the threads: on a large project the default (one thread per CPU) can need more
// memory than the machine has, and an out-of-memory kill loses the whole run.
import * as os from 'node:os';
import type { WorkerOutOfMemory } from '../engine/parallel';
import type { ThreadChoice } from '../engine/run';

/** Memory free for this run: what the system reports free, or the container's limit when lower. */
export function availableMemory(): number {
  const free = os.freemem();
  const constrained = process.constrainedMemory?.();
  return typeof constrained === 'number' && constrained > 0 && Number.isFinite(constrained) ? Math.min(free, constrained) : free;
}

/** Notes and warnings for the thread choice the engine made (empty when memory did not matter). */
export function threadMessages(choice: ThreadChoice): { notes: string[]; warnings: string[] } {
  const memory = choice.memory;
  if (!memory) return { notes: [], warnings: [] };
  const notes: string[] = [];
  const warnings: string[] = [];
  const threads = (n: number) => `${n} thread${n === 1 ? '' : 's'}`;
  const need = (n: number) => `about ${size(n * memory.perThread)} with ${threads(n)}`;
  if (memory.limited) {
    notes.push(
      `using ${threads(choice.used)}, not ${choice.requested}: this project (${size(memory.sourceBytes)} of source) needs ` +
        `${need(choice.requested)} and ${size(memory.available)} is free; --jobs sets the number`,
    );
  }
  if (choice.used * memory.perThread > memory.available) {
    warnings.push(
      `this run may run out of memory: this project (${size(memory.sourceBytes)} of source) needs ${need(choice.used)} and ${size(memory.available)} is free` +
        (choice.used > 1 ? '; fewer --jobs need less' : ''),
    );
  }
  return { notes, warnings };
}

function size(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MiB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KiB`;
}

/** What to tell the user when a worker thread ran out of memory. */
export function outOfMemoryAdvice(error: WorkerOutOfMemory): string {
  return (
    `${error.message}; every thread holds every file's summary, so memory grows with the project times the threads: ` +
    'run with --jobs 1, with NODE_OPTIONS=--max-old-space-size=<MiB> for a larger limit (it sets every thread\'s), or where more memory is free'
  );
}
