// The TOML parser returns plain values without positions; problems should still name the line of the
// offending key. This scanner knows just enough TOML (table headers, dotted/quoted keys, inline tables)
// to find where a key path is written. When it cannot tell, the caller falls back to the key path.

function splitKey(text: string): string[] | null {
  const parts: string[] = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(\.|$)/y;
  let pos = 0;
  while (pos < text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return null;
    parts.push(m[1] ?? m[2] ?? m[3] ?? '');
    pos = re.lastIndex;
    if (m[4] === '') break;
  }
  return parts;
}

const HEADER = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/;
const KEY_LINE = /^\s*((?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_.\s-])+?)\s*=/;

interface KeyLine {
  path: string[];
  line: number;
}

function keyLines(toml: string): KeyLine[] {
  const out: KeyLine[] = [];
  let table: string[] = [];
  toml.split(/\r?\n/).forEach((text, i) => {
    const header = HEADER.exec(text);
    if (header) {
      table = splitKey(header[1] as string) ?? table;
      out.push({ path: table, line: i + 1 });
      return;
    }
    const key = KEY_LINE.exec(text);
    if (!key) return;
    const parts = splitKey((key[1] as string).trim());
    if (parts) out.push({ path: [...table, ...parts], line: i + 1 });
  });
  return out;
}

const startsWith = (path: string[], prefix: string[]): boolean => prefix.every((p, i) => path[i] === p);

/**
 * 1-based line of `keyPath` (below the table `base`, e.g. ['tool', 'awaitify']) in `toml`, or null.
 * Array indices in the path are dropped: an array's items share its key's line as far as we know.
 */
export function lineOfKey(toml: string, base: string[], keyPath: string[]): number | null {
  const wanted = [...base, ...keyPath.filter((k) => !/^\d+$/.test(k))];
  const lines = keyLines(toml);
  for (let depth = wanted.length; depth > base.length; depth--) {
    const prefix = wanted.slice(0, depth);
    const hit = lines.find((l) => l.path.length === prefix.length && startsWith(l.path, prefix));
    // A deeper key written in an inline table (`rules = { X = "error" }`) shares this line.
    if (hit) return hit.line;
  }
  return null;
}
