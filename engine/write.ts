import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/**
 * Replaces a file's content atomically: the new bytes go to a temporary file in the same directory,
 * take the old file's mode, and are renamed over it, so an interrupted run leaves either the old or
 * the new file. A symbolic link is followed: the link stays, its target is rewritten.
 */
export async function writeFileAtomic(filePath: string, content: Buffer): Promise<void> {
  const target = await fs.realpath(filePath);
  const stat = await fs.stat(target);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.awaitify-${process.pid}-${Date.now()}.tmp`);
  const handle = await fs.open(temp, 'wx', stat.mode & 0o7777);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.chmod(temp, stat.mode & 0o7777);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
