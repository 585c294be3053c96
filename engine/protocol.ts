// Messages between runProject's coordinator (engine/parallel.ts) and its worker threads (engine/worker.ts).
// Everything here crosses threads by structured clone: plain data only. Index summaries travel as
// SerializedSummaries: bytes in shared memory that the coordinator passes on without reading.

import type { TransformOptions } from './types';
import type { FileReport, FileTask } from './work';

export interface WorkerSetup {
  /** Module exporting `plugin: EnginePlugin`. */
  plugin: string;
  /** The transforms to run, in order, by id. */
  transformIds: string[];
  transformOptions: TransformOptions;
  annotate: boolean;
  maxFileSize: number;
  keptTreeBytes?: number;
}

export type ToWorker =
  /** Read these files and run the first segment on them (unless it waits for its index). */
  | { type: 'intake'; tasks: FileTask[] }
  /** Send the summaries gathered for the next segment's index. */
  | { type: 'summaries' }
  /**
   * Run segment `segment` on the waiting files; `summaries` when it has an index to build: every other
   * worker's batch (a worker keeps its own entries from the `summaries` request, so it never reads its own bytes).
   * A worker decodes every batch it is sent, even with no file waiting: a batch may refer to objects of the
   * same sender's previous one (engine/summary-wire.ts).
   */
  | { type: 'segment'; segment: number; summaries: SummaryBatch[] | null }
  /** The index cannot be built: fail every waiting file with this error. */
  | { type: 'fail'; transform: string; message: string };

export type FromWorker =
  /**
   * `count` more files done with their current segment; `reports` of the files that left the pipeline since the
   * last message. Sent as files finish, not all at the end: holding them until the last one would keep every
   * report twice (the worker's and the message's copy) at the moment the worker's index is largest.
   */
  | { type: 'progress'; count: number; reports: FileReport[] }
  /** The last request is done; `indexFailed` when the worker's own build of the index threw. */
  | { type: 'done'; reports: FileReport[]; indexFailed: boolean }
  | { type: 'summaries'; summaries: SerializedSummaries };

/** Another worker's serialized summaries, and which worker (its place in the pool) sent them. */
export interface SummaryBatch {
  from: number;
  bytes: SharedArrayBuffer;
}

/**
 * One worker's summaries for the next index: its batch as engine/wire-bytes.ts lays it out (the coordinator
 * never deserializes it, and every worker reads the same bytes), or its first failure.
 */
export type SerializedSummaries = { bytes: SharedArrayBuffer } | { failure: { order: number; message: string } };
