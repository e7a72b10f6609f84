import * as assert from 'node:assert/strict';
import { scanProject } from '../fixtureProject';
import type { ScanResult } from '../../../src/model/types';

/** The lines of a file the scan reports: its call sites, and the calls relaying to one (listed on the site they relay to). */
function reportedLines(result: ScanResult, file: string): number[] {
  const sites = result.callSites.filter((site) => site.file === file).map((site) => site.line);
  const relays = result.callSites.flatMap((site) => (site.relays ?? []).filter((relay) => relay.file === file).map((relay) => relay.line));
  return [...sites, ...relays].sort((a, b) => a - b);
}

/** The app's helper every chat goes through. */
const HELPER = `import OpenAI from 'openai';
const client = new OpenAI();
export async function complete(prompt: string) {
  return client.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: prompt }] });
}
`;

/**
 * A hook (page-assist's shape) that still declares its old chat mode after switching to a shared one: the old one's
 * requests never run. `summarize` is handed out in the returned object and `retry` is called, so theirs do.
 */
const HOOK = `import OpenAI from 'openai';
import { complete } from './llm';
const openai = new OpenAI();
export function useMessage() {
  const normalChatMode = async (message: string) => {
    await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: message }] });
    return complete(message);
  };
  const summarize = async (text: string) => complete('Summarize: ' + text);
  async function retry(text: string) {
    return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
  }
  const onSubmit = async (message: string) => retry(message);
  return { onSubmit, summarize };
}
`;

describe('requests in a local function nothing calls', () => {
  it('are left out with a warning naming the function; a local function called, returned or handed on keeps its requests', async () => {
    const result = await scanProject({ 'src/llm.ts': HELPER, 'src/useMessage.ts': HOOK }, 'never-called-');
    const lines = reportedLines(result, 'src/useMessage.ts');
    // 6 and 7 sit in normalChatMode (the direct request and the helper's caller); 9 is summarize's, 11 retry's, 13 onSubmit's call of retry (a relay).
    assert.deepEqual(lines, [9, 11, 13]);
    const warning = result.diagnostics.find((diagnostic) => diagnostic.file === 'src/useMessage.ts' && diagnostic.line === 6);
    assert.ok(warning, JSON.stringify(result.diagnostics));
    assert.match(warning.message, /`normalChatMode`, declared inside `useMessage`, which nothing there calls \(dead code\)/);
  });

  it('keeps a request in an exported module-level function nothing in its file calls: another file may', async () => {
    const result = await scanProject({ 'src/llm.ts': HELPER }, 'never-called-module-');
    assert.deepEqual(result.callSites.map((site) => site.line), [4]);
  });

  it("leaves out a request in a module's own function that nothing in its module calls; a classic script's function is a global a page may call", async () => {
    // An ES module's older copy of its request, neither exported nor called (notabeen's generateAndSavePrecis), beside the live one.
    const esModule = `import OpenAI from 'openai';
const openai = new OpenAI();
async function generateAndSavePrecis(text: string) {
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
}
export async function precis(text: string) {
  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
}
`;
    // A script a page loads with a script tag: no import or export, so its functions are the page's globals.
    const classicScript = `async function askModel(text) {
  const response = await fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] }) });
  return response.json();
}
`;
    const result = await scanProject({ 'src/precis.ts': esModule, 'public/ask.js': classicScript }, 'never-called-own-');
    assert.deepEqual(reportedLines(result, 'src/precis.ts'), [7]);
    assert.deepEqual(reportedLines(result, 'public/ask.js'), [2]);
    const warning = result.diagnostics.find((diagnostic) => diagnostic.file === 'src/precis.ts' && diagnostic.line === 4);
    assert.ok(warning, JSON.stringify(result.diagnostics));
    assert.match(warning.message, /`generateAndSavePrecis`, a function of its module, which nothing there calls \(dead code\)/);
  });

  it('leaves out a request in a method nothing names, of a class a script exporting nothing keeps to itself; an exported or derived class keeps it', async () => {
    // babyagi-ui's translator.cjs: a program's own class, with a method the program never calls beside the one it does.
    // (Line 10, the program calling `translate`, is listed on that request as its caller.)
    const script = `const OpenAI = require('openai');
class Translator {
  async translate(text) {
    return new OpenAI().chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
  }
  async suggestKey(text) {
    return new OpenAI().chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });
  }
}
new Translator().translate(process.argv[2]);
`;
    // The same class exported: another file may call the method. A class with a base: the base may call it by name.
    const exported = script.replace('class Translator {', 'export class Translator {').replace("const OpenAI = require('openai');", "import OpenAI from 'openai';");
    const derived = script.replace('class Translator {', 'class Translator extends Base {').replace("const OpenAI = require('openai');", "const OpenAI = require('openai');\nconst { Base } = require('./base');");
    const result = await scanProject({ 'scripts/translator.cjs': script, 'src/translator.ts': exported, 'scripts/derived.cjs': derived }, 'never-called-method-');
    assert.deepEqual(reportedLines(result, 'scripts/translator.cjs'), [4, 10]);
    assert.deepEqual(reportedLines(result, 'src/translator.ts'), [4, 7, 10]);
    assert.deepEqual(reportedLines(result, 'scripts/derived.cjs'), [5, 8, 11]);
    const warning = result.diagnostics.find((diagnostic) => diagnostic.file === 'scripts/translator.cjs' && diagnostic.line === 7);
    assert.ok(warning, JSON.stringify(result.diagnostics));
    assert.match(warning.message, /`Translator.suggestKey`, a method of a class its script keeps to itself, which nothing there calls \(dead code\)/);
  });
});

/**
 * A module of helpers the app imports (ai-resume-analyzer's gemini.ts shape): `analyzeResume` is imported by the page,
 * `rateHeadline` only by a test, while `suggestImprovement` and `legacyComplete`, left over from a refactor, are named by
 * no file at all. `legacyComplete` makes its request itself.
 */
const HELPERS_MODULE = `import OpenAI from 'openai';
const openai = new OpenAI();
async function generateWithRetry(prompt: string) {
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });
}
export async function analyzeResume(resume: string) {
  return generateWithRetry('Rate this resume: ' + resume);
}
export async function suggestImprovement(section: string) {
  return generateWithRetry('Improve this section: ' + section);
}
export const legacyComplete = async (prompt: string) => {
  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] });
};
export async function rateHeadline(headline: string) {
  return generateWithRetry('Rate this headline: ' + headline);
}
`;
const PAGE = `import { analyzeResume } from '../lib/gemini';
export async function onUpload(text: string) {
  return analyzeResume(text);
}
`;
const HELPERS_TEST = `import { rateHeadline } from '../src/lib/gemini';
it('rates', async () => { await rateHeadline('x'); });
`;

describe("requests and calls of the app's helper in an exported function no file names", () => {
  it("are left out with a warning when another file imports the module; a name any file mentions, a module nothing imports, or a published library's API keeps them", async () => {
    const result = await scanProject(
      {
        'src/lib/gemini.ts': HELPERS_MODULE,
        'src/app/page.ts': PAGE,
        'test/gemini.test.ts': HELPERS_TEST,
        'src/scripts/once.ts': HELPERS_MODULE,
        // Imports suggestImprovement and never uses it: an import alone calls nothing.
        'src/app/settings.ts': `import { suggestImprovement } from '../lib/gemini';\nexport const version = 2;\n`,
        // Imports legacyComplete under another name and calls it by that name: a use.
        'src/app/review.ts': `import { legacyComplete as complete } from '../lib/gemini';\nexport const review = (headline: string) => complete('Review this headline: ' + headline);\n`,
        // The same module in a package published for others, its barrel handing on only analyzeResume.
        'packages/sdk/package.json': JSON.stringify({ name: '@acme/sdk', main: 'src/index.ts' }),
        'packages/sdk/src/gemini.ts': HELPERS_MODULE,
        'packages/sdk/src/index.ts': `export { analyzeResume } from './gemini';\n`,
      },
      'unnamed-export-',
    );
    // 4 is the helper's request, priced at its callers' sites: the page's call of analyzeResume and the test's of rateHeadline
    // (analyzeResume's and rateHeadline's own calls of the helper, 7 and 16, are hops on the way). 13 is legacyComplete's own
    // request, priced at the review's call of it under another name.
    assert.deepEqual(reportedLines(result, 'src/lib/gemini.ts'), [4, 13]);
    assert.deepEqual(reportedLines(result, 'src/app/page.ts'), [3]);
    assert.deepEqual(reportedLines(result, 'test/gemini.test.ts'), [2]);
    // 10, suggestImprovement's call of the helper, is named nowhere but in the settings file's import.
    const warnings = result.diagnostics.filter((diagnostic) => diagnostic.file === 'src/lib/gemini.ts');
    assert.deepEqual(warnings.map((warning) => [warning.line, warning.message]), [[10, 'not reported: the generateWithRetry request here is in `suggestImprovement`, which its module exports but no file of the workspace names (dead code)']]);
    // With no file calling it, an exported function's own request is dead code too.
    const uncalled = await scanProject({ 'src/lib/gemini.ts': HELPERS_MODULE, 'src/app/page.ts': PAGE }, 'unnamed-export-request-');
    assert.ok(uncalled.diagnostics.some((diagnostic) => diagnostic.file === 'src/lib/gemini.ts' && diagnostic.line === 13 && diagnostic.message === 'not reported: the chat.completions.create request here is in `legacyComplete`, which its module exports but no file of the workspace names (dead code)'), JSON.stringify(uncalled.diagnostics));
    assert.ok(!reportedLines(uncalled, 'src/lib/gemini.ts').includes(13));
    // A component importing it in its script may call it from its markup (which the scan reads blanked): it stays.
    const component = await scanProject({ 'src/lib/gemini.ts': HELPERS_MODULE, 'src/app/page.ts': PAGE, 'src/app/Legacy.svelte': `<script>\n  import { legacyComplete } from '../lib/gemini';\n</script>\n<button on:click={() => legacyComplete('Say hi')}>Go</button>\n` }, 'unnamed-export-component-');
    assert.ok(reportedLines(component, 'src/lib/gemini.ts').includes(13), JSON.stringify(component.diagnostics));
    // A copy nothing imports may be run by its path: its requests stay, warned about by nothing.
    const copy = reportedLines(result, 'src/scripts/once.ts');
    assert.ok(copy.includes(10) && copy.includes(13), JSON.stringify(copy));
    assert.equal(result.diagnostics.filter((diagnostic) => diagnostic.file === 'src/scripts/once.ts').length, 0);
    // The library's exported functions are its API: called from outside the workspace, none is dropped.
    const library = reportedLines(result, 'packages/sdk/src/gemini.ts');
    assert.ok(library.includes(10) && library.includes(13), JSON.stringify(library));
    assert.equal(result.diagnostics.filter((diagnostic) => diagnostic.file === 'packages/sdk/src/gemini.ts' && /dead code/.test(diagnostic.message)).length, 0);
  });
});

describe('requests in the methods of an exported class no file names', () => {
  it("are left out with a warning when the class is only handed on by a barrel; a class another file makes, one a framework finds (decorated, or extending a package's class) keeps them", async () => {
    const agentClass = (name: string, heading = '') => `import OpenAI from 'openai';\n${heading}export class ${name} {\n  private openai = new OpenAI();\n  async plan(objective: string) {\n    return this.openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: \`Plan the tasks for: \${objective}\` }] });\n  }\n}\n`;
    const result = await scanProject(
      {
        'src/agents/babyagi/agent.ts': agentClass('BabyAGI'),
        'src/agents/babyagi/index.ts': `export { BabyAGI } from './agent';\n`,
        'src/agents/elf/agent.ts': agentClass('BabyElfAGI'),
        'src/agents/elf/index.ts': `export { BabyElfAGI } from './agent';\n`,
        'src/agents/chat/agent.ts': `import { Agent } from 'agents';\nimport OpenAI from 'openai';\nexport class ChatAgent extends Agent {\n  async onMessage(text: string) {\n    return new OpenAI().chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });\n  }\n}\n`,
        'src/agents/nest/service.ts': agentClass('PlannerService', "declare function Injectable(): ClassDecorator;\n@Injectable()\n"),
        // Imports every module but makes only the elf agent: the Cloudflare agent is named in wrangler.jsonc, the Nest service found by its decorator.
        'src/app/run.ts': `import { BabyAGI } from '../agents/babyagi';\nimport { BabyElfAGI } from '../agents/elf';\nimport { ChatAgent } from '../agents/chat/agent';\nimport { PlannerService } from '../agents/nest/service';\nexport const start = (objective: string) => new BabyElfAGI().plan(objective);\n`,
      },
      'unnamed-export-class-',
    );
    assert.deepEqual(reportedLines(result, 'src/agents/babyagi/agent.ts'), []);
    assert.deepEqual(result.diagnostics.filter((diagnostic) => diagnostic.file === 'src/agents/babyagi/agent.ts').map((warning) => [warning.line, warning.message]), [[5, 'not reported: the chat.completions.create request here is in `BabyAGI`, which its module exports but no file of the workspace names (dead code)']]);
    assert.ok(reportedLines(result, 'src/agents/elf/agent.ts').includes(5));
    assert.deepEqual(reportedLines(result, 'src/agents/chat/agent.ts'), [5]);
    assert.ok(reportedLines(result, 'src/agents/nest/service.ts').includes(7), JSON.stringify(result.diagnostics));
  });
});

describe('requests in the methods of an exported class named only in comments', () => {
  it("are left out when the importing file makes it only in commented-out code; a line holding a URL's `//` before the making keeps it", async () => {
    const apiClass = (name: string) => `export class ${name} {\n  async chat(prompt: string) {\n    return fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] }) });\n  }\n}\n`;
    const result = await scanProject(
      {
        'src/platforms/openai.ts': apiClass('ChatGPTApi'),
        'src/platforms/google.ts': apiClass('GeminiProApi'),
        'src/api.ts': `import { ChatGPTApi } from './platforms/openai';\nimport { GeminiProApi } from './platforms/google';\nexport class ClientApi {\n  llm: unknown;\n  constructor() {\n    // this.llm = new ChatGPTApi();\n    /* this.llm = new ChatGPTApi(); */\n    const docs = 'https://ai.google.dev'; this.llm = new GeminiProApi();\n  }\n}\n`,
      },
      'commented-class-',
    );
    assert.deepEqual(reportedLines(result, 'src/platforms/openai.ts'), []);
    assert.ok(result.diagnostics.some((diagnostic) => diagnostic.file === 'src/platforms/openai.ts' && diagnostic.line === 3 && /`ChatGPTApi`, which its module exports but no file of the workspace names/.test(diagnostic.message)), JSON.stringify(result.diagnostics));
    assert.deepEqual(reportedLines(result, 'src/platforms/google.ts'), [3]);
  });
});

/**
 * A plugin's model class (joplin-plugin-jarvis's shape) that tests its connection on load only when a switch its authors
 * turned off says so: neither the direct request nor the helper's caller under that `if` runs; the ones outside it do.
 */
const SWITCHED_OFF = `import OpenAI from 'openai';
import { complete } from './llm';
const COMM_TEST_ON_LOAD = false;
const LIVE = true;
const openai = new OpenAI();
export async function load(prompt: string) {
  if (COMM_TEST_ON_LOAD) {
    await openai.embeddings.create({ model: 'text-embedding-3-small', input: 'test' });
    await complete('test');
  }
  if (LIVE) await complete(prompt);
  return openai.embeddings.create({ model: 'text-embedding-3-small', input: prompt });
}
export async function extract(client: OpenAI | null, text: string) {
  if (client && false) return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
  if (false as boolean) await openai.embeddings.create({ model: 'text-embedding-3-small', input: text });
  return text;
}
`;

describe('requests under an if on a constant set to false', () => {
  it('are left out with a warning naming the test; a constant set to true, and the code after the if, keep theirs; `x && false` and `false as boolean` are false too', async () => {
    const result = await scanProject({ 'src/llm.ts': HELPER, 'src/load.ts': SWITCHED_OFF }, 'switched-off-');
    // 11 hands the helper its prompt (a relay of the helper's request); 12 is the embedding after the ifs.
    assert.deepEqual(reportedLines(result, 'src/load.ts'), [11, 12]);
    const warning = result.diagnostics.find((diagnostic) => diagnostic.file === 'src/load.ts' && diagnostic.line === 8);
    assert.ok(warning, JSON.stringify(result.diagnostics));
    assert.match(warning.message, /runs only under `if \(COMM_TEST_ON_LOAD\)`, a constant the module sets to false \(dead code\)/);
  });
});
