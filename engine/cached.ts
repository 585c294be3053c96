// The one get-or-make of the memo tables: a value looked up by key, made and kept on the first ask.

/** `table`'s value for `key`, made by `make` and stored there when it has none. */
export function cached<K extends object, V>(table: WeakMap<K, V>, key: K, make: () => V): V;
export function cached<K, V>(table: Map<K, V>, key: K, make: () => V): V;
export function cached<K extends object, V>(table: Map<K, V> | WeakMap<K, V>, key: K, make: () => V): V {
  let value = table.get(key);
  if (value === undefined) {
    value = make();
    table.set(key, value);
  }
  return value;
}
