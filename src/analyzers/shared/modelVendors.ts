/** Mistral AI's model names (`mistral-small-latest`, `open-mixtral-8x7b`, `codestral-latest`): served by Mistral's own API. */
export const MISTRAL_MODEL = /^(?:open-)?(?:mistral|mixtral|codestral|ministral|pixtral|magistral|devstral)/i;

/**
 * The vendor whose own API alone serves a model id (`claude-*` Anthropic's, `gpt-*` OpenAI's), and the vendor a
 * provider is: an app's settings default for one vendor's client says nothing of another vendor's client built from the
 * same settings (opencommit's one `OCO_MODEL` default, an OpenAI model, handed to its Anthropic engine too).
 */
const MODEL_VENDORS: ReadonlyArray<[RegExp, string]> = [
  [/^claude/i, 'anthropic'],
  [/^(?:gpt-|o[1-9](?:-|$)|chatgpt|dall-e|text-embedding|whisper|tts-|davinci|babbage)/i, 'openai'],
  [/^(?:gemini|gemma|text-bison|chat-bison|(?:text-)?embedding-00)/i, 'google'],
  [MISTRAL_MODEL, 'mistral'],
  [/^(?:command|embed-(?:english|multilingual))/i, 'cohere'],
];
const PROVIDER_VENDORS: Readonly<Record<string, string>> = { anthropic: 'anthropic', openai: 'openai', 'azure-openai': 'openai', google: 'google', mistral: 'mistral', cohere: 'cohere' };

/** The first-party vendor a model id belongs to, undefined for open models and unknown names. */
export function vendorOfModel(id: string): string | undefined {
  return MODEL_VENDORS.find(([pattern]) => pattern.test(id))?.[1];
}

/** The vendor a provider is when it is that vendor's own API; undefined for gateways and OpenAI-compatible hosts, which serve any model. */
export function vendorOfProvider(provider: string): string | undefined {
  return PROVIDER_VENDORS[provider];
}
