// Summaries between worker threads without sending again what the receiver already has.
//
// Several indexes of a run summarize the same module (a frontend may reuse one file's summary, or part of it,
// for every index while the file's text stays the same), and every worker reads every other worker's
// summaries. Sent as they are, those unchanged parts are serialized and deserialized once per index. Here a
// sender remembers the objects of its previous batch (each entry's summary and the summary's direct
// properties); when the next batch holds one of those very objects, it travels as its number in that batch,
// and each receiver puts back the copy it decoded from that batch. Only identity is used, never content, so
// nothing is shared that the sender did not share.
//
// Both ends number a batch's objects the same way: entry by entry in order, the summary and then its own
// property values in key order, each object at its first appearance. A receiver must decode every batch of a
// sender, in order, for the numbers to agree.

import type { SummaryEntry } from './work';

/** A summary entry on the wire: `ref` when the whole summary was in the previous batch, `refs` for properties that were. */
export interface WireEntry {
  order: number;
  path: string;
  summary: unknown;
  ref?: number;
  refs?: [string, number][];
}

/** One batch: `batch` counts the sender's batches from 0; its references are to batch `batch - 1`. */
export interface WireBatch {
  batch: number;
  entries: WireEntry[];
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

/** Calls `visit` on the objects of an entry in numbering order (duplicates included; the caller skips them). */
function eachObject(summary: unknown, visit: (object: object) => void): void {
  if (!isObject(summary)) return;
  visit(summary);
  if (Array.isArray(summary)) return;
  for (const key of Object.keys(summary)) {
    const value = (summary as Record<string, unknown>)[key];
    if (isObject(value)) visit(value);
  }
}

function numbering(entries: readonly { summary: unknown }[]): Map<object, number> {
  const ids = new Map<object, number>();
  const add = (object: object): void => {
    if (!ids.has(object)) ids.set(object, ids.size);
  };
  for (const entry of entries) eachObject(entry.summary, add);
  return ids;
}

/** One worker's side: what it sent last, to refer to. */
export class SummarySender {
  private previous = new Map<object, number>();
  private batch = 0;

  encode(entries: readonly SummaryEntry[]): WireBatch {
    const previous = this.previous;
    const wire = entries.map((entry): WireEntry => {
      const summary = entry.summary;
      if (!isObject(summary)) return { order: entry.order, path: entry.path, summary };
      const whole = previous.get(summary);
      if (whole !== undefined) return { order: entry.order, path: entry.path, summary: null, ref: whole };
      if (Array.isArray(summary)) return { order: entry.order, path: entry.path, summary };
      let copy: Record<string, unknown> | null = null;
      const refs: [string, number][] = [];
      for (const key of Object.keys(summary)) {
        const value = (summary as Record<string, unknown>)[key];
        const id = isObject(value) ? previous.get(value) : undefined;
        if (id === undefined) continue;
        // A copy keeps the key order (the receiver numbers by it); the original stays as the sender's own index reads it.
        copy ??= { ...(summary as Record<string, unknown>) };
        copy[key] = null;
        refs.push([key, id]);
      }
      return copy === null ? { order: entry.order, path: entry.path, summary } : { order: entry.order, path: entry.path, summary: copy, refs };
    });
    this.previous = numbering(entries);
    return { batch: this.batch++, entries: wire };
  }
}

/** A receiver's copy of one sender's previous batch. */
export class SummaryReceiver {
  private previous: object[] = [];
  private batch = -1;

  decode({ batch, entries: wire }: WireBatch): SummaryEntry[] {
    // A skipped batch would make the numbers point at the wrong objects: fail loudly instead.
    if (batch !== this.batch + 1) throw new Error(`worker protocol: summary batch ${batch} after batch ${this.batch}`);
    this.batch = batch;
    const resolve = (id: number): object => {
      const object = this.previous[id];
      if (object === undefined) throw new Error(`worker protocol: summary reference ${id} to an object not received`);
      return object;
    };
    const entries = wire.map((w): SummaryEntry => {
      let summary = w.summary;
      if (w.ref !== undefined) summary = resolve(w.ref);
      else if (w.refs !== undefined) {
        const record = summary as Record<string, unknown>;
        for (const [key, id] of w.refs) record[key] = resolve(id);
      }
      return { order: w.order, path: w.path, summary };
    });
    this.previous = [...numbering(entries).keys()];
    return entries;
  }
}
