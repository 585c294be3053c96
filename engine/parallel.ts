// runProject over worker threads. This thread only hands out files and gathers results; each worker
// owns the files it read until they leave the pipeline (their text stays where it was transformed),
// and every worker builds each index itself from the same summaries, in file-list order, so an index
// never has to cross threads and may hold class instances.

import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FromWorker, SerializedSummaries, ToWorker, WorkerSetup } from './protocol';
import type { ParallelOptions, RunOptions } from './run';
import type { EnginePlugin } from './types';
import { heapLimitFlagged } from './heap-limit';
import { FileReport, FileTask, indexFailure, splitSegments } from './work';

export async function runInWorkers<Tree>(
  tasks: FileTask[],
  options: RunOptions<Tree>,
  parallel: ParallelOptions,
  jobs: number,
  /** Each worker's old-generation limit in MiB; null: V8's. */
  heapLimitMb: number | null,
  progress: (count: number) => void,
  final: (report: FileReport) => void,
): Promise<FileReport[]> {
  checkPlugin(options, parallel.plugin);
  const setup: WorkerSetup = {
    plugin: parallel.plugin,
    transformIds: options.transforms.map((t) => t.id),
    transformOptions: options.transformOptions,
    annotate: options.annotate,
    maxFileSize: options.maxFileSize,
    keptTreeBytes: options.keptTreeBytes,
  };
  const reports: FileReport[] = [];
  const collect = (received: FileReport[]): void => {
    for (const report of received.map(withBuffer)) {
      reports.push(report);
      final(report);
    }
  };
  const pool = Array.from({ length: jobs }, () => new Channel(setup, heapLimitMb, progress, collect));
  try {
    const segments = splitSegments(options.transforms);
    // Small batches handed out on demand keep both threads busy to the end; files stay with the worker that read them.
    const batch = Math.max(1, Math.min(32, Math.ceil(tasks.length / (jobs * 8))));
    let next = 0;
    await Promise.all(
      pool.map(async (channel) => {
        while (next < tasks.length) {
          const chunk = tasks.slice(next, next + batch);
          next += chunk.length;
          await channel.request({ type: 'intake', tasks: chunk });
        }
      }),
    );
    for (const [i, segment] of segments.entries()) {
      if (i === 0 && !segment.indexer) continue;
      // The only reference to the gathered summaries on this thread (one batch per worker, in pool order), dropped once they are posted.
      let summaries: SharedArrayBuffer[] | { failure: { order: number; message: string } } | null = segment.indexer ? await gatherSummaries(pool) : null;
      if (summaries !== null && 'failure' in summaries) {
        const message = indexFailure(segment.indexer!, summaries.failure.message);
        await Promise.all(pool.map((channel) => channel.request({ type: 'fail', transform: segment.owner ?? segment.indexer!.id, message })));
        break;
      }
      // (A failure has left the loop.)
      const pending = postSegment(pool, i, summaries as SharedArrayBuffer[] | null);
      // The workers hold the shared bytes until they have read them; this thread need not.
      summaries = null;
      const results = await Promise.all(pending);
      // Builds are deterministic, so every worker with files waiting failed alike; nothing is left to run.
      if (results.some((failed) => failed)) break;
    }
  } finally {
    await Promise.all(pool.map((channel) => channel.close()));
  }
  return reports;
}

/**
 * Every worker's serialized summaries, one batch per worker in pool order (each worker puts the entries in
 * file-list order when it builds the index), or the failure the in-process run would meet first (the
 * earliest file in the list).
 */
async function gatherSummaries(pool: Channel[]): Promise<SharedArrayBuffer[] | { failure: { order: number; message: string } }> {
  const gathered = await Promise.all(pool.map((channel) => channel.summaries()));
  const failures = gathered.flatMap((s) => ('failure' in s ? [s.failure] : []));
  if (failures.length > 0) return { failure: failures.reduce((a, b) => (b.order < a.order ? b : a)) };
  return gathered.map((s) => (s as { bytes: SharedArrayBuffer }).bytes);
}

/**
 * Sends segment `segment` to every worker, each with the other workers' batches: it kept its own entries when
 * it sent them. (A function of its own so that nothing on this thread keeps the batches once they are posted.)
 */
function postSegment(pool: Channel[], segment: number, batches: SharedArrayBuffer[] | null): Promise<boolean>[] {
  return pool.map((channel, k) =>
    channel.request({
      type: 'segment',
      segment,
      summaries: batches === null ? null : batches.flatMap((bytes, from) => (from === k ? [] : [{ from, bytes }])),
    }),
  );
}

/** Workers find transforms by id in the plugin: running anything else here would silently differ from what was asked. */
function checkPlugin<Tree>(options: RunOptions<Tree>, pluginPath: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const plugin = (require(pluginPath) as { plugin?: EnginePlugin<Tree> }).plugin;
  if (!plugin) throw new Error(`${pluginPath} exports no \`plugin\``);
  if (plugin.language !== options.language) throw new Error(`worker threads use the language of ${pluginPath}, not the one given; run with one job`);
  const known = plugin.transforms();
  for (const transform of options.transforms) {
    if (known.find((t) => t.id === transform.id) !== transform) {
      throw new Error(`transform ${transform.id} is not the one ${pluginPath} provides; worker threads load transforms by id, so run with one job`);
    }
  }
}

/** structured clone turns a Buffer into a plain Uint8Array. */
function withBuffer(report: FileReport): FileReport {
  if (report.status !== 'changed' || Buffer.isBuffer(report.output)) return report;
  const bytes = report.output as Uint8Array;
  return { ...report, output: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

/** A worker thread reached its heap limit (`heapLimitMb`, null when not known): the run cannot finish as it was set up. */
export class WorkerOutOfMemory extends Error {
  constructor(readonly heapLimitMb: number | null) {
    super(`a worker thread ran out of memory${heapLimitMb === null ? '' : ` (its heap limit: ${heapLimitMb} MiB)`}`);
    this.name = 'WorkerOutOfMemory';
  }
}

/** One worker, one request at a time. */
class Channel {
  private readonly worker: Worker;
  private pending: { resolve: (message: FromWorker) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor(setup: WorkerSetup, heapLimitMb: number | null, progress: (count: number) => void, collect: (reports: FileReport[]) => void) {
    this.worker = startWorker(setup, heapLimitMb);
    this.worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') {
        collect(message.reports);
        progress(message.count);
        return;
      }
      if (message.type === 'done') collect(message.reports);
      const pending = this.pending;
      this.pending = null;
      pending?.resolve(message);
    });
    this.worker.on('error', (error: NodeJS.ErrnoException) =>
      // The limit is the one asked for, unless --max-old-space-size set every thread's.
      this.fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WorkerOutOfMemory(heapLimitFlagged() ? null : heapLimitMb) : error),
    );
    this.worker.on('exit', (code) => this.fail(new Error(`a worker thread stopped unexpectedly (exit code ${code})`)));
  }

  /**
   * Resolves true when the worker's index build failed. Not an async function: a suspended one keeps its
   * arguments, and a segment's message carries every summary of the project until the worker is done.
   */
  request(message: ToWorker): Promise<boolean> {
    return this.send(message).then((reply) => reply.type === 'done' && reply.indexFailed);
  }

  async summaries(): Promise<SerializedSummaries> {
    const reply = await this.send({ type: 'summaries' });
    if (reply.type !== 'summaries') throw new Error('worker protocol: expected summaries');
    return reply.summaries;
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private send(message: ToWorker): Promise<FromWorker> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(message);
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const pending = this.pending;
    this.pending = null;
    pending?.reject(this.failure);
  }
}

function startWorker(setup: WorkerSetup, heapLimitMb: number | null): Worker {
  const entry = path.join(__dirname, `worker${path.extname(__filename)}`);
  const limits = heapLimitMb === null ? {} : { resourceLimits: { maxOldGenerationSizeMb: heapLimitMb } };
  if (!entry.endsWith('.ts')) return new Worker(entry, { workerData: setup, ...limits });
  // Running from TypeScript sources (the test suite under ts-jest): compile modules as the worker loads them.
  const typescript = require.resolve('typescript');
  const hook = `
    const ts = require(${JSON.stringify(typescript)});
    const fs = require('node:fs');
    require.extensions['.ts'] = (module, filename) => {
      const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
        fileName: filename,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      });
      module._compile(outputText, filename);
    };
    require(${JSON.stringify(entry)});
  `;
  return new Worker(hook, { eval: true, workerData: setup, ...limits });
}
