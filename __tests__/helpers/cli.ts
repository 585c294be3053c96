// Helpers for tests that run the built CLI (dist/cli/main.js) as a user would: a separate process
// with its working directory inside a throw-away git repository.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'dist', 'cli', 'main.js');

// Machine-wide git settings (autocrlf, hooks, templates, default branch) must not leak into the
// repositories the tests build: with core.autocrlf the CRLF tests would test git, not awaitify.
const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_TERMINAL_PROMPT: '0',
};

/** The CLI's environment: no colour forcing, so stdout is plain text even if the runner sets it. */
export function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...GIT_ENV };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  return env;
}

const SOURCE_DIRS = ['cli', 'engine', 'transforms'];

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(abs));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(abs).mtimeMs);
  }
  return newest;
}

/**
 * `npm test` builds before jest runs; a lone `npx jest __tests__/cli.test.ts` may find dist/ missing
 * or older than the sources, and would then test stale code. Rebuild in that case only.
 */
export function ensureBuilt(): void {
  const built = fs.existsSync(BIN) ? fs.statSync(BIN).mtimeMs : 0;
  const sources = Math.max(...SOURCE_DIRS.map((d) => newestSourceMtime(path.join(ROOT, d))));
  if (built >= sources) return;
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'pipe',
      encoding: 'utf8',
    });
  } catch (error) {
    // tsc reports compile errors on stdout, which the default error message leaves out.
    const out = (error as { stdout?: string }).stdout ?? '';
    throw new Error(`dist/ is stale and \`tsc -p tsconfig.build.json\` failed:\n${out}`);
  }
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(cwd: string, args: string[]): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: cliEnv(),
    encoding: 'utf8',
    timeout: 30000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export type FileTree = Record<string, string | Buffer>;

export function writeTree(dir: string, files: FileTree): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

const created: string[] = [];

export function tempDir(prefix = 'awaitify-cli-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** A git repository holding `files` in one commit (plus any `setup` applied before the commit). */
export function makeRepo(files: FileTree, setup?: (dir: string) => void): string {
  const dir = tempDir();
  git(dir, 'init', '-q');
  git(dir, 'config', 'user.name', 'awaitify tests');
  git(dir, 'config', 'user.email', 'tests@awaitify.invalid');
  git(dir, 'config', 'core.autocrlf', 'false');
  writeTree(dir, files);
  setup?.(dir);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial', '--no-verify');
  return dir;
}

/** A fresh clone: the same committed bytes and modes, so two runs can be compared side by side. */
export function cloneRepo(source: string): string {
  const dir = tempDir();
  fs.rmdirSync(dir);
  git(path.dirname(dir), 'clone', '-q', '--no-hardlinks', source, dir);
  git(dir, 'config', 'user.name', 'awaitify tests');
  git(dir, 'config', 'user.email', 'tests@awaitify.invalid');
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of created.splice(0)) {
    // Files a test made unreadable (chmod 000) must not stop the cleanup.
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface FileState {
  bytes: Buffer;
  mtimeMs: number;
  mode: number;
}

/** Every regular file below `dir` except .git, with its bytes, mtime and permission bits. */
export function snapshot(dir: string): Map<string, FileState> {
  const states = new Map<string, FileState>();
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const abs = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git') walk(abs);
      } else if (entry.isFile()) {
        const stat = fs.statSync(abs);
        let bytes: Buffer;
        try {
          bytes = fs.readFileSync(abs);
        } catch {
          bytes = Buffer.from(`<unreadable: mode ${(stat.mode & 0o777).toString(8)}>`);
        }
        states.set(path.relative(dir, abs).split(path.sep).join('/'), { bytes, mtimeMs: stat.mtimeMs, mode: stat.mode & 0o7777 });
      }
    }
  };
  walk(dir);
  return states;
}

/** Paths whose bytes, mtime or mode differ between two snapshots (including added or removed files). */
export function changedPaths(before: Map<string, FileState>, after: Map<string, FileState>, compareMtime = true): string[] {
  const changed = new Set<string>();
  for (const [p, a] of before) {
    const b = after.get(p);
    if (!b || !a.bytes.equals(b.bytes) || a.mode !== b.mode || (compareMtime && a.mtimeMs !== b.mtimeMs)) changed.add(p);
  }
  for (const p of after.keys()) if (!before.has(p)) changed.add(p);
  return [...changed].sort();
}

export function read(dir: string, rel: string): string {
  return fs.readFileSync(path.join(dir, rel), 'utf8');
}

export function readBytes(dir: string, rel: string): Buffer {
  return fs.readFileSync(path.join(dir, rel));
}

/** The counts in the text summary line on stderr. */
export interface SummaryCounts {
  scanned: number;
  changed: number;
  unchanged: number;
  skipped: number;
  errored: number;
  ignored: number;
}

export function parseSummary(stderr: string): SummaryCounts {
  const match =
    /awaitify: (\d+) file\(s\) scanned, (\d+) (?:changed|would change), (\d+) unchanged, (\d+) skipped, (\d+) errored(?:; (\d+) spot\(s\) left alone by ignore comments or exclude-functions)?/.exec(
      stderr,
    );
  if (!match) throw new Error(`no summary line on stderr:\n${stderr}`);
  const n = (i: number): number => Number(match[i] ?? 0);
  return { scanned: n(1), changed: n(2), unchanged: n(3), skipped: n(4), errored: n(5), ignored: n(6) };
}

/** The files a diff on stdout touches, from its `+++ b/<path>` headers. */
export function diffTargets(stdout: string): string[] {
  return [...stdout.matchAll(/^\+\+\+ b\/(.+?)(?:\t.*)?$/gm)].map((m) => m[1] as string).sort();
}
