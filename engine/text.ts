// Files are decoded into the text transforms see and encoded back so that every byte outside an
// edit is preserved: a UTF-8 BOM, consistent CRLF line endings, tabs, trailing whitespace.

export interface DecodedText {
  /** What transforms see: no BOM, and LF line endings when the file used CRLF consistently. */
  text: string;
  bom: boolean;
  crlf: boolean;
}

export type DecodeResult = { ok: true; decoded: DecodedText } | { ok: false; reason: string };

const BOM = '\uFEFF';
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeSource(bytes: Uint8Array): DecodeResult {
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  let raw: string;
  try {
    raw = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: `not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8Offset(bytes)})` };
  }
  const bom = raw.startsWith(BOM);
  if (bom) raw = raw.slice(1);
  const crlf = usesCrlfConsistently(raw);
  return { ok: true, decoded: { text: crlf ? raw.replace(/\r\n/g, '\n') : raw, bom, crlf } };
}

export function encodeSource(text: string, like: Pick<DecodedText, 'bom' | 'crlf'>): Buffer {
  const body = like.crlf ? text.replace(/\n/g, '\r\n') : text;
  return Buffer.from(like.bom ? BOM + body : body, 'utf8');
}

/**
 * Only a file whose every newline is CRLF is normalised: converting back is then exact. A file that
 * mixes endings is processed as it is, and new lines get LF.
 */
function usesCrlfConsistently(text: string): boolean {
  let crlf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i === 0 || text.charCodeAt(i - 1) !== 13) return false;
    crlf++;
  }
  // A lone CR elsewhere would not survive the round trip either way; leave such files as they are.
  return crlf > 0 && text.split('\r').length - 1 === crlf;
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // The longest valid prefix, found by bisection; good enough to point a user at the spot.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  // In stream mode that prefix may end in the first bytes of a character the next byte breaks
  // (`caf\xe9\n`): the bad spot is that character's lead byte, not the byte after it.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, lo));
    return lo;
  } catch {
    let start = lo - 1;
    while (start > 0 && ((bytes[start] as number) & 0xc0) === 0x80) start--;
    return start;
  }
}
