// Writes a deterministic synthetic FastAPI + SQLAlchemy repository for the benchmark.
//   node dist-bench/bench/generate.js --size 1000 [--seed 1] --out /tmp/corpus
// Same seed and size → byte-identical tree (the printed digest says so).

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FileKind, planRepository } from './gen/layout';
import { hashSeed, Rng } from './gen/random';

/** Bump when the generator's output changes, so results from different corpora are not compared. */
export const GENERATOR_VERSION = 1;

/** Marks a directory as ours: only such a directory is ever deleted and rewritten. */
const STAMP = '.awaitify-bench-corpus';

export interface CorpusStats {
  seed: number;
  size: number;
  generatorVersion: number;
  /** Python files discovery will see (the size), and all files written. */
  pythonFiles: number;
  writtenFiles: number;
  bytes: number;
  lines: number;
  /** Files with and without database code among the discovered ones. */
  dbFiles: number;
  plainFiles: number;
  byKind: Record<string, { files: number; lines: number }>;
  crlfFiles: number;
  bomFiles: number;
  /** sha256 over every written path and content, in path order. */
  digest: string;
  generationMs: number;
}

export function generateCorpus(seed: number, size: number, out: string): CorpusStats {
  const started = performance.now();
  prepareDirectory(out);
  const planned = planRepository(seed, size).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const hash = createHash('sha256');
  const stats: CorpusStats = {
    seed, size, generatorVersion: GENERATOR_VERSION, pythonFiles: 0, writtenFiles: 0, bytes: 0, lines: 0, dbFiles: 0, plainFiles: 0,
    byKind: {}, crlfFiles: 0, bomFiles: 0, digest: '', generationMs: 0,
  };
  const made = new Set<string>();
  const write = (rel: string, content: string): void => {
    const abs = path.join(out, rel);
    const dir = path.dirname(abs);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const bytes = Buffer.from(content, 'utf8');
    writeFileSync(abs, bytes);
    hash.update(rel).update('\0').update(bytes).update('\0');
    stats.writtenFiles++;
  };
  write('.gitignore', '.venv/\n__pycache__/\n*.pyc\n.env\ntest.db\n');
  for (const file of planned) {
    let text = file.render(new Rng(hashSeed(`${seed}:${file.path}`)));
    // A few files with CRLF endings or a BOM, as in any repository edited on several systems.
    const encoding = new Rng(hashSeed(`${seed}:${file.path}:encoding`));
    const crlf = encoding.chance(0.01);
    const bom = encoding.chance(0.003);
    if (crlf) text = text.replace(/\n/g, '\r\n');
    if (bom) text = `\uFEFF${text}`;
    write(file.path, text);
    if (file.kind === 'excluded') continue;
    const lines = text.split('\n').length - 1;
    stats.pythonFiles++;
    stats.bytes += Buffer.byteLength(text, 'utf8');
    stats.lines += lines;
    if (file.db) stats.dbFiles++;
    else stats.plainFiles++;
    if (crlf) stats.crlfFiles++;
    if (bom) stats.bomFiles++;
    const kind = (stats.byKind[file.kind as FileKind] ??= { files: 0, lines: 0 });
    kind.files++;
    kind.lines += lines;
  }
  writeFileSync(path.join(out, STAMP), `${JSON.stringify({ seed, size, generatorVersion: GENERATOR_VERSION })}\n`);
  stats.digest = hash.digest('hex');
  stats.generationMs = performance.now() - started;
  return stats;
}

function prepareDirectory(out: string): void {
  if (existsSync(out)) {
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes(STAMP)) {
      throw new Error(`${out} is not empty and was not made by the bench generator; refusing to overwrite it`);
    }
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
}

/** "1000", "5k", "10k" → a file count. */
export function parseSize(text: string): number {
  const match = /^(\d+)(k?)$/i.exec(text.trim());
  if (!match) throw new Error(`not a size: ${text} (examples: 1000, 5k)`);
  return Number(match[1]) * (match[2] ? 1000 : 1);
}

function main(argv: string[]): void {
  let seed = 1;
  let size = 1000;
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if ((arg === '--seed' || arg === '--size' || arg === '--out') && value === undefined) throw new Error(`${arg} needs a value`);
    if (arg === '--seed') seed = Number(argv[++i]);
    else if (arg === '--size') size = parseSize(argv[++i] as string);
    else if (arg === '--out') out = argv[++i] as string;
    else throw new Error(`unknown argument ${arg}; usage: generate --size 1000 [--seed 1] --out DIR`);
  }
  if (out === null) throw new Error('--out DIR is required');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  const stats = generateCorpus(seed, size, path.resolve(out));
  process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`generate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
