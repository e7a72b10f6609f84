import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from './types';
import { parseUsageFile, type UsageFile } from './usage';

export const DEFAULT_USAGE_FILE = 'llm-usage.yml';

/** Reads the workspace usage file when there is one; a missing file is normal, a broken one a diagnostic. */
export async function loadUsageForRoot(root: string, usageFile = DEFAULT_USAGE_FILE): Promise<{ usage: UsageFile | undefined; diagnostics: Diagnostic[] }> {
  const absolute = path.resolve(root, usageFile);
  const relative = path.relative(root, absolute).split(path.sep).join('/');
  let text: string;
  try {
    text = await fs.readFile(absolute, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { usage: undefined, diagnostics: [] };
    return { usage: undefined, diagnostics: [{ file: relative, message: `cannot read usage file: ${(error as Error).message}`, severity: 'error' }] };
  }
  const parsed = parseUsageFile(text);
  const diagnostics: Diagnostic[] = parsed.errors.map((error) => ({ file: relative, line: error.line, message: `${relative}:${error.line}: ${error.message} (this entry is ignored; other entries still apply)`, severity: 'error' }));
  return { usage: parsed.usage, diagnostics };
}
