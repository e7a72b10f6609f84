import * as fs from 'node:fs';

/** A file's bytes, or undefined when it cannot be read (missing, a folder, no permission): the caller treats all alike. */
export function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}
