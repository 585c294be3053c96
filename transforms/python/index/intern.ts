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
  const canonical = new Map<string, object>();
  const ids = new Map<object, number>();
  const idOf = (object: object): number => {
    let id = ids.get(object);
    if (id === undefined) {
      id = ids.size;
      ids.set(object, id);
    }
    return id;
  };
  // A value's key: its shape and its parts, each part self-delimiting (strings carry their length, the
  // rest end in ';'), so two keys are equal only for structurally equal values.
  const keyPart = (child: unknown): string => {
    if (typeof child === 'string') return `s${child.length}:${child}`;
    if (child !== null && typeof child === 'object') return `#${idOf(child)};`;
    return `${typeof child}:${String(child)};`;
  };

  const visit = (node: unknown, insideValue: boolean): unknown => {
    if (node === null || typeof node !== 'object') return node;
    const value = insideValue || isValue(node);
    let key: string;
    if (Array.isArray(node)) {
      key = '[';
      for (let i = 0; i < node.length; i++) {
        const child = visit(node[i], value);
        node[i] = child;
        if (value) key += keyPart(child);
      }
    } else {
      key = '{';
      const record = node as Record<string, unknown>;
      for (const name of Object.keys(record)) {
        const child = visit(record[name], value);
        record[name] = child;
        if (value) key += `${name.length}:${name}${keyPart(child)}`;
      }
    }
    if (!value) return node;
    const found = canonical.get(key);
    if (found !== undefined) return found;
    canonical.set(key, node);
    return node;
  };
  visit(summary, false);
  return summary;
}
