import * as path from 'node:path';

/** Whether `candidate` is `folder` or lies under it (both absolute, as given: links are not resolved here). */
export function isInsideFolder(candidate: string, folder: string): boolean {
  const relative = path.relative(folder, candidate);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}
