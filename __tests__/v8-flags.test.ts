// The command line tunes V8 before it runs (cli/v8-flags.ts); these check that it does, with flags this
// Node knows.
import { spawnSync } from 'node:child_process';
import { startCommand } from '../cli/main';
import type { Io } from '../cli/run-command';
import { tuneV8, V8_FLAGS } from '../cli/v8-flags';

function capturingIo(written: string[]): Io {
  const stream = { write: (chunk: string) => written.push(chunk) > 0 } as unknown as NodeJS.WriteStream;
  return { cwd: process.cwd(), stdout: stream, stderr: stream };
}

describe('V8 flags of the command line', () => {
  it('limits how much the optimizing compiler inlines', () => {
    expect(V8_FLAGS).toContain('--max-inlined-bytecode-size-cumulative=300');
  });

  it('sets every flag', () => {
    const set: string[] = [];
    tuneV8((flags) => set.push(flags));
    expect(set).toEqual([...V8_FLAGS]);
  });

  it('are flags this Node accepts (an unknown one makes node exit 9)', () => {
    const result = spawnSync(process.execPath, [...V8_FLAGS, '-e', '0'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('are set before the command runs', async () => {
    const written: string[] = [];
    const tunedWhen: number[] = [];
    const code = await startCommand(['list'], capturingIo(written), () => tunedWhen.push(written.length));
    expect(tunedWhen).toEqual([0]);
    expect(code).toBe(0);
    expect(written.join('')).toContain('async-session');
  });
});
