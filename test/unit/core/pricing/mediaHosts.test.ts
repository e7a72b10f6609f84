/**
 * Media calls (text-to-speech, speech-to-text, image generation) are offered the other rows of their endpoint,
 * each priced at its own host: another host is a new vendor and another model's voices, transcripts or images are
 * not today's, so each why says what to evaluate; the recommendation follows the savings threshold. A media call
 * on the team's own server has no per-unit bill, and a chat request asking for an image back is priced per image
 * or not at all, never as a text model.
 */
import * as assert from 'node:assert/strict';
import { adviseCall, type AdviceInput, type AdvisorOptions } from '../../../../src/core/pricing/advisor';
import { adviseSite } from '../../../../src/core/pricing/modelSet';
import { assumption, buildCatalog, loadCatalog, type Catalog } from '../../../../src/core/catalog/catalog';
import type { Endpoint, TaskType } from '../../../../src/model/types';
import { adviceInput } from '../../fixtureProject';

const bundled = loadCatalog();
const TODAY = '2026-12-01';
const minutes = assumption(bundled, 'audioMinutesPerTranscriptionCall');

/** A media call at 10,000 calls/month with 1,000 input tokens (4,000 characters spoken). */
function media(model: string | null, provider: string, endpoint: Endpoint, over: Partial<AdviceInput> = {}, task: TaskType = endpoint === 'image-generation' ? 'image-generation' : 'speech'): AdviceInput {
  return adviceInput(model === null ? { id: null, raw: 'this.model', source: 'dynamic' } : { id: model, raw: `'${model}'`, source: 'literal' }, {
    provider,
    endpoint,
    task: { type: task, confidence: 1, reasons: [] },
    tokens: { inputPerCall: 1000, outputPerCall: 0, method: 'test' },
    volume: { callsPerMonth: 10_000, source: 'annotation' },
    ...over,
  });
}

const editing = { streaming: false, tools: false, vision: true, structuredOutput: false };

interface MediaCase {
  name: string;
  call: AdviceInput;
  options?: AdvisorOptions;
  currentUsd: number;
  /** Labels of the options offered besides today's, with their viability, in order. */
  offered: Array<[label: string, viable: boolean, usd: number]>;
  action: 'keep' | 'change';
  /** What the recommended option is, for a change; what the keep says, for a keep. */
  recommended: RegExp;
  /** What the why of each viable option offered says. */
  why?: RegExp[];
}

const CASES: MediaCase[] = [
  {
    name: 'ElevenLabs TTS is offered OpenAI tts-1 at $15/M characters: a new vendor whose voices must be listened to',
    call: media('eleven_multilingual_v2', 'elevenlabs', 'audio-speech'),
    currentUsd: (10_000 * 4000 * 180) / 1e6,
    offered: [['tts-1 at openai', true, (10_000 * 4000 * 15) / 1e6]],
    action: 'change',
    recommended: /^tts-1 at openai$/,
    why: [/a new vendor \(openai\): its terms, keys and endpoint/, /a different text-to-speech model: its voices are not today's .*listen to it in your languages/],
  },
  {
    name: 'OpenAI whisper-1 is offered the open Whisper rows at Groq and Together, cheapest first; the Groq turbo saves the threshold',
    call: media('whisper-1', 'openai', 'audio-transcription'),
    currentUsd: 10_000 * minutes * 0.006,
    offered: [
      ['whisper-large-v3-turbo at groq', true, 10_000 * minutes * 0.0006666],
      ['whisper-large-v3 at together', true, 10_000 * minutes * 0.0015],
      ['whisper-large-v3 at groq', true, 10_000 * minutes * 0.0018498],
      ['nova-3 at deepgram', true, 10_000 * minutes * 0.0043],
    ],
    action: 'change',
    recommended: /^whisper-large-v3-turbo at groq$/,
    why: [/a new vendor \(groq\)/, /compare its transcripts \(word error rate\) on your own recordings/],
  },
  {
    name: 'Deepgram nova-3 is offered the Whisper rows, but the saving is below the threshold: keep, and say what it would save',
    call: media('nova-3', 'deepgram', 'audio-transcription'),
    currentUsd: 10_000 * minutes * 0.0043,
    offered: [
      ['whisper-large-v3-turbo at groq', true, 10_000 * minutes * 0.0006666],
      ['whisper-large-v3 at together', true, 10_000 * minutes * 0.0015],
      ['whisper-large-v3 at groq', true, 10_000 * minutes * 0.0018498],
    ],
    action: 'keep',
    recommended: /^not worth a change: whisper-large-v3-turbo at groq saves .* below the threshold/,
  },
  {
    name: 'whisper-large-v3 at Groq: the same weights at Together, and the turbo model at the same host as a model-id change',
    call: media('whisper-large-v3', 'groq', 'audio-transcription'),
    currentUsd: 10_000 * minutes * 0.0018498,
    offered: [
      ['whisper-large-v3-turbo at groq', true, 10_000 * minutes * 0.0006666],
      ['whisper-large-v3 at together', true, 10_000 * minutes * 0.0015],
    ],
    action: 'keep',
    recommended: /^not worth a change/,
    why: [/at the host the call goes to already \(groq\): same API and keys, a model-id change|the same whisper-large-v3 weights at another host: the same output expected/],
  },
  {
    name: 'gpt-image-1 generating an image is offered FLUX.1 schnell at Together per image: a different image model to compare on your prompts',
    call: media('gpt-image-1', 'openai', 'image-generation'),
    currentUsd: 10_000 * 0.042,
    offered: [
      ['flux.1-schnell at together', true, 10_000 * 0.0027],
      ['dall-e-3 at openai', true, 10_000 * 0.04],
    ],
    action: 'change',
    recommended: /^flux\.1-schnell at together$/,
    why: [/a different image model: style, prompt adherence.*compare its images on your own prompts/],
  },
  {
    name: 'gpt-image-1 editing an image: models that take no input image are listed, not viable',
    call: media('gpt-image-1', 'openai', 'image-generation', { features: editing }),
    currentUsd: 10_000 * 0.042,
    offered: [
      ['flux.1-schnell at together', false, 10_000 * 0.0027],
      ['dall-e-3 at openai', false, 10_000 * 0.04],
    ],
    action: 'keep',
    recommended: /^already the cheapest viable option/,
  },
  {
    name: 'regulated data: another vendor\'s API is not compliant, so it is listed, not viable',
    call: media('whisper-1', 'openai', 'audio-transcription'),
    options: { dataSensitivity: 'regulated' },
    currentUsd: 10_000 * minutes * 0.006,
    offered: [
      ['whisper-large-v3-turbo at groq', false, 10_000 * minutes * 0.0006666],
      ['whisper-large-v3 at together', false, 10_000 * minutes * 0.0015],
    ],
    action: 'keep',
    recommended: /^already the cheapest viable option/,
  },
];

describe('pricing: media calls are offered the other hosts\' rows of their endpoint', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const advice = adviseCall(c.call, bundled, { today: TODAY, ...c.options });
      assert.ok(Math.abs(advice.monthlyUsdCurrent! - c.currentUsd) < 1e-6, `current ${advice.monthlyUsdCurrent} vs ${c.currentUsd}`);
      const offered = advice.options.filter((o) => !o.current);
      assert.deepEqual(
        offered.slice(0, c.offered.length).map((o) => [o.label, o.viable, Math.round(o.monthlyUsd * 1e6) / 1e6]),
        c.offered.map(([label, viable, usd]) => [label, viable, Math.round(usd * 1e6) / 1e6]),
        offered.map((o) => `${o.label}: ${o.why}`).join('\n'),
      );
      for (const option of offered) {
        assert.ok(option.price?.source && option.price.asOf, `${option.label} carries its price source and date`);
        assert.match(option.derivation ?? '', new RegExp(`Price: ${option.model!.replace(/\./g, '\\.')} at ${option.provider}`), 'the derivation names the row it is priced at');
      }
      for (const why of c.why ?? []) assert.ok(offered.some((o) => o.viable && why.test(o.why)), `a viable option says ${why}: ${offered.map((o) => o.why).join(' | ')}`);
      assert.equal(advice.recommendation?.action, c.action, advice.recommendation?.why);
      assert.match(c.action === 'change' ? advice.recommendation!.label : advice.recommendation!.why, c.recommended);
    });
  }

  it('a model set member is priced alone: the alternatives the full advice offers are not worked out for it', () => {
    const call = media('whisper-1', 'openai', 'audio-transcription');
    assert.ok(adviseCall(call, bundled, { today: TODAY }).options.length > 1, 'the full advice offers other hosts');
    const light = adviseCall(call, bundled, { today: TODAY, currentPriceOnly: true });
    assert.deepEqual(light.options.map((o) => o.label), ['Stay on whisper-1']);
    assert.equal(light.recommendation, null);
  });

  it('today\'s why no longer claims the catalog has no alternative for the endpoint', () => {
    for (const call of [media('tts-1', 'openai', 'audio-speech'), media('whisper-large-v3-turbo', 'groq', 'audio-transcription'), media('flux.1-schnell', 'together', 'image-generation')]) {
      const current = adviseCall(call, bundled, { today: TODAY }).options.find((o) => o.current)!;
      assert.doesNotMatch(current.why, /no alternative for this endpoint/);
      assert.match(current.why, /other (text-to-speech|speech-to-text|image) row\(s\) cost as much or more/);
    }
  });
});

describe('pricing: a media call on the team\'s own server has no per-unit bill', () => {
  const cases: Array<[model: string, provider: string, endpoint: Endpoint, unit: string]> = [
    ['gpt-image-1', 'ollama', 'image-generation', 'per-image'],
    ['whisper-1', 'self-hosted', 'audio-transcription', 'per-minute'],
    ['tts-1', 'lmstudio', 'audio-speech', 'per-character'],
  ];
  for (const [model, provider, endpoint, unit] of cases) {
    it(`${model} on ${provider}: not priced, never at the hosted vendor's price`, () => {
      const advice = adviseCall(media(model, provider, endpoint), bundled, { today: TODAY });
      assert.equal(advice.monthlyUsdCurrent, null);
      assert.deepEqual(advice.options, []);
      assert.match(advice.diagnostics.join(' '), new RegExp(`runs on ${provider}, a server you operate: there is no ${unit} bill.*is not its cost`));
    });
  }
});

describe('pricing: a chat request asking for an image back', () => {
  const imageChat = (model: string | null, provider: string) => media(model, provider, 'chat', { tokens: { inputPerCall: 56, outputPerCall: 0, method: 'test' } }, 'image-generation');

  it('with no per-image price for its model at its host: not priced, and no text model is offered', () => {
    const advice = adviseCall(imageChat('gpt-4.1-mini', 'openrouter'), bundled, { today: TODAY });
    assert.equal(advice.monthlyUsdCurrent, null);
    assert.deepEqual(advice.options, []);
    assert.match(advice.diagnostics.join(' '), /an image-output chat call \(the request asks for image output\); the catalog has no per-image price for gpt-4\.1-mini at openrouter/);
  });

  it('with a model the scan does not resolve: not priced over the text models\' reference set, with the reason', () => {
    const advice = adviseSite(imageChat(null, 'openrouter'), bundled, { today: TODAY });
    assert.equal(advice.monthlyUsdCurrent, null);
    assert.equal(advice.modelPricing, undefined, 'no assumed text model');
    assert.equal(advice.unpriced?.kind, 'not-priced');
    assert.match(advice.unpriced!.reason, /`this\.model` that the scan does not resolve to a model id, and an image-output chat call .*no per-image price at openrouter/);
  });

  it('with a per-image price for its model at its host: priced per image, and offered only image rows', () => {
    const rows = bundled.closed.filter((r) => r.endpoint === 'image-generation');
    const routed = { ...rows.find((r) => r.id === 'flux.1-schnell')!, id: 'image-model-x', vendor: 'image-lab', provider: 'openrouter', perImageUsd: 0.03, aliases: [], source: 'test table for openrouter', asOf: '2026-11-01' };
    const catalog: Catalog = buildCatalog({ ...bundled, closed: [...rows, routed, bundled.closed.find((r) => r.id === 'gpt-4.1-mini')!] });
    const advice = adviseCall(imageChat('image-model-x', 'openrouter'), catalog, { today: TODAY });
    assert.ok(Math.abs(advice.monthlyUsdCurrent! - 10_000 * 0.03) < 1e-9, `priced per image: ${advice.monthlyUsdCurrent}`);
    assert.ok(advice.options.every((o) => o.current || rows.some((r) => r.id === o.model)), `only image rows: ${advice.options.map((o) => o.label).join(', ')}`);
    const flux = advice.options.find((o) => o.model === 'flux.1-schnell');
    assert.match(flux?.why ?? '', /moves from a chat request to the host's images endpoint/);
  });
});
