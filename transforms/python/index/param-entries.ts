// ParamFacts lists parameters as `<position>:<name>` strings (types.ts says why): written by the summarizer,
// read by propagate-async's plan. Both ends of the encoding live here.

/** A parameter's entry: its position among the positional parameters (-1 for keyword-only) and its name. */
export function paramEntry(position: number, name: string): string {
  return `${position}:${name}`;
}

/** The name in a ParamFacts entry. */
export function paramName(entry: string): string {
  return entry.slice(entry.indexOf(':') + 1);
}

/** The parameter a call's argument lands on (a position, or a keyword's name) among ParamFacts entries, if listed. */
export function paramAt(entries: readonly string[] | undefined, key: number | string): string | undefined {
  for (const entry of entries ?? []) {
    const colon = entry.indexOf(':');
    const name = entry.slice(colon + 1);
    if (typeof key === 'string' ? name === key : Number(entry.slice(0, colon)) === key) return name;
  }
  return undefined;
}

/** The position of the parameter `name` among ParamFacts entries (-1 for keyword-only), if listed. */
export function positionOf(entries: readonly string[] | undefined, name: string): number | undefined {
  for (const entry of entries ?? []) {
    const colon = entry.indexOf(':');
    if (entry.slice(colon + 1) === name) return Number(entry.slice(0, colon));
  }
  return undefined;
}
