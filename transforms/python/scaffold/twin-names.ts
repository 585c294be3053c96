// The names of the async twins async-engine writes beside sync objects, and back: a leaf module, so that the
// session resolver and the transforms can read them without importing async-engine.

/** `engine` → `async_engine`, `SessionLocal` → `AsyncSessionLocal`. Other modules derive the same names. */
export function twinName(name: string): string {
  if (/^[A-Z0-9_]+$/.test(name) && /[A-Z]/.test(name)) return `ASYNC_${name}`;
  if (/^[A-Z]/.test(name)) return name === 'Session' ? 'AsyncSessionLocal' : `Async${name}`;
  return `async_${name}`;
}

/** The name twinName maps to `twin` (`AsyncSessionLocal` → `SessionLocal`, `async_engine` → `engine`), or null. */
export function twinOrigin(twin: string): string | null {
  const original = /^ASYNC_[A-Z0-9_]+$/.test(twin) ? twin.slice(6) : /^Async[A-Z]/.test(twin) ? twin.slice(5) : /^async_\w/.test(twin) ? twin.slice(6) : null;
  return original !== null && twinName(original) === twin ? original : null;
}
