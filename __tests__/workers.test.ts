// Worker threads must not change a single byte of the report: the same project runs in-process and on
// two workers, and the reports are compared whole (outputs as bytes, findings, counts, errors, skips).
import type { SgRoot } from '@ast-grep/napi';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileReport, ParallelOptions, RunReport, runProject, ThreadChoice } from '../engine/run';
import { DEFAULT_TRANSFORM_OPTIONS, Transform } from '../engine/types';
import { pythonLanguage } from '../transforms/python/support/language';
import { defaultHeapLimitMb } from '../engine/heap-limit';
import { WorkerOutOfMemory } from '../engine/parallel';
import { heapProbe, hog, marker, seen, seenFragile, tail, threadProbe } from './helpers/worker-plugin';
import { removeTempDirs, tempDir } from './helpers/cli';

const PLUGIN = path.join(__dirname, 'helpers', 'worker-plugin.ts');

afterAll(removeTempDirs);

/** ~120 files covering every outcome, spread so that each worker gets some of each. */
function project(): string {
  const dir = tempDir('awaitify-workers-');
  const write = (name: string, content: string | Buffer): void => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  };
  for (let i = 0; i < 100; i++) {
    const pkg = `pkg${i % 7}`;
    const shapes = [
      'a = 1\nb = 2\n',
      'x = 0\n',
      'a = 1\nflag = True\nb = 2\n',
      'b = 2\n# flag\n',
      'def f(:\n    pass\n',
      'a = 1\r\nb = 2\r\n',
      '\ufeffa = 1\n',
      '# awaitify: ignore-file\na = 1\n',
      'a = 1  # awaitify: ignore\nb = 2\n',
      'x = 1\nBREAK\n',
      'x = 1  # THROW\n',
      's = "🐍"\na = 1\n',
    ];
    write(`${pkg}/m${i}.py`, shapes[i % shapes.length] as string);
  }
  write('bad/latin1.py', Buffer.from([0x61, 0x3d, 0xe9, 0x0a]));
  write('bad/huge.py', `a = 1\n${'#'.repeat(3000)}\n`);
  write('bad/empty.py', '');
  return dir;
}

async function run(
  dir: string,
  transforms: Transform<SgRoot>[],
  jobs: number | null,
  part?: string,
  memory?: { limits: ParallelOptions['memory']; told: (choice: ThreadChoice) => void },
  onReport?: (report: FileReport) => void,
  heapLimitMb?: number,
): Promise<RunReport> {
  return runProject({
    paths: part === undefined ? ['.'] : [part],
    ...(part === undefined ? {} : { projectRoot: dir }),
    cwd: dir,
    exclude: [],
    language: pythonLanguage,
    transforms,
    transformOptions: DEFAULT_TRANSFORM_OPTIONS,
    annotate: false,
    maxFileSize: 2000,
    parallel:
      jobs === null
        ? undefined
        : { jobs, plugin: PLUGIN, minFilesPerWorker: 1, ...(memory ? { memory: memory.limits } : {}), ...(heapLimitMb === undefined ? {} : { heapLimitMb }) },
    ...(memory ? { onThreads: memory.told } : {}),
    ...(onReport ? { onReport } : {}),
  });
}

function statuses(report: RunReport): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const file of report.files) counts[file.status] = (counts[file.status] ?? 0) + 1;
  return counts;
}

describe('worker threads', () => {
  const dir = project();

  test('work leaves the main thread when jobs > 1', async () => {
    const report = await run(dir, [threadProbe], 2);
    const threads = new Set(report.files.flatMap((f) => (f.status === 'unchanged' ? Object.keys(f.counts) : [])));
    expect(threads.size).toBeGreaterThan(0);
    expect(threads.has('thread 0')).toBe(false);
  });

  test('the default thread count is fitted to free memory; an explicit one is only reported', async () => {
    const bytes = fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.py'))
      .reduce((sum, e) => sum + fs.statSync(path.join(e.parentPath, e.name)).size, 0);
    // Each thread "needs" ten times the source: two fit in 25x, one in 15x.
    const perThread = (sourceBytes: number) => 10 * sourceBytes;
    const attempt = async (available: number, fit: boolean) => {
      const choices: ThreadChoice[] = [];
      const report = await run(dir, [threadProbe], 2, undefined, { limits: { perThread, available, fit }, told: (c) => choices.push(c) });
      // One thread is this thread (no worker ran).
      return { choices, onMain: report.files.some((f) => f.status === 'unchanged' && 'thread 0' in f.counts) };
    };
    expect(await attempt(25 * bytes, true)).toEqual({
      choices: [{ requested: 2, used: 2, memory: { sourceBytes: bytes, perThread: 10 * bytes, available: 25 * bytes, limited: false } }],
      onMain: false,
    });
    const tight = await attempt(15 * bytes, true);
    expect(tight.choices).toMatchObject([{ requested: 2, used: 1, memory: { limited: true } }]);
    expect(tight.onMain).toBe(true);
    const told = await attempt(15 * bytes, false);
    expect(told.choices).toMatchObject([{ requested: 2, used: 2, memory: { limited: false } }]);
    expect(told.onMain).toBe(false);
  });

  test('two segments with an index in between: the same report as in-process', async () => {
    const transforms = [marker, seen, tail];
    const here = await run(dir, transforms, null);
    const workers = await run(dir, transforms, 2);
    // The project exercises every outcome, so the comparison below means something.
    expect(statuses(here)).toEqual({ changed: expect.any(Number), unchanged: expect.any(Number), skipped: expect.any(Number), error: expect.any(Number) });
    expect(here.files.some((f) => f.status === 'changed' && f.findings.length > 0)).toBe(true);
    expect(here.files.some((f) => f.status === 'changed' && f.after.includes('# seen: ') && f.after.split(',').length > 10)).toBe(true);
    expect(workers).toEqual(here);
    for (const file of workers.files) if (file.status === 'changed') expect(Buffer.isBuffer(file.output)).toBe(true);
  });

  test('an index first in the preset, and more workers than needed', async () => {
    const transforms = [seen, marker];
    expect(await run(dir, transforms, 5)).toEqual(await run(dir, transforms, null));
  });

  test('a run on part of the project: the whole run\'s reports for that part, in both modes', async () => {
    const transforms = [marker, seen, tail];
    const whole = await run(dir, transforms, null);
    const here = await run(dir, transforms, null, 'pkg3');
    const inPart = whole.files.filter((f) => f.path.startsWith('pkg3/'));
    // `seen` writes what the index gathered from every file: the part's outputs depend on files outside it.
    expect(inPart.some((f) => f.status === 'changed' && f.after.includes('# seen: ') && f.after.includes('pkg0/'))).toBe(true);
    expect(here.files).toEqual(inPart);
    expect(here.context).toEqual({
      root: dir,
      indexed: whole.files.filter((f) => !f.path.startsWith('pkg3/')).length,
      wouldChange: whole.files.filter((f) => f.status === 'changed' && !f.path.startsWith('pkg3/')).map((f) => f.path),
    });
    expect(await run(dir, transforms, 2, 'pkg3')).toEqual(here);
  });

  test('onReport hands over each reported file once, the report\'s own objects, and no file read only for the index', async () => {
    const transforms = [marker, seen, tail];
    for (const jobs of [null, 2]) {
      for (const part of [undefined, 'pkg3']) {
        const told: FileReport[] = [];
        const report = await run(dir, transforms, jobs, part, undefined, (file) => told.push(file));
        // This project has no discovery problems: every file of the report went through the pipeline.
        expect(told).toHaveLength(report.files.length);
        const objects = new Set<FileReport>(report.files);
        expect(told.every((file) => objects.has(file))).toBe(true);
        expect(new Set(told).size).toBe(told.length);
        if (part !== undefined) expect(told.every((file) => file.path.startsWith('pkg3/'))).toBe(true);
        // The changed ones carry their output as a Buffer already (what a caller diffing them needs).
        for (const file of told) if (file.status === 'changed') expect(Buffer.isBuffer(file.output)).toBe(true);
      }
    }
  });

  test('a summarize failure fails the waiting files alike, naming the same file-order error', async () => {
    const fragile = project();
    fs.writeFileSync(path.join(fragile, 'pkg3', 'zz.py'), 'b = 2  # NOSUMMARY late\n');
    fs.writeFileSync(path.join(fragile, 'pkg0', 'aa.py'), 'b = 2  # NOSUMMARY early\n');
    const transforms = [marker, seenFragile, tail];
    const here = await run(fragile, transforms, null);
    expect(here.files.filter((f) => f.status === 'error' && f.transform === 'seen-fragile').length).toBeGreaterThan(10);
    expect(here.files.find((f) => f.status === 'error' && f.transform === 'seen-fragile')).toMatchObject({ message: expect.stringContaining('pkg0/aa.py') });
    expect(await run(fragile, transforms, 2)).toEqual(here);
  });

  test("a thread expected to need more than V8's heap cap gets its share of the free memory; one expected to fit keeps the cap", async () => {
    const cap = defaultHeapLimitMb();
    const limits = async (perThread: number): Promise<number[]> => {
      const report = await run(dir, [heapProbe], 2, undefined, { limits: { perThread: () => perThread, available: 40 * 2 ** 30, fit: false }, told: () => undefined });
      const found = new Set(report.files.flatMap((f) => (f.status === 'unchanged' ? Object.keys(f.counts).map((k) => Number(k.split(' ')[1])) : [])));
      return [...found];
    };
    // 80% of 40 GiB over two threads: 16,384 MiB of old generation each (V8 adds the young generation to what it reports).
    const raised = await limits(2 * cap * 2 ** 20);
    expect(raised.length).toBe(1);
    expect(raised[0]).toBeGreaterThanOrEqual(16_384);
    expect(raised[0]).toBeLessThan(16_384 + 256);
    expect(await limits(cap * 2 ** 20)).toEqual([cap]);
  });

  test('a worker that runs out of memory fails the run as that, naming the limit it was given', async () => {
    const hungry = project();
    fs.writeFileSync(path.join(hungry, 'pkg1', 'big.py'), 'x = 1  # HOG\n');
    const failure = await run(hungry, [hog], 2, undefined, undefined, undefined, 320).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkerOutOfMemory);
    expect((failure as WorkerOutOfMemory).heapLimitMb).toBe(320);
    expect((failure as Error).message).toBe('a worker thread ran out of memory (its heap limit: 320 MiB)');
  });

  test('transforms that are not the plugin\'s own are refused, not silently replaced', async () => {
    const impostor: Transform<SgRoot> = { ...marker };
    await expect(run(dir, [impostor], 2)).rejects.toThrow(/not the one/);
  });
});
