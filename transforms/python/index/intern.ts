// One object per distinct value in a module summary. A summary repeats the same small values many times:
// every link of `db.query(User).filter(...).order_by(...).all()` records its callee as an Expr containing
// the whole prefix, every call on `db` starts with the same `instance` of `Session`, every relative import
// carries the same module reference. Built fresh each time, those copies were over half of a summary's
// objects, and each worker holds every module's summary while it builds an index. Summaries are read-only
// once made (the index evaluates an Expr by its content and the module it comes from, never by identity),
// so structurally equal values can be one object; v8 serialization keeps the sharing across threads.

/** Objects that are values: Expr, ImportTarget and GlobalBinding (tagged by `k`), and ModuleRef. */
function isValue(value: object): boolean {
  return 'k' in value || ('anchor' in value && 'parts' in value);
}

/**
 * Replaces, in place, every value object of `summary` (and the arrays inside values, such as a ModuleRef's
 * `parts`) by the first structurally equal one met. Other objects and arrays (call sites, lists of calls)
 * stay as they are: they are not values and may be distinct on purpose. Returns `summary`.
 */
export function internValues<T extends object>(summary: T): T {
  // A value's signature is a list of numbers: its property names and parts, each by an id. Primitives and
  // names get positive ids by content (a Map compares them by SameValueZero, so 1 and '1' stay apart);
  // objects get negative ids by identity, which is content too because a value's parts are made canonical
  // before the value is looked up. An array's signature starts with 0, which no id is, so an array and an
  // object never match. Numbers, unlike the string keys this replaced, need no text built per value.
  const primitiveIds = new Map<unknown, number>();
  const objectIds = new Map<object, number>();
  const partId = (part: unknown): number => {
    if (part !== null && typeof part === 'object') {
      let id = objectIds.get(part);
      if (id === undefined) {
        id = -(objectIds.size + 1);
        objectIds.set(part, id);
      }
      return id;
    }
    let id = primitiveIds.get(part);
    if (id === undefined) {
      id = primitiveIds.size + 1;
      primitiveIds.set(part, id);
    }
    return id;
  };
  // Canonical values by a hash of their signature; each bucket alternates a signature and its value.
  const buckets = new Map<number, (number[] | object)[]>();
  const canonical = (node: object, signature: number[]): object => {
    let hash = 0x811c9dc5 ^ signature.length;
    for (const id of signature) hash = Math.imul(hash ^ id, 0x01000193);
    const bucket = buckets.get(hash);
    if (bucket === undefined) {
      buckets.set(hash, [signature, node]);
      return node;
    }
    for (let i = 0; i < bucket.length; i += 2) {
      if (sameIds(bucket[i] as number[], signature)) return bucket[i + 1] as object;
    }
    bucket.push(signature, node);
    return node;
  };

  const visit = (node: unknown, insideValue: boolean): unknown => {
    if (node === null || typeof node !== 'object') return node;
    const signature = insideValue || isValue(node) ? [] as number[] : null;
    if (Array.isArray(node)) {
      signature?.push(0);
      for (let i = 0; i < node.length; i++) {
        const child = visit(node[i], signature !== null);
        node[i] = child;
        signature?.push(partId(child));
      }
    } else {
      const record = node as Record<string, unknown>;
      // Summaries are plain data: for-in walks the own keys, in Object.keys order, without an array per object.
      for (const name in record) {
        const child = visit(record[name], signature !== null);
        record[name] = child;
        signature?.push(partId(name), partId(child));
      }
    }
    return signature === null ? node : canonical(node, signature);
  };
  visit(summary, false);
  return summary;
}

function sameIds(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
