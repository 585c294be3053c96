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
  const keyPart = (child: unknown): string =>
    child === undefined ? 'u' : child !== null && typeof child === 'object' ? `#${idOf(child)}` : `${typeof child}:${String(child)}`;

  const visit = (node: unknown, insideValue: boolean): unknown => {
    if (node === null || typeof node !== 'object') return node;
    const value = insideValue || isValue(node);
    const record = node as Record<string, unknown>;
    const names = Array.isArray(node) ? null : Object.keys(record);
    if (names === null) for (let i = 0; i < (node as unknown[]).length; i++) (node as unknown[])[i] = visit((node as unknown[])[i], value);
    else for (const name of names) record[name] = visit(record[name], value);
    if (!value) return node;
    const key = names === null ? ['[', ...(node as unknown[]).map(keyPart)] : ['{', ...names.flatMap((name) => [name, keyPart(record[name])])];
    const text = JSON.stringify(key);
    const found = canonical.get(text);
    if (found !== undefined) return found;
    canonical.set(text, node);
    return node;
  };
  visit(summary, false);
  return summary;
}
