/** The one atomic file write of the product. Node only; imports nothing from src. */
import writeFileAtomicLibrary from 'write-file-atomic';

/**
 * Writes `data` to `file` atomically with npm's write-file-atomic: a sibling temporary file, fsync, then a
 * rename over the target, so a failed or interrupted write never leaves a truncated file (the usage file,
 * the CLI's outputs, the stored results, the V8 code cache). An existing file keeps its mode and owner; the
 * temporary file is removed if the write fails or the process exits mid-write.
 */
export function writeFileAtomic(file: string, data: string | Buffer): Promise<void> {
  return writeFileAtomicLibrary(file, data);
}
