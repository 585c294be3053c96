/** Levenshtein distance, for "did you mean" suggestions on mistyped keys, rule ids and the like. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * The candidates closest to `input` (case-insensitive), best first; none when even the best is too far
 * off to be a typo (more than a third of the longer word), so unrelated words get no suggestion.
 */
export function closest(input: string, candidates: readonly string[], max = 3): string[] {
  const needle = input.toLowerCase();
  const scored = candidates
    .map((c) => ({ c, d: editDistance(needle, c.toLowerCase()) }))
    .filter(({ c, d }) => d <= Math.max(2, Math.ceil(Math.max(c.length, needle.length) / 3)))
    .sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : 1));
  return scored.slice(0, max).map(({ c }) => c);
}

export function didYouMean(input: string, candidates: readonly string[]): string {
  const best = closest(input, candidates, 1)[0];
  return best === undefined ? '' : `; did you mean "${best}"?`;
}
