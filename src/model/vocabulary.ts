/**
 * Terms and constants the whole product shares, defined once. Imports nothing. (Policy numbers,
 * such as prices, GPU sizing and spend thresholds, are data in data/catalog, not here.)
 */

/** The user turn of a realtime voice session as an analyzer records it: audio the end user speaks, sized at run time. */
export const REALTIME_AUDIO_TURN_TEXT = '{{audio}}';

/** The workspace usage file, at the scan root unless the user names another. */
export const USAGE_FILE_NAME = 'llm-usage.yml';

/**
 * Option names that say where a request goes and as whom it is sent, not what it asks (`{ baseURL, authToken, model,
 * prompt }`): a helper's caller that adds only these to what its own callers gave it hands their request on.
 */
export const CONNECTION_SETTING_NAME = /^(?:base_?ur[il]|api_?base(?:_?url)?|api_?key|api_?token|auth_?token|access_?token|headers|endpoint|organization|api_?version|signal|timeout)$/i;

/**
 * Exports a framework finds and calls by their name, never written by the app's own code: Next.js, SvelteKit, Remix and
 * Astro route handlers, loaders and actions, serverless handlers, a worker's `fetch`, an extension's `activate`.
 */
export const FRAMEWORK_EXPORT_NAMES: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ALL', 'handler', 'handle', 'loader', 'action', 'actions', 'load', 'middleware', 'getServerSideProps', 'getStaticProps', 'getStaticPaths', 'generateMetadata', 'generateStaticParams', 'fetch', 'scheduled', 'queue', 'main', 'activate', 'deactivate', 'default']);

/**
 * Functions that wrap a function given inline and hand back one the app calls the same way: LangSmith's `traceable`,
 * Langfuse's `observe`, Braintrust's `wrapTraced`, Genkit's `defineFlow` (`const summarizeFlow = ai.defineFlow(config,
 * async (input) => { ... })`). Callers call the const holding the result, so that const names the function around a request.
 */
export const FUNCTION_WRAPPER_NAME = /^(?:traceable|observe|wrapTraced|defineFlow)$/;

/** Single-file components (Vue's `.vue`, Svelte's `.svelte`): the scan reads their `<script>` blocks, the editor re-scans them on save. */
export function isComponentFile(filePath: string): boolean {
  return /\.(?:vue|svelte)$/.test(filePath);
}

/** The provider of a model run inside the app's own process (transformers.js, WebLLM, node-llama-cpp): no server, no API. */
export const IN_PROCESS_PROVIDER = 'local';

/**
 * CDNs that serve an npm package as an ES module at `https://<cdn>/<package>[@version][/path]`, as a page's script or a Deno
 * edge function imports it (`https://esm.run/@google/generative-ai@0.21.0`, esm.sh, jsDelivr's `/npm/`, unpkg, Skypack), and
 * Deno's own `npm:<package>[@version]` specifier (Supabase Edge Functions): a regular expression's source.
 */
export const PACKAGE_CDN_URL_PREFIX = String.raw`(?:https?:\/\/(?:esm\.run|esm\.sh|cdn\.jsdelivr\.net\/npm|unpkg\.com|cdn\.skypack\.dev)\/|npm:)`;

/** Dify, an LLM application platform: its apps are reached through its SDK or its HTTP API (`/chat-messages`). */
export const DIFY_PROVIDER = 'dify';
/** Why a Dify app's request names no model: the platform holds its configuration. */
export const DIFY_APP_CONFIGURED = 'the model, prompt and tools are configured in the Dify app, not in this code: the model is unknown here';

/**
 * Providers that are a server the team runs itself (Ollama, LM Studio, vLLM, llama.cpp, TGI, SGLang,
 * in-process runtimes, and other self-hosted OpenAI-compatible servers): no per-token bill, the cost
 * is the hardware. The one definition the analyzers (which base URLs point at such a server), the
 * advisor and the assumed sets use.
 */
const LOCAL_SERVER_PROVIDER = /^(ollama|vllm|llama\.?cpp|lmstudio|local|self-hosted|tgi|sglang)/;

/** An Ollama server the team runs: its model names, default precision and parallelism are Ollama's own (ollama-library.json). */
export function isOllamaServer(provider: string): boolean {
  return provider.toLowerCase() === 'ollama';
}

/** The setting an Ollama server reads for how many requests per model it processes at once. */
export const OLLAMA_PARALLEL_SETTING = 'OLLAMA_NUM_PARALLEL';

/**
 * Providers that serve a model under the end user's own subscription, with no per-token API price the app pays:
 * GitHub Copilot's models reached through VS Code's Language Model API (`vscode.lm`), and the consumer chat web apps
 * (ChatGPT, Claude, Gemini, Kimi, ChatGLM, Pi, Grok, Qianwen, Spark, Baichuan, Le Chat, Phind, 360 AI Brain, HuggingChat, Bing's Copilot, Character.AI, Perplexity, MOSS) that browser extensions and translators drive with the end user's own
 * logged-in session (a cookie or access token), not an API key.
 */
const SUBSCRIPTION_PROVIDERS: ReadonlySet<string> = new Set(['github-copilot', 'chatgpt-web', 'claude-web', 'gemini-web', 'kimi-web', 'chatglm-web', 'pi-web', 'grok-web', 'qianwen-web', 'xunfei-web', 'baichuan-web', 'mistral-web', 'phind-web', '360-ai-brain-web', 'huggingchat-web', 'bing-web', 'characterai-web', 'perplexity-web', 'moss-web']);

export function servedBySubscription(provider: string): boolean {
  return SUBSCRIPTION_PROVIDERS.has(provider.toLowerCase());
}

/**
 * The analyzer (its id, the `sdk` of its calls) of vendors' coding agents run headless as a program (Claude Code, the
 * Codex and Gemini CLIs): a run on the login of whoever runs the app, often a developer's plan. Among an app's
 * implementations of one call it comes after those on an API, so the call is priced at what an API key pays.
 */
export const AGENT_CLI_SDK = 'agent-cli';

/**
 * Analyzers (by id, the `sdk` of their calls) of runtimes that run the model on the end user's own device: Chrome's
 * built-in AI, and WebLLM in the end user's browser. Such a call has provider `local` (no API) but, unlike a model in the
 * app's own server process, costs the team no hardware either: it is reported unpriced (the runtime's row in
 * data/catalog/on-device-runtimes.json says why), and is the last choice among an app's implementations.
 */
export const END_USER_DEVICE_SDKS: ReadonlySet<string> = new Set(['chrome-ai', 'web-llm']);

/**
 * Analyzers some of whose calls run on the end user's device when the code shows it (the call's `runsOn`): the local
 * analyzer's transformers.js, which runs in a Node server or in the end user's browser (a web worker, a client component).
 * Their row in on-device-runtimes.json is for those calls only.
 */
export const SOMETIMES_END_USER_DEVICE_SDKS: ReadonlySet<string> = new Set([IN_PROCESS_PROVIDER]);

export function runsOnEndUserDevice(call: { sdk: string; runsOn?: 'end-user-device' }): boolean {
  return END_USER_DEVICE_SDKS.has(call.sdk) || (call.runsOn === 'end-user-device' && SOMETIMES_END_USER_DEVICE_SDKS.has(call.sdk));
}

export function isLocalServer(provider: string): boolean {
  return LOCAL_SERVER_PROVIDER.test(provider.toLowerCase());
}

/**
 * Calls per month assumed for a call site when nothing sets its volume (no annotation, usage file,
 * export or setting). Shown as an assumption wherever it is used.
 */
export const BUILTIN_CALLS_PER_MONTH = 10_000;

/**
 * A model id as users write it (in `model=`, llm-usage.yml, settings, the panel): one token of letters,
 * digits and `. _ - / : @` (`gpt-4o-mini`, `openai/gpt-4.1`, `anthropic.claude-3-haiku-20240307-v1:0`).
 */
export const MODEL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/:@-]{0,127}$/;

/** Weight precisions the GPU sizer plans with (and the panel offers), widest first. */
export const PRECISIONS = ['bf16', 'fp16', 'fp8', 'int8', 'mxfp4', 'int4'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** Data sensitivity of the workspace: `regulated` data must stay on infrastructure the team controls (healthcare, legal, finance), per the seed. */
export const DATA_SENSITIVITIES = ['standard', 'regulated'] as const;
export type DataSensitivity = (typeof DATA_SENSITIVITIES)[number];

/**
 * Where calls are not production traffic (tests, evals, mocks, stories, fixtures, scripts,
 * examples): picomatch globs over root-relative POSIX paths. Such calls are listed with
 * `production: false` and left out of the totals. The CLI's `--non-production GLOB` and the
 * `llmHostingAdvisor.nonProductionGlobs` setting add to these.
 */
/** Test files: a test file, or any file in a test folder (the first of NON_PRODUCTION_GLOBS). */
export const TEST_FILE_GLOBS: readonly string[] = [
  '**/{test,tests,__tests__,__test__,spec,specs,e2e,cypress,playwright}/**',
  '**/*.{test,spec,e2e}.{ts,tsx,js,jsx,mts,cts,mjs,cjs}',
];

export const NON_PRODUCTION_GLOBS: readonly string[] = [
  ...TEST_FILE_GLOBS,
  '**/{eval,evals,evaluation,evaluations,benchmark,benchmarks,bench}/**',
  '**/*.eval.{ts,tsx,js,jsx,mts,mjs}',
  '**/{mock,mocks,__mocks__,fixture,fixtures,__fixtures__,testdata,test-data}/**',
  '**/*.{mock,stories,story}.{ts,tsx,js,jsx,mts,mjs}',
  '**/{stories,storybook,.storybook}/**',
  '**/{script,scripts}/**',
  '**/{example,examples,demo,demos,sample,samples,playground}/**',
];

/**
 * Functions an app runs to check its settings, not to do a task: `validateConfiguration`, `testConnection`,
 * `checkApiKey`, `testProviderConnection`, `validateEmbeddingConfiguration`, `testEmbeddingService`, `pingProvider`, `probeModel`. The tiny request one sends (a one-word embedding, a "hi", a
 * "ping" with `max_tokens: 1`) checks that a key, host or model works when the user saves the settings; it is no
 * feature's call, so it is not reported as a call site. Not `testProvider` (apps name features so too), nor a check
 * naming the provider it checks (`validateAnthropicAPIKey`): the labels count those as requests in some repositories.
 */
export const SETUP_CHECK_FUNCTION = /^(?:validate|verify|test|check|ping|probe)(?:Api|Provider|Embedding|Model)?(?:Keys?|Configuration|Config|Connection|Connectivity|Credentials?|Settings|Endpoint|Access|Auth|Service)$|^(?:ping|probe)(?:Provider|Server|Model)$/i;

/**
 * What a module specifier may leave off, tried in this order: the file as written, its extensions, then a folder's
 * index file. Module resolution (the analyzers') and the import graph (the scan's, without a parser) read it alike.
 */
export const MODULE_FILE_SUFFIXES: readonly string[] = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '/index.ts', '/index.tsx', '/index.js', '/index.jsx', '/index.mjs', '.d.ts', '/index.d.ts'];
