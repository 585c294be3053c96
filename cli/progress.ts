/** A one-line progress bar on stderr, only for interactive terminals and long runs. */
export function progressReporter(stream: NodeJS.WriteStream, threshold = 300): ((done: number, total: number) => void) & { finish(): void } {
  let shown = false;
  let lastDrawn = -1;
  const report = (done: number, total: number): void => {
    if (!stream.isTTY || total < threshold) return;
    const percent = Math.floor((done / total) * 100);
    if (percent === lastDrawn) return;
    lastDrawn = percent;
    shown = true;
    const width = 30;
    const filled = Math.round((done / total) * width);
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} files`);
  };
  return Object.assign(report, {
    finish(): void {
      if (shown) stream.write('\r\u001b[K');
    },
  });
}
