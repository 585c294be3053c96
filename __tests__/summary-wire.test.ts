// Summaries between worker threads (engine/summary-wire.ts): what a sender sent in its previous batch travels
// as a number, and the receiver puts back its own copy of it.
import { deserialize, serialize } from 'node:v8';
import { SummaryReceiver, SummarySender, type WireBatch } from '../engine/summary-wire';
import type { SummaryEntry } from '../engine/work';

/** Through bytes, as between threads. */
const send = (sender: SummarySender, entries: SummaryEntry[]): WireBatch => deserialize(serialize(sender.encode(entries))) as WireBatch;

const moduleSummary = (name: string) => ({ path: `${name}.py`, functions: [{ name: 'get', calls: [{ text: 'db.execute' }] }] });

describe('summary batches', () => {
  const a = moduleSummary('a');
  const b = moduleSummary('b');
  const tests = { fixtures: ['db'] };
  const batches: SummaryEntry[][] = [
    // As one index: each summary is a module summary.
    [
      { order: 0, path: 'a.py', summary: a },
      { order: 1, path: 'b.py', summary: b },
    ],
    // The next index: the same module summaries inside new ones, and a new one for b (its text changed).
    [
      { order: 0, path: 'a.py', summary: { base: a, tests } },
      { order: 1, path: 'b.py', summary: { base: moduleSummary('b'), tests } },
    ],
    // And the next: a's again, under another key, and one summary sent whole again.
    [
      { order: 0, path: 'a.py', summary: { models: [], project: a } },
      { order: 1, path: 'b.py', summary: tests },
    ],
  ];

  test('every batch decodes to its entries; objects of the previous batch travel as numbers, and come back as the copies received then', () => {
    const sender = new SummarySender();
    const receiver = new SummaryReceiver();
    const wire = batches.map((entries) => send(sender, entries));
    // Batch 1 refers to a's module summary and to nothing of the new b's; batch 2 to a's again (a property in
    // batch 1) and to `tests`, which it sends whole. (Checked before decoding, which fills the references in.)
    expect(wire[1]?.entries[0]).toMatchObject({ summary: { base: null, tests: { fixtures: ['db'] } }, refs: [['base', 0]] });
    expect(wire[1]?.entries[1]?.refs).toBeUndefined();
    expect(wire[2]?.entries[0]?.refs).toEqual([['project', expect.any(Number)]]);
    expect(wire[2]?.entries[1]).toMatchObject({ summary: null, ref: expect.any(Number) });

    const decoded = wire.map((batch) => receiver.decode(batch));
    decoded.forEach((entries, i) => expect(entries).toEqual(batches[i]));
    const [first, second, third] = decoded as [SummaryEntry[], SummaryEntry[], SummaryEntry[]];
    expect((second[0]?.summary as { base: unknown }).base).toBe(first[0]?.summary);
    expect((second[1]?.summary as { base: unknown }).base).not.toBe(first[1]?.summary);
    // `tests` appears twice in batch 1: one object there, as in the sender.
    expect((second[0]?.summary as { tests: unknown }).tests).toBe((second[1]?.summary as { tests: unknown }).tests);

    expect((third[0]?.summary as { project: unknown }).project).toBe(first[0]?.summary);
    expect(third[1]?.summary).toBe((second[0]?.summary as { tests: unknown }).tests);
  });

  test('the sender leaves its summaries as they are', () => {
    const sender = new SummarySender();
    sender.encode(batches[0] as SummaryEntry[]);
    sender.encode(batches[1] as SummaryEntry[]);
    expect((batches[1]?.[0]?.summary as { base: unknown }).base).toBe(a);
  });

  test('only the same object is referred to, never an equal one', () => {
    const sender = new SummarySender();
    sender.encode([{ order: 0, path: 'a.py', summary: moduleSummary('a') }]);
    const next = sender.encode([{ order: 0, path: 'a.py', summary: { base: moduleSummary('a') } }]);
    expect(next.entries[0]?.refs).toBeUndefined();
    expect(next.entries[0]?.summary).toEqual({ base: moduleSummary('a') });
  });

  test('a batch decoded out of turn fails instead of resolving numbers against the wrong batch', () => {
    const sender = new SummarySender();
    const receiver = new SummaryReceiver();
    const wire = batches.map((entries) => send(sender, entries));
    receiver.decode(wire[0] as WireBatch);
    expect(() => receiver.decode(wire[2] as WireBatch)).toThrow(/batch 2 after batch 0/);
  });

  test('a number with nothing behind it fails', () => {
    const receiver = new SummaryReceiver();
    expect(() => receiver.decode({ batch: 0, entries: [{ order: 0, path: 'a.py', summary: null, ref: 3 }] })).toThrow(/reference 3/);
  });
});
