import { promises as fs } from 'node:fs';
import { Project } from 'ts-morph';
import type { DetectedCall } from '../../model/types';
import { parseIntoProject } from './parse';
import { agentLoopCalling } from './prompt';
import type { WorkspaceFile } from './wrapperCallers';

/** Text a file must hold before it is parsed in search of a loop: a tool round trip. */
const ROUND_TRIP_TEXT = /\b(tool_calls|toolCalls|function_call|functionCalls?|tool_use|tool_result|toolResults|functionResponse)\b/;

/**
 * Agent frameworks keep the loop apart from the requests: `handleExecution(messages, functions)` calls
 * `provider.complete(messages, functions)`, runs the function the model chose and calls itself with the
 * result, while each provider's `complete` makes one request. Requests that take their tool list through
 * such an entry (`toolListEntry`) are marked multi-step when some workspace file holds a loop calling it.
 * Files are read as text first and parsed only when they name the entry and a tool round trip.
 */
export async function markFrameworkAgentLoops(detected: DetectedCall[], files: readonly WorkspaceFile[], signal?: AbortSignal, readText: (absolutePath: string) => Promise<string | null> = (absolutePath) => fs.readFile(absolutePath, 'utf8').catch(() => null)): Promise<void> {
  const waiting = detected.filter((call) => call.toolListEntry && !call.features.multiStep);
  if (waiting.length === 0) return;
  const entries = new Set(waiting.map((call) => call.toolListEntry!));
  const loops = new Map<string, string>();
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, compilerOptions: { allowJs: true } });
  for (const file of files) {
    signal?.throwIfAborted();
    if (loops.size === entries.size) break;
    const text = await readText(file.absolutePath);
    if (text === null || !ROUND_TRIP_TEXT.test(text)) continue;
    const named = [...entries].filter((entry) => !loops.has(entry) && text.includes(`.${entry}(`));
    if (named.length === 0) continue;
    try {
      const sourceFile = parseIntoProject(project, file.absolutePath, text);
      for (const [entry, line] of agentLoopCalling(sourceFile, new Set(named))) loops.set(entry, `${file.relativePath}:${line}`);
      project.removeSourceFile(sourceFile);
    } catch {
      // One file that does not parse never stops the scan; it simply holds no loop we can read.
    }
  }
  // New objects, not edits: a file's analysis may be cached and reused by a later scan in which the loop is gone.
  const siteKey = (site: { file: string; line: number }) => `${site.file}:${site.line}`;
  const bases = new Map<string, string>();
  const mark = (index: number, basis: string) => {
    const call = detected[index];
    detected[index] = { ...call, features: { ...call.features, multiStep: true }, steps: call.steps ?? { max: null, basis }, evidence: [...call.evidence, `multi-step: ${basis}`] };
    bases.set(siteKey(call), basis);
  };
  detected.forEach((call, index) => {
    const where = call.toolListEntry && !call.features.multiStep ? loops.get(call.toolListEntry) : undefined;
    if (where) mark(index, `an agent loop at ${where} calls \`.${call.toolListEntry}(…, tools)\` again with each tool result`);
  });
  // A caller of a helper whose request is a step makes that step, however many helpers lie between.
  for (let changed = bases.size > 0, rounds = 0; changed && rounds < 8; rounds++) {
    changed = false;
    detected.forEach((call, index) => {
      const basis = call.via && !call.features.multiStep ? bases.get(siteKey(call.via)) : undefined;
      if (basis) {
        mark(index, basis);
        changed = true;
      }
    });
  }
  // A helper whose caller hands it the loop's tool list (`tooledStream(..., functions)` in a provider's `stream`) makes those steps' requests.
  const stepsThroughCallers = new Map<string, string>();
  for (const call of detected) if (call.via && call.features.multiStep && bases.has(siteKey(call))) stepsThroughCallers.set(siteKey(call.via), `${siteKey(call)}, ${bases.get(siteKey(call))}`);
  detected.forEach((call, index) => {
    const caller = !call.via && !call.features.multiStep && call.features.tools ? stepsThroughCallers.get(siteKey(call)) : undefined;
    if (caller) mark(index, `its caller at ${caller}`);
  });
}
