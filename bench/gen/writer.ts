// Builds Python source line by line with indentation handled in one place, so generated files are
// always syntactically valid whatever order the pieces are chosen in.

export class PyWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  constructor(private readonly indentUnit = '    ') {}

  line(text = ''): this {
    this.lines.push(text === '' ? '' : this.indentUnit.repeat(this.depth) + text);
    return this;
  }

  /** Several lines at the current depth; a multi-line string keeps its own relative indentation. */
  many(texts: readonly string[]): this {
    for (const text of texts) this.line(text);
    return this;
  }

  blank(count = 1): this {
    for (let i = 0; i < count; i++) this.lines.push('');
    return this;
  }

  /**
   * `header:` then the body one level deeper. An empty body gets `pass`. A header given as several
   * lines (a long signature) gets the colon on its last line.
   */
  block(header: string | readonly string[], body: () => void): this {
    const headerLines = typeof header === 'string' ? [header] : header;
    headerLines.forEach((text, i) => this.line(i === headerLines.length - 1 ? `${text}:` : text));
    this.depth++;
    const before = this.lines.length;
    body();
    if (this.lines.slice(before).every((l) => l.trim() === '' || l.trim().startsWith('#'))) this.line('pass');
    this.depth--;
    return this;
  }

  docstring(text: string): this {
    const parts = text.split('\n');
    if (parts.length === 1) return this.line(`"""${text}"""`);
    this.line(`"""${parts[0]}`);
    for (const part of parts.slice(1)) this.line(part);
    return this.line('"""');
  }

  /** Drops lines added after the writer had `count` lines. */
  truncate(count: number): void {
    this.lines.length = count;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  toString(): string {
    // Exactly one trailing newline, like an editor with "insert final newline".
    let end = this.lines.length;
    while (end > 0 && this.lines[end - 1] === '') end--;
    return `${this.lines.slice(0, end).join('\n')}\n`;
  }
}
