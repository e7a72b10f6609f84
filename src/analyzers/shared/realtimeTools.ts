import { REALTIME_AUDIO_TURN_TEXT } from '../../model/vocabulary';
import type { DetectedCall } from '../../model/types';
import { lineAtOffset } from './settings';
import type { WorkspaceFile } from './wrapperCallers';

/**
 * Tools given to a realtime session after it opens: a `session.update` event whose session carries `tools`
 * (sent over the data channel or WebSocket), or a realtime agent defined with tools (`new RealtimeAgent({ tools })`
 * of @openai/agents). Read in the text that follows the marker, up to the size of one such object.
 */
const SESSION_TOOLS = [
  { marker: /["'`]session\.update["'`]/g, what: 'a session.update event gives the session tools' },
  { marker: /new\s+RealtimeAgent\s*\(/g, what: 'a realtime agent is defined with tools' },
] as const;

/** How far past the marker the `tools` of the same object may sit. */
const OBJECT_REACH = 600;

/**
 * Realtime sessions are opened in one place (a key minted on the server, an SDP offer or WebSocket in the browser) and
 * configured in another: the tools the model may call during the conversation come in a `session.update` event or with
 * the agents the session runs. A workspace configuring its realtime sessions with tools makes each of its sessions a
 * tool-using one. Text only, since the configuration often sits in a UI component far from the request.
 */
export async function markRealtimeSessionTools(detected: DetectedCall[], files: readonly WorkspaceFile[], readText: (absolutePath: string) => Promise<string | null>, signal?: AbortSignal): Promise<void> {
  const isSession = (call: DetectedCall) => !call.features.tools && call.messages.some((message) => message.role === 'user' && message.text === REALTIME_AUDIO_TURN_TEXT);
  if (!detected.some(isSession)) return;
  let found: string | undefined;
  for (const file of files) {
    signal?.throwIfAborted();
    const text = await readText(file.absolutePath);
    if (text === null || !/session\.update|RealtimeAgent/.test(text)) continue;
    for (const { marker, what } of SESSION_TOOLS) {
      for (const match of text.matchAll(marker)) {
        if (!/\btools\s*:/.test(text.slice(match.index, match.index + OBJECT_REACH))) continue;
        found = `tools: ${what} (${file.relativePath}:${lineAtOffset(text, match.index)})`;
        break;
      }
      if (found) break;
    }
    if (found) break;
  }
  if (!found) return;
  // New objects, not edits: a file's analysis may be cached and reused by a later scan.
  detected.forEach((call, index) => {
    if (isSession(call)) detected[index] = { ...call, features: { ...call.features, tools: true }, evidence: [...call.evidence, found!] };
  });
}
