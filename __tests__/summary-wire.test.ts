// Summaries between worker threads (engine/summary-wire.ts): what a sender sent in its previous batch travels
// as a number, and the receiver puts back its own copy of it.
import { deserialize, getHeapStatistics, serialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { OwnStrings, StringTable, SummaryReceiver, SummarySender, type WireBatch } from '../engine/summary-wire';
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

describe('one copy of each string', () => {
  test('decoded batches keep their content; the table holds each distinct string once, across batches and senders', () => {
    const strings = new StringTable();
    const fromA = new SummaryReceiver(strings);
    const fromB = new SummaryReceiver(strings);
    const a = moduleSummary('a');
    const b = moduleSummary('b');
    const batchA = [{ order: 0, path: 'a.py', summary: { module: a, calls: [['db.execute', a]] } }];
    const batchB = [{ order: 1, path: 'b.py', summary: b }];
    const decodedA = fromA.decode(send(new SummarySender(), batchA));
    const decodedB = fromB.decode(send(new SummarySender(), batchB));
    expect(decodedA).toEqual(batchA);
    expect(decodedB).toEqual(batchB);
    // 'a.py', 'get', 'db.execute' from A, then only 'b.py' is new from B.
    expect(strings.size).toBe(4);
  });

  test("a worker's own summaries may hold frozen objects: those are left as they are", () => {
    const strings = new StringTable();
    const own = { path: 'a.py', imports: Object.freeze({ from: 'app.models' }), names: ['User', 'User'] };
    strings.internWithin(own);
    expect(own).toEqual({ path: 'a.py', imports: { from: 'app.models' }, names: ['User', 'User'] });
    expect(strings.size).toBe(2);
  });

  test("a worker's own summaries are walked once: a module summary inside the next index's summary is not walked again", () => {
    const strings = new StringTable();
    const own = new OwnStrings(strings);
    const a = moduleSummary('a');
    own.intern(a);
    expect(strings.size).toBe(3); // 'a.py', 'get', 'db.execute'
    // Changed after it was walked (summaries never are): the change shows the second walk skipped it.
    a.functions.push({ name: 'unseen', calls: [] });
    own.intern({ base: a, tests: { fixtures: ['client'] } });
    expect(strings.size).toBe(4); // 'client'
  });

  test('a string repeated across a decoded batch is held once: the copies v8.deserialize made are garbage', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const used = (): number => {
      gc();
      return getHeapStatistics().used_heap_size;
    };
    // 2,000 copies of a 10 kB string: 20 MB as v8.deserialize makes them, 10 kB shared.
    const text = 'x'.repeat(10_000);
    const wire = send(new SummarySender(), [{ order: 0, path: 'a.py', summary: { calls: Array.from({ length: 2_000 }, (_, i) => ({ start: i, text })) } }]);
    const receiver = new SummaryReceiver();
    const before = used();
    const decoded = receiver.decode(wire);
    const after = used();
    expect((decoded[0]?.summary as { calls: { text: string }[] }).calls.every((c) => c.text === text)).toBe(true);
    // Decoding works in place on the batch v8.deserialize made, so its 2,000 copies are freed.
    expect(before - after).toBeGreaterThan(15_000_000);
  });
});
