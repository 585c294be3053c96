// Drives a program on a real pseudo-terminal through tmux: start it in a detached session, read the
// screen (with its scroll-back) and type into it. Every wait polls the screen with a deadline, so a
// slow machine makes a test slower, not flaky.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

let sessions = 0;

export function hasTmux(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export class TmuxSession {
  private constructor(
    private readonly socket: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /**
   * Runs `command` (argv) in `cwd` on a fresh tmux server of its own; when it ends, `EXIT=<code>`
   * is printed and the pane stays, so the exit code and the last screen can still be read.
   */
  static start(command: string[], cwd: string, env: NodeJS.ProcessEnv, configDir: string): TmuxSession {
    const socket = `awaitify-test-${process.pid}-${++sessions}`;
    const config = path.join(configDir, 'tmux.conf');
    // Enough scroll-back for every diff a test prints; a wide pane so lines rarely wrap.
    fs.writeFileSync(config, 'set -g history-limit 100000\nset -g remain-on-exit on\n');
    const quoted = command.map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
    const session = new TmuxSession(socket, { ...env, TERM: env.TERM ?? 'xterm-256color' });
    session.tmux('-f', config, 'new-session', '-d', '-x', '200', '-y', '50', '-c', cwd, `${quoted}; echo "EXIT=$?"`);
    return session;
  }

  /** The whole pane, scroll-back included, wrapped lines joined, colours stripped. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-', '-E', '-');
  }

  /** Resolves with the screen once `pattern` is on it (the `count`-th time); rejects with the screen after `timeoutMs`. */
  async waitFor(pattern: string | RegExp, { count = 1, timeoutMs = 30000 } = {}): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (occurrences(screen, pattern) >= count) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)} (x${count}); the screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Types `text` literally, then Enter. */
  answer(text: string): void {
    if (text !== '') this.tmux('send-keys', '-l', text);
    this.tmux('send-keys', 'Enter');
  }

  /** Sends a key by its tmux name (`C-c`). */
  key(name: string): void {
    this.tmux('send-keys', name);
  }

  /** Waits for the program to end and returns its exit code. */
  async exitCode(timeoutMs = 30000): Promise<number> {
    const screen = await this.waitFor(/^EXIT=\d+$/m, { timeoutMs });
    return Number(/^EXIT=(\d+)$/m.exec(screen)?.[1]);
  }

  kill(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // Already gone.
    }
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { env: this.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }
}

function occurrences(text: string, pattern: string | RegExp): number {
  if (typeof pattern === 'string') return text.split(pattern).length - 1;
  return [...text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))].length;
}
