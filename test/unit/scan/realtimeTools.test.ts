import * as assert from 'node:assert/strict';
import { scanProject } from '../fixtureProject';

/** A server minting realtime session keys and a browser opening the session over WebRTC. */
const SESSION_FILES: Record<string, string> = {
  'server.js': `export async function token() {
  const r = await fetch("https://api.openai.com/v1/realtime/sessions", { method: "POST", body: JSON.stringify({ model: "gpt-4o-realtime-preview-2024-12-17", voice: "verse" }) });
  return r.json();
}
`,
  'client/App.jsx': `export async function connect(pc, key) {
  const offer = await pc.createOffer();
  return fetch("https://api.openai.com/v1/realtime?model=gpt-4o-realtime-preview-2024-12-17", { method: "POST", body: offer.sdp, headers: { Authorization: "Bearer " + key } });
}
`,
};

const TOOL_PANEL = `const sessionUpdate = {
  type: "session.update",
  session: {
    tools: [{ type: "function", name: "display_color_palette", parameters: { type: "object", properties: {} } }],
    tool_choice: "auto",
  },
};
export function sendTools(send) { send(sessionUpdate); }
`;

const VOICE_PANEL = `export function setVoice(send) { send({ type: "session.update", session: { voice: "alloy", instructions: "Speak slowly." } }); }
`;

describe('realtime sessions given tools after they open', () => {
  it('a session.update event carrying tools makes each of the workspace\'s realtime sessions tool-using, and says where', async () => {
    const result = await scanProject({ ...SESSION_FILES, 'client/ToolPanel.jsx': TOOL_PANEL }, 'realtime-tools-');
    assert.equal(result.callSites.length, 2);
    for (const site of result.callSites) {
      assert.equal(site.features.tools, true, `${site.file}: ${site.evidence.join('\n')}`);
      assert.equal(site.features.streaming, true, site.file);
      assert.ok(site.evidence.includes('tools: a session.update event gives the session tools (client/ToolPanel.jsx:2)'), site.evidence.join('\n'));
    }
  });

  it('a session.update that only sets the voice gives no tools', async () => {
    const result = await scanProject({ ...SESSION_FILES, 'client/VoicePanel.jsx': VOICE_PANEL }, 'realtime-tools-');
    assert.equal(result.callSites.length, 2);
    for (const site of result.callSites) assert.equal(site.features.tools, false, site.file);
  });
});
