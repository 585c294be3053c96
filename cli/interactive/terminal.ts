// `ReviewIo` on a real terminal: line-oriented answers through readline, so a typed answer can be
// corrected before Enter, as with `git add -p`.
import * as readline from 'node:readline';
import type { ReviewIo } from './session';

export interface TerminalReview extends ReviewIo {
  /** True after Ctrl-C (as opposed to the input ending). */
  readonly interrupted: boolean;
  close(): void;
}

export function terminalReview(input: NodeJS.ReadStream, output: NodeJS.WriteStream): TerminalReview {
  const rl = readline.createInterface({ input, output, terminal: input.isTTY === true && output.isTTY === true });
  let pending: ((answer: string | null) => void) | null = null;
  let interrupted = false;
  let closed = false;
  const settle = (answer: string | null): void => {
    const resolve = pending;
    pending = null;
    resolve?.(answer);
  };
  // Without a listener readline would leave Ctrl-C to the default handler, which kills the process
  // between two writes; answering null lets the review stop cleanly instead.
  rl.on('SIGINT', () => {
    interrupted = true;
    output.write('^C\n');
    settle(null);
  });
  rl.on('close', () => {
    closed = true;
    settle(null);
  });
  return {
    color: output.isTTY === true,
    get interrupted() {
      return interrupted;
    },
    write: (text) => {
      output.write(text);
    },
    ask: (question) =>
      new Promise((resolve) => {
        if (closed || interrupted) return resolve(null);
        pending = resolve;
        rl.question(question, (answer) => settle(answer));
      }),
    close: () => {
      rl.close();
    },
  };
}
