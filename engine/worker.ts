// A worker thread of runProject (see engine/parallel.ts): the same FileWork as the in-process path,
// driven by messages.

import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, SerializedSummaries, ToWorker, WorkerSetup } from './protocol';
import { cached } from './cached';
import { OwnStrings, StringTable, SummaryReceiver, SummarySender } from './summary-wire';
import { batchToBytes, bytesToBatch } from './wire-bytes';
import type { EnginePlugin, Transform } from './types';
import { FileWork, Segment, splitSegments, SummaryEntry } from './work';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (port === null) throw new Error('engine/worker runs as a worker thread only');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugin = (require(setup.plugin) as { plugin: EnginePlugin<unknown> }).plugin;
const available = plugin.transforms();
const transforms = setup.transformIds.map((id) => {
  const found = available.find((t) => t.id === id);
  if (!found) throw new Error(`no transform ${id} in ${setup.plugin}`);
  return found;
}) as Transform<unknown>[];
const segments: Segment<unknown>[] = splitSegments(transforms);
const work = new FileWork({
  language: plugin.language,
  segments,
  transformOptions: setup.transformOptions,
  annotate: setup.annotate,
  maxFileSize: setup.maxFileSize,
  keptTreeBytes: setup.keptTreeBytes,
});

const send = (message: FromWorker): void => port.postMessage(message);

let unreported = 0;
let ticks = 0;
const tick = async (): Promise<void> => {
  if (++unreported === 16) {
    send({ type: 'progress', count: unreported, reports: work.drainReports() });
    unreported = 0;
  }
  // Native trees are released only when the event loop turns.
  if (++ticks % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
};
const done = (indexFailed = false): void => {
  if (unreported > 0) send({ type: 'progress', count: unreported, reports: [] });
  unreported = 0;
  send({ type: 'done', reports: work.drainReports(), indexFailed });
};

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'intake':
      for (const task of message.tasks) {
        work.intake(task);
        await tick();
      }
      done();
      return;
    case 'summaries':
      send({ type: 'summaries', summaries: serializeSummaries() });
      return;
    case 'fail':
      ownEntries = [];
      work.failLive(message.transform, message.message);
      done();
      return;
    case 'segment': {
      const segment = segments[message.segment] as Segment<unknown>;
      // Decoded even when no file waits for them: the next batches may refer to these.
      const entries = message.summaries === null ? null : takeSummaries(message);
      let index: unknown;
      if (segment.indexer && entries !== null && work.waiting > 0) {
        const built = work.buildIndex({ entries }, segment.indexer);
        if ('error' in built) {
          work.failLive(segment.owner ?? segment.indexer.id, built.error);
          done(true);
          return;
        }
        index = built.index;
      }
      // (Read above, or not needed: no file of this worker is waiting.)
      ownEntries = [];
      await work.runSegment(message.segment, index, tick);
      done();
      return;
    }
  }
}

/**
 * This worker's summaries for the next index, kept as they are from the `summaries` request to the segment
 * that builds the index: the other workers read them from bytes, this one need not.
 */
let ownEntries: SummaryEntry[] = [];

/** This worker's summaries as bytes in shared memory, which the coordinator hands to the other workers without copying. */
function serializeSummaries(): SerializedSummaries {
  const taken = work.takeSummaries();
  if ('failure' in taken) {
    ownEntries = [];
    return taken;
  }
  ownEntries = taken.entries;
  for (const entry of taken.entries) ownStrings.intern(entry.summary);
  return { bytes: batchToBytes(sender.encode(taken.entries)) };
}

/**
 * The segment's summaries: this worker's own, and the others' read from the shared bytes. The message lives
 * until the segment is done; the bytes are read once and need not, so the message lets go of them.
 */
function takeSummaries(message: Extract<ToWorker, { type: 'segment' }>): SummaryEntry[] {
  const batches = message.summaries ?? [];
  message.summaries = null;
  const own = ownEntries;
  ownEntries = [];
  return [...own, ...batches.flatMap(({ from, bytes }) => receiverOf(from).decode(bytesToBatch(bytes)))];
}

/** Summaries leave this worker through one sender, which refers to what it sent before (engine/summary-wire.ts). */
const sender = new SummarySender();
/** One receiver per other worker, which keeps that worker's previous batch; one copy of each string for all of them and this worker's own. */
const receivers = new Map<number, SummaryReceiver>();
const strings = new StringTable();
const ownStrings = new OwnStrings(strings);
function receiverOf(from: number): SummaryReceiver {
  return cached(receivers, from, () => new SummaryReceiver(strings));
}

// The language may still be loading its parser when the first message arrives.
const ready = plugin.language.ready?.() ?? Promise.resolve();

// One request at a time: the coordinator waits for each reply before sending the next.
port.on('message', (message: ToWorker) => {
  ready.then(() => handle(message)).catch((error: unknown) => {
    // Surfaces as the worker's 'error' event in the coordinator, which fails the run as an in-process throw would.
    setImmediate(() => {
      throw error;
    });
  });
});
