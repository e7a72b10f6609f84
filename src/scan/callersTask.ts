import { classifyTask } from '../core/estimate/task';
import type { DetectedCall, TaskType } from '../model/types';

/**
 * A helper whose prompt is entirely what its callers pass (`generateBasicCompletion(prompt)` sending `prompt` as it
 * is) has nothing of its own to be read by: its site takes the task most of its callers' requests are read as, when
 * more than half of them agree. The callers are read as the classifier reads them alone (their own prompts, names, features).
 */
export function tasksFromCallers(calls: DetectedCall[]): void {
  const callersOf = new Map<string, DetectedCall[]>();
  for (const call of calls) {
    if (!call.via) continue;
    // Keyed by the helper function: its other requests (a fallback model, another branch) send the same prompt.
    const key = `${call.via.file}#${call.via.function}`;
    const known = callersOf.get(key);
    if (known) known.push(call);
    else callersOf.set(key, [call]);
  }
  calls.forEach((helper, index) => {
    if (helper.via || helper.annotation?.task || !promptIsAllPassedIn(helper)) return;
    const callers = callersOf.get(`${helper.file}#${helper.enclosingFunction ?? '<top>'}`);
    if (!callers || callers.length === 0) return;
    const counts = new Map<TaskType, number>();
    for (const caller of callers) {
      const type = classifyTask(caller, 0).type;
      counts.set(type, (counts.get(type) ?? 0) + 1);
    }
    const [type, count] = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (count * 2 <= callers.length) return;
    // A new object, not an edit: a file's analysis may be cached and reused by a later scan.
    calls[index] = { ...helper, callersTask: { type, callers: count, of: callers.length } };
  });
}

/** Messages made of run-time parts only: no word of the prompt is the helper's own. */
function promptIsAllPassedIn(call: DetectedCall): boolean {
  if (call.messages.length === 0 || !call.messages.some((message) => message.holes.length > 0)) return false;
  return call.messages.every((message) => message.text.replace(/\{\{[^}]*\}\}/g, '').trim() === '');
}
