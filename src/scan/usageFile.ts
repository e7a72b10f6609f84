/**
 * The workspace's `llm-usage.yml` as the extension writes it: a commented template for a new file,
 * and write-back of one call's volume through core's `updateUsageFile` (comments and formatting
 * kept) with an atomic replace (temporary file in the same folder, then rename), so a failed write
 * never truncates what the user wrote. No `vscode` import: unit-tested on plain Node.
 *
 * The path is always `<scan root>/llm-usage.yml`, chosen by the host; nothing from a webview
 * message ever becomes a path.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { updateUsageFile, type UsagePatch } from '../core/usage/usage';
import { USAGE_FILE_NAME } from '../model/vocabulary';
import { writeFileAtomic } from '../runtime/atomicWrite';


/** A new usage file: every section present but commented, so it changes no number until edited. */
export const USAGE_FILE_TEMPLATE = `# LLM Hosting Advisor usage file: real volumes, task types and prompt-hole sizes.
# Schema: docs/usage-file.md. Precedence for a call's volume: the // llm-advisor: comment above
# the call, then callSites, functions, files, defaults here, then the defaultCallsPerMonth setting.
version: 1

# defaults:
#   callsPerMonth: 20000

# Keyed by the call site id shown in the cost panel and the JSON result.
# callSites:
#   "src/support/triage.ts#triageTicket:chat.completions.create":
#     calls: 2k/day            # rate syntax: 20000/day, 500/hour, 3000/week, 1.5m (per month)
#     task: classification
#     holeTokens:
#       rag-context: 3000

# Keyed by enclosing function name.
# functions:
#   summarizeArticle:
#     callsPerMonth: 150000

# Keyed by glob over workspace-relative paths.
# files:
#   "src/batch/**":
#     callsPerMonth: 1m
`;

/** `<root>/llm-usage.yml`. */
export function usageFilePath(root: string): string {
  return path.join(root, USAGE_FILE_NAME);
}

/** Creates `<root>/llm-usage.yml` from the template when it does not exist; returns its path and whether it was created. */
export async function ensureUsageFile(root: string): Promise<{ file: string; created: boolean }> {
  const file = usageFilePath(root);
  const exists = await fs.stat(file).then(() => true, () => false);
  if (exists) return { file, created: false };
  await writeFileAtomic(file, USAGE_FILE_TEMPLATE);
  return { file, created: true };
}

/**
 * Applies `patch` to `callSites[callId]` of `<root>/llm-usage.yml` (created from the template when
 * missing). Throws (and leaves the file untouched) when the existing file does not parse.
 */
export async function patchUsageFile(root: string, callId: string, patch: UsagePatch): Promise<string> {
  const file = usageFilePath(root);
  const before = await fs.readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return USAGE_FILE_TEMPLATE;
    throw err;
  });
  const after = updateUsageFile(before, callId, patch);
  if (after !== before) await writeFileAtomic(file, after);
  return file;
}
