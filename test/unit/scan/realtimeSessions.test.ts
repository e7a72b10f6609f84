import * as assert from 'node:assert/strict';
import { scanProject } from '../fixtureProject';
import type { ScanResult } from '../../../src/model/types';

/** A server route minting a realtime session (GA shape: the session's config nested under `session`). */
const GA_MINT = `export async function createVoiceSession(): Promise<unknown> {
  const reply = await fetch('https://api.openai.com/v1/realtime/client_secrets', {
    method: 'POST',
    headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ session: { type: 'realtime', model: 'gpt-realtime', audio: { output: { voice: 'marin' } } } }),
  });
  return reply.json();
}
`;

/** The browser joining that session over WebRTC with the minted key: the GA call endpoint names no model. */
const GA_CONNECT = `export async function joinCall(peer: RTCPeerConnection, ephemeralKey: string): Promise<string> {
  const offer = await peer.createOffer();
  const answer = await fetch('https://api.openai.com/v1/realtime/calls', { method: 'POST', body: offer.sdp, headers: { Authorization: 'Bearer ' + ephemeralKey, 'Content-Type': 'application/sdp' } });
  return answer.text();
}
`;

/** The beta shape: the mint and the SDP offer both name the model. */
const BETA_MINT = `export async function sessionToken() {
  const res = await fetch('https://api.openai.com/v1/realtime/sessions', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o-realtime-preview', voice: 'ash' }) });
  return res.json();
}
`;
const BETA_CONNECT = `const VOICE_MODEL = 'gpt-4o-realtime-preview';
export async function dial(peer, token) {
  const offer = await peer.createOffer();
  return fetch(\`https://api.openai.com/v1/realtime?model=\${VOICE_MODEL}\`, { method: 'POST', body: offer.sdp, headers: { Authorization: 'Bearer ' + token } });
}
`;

const siteIn = (result: ScanResult, file: string) => {
  const site = result.callSites.find((candidate) => candidate.file === file);
  assert.ok(site, `${file}: ${result.callSites.map((candidate) => candidate.file).join(', ')}`);
  return site;
};

describe('realtime sessions minted on a server and connected to from the browser', () => {
  it('counts a session once, at the mint that carries its model, when the connect names none', async () => {
    const result = await scanProject({ 'server/voiceSession.ts': GA_MINT, 'web/call.ts': GA_CONNECT }, 'realtime-mint-');
    const mint = siteIn(result, 'server/voiceSession.ts');
    const connect = siteIn(result, 'web/call.ts');
    assert.deepEqual(mint.realtimeStep, { step: 'mint', session: 'conversation' });
    assert.deepEqual(connect.realtimeStep, { step: 'connect', session: 'conversation' });
    assert.equal(mint.model.id, 'gpt-realtime', mint.evidence.join('\n'));
    assert.notEqual(mint.inTotals, false, mint.totalsNote);
    assert.equal(connect.inTotals, false);
    assert.match(connect.totalsNote ?? '', /minted at server\/voiceSession\.ts:2 .*counted at the mint/);
    assert.equal(result.summary.monthlyUsdCurrent, Math.round((mint.monthlyUsdCurrent ?? 0) * 100) / 100);
    assert.equal(result.summary.unpricedCallSites, 0, 'the unpriced connect is not a hole in the total: its session is counted at the mint');
  });

  it('keeps both sites with their prices but sums one, and offers the cheaper realtime model on each', async () => {
    const result = await scanProject({ 'api/token.js': BETA_MINT, 'src/voice.js': BETA_CONNECT }, 'realtime-mint-');
    const mint = siteIn(result, 'api/token.js');
    const connect = siteIn(result, 'src/voice.js');
    assert.ok((mint.monthlyUsdCurrent ?? 0) > 0 && mint.monthlyUsdCurrent === connect.monthlyUsdCurrent, `${mint.monthlyUsdCurrent} / ${connect.monthlyUsdCurrent}`);
    assert.deepEqual([mint.inTotals !== false, connect.inTotals !== false], [true, false]);
    assert.equal(result.summary.monthlyUsdCurrent, Math.round((mint.monthlyUsdCurrent ?? 0) * 100) / 100, 'one session, not two');
    for (const site of [mint, connect]) {
      assert.equal(site.recommendation?.label, 'Switch to gpt-realtime-mini', `${site.file}: ${site.options.map((option) => option.label).join(', ')}`);
      assert.ok(site.options.every((option) => /realtime/.test(option.model ?? '')), `${site.file}: no text model for a session`);
    }
  });

  it('prices a session whose model the deployment sets over the realtime models, never a text model', async () => {
    const configured = GA_MINT.replace("model: 'gpt-realtime'", 'model: process.env.VOICE_MODEL');
    const result = await scanProject({ 'server/voiceSession.ts': configured, 'web/call.ts': GA_CONNECT }, 'realtime-configured-');
    const mint = siteIn(result, 'server/voiceSession.ts');
    assert.equal(mint.model.source, 'deployment-choice', JSON.stringify(mint.model));
    assert.equal(mint.modelPricing?.assumed, true, mint.modelPricing?.basis);
    assert.deepEqual(mint.modelPricing?.models.map((model) => model.id), ['gpt-realtime', 'gpt-realtime-mini']);
    const stated = await scanProject({ 'server/voiceSession.ts': GA_MINT }, 'realtime-stated-');
    assert.equal(mint.monthlyUsdCurrent, stated.callSites[0].monthlyUsdCurrent, 'priced as the gpt-realtime session it most likely is');
    assert.ok(mint.options.every((option) => /realtime/.test(option.model ?? '')), mint.options.map((option) => option.label).join(', '));
  });

  it('counts a connect on its own when the workspace mints no session', async () => {
    const result = await scanProject({ 'src/voice.js': BETA_CONNECT }, 'realtime-mint-');
    assert.equal(result.callSites.length, 1);
    assert.notEqual(result.callSites[0].inTotals, false);
    assert.equal(result.summary.monthlyUsdCurrent, Math.round((result.callSites[0].monthlyUsdCurrent ?? 0) * 100) / 100);
  });
});
