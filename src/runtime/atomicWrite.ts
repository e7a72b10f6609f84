/** The one atomic file write of the product. Node only; imports nothing from src. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes `data` to `file` atomically: a sibling temporary file, fsync, then rename over the
 * target, so a failed write never leaves a truncated file (the usage file, the CLI's outputs,
 * the V8 code cache). An existing file keeps its mode.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => {});
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    // Keep the user's file mode when replacing an existing file.
    const mode = await fs.stat(file).then((s) => s.mode & 0o777, () => undefined);
    if (mode !== undefined) await fs.chmod(tmp, mode);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
