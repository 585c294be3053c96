import { setFlagsFromString } from 'node:v8';

/**
 * V8 flags the command line sets before it starts any work (flags are per process, so worker threads
 * started later share them).
 *
 * `--max-inlined-bytecode-size-cumulative` (920 bytes by default) bounds how much bytecode V8's optimizing
 * compiler inlines into one function it compiles. The analyses are many large functions, each compiled by
 * every thread; with the default budget V8's helper threads took about a third of a run's CPU, most of
 * it compiling them. At 300: about 10% less CPU and wall time on the benchmark's 1k and 5k repositories
 * (docs/performance.md, "Less inlining"). Flags change how fast code runs, never what it computes.
 */
export const V8_FLAGS: readonly string[] = ['--max-inlined-bytecode-size-cumulative=300'];

export function tuneV8(set: (flags: string) => void = setFlagsFromString): void {
  for (const flag of V8_FLAGS) set(flag);
}
