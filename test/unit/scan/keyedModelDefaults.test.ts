import * as assert from 'node:assert/strict';
import { scanProject } from '../fixtureProject';

/** The app's default model per provider key (five or more entries naming model settings). */
const DEFAULTS_TABLE = `class AgentHandler {
  providerDefault(provider = this.provider) {
    switch (provider) {
      case "openai":
        return process.env.OPEN_MODEL_PREF ?? "gpt-4.1-nano";
      case "groq":
        return process.env.GROQ_MODEL_PREF ?? "llama3-70b-8192";
      case "togetherai":
        return (
          process.env.TOGETHER_AI_MODEL_PREF ??
          "mistralai/Mixtral-8x7B-Instruct-v0.1"
        );
      case "mistral":
        return process.env.MISTRAL_MODEL_PREF ?? "mistral-medium";
      case "deepseek":
        return process.env.DEEPSEEK_MODEL_PREF ?? "deepseek-chat";
      case "lmstudio":
        return process.env.LMSTUDIO_MODEL_PREF ?? null;
      default:
        return null;
    }
  }
}
module.exports = { AgentHandler };
`;

const FACTORY = `const Providers = require("./providers");
function getProviderForConfig(config) {
  switch (config.provider) {
    case "groq":
      return new Providers.GroqProvider({ model: config.model });
    case "togetherai":
      return new Providers.TogetherAIProvider({ model: config.model });
    default:
      throw new Error("unknown provider");
  }
}
module.exports = { getProviderForConfig };
`;

const providerClass = (name: string, baseURL: string, fallback: string) => `const OpenAI = require("openai");
class ${name} {
  constructor(config = {}) {
    const { model = "${fallback}" } = config;
    this.client = new OpenAI({ baseURL: "${baseURL}" });
    this.model = model;
  }
  async complete(messages) {
    return this.client.chat.completions.create({ model: this.model, messages });
  }
}
module.exports = ${name};
`;

const PROVIDERS = `module.exports = { GroqProvider: require("./groq"), TogetherAIProvider: require("./together"), PlainProvider: require("./plain") };
`;

describe("a provider class made per key with the config's model, where the app keeps a default model per key", () => {
  it("takes the app's default for its key instead of the class's own, and says it is assumed; a class no factory makes with the config's model keeps its own", async () => {
    const result = await scanProject({
      'package.json': '{ "name": "agents", "private": true, "dependencies": { "openai": "^5.0.0" } }',
      'server/agents/index.js': DEFAULTS_TABLE,
      'server/aibitat/factory.js': FACTORY,
      'server/aibitat/providers/index.js': PROVIDERS,
      'server/aibitat/providers/groq.js': providerClass('GroqProvider', 'https://api.groq.com/openai/v1', 'llama3-8b-8192'),
      'server/aibitat/providers/together.js': providerClass('TogetherAIProvider', 'https://api.together.xyz/v1', 'mistralai/Mistral-7B-Instruct-v0.1'),
      'server/aibitat/providers/plain.js': providerClass('PlainProvider', 'https://api.deepseek.com/v1', 'deepseek-reasoner'),
    }, 'keyed-defaults-');
    const at = (file: string) => result.callSites.find((site) => site.file === file);
    const groq = at('server/aibitat/providers/groq.js');
    const together = at('server/aibitat/providers/together.js');
    const plain = at('server/aibitat/providers/plain.js');
    assert.ok(groq && together && plain, JSON.stringify(result.callSites.map((site) => site.file)));
    assert.equal(groq.model.id, 'llama3-70b-8192', groq.evidence.join('\n'));
    assert.equal(groq.model.env, 'GROQ_MODEL_PREF');
    assert.ok(groq.evidence.some((line) => line.includes('GroqProvider is made for "groq" with the config\'s model (server/aibitat/factory.js:4); assumed to be the app\'s default for "groq": GROQ_MODEL_PREF, else "llama3-70b-8192" (server/agents/index.js:6)') && line.includes('"llama3-8b-8192" applies only when no model is passed')), groq.evidence.join('\n'));
    assert.equal(together.model.id, 'mistralai/Mixtral-8x7B-Instruct-v0.1', together.evidence.join('\n'));
    assert.equal(plain.model.id, 'deepseek-reasoner');
  });
});
