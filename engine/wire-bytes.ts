// A batch of summaries as bytes in shared memory, serialized in chunks of a few entries.
//
// Why chunks: while `v8.serialize` runs, its serializer registers every object written so far with the heap
// as a root, and keeps them registered until the serializer itself is collected. A serializer that lives
// through two scavenges (young-generation collections: a large batch allocates enough while it is written)
// is moved to the old generation, where only a full collection frees it; until then every scavenge visits
// every object of the batch again. `v8.deserialize` likewise keeps the objects it has made so far as roots
// while it runs. Both grow with the project, and so does the number of scavenges, so one serialize per batch
// made scavenges cost quadratic time: at 20,000 files, 37 ms of roots per scavenge for half a minute after
// the largest batch; at 30,000, roots were over half of all scavenge time (docs/performance.md, "Twelfth
// session"). A chunk of a few entries is written and read between two scavenges, so its serializer dies young
// and what any scavenge visits is at most a chunk.
//
// Layout (little-endian): batch number (u32), chunk count n (u32), n chunk lengths (u32), then the n chunks,
// each the `v8.serialize` bytes of an array of whole entries, in order. Objects two chunks share arrive as one
// copy per chunk; engine/summary-wire.ts numbers objects per entry so that both ends still agree.

import { deserialize, serialize } from 'node:v8';
import type { WireBatch, WireEntry } from './summary-wire';

/**
 * Entries per chunk. 32 of propagate-async's summaries, the largest, are about 0.6 MB serialized on the
 * benchmark's tree (a worker's batch was 45.2 MB for 2,500 files at 5k): far below the 16 MB young
 * generation a scavenge empties, and few enough calls that their overhead does not show.
 */
export const ENTRIES_PER_CHUNK = 32;

export function batchToBytes(batch: WireBatch, entriesPerChunk = ENTRIES_PER_CHUNK): SharedArrayBuffer {
  if (!Number.isInteger(entriesPerChunk) || entriesPerChunk < 1) throw new Error(`entries per chunk must be a positive integer, not ${entriesPerChunk}`);
  const chunks: Buffer[] = [];
  for (let i = 0; i < batch.entries.length; i += entriesPerChunk) chunks.push(serialize(batch.entries.slice(i, i + entriesPerChunk)));
  const header = 4 * (2 + chunks.length);
  const shared = new SharedArrayBuffer(header + chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  const view = new DataView(shared);
  view.setUint32(0, batch.batch, true);
  view.setUint32(4, chunks.length, true);
  const bytes = new Uint8Array(shared);
  let offset = header;
  chunks.forEach((chunk, k) => {
    view.setUint32(8 + 4 * k, chunk.byteLength, true);
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  });
  return shared;
}

export function bytesToBatch(shared: SharedArrayBuffer): WireBatch {
  const view = new DataView(shared);
  const fail = (why: string): never => {
    throw new Error(`worker protocol: summary bytes ${why}`);
  };
  if (shared.byteLength < 8) fail(`too short (${shared.byteLength} bytes)`);
  const batch = view.getUint32(0, true);
  const count = view.getUint32(4, true);
  const header = 4 * (2 + count);
  if (shared.byteLength < header) fail(`end inside the header of ${count} chunks`);
  const entries: WireEntry[] = [];
  let offset = header;
  for (let k = 0; k < count; k++) {
    const length = view.getUint32(8 + 4 * k, true);
    if (offset + length > shared.byteLength) fail(`end inside chunk ${k}`);
    const chunk = deserialize(new Uint8Array(shared, offset, length)) as unknown;
    if (!Array.isArray(chunk)) fail(`chunk ${k} is not a list of entries`);
    for (const entry of chunk as WireEntry[]) entries.push(entry);
    offset += length;
  }
  if (offset !== shared.byteLength) fail(`carry ${shared.byteLength - offset} bytes after the last chunk`);
  return { batch, entries };
}
