import { randomUUID } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

const DEFAULT_FILE_MODE = 0o644;

/**
 * Replaces a file's contents all at once: writes a hidden temporary file beside it (same folder, so same file
 * system), flushes it to disk, then renames it over the file. A reader sees the old contents or the new, never a
 * half-written file; on failure the temporary file is removed and the file is left as it was. Keeps the file's mode.
 */
export async function writeFileAtomic(filePath: string, content: string): Promise<void> {
  const temp = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${randomUUID()}.tmp`);
  const mode = await stat(filePath).then(
    (s) => s.mode & 0o777,
    () => DEFAULT_FILE_MODE,
  );
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, filePath);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
