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
// property values in key order, each object at its first appearance within its entry. (Per entry, not per
// batch: a batch crosses threads in chunks of whole entries (engine/wire-bytes.ts), and an object two entries
// share arrives as one copy per chunk it is in, so only sharing inside an entry survives on the receiver's
// side for certain.) A receiver must decode every batch of a sender, in order, for the numbers to agree.

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

/** The objects of a batch in numbering order: an object two entries share is there once per entry. */
function numbering(entries: readonly { summary: unknown }[]): object[] {
  const objects: object[] = [];
  const inEntry = new Set<object>();
  const add = (object: object): void => {
    if (inEntry.has(object)) return;
    inEntry.add(object);
    objects.push(object);
  };
  for (const entry of entries) {
    inEntry.clear();
    eachObject(entry.summary, add);
  }
  return objects;
}

/** Each object's first number: what the next batch refers to it by. */
function firstNumbers(objects: readonly object[]): Map<object, number> {
  const ids = new Map<object, number>();
  objects.forEach((object, id) => {
    if (!ids.has(object)) ids.set(object, id);
  });
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
    this.previous = firstNumbers(numbering(entries));
    return { batch: this.batch++, entries: wire };
  }
}

/**
 * One copy of each string value the summaries of a run carry. `v8.deserialize` makes a new string for every
 * occurrence (the same `db`, `no` or `crud_user.get` tens of thousands of times), and every worker holds
 * every other worker's summaries while it builds an index: at 1k a worker held 18.5 MB of such copies beside
 * 46 MB of summaries (docs/performance.md, "Where a worker's memory is").
 */
export class StringTable {
  private readonly strings = new Map<string, string>();

  get size(): number {
    return this.strings.size;
  }

  intern(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }

  /**
   * Replaces, in place, every string in arrays and plain objects reachable from `value` by the table's copy
   * (equal text, so nothing a reader sees changes). Other objects (Map, typed arrays...) are left whole.
   */
  internWithin(value: unknown): void {
    if (!isPlain(value)) return;
    const seen = new Set<object>([value]);
    const stack: object[] = [value];
    const visit = (child: unknown): void => {
      if (isPlain(child) && !seen.has(child)) {
        seen.add(child);
        stack.push(child);
      }
    };
    // Written back only where a string is: a store of the same object would be wasted work.
    for (let object = stack.pop(); object !== undefined; object = stack.pop()) {
      if (Array.isArray(object)) {
        for (let i = 0; i < object.length; i++) {
          const child: unknown = object[i];
          if (typeof child === 'string') object[i] = this.intern(child);
          else visit(child);
        }
        continue;
      }
      const record = object as Record<string, unknown>;
      // for-in, not Object.keys: no array per object (a plain object has no enumerable inherited keys).
      for (const key in record) {
        const child = record[key];
        if (typeof child === 'string') record[key] = this.intern(child);
        else visit(child);
      }
    }
  }
}

/**
 * A worker's own summaries, interned through `strings` as they leave it. The same module summary is part of
 * several indexes' summaries (see the header), so a summary or direct property walked for one index is not
 * walked again for the next.
 */
export class OwnStrings {
  private readonly walked = new WeakSet<object>();

  constructor(private readonly strings: StringTable) {}

  intern(summary: unknown): void {
    if (!isPlain(summary) || this.walked.has(summary)) return;
    this.walked.add(summary);
    if (Array.isArray(summary)) {
      this.strings.internWithin(summary);
      return;
    }
    const record = summary as Record<string, unknown>;
    for (const key in record) {
      const value = record[key];
      if (typeof value === 'string') record[key] = this.strings.intern(value);
      else if (isPlain(value) && !this.walked.has(value)) {
        this.walked.add(value);
        this.strings.internWithin(value);
      }
    }
  }
}

/**
 * An array or a plain object: what v8.deserialize makes of an object literal (in whatever realm; tests run in
 * another one). A frozen one is left alone: writing even an equal string into it throws.
 */
function isPlain(value: unknown): value is object {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return false;
  return Array.isArray(value) || Object.prototype.toString.call(value) === '[object Object]';
}

/** A receiver's copy of one sender's previous batch. */
export class SummaryReceiver {
  private previous: object[] = [];
  private batch = -1;

  /** `strings` may be shared by every receiver of a thread: the same names come from every sender. */
  constructor(private readonly strings = new StringTable()) {}

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
      // Before references are put back: what they point to was interned with its own batch.
      this.strings.internWithin(w.summary);
      let summary = w.summary;
      if (w.ref !== undefined) summary = resolve(w.ref);
      else if (w.refs !== undefined) {
        const record = summary as Record<string, unknown>;
        for (const [key, id] of w.refs) record[key] = resolve(id);
      }
      return { order: w.order, path: this.strings.intern(w.path), summary };
    });
    this.previous = numbering(entries);
    return entries;
  }
}
