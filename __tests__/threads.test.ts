// What the CLI says when memory decides the number of threads (cli/threads.ts).
import { threadMessages } from '../cli/threads';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

describe('thread messages', () => {
  test('nothing to say without a memory estimate, or when the threads fit', () => {
    expect(threadMessages({ requested: 2, used: 2 })).toEqual({ notes: [], warnings: [] });
    expect(threadMessages({ requested: 2, used: 2, memory: { sourceBytes: 50 * MiB, perThread: 3 * GiB, available: 8 * GiB, limited: false } })).toEqual({
      notes: [],
      warnings: [],
    });
  });

  test('fewer threads than asked: a note with the numbers and the option that overrides it', () => {
    const { notes, warnings } = threadMessages({ requested: 2, used: 1, memory: { sourceBytes: 50 * MiB, perThread: 3 * GiB, available: 4 * GiB, limited: true } });
    expect(notes).toEqual(['using 1 thread, not 2: this project (50 MiB of source) needs about 6.0 GiB with 2 threads and 4.0 GiB is free; --jobs sets the number']);
    expect(warnings).toEqual([]);
  });

  test('even the threads used may not fit: a warning before the run, pointing at --jobs when there are several', () => {
    const one = threadMessages({ requested: 2, used: 1, memory: { sourceBytes: 50 * MiB, perThread: 3 * GiB, available: 2 * GiB, limited: true } });
    expect(one.warnings).toEqual(['this run may run out of memory: this project (50 MiB of source) needs about 3.0 GiB with 1 thread and 2.0 GiB is free']);
    const explicit = threadMessages({ requested: 2, used: 2, memory: { sourceBytes: 50 * MiB, perThread: 3 * GiB, available: 4 * GiB, limited: false } });
    expect(explicit.notes).toEqual([]);
    expect(explicit.warnings).toEqual(['this run may run out of memory: this project (50 MiB of source) needs about 6.0 GiB with 2 threads and 4.0 GiB is free; fewer --jobs need less']);
  });
});
