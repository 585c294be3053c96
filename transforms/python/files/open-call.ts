// Which `open(...)` calls aiofiles.open can take over unchanged. aiofiles.open forwards file, mode, buffering,
// encoding, errors, newline, closefd and opener to the builtin open in a worker thread, so the call stays
// the same; what varies is the object it wraps. Only the arguments whose effect on that object we have
// checked are accepted: `buffering=0` gives a raw FileIO (no readline on some versions, different partial
// reads), and an `opener` runs in the worker thread, so those are left to a person.
import type { SgNode } from '@ast-grep/napi';
import { callArgs } from '../query/syntax';

/** Keyword arguments aiofiles.open forwards to open() with no change to the file object's behaviour. */
const FORWARDED_KEYWORDS = new Set(['file', 'mode', 'encoding', 'errors', 'newline']);

/** Why `open(...)` cannot become `aiofiles.open(...)` as written, or null when it can. */
export function openArgumentsProblem(call: SgNode): string | null {
  const args = callArgs(call);
  if (args.splat || args.generator) return 'its arguments are unpacked from `*`/`**`, so they cannot be checked';
  if (args.positional.length > 2) return 'it passes `buffering` or later arguments positionally';
  for (const name of args.keywords.keys()) {
    if (!FORWARDED_KEYWORDS.has(name)) return `its \`${name}=\` argument changes what kind of file object it returns`;
  }
  const mode = args.positional[1] ?? args.keywords.get('mode');
  if (mode === undefined) return null;
  const literal = stringLiteralValue(mode);
  if (literal === null) return `its mode \`${mode.text()}\` is not a string literal`;
  if (!isValidMode(literal)) return `its mode \`${mode.text()}\` is not one this transform recognises`;
  return null;
}

/** The value of a plain string literal (no f-string, no concatenation, no escapes), or null. */
function stringLiteralValue(node: SgNode): string | null {
  if (node.kind() !== 'string') return null;
  const match = /^[rRuU]?(['"])([^'"\\{}]*)\1$/.exec(node.text());
  return match ? (match[2] as string) : null;
}

/** A mode Python 3 accepts: one of r/w/a/x, optionally `+`, optionally one of b/t, in any order. */
function isValidMode(mode: string): boolean {
  if (!/^[rwaxbt+]+$/.test(mode) || new Set(mode).size !== mode.length) return false;
  const primary = [...mode].filter((c) => 'rwax'.includes(c)).length;
  return primary === 1 && !(mode.includes('b') && mode.includes('t'));
}
