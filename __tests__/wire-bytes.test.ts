// A batch of summaries as chunked bytes (engine/wire-bytes.ts), and the numbering of engine/summary-wire.ts
// across chunks.
import { serialize } from 'node:v8';
import { SummaryReceiver, SummarySender, type WireBatch } from '../engine/summary-wire';
import { batchToBytes, bytesToBatch } from '../engine/wire-bytes';
import type { SummaryEntry } from '../engine/work';

const entry = (order: number, summary: unknown): SummaryEntry => ({ order, path: `m${order}.py`, summary });

describe('chunked batch bytes', () => {
  const batch: WireBatch = {
    batch: 7,
    entries: Array.from({ length: 5 }, (_, i) => ({ order: i, path: `m${i}.py`, summary: { calls: [{ text: `f${i}`, start: i }] } })),
  };

  test.each([1, 2, 5, 32])('%i entries per chunk: the same batch comes back', (perChunk) => {
    const bytes = batchToBytes(batch, perChunk);
    expect(new DataView(bytes).getUint32(4, true)).toBe(Math.ceil(5 / perChunk));
    expect(bytesToBatch(bytes)).toEqual(batch);
  });

  test('an empty batch is a header alone', () => {
    const bytes = batchToBytes({ batch: 0, entries: [] });
    expect(bytes.byteLength).toBe(8);
    expect(bytesToBatch(bytes)).toEqual({ batch: 0, entries: [] });
  });

  test('bytes that are not a whole batch fail instead of decoding part of one', () => {
    const whole = new Uint8Array(batchToBytes(batch, 2));
    const copy = (bytes: Uint8Array): SharedArrayBuffer => {
      const shared = new SharedArrayBuffer(bytes.byteLength);
      new Uint8Array(shared).set(bytes);
      return shared;
    };
    expect(() => bytesToBatch(copy(whole.subarray(0, 4)))).toThrow(/too short/);
    expect(() => bytesToBatch(copy(whole.subarray(0, 12)))).toThrow(/inside the header/);
    expect(() => bytesToBatch(copy(whole.subarray(0, whole.byteLength - 1)))).toThrow(/inside chunk 2/);
    const longer = new Uint8Array(whole.byteLength + 3);
    longer.set(whole);
    expect(() => bytesToBatch(copy(longer))).toThrow(/3 bytes after the last chunk/);
    // A chunk that is not a list of entries.
    const odd = serialize({ not: 'a list' });
    const header = new Uint8Array(12);
    new DataView(header.buffer).setUint32(4, 1, true);
    new DataView(header.buffer).setUint32(8, odd.byteLength, true);
    expect(() => bytesToBatch(copy(Buffer.concat([header, odd])))).toThrow(/chunk 0 is not a list/);
  });

  test('a positive whole number of entries per chunk, or an error', () => {
    expect(() => batchToBytes(batch, 0)).toThrow(/positive integer/);
    expect(() => batchToBytes(batch, 1.5)).toThrow(/positive integer/);
  });
});

describe('references into a batch that crossed in chunks', () => {
  // Two entries share an object; with one entry per chunk the receiver gets a copy of it per entry. The
  // next batch refers to an object after the shared one: both ends must give it the same number.
  const shared = { fixtures: ['db'] };
  const other = { models: ['User'] };
  const first = [entry(0, { tests: shared }), entry(1, { tests: shared, more: other })];
  const second = [entry(0, { again: other }), entry(1, { alsoShared: shared })];

  test.each([1, 32])('%i entries per chunk: every reference comes back as an object equal to the one sent', (perChunk) => {
    const sender = new SummarySender();
    const receiver = new SummaryReceiver();
    const send = (entries: SummaryEntry[]): SummaryEntry[] => receiver.decode(bytesToBatch(batchToBytes(sender.encode(entries), perChunk)));
    const decodedFirst = send(first);
    const wire = sender.encode(second);
    // (Both properties travel as numbers.)
    expect(wire.entries.map((e) => e.refs?.length)).toEqual([1, 1]);
    const decodedSecond = receiver.decode(bytesToBatch(batchToBytes(wire, perChunk)));
    expect(decodedFirst).toEqual(first);
    expect(decodedSecond).toEqual(second);
    // The copies received with the first batch are put back, not new ones.
    expect((decodedSecond[0]?.summary as { again: unknown }).again).toBe((decodedFirst[1]?.summary as { more: unknown }).more);
    expect((decodedSecond[1]?.summary as { alsoShared: unknown }).alsoShared).toBe((decodedFirst[0]?.summary as { tests: unknown }).tests);
  });
});
