import { PACKAGE_CDN_URL_PREFIX } from '../model/vocabulary';

/**
 * Cheap text test run on every candidate file before any parsing: a file that names no LLM SDK,
 * no LLM endpoint and no LLM method shape cannot contain a call we report, so it is never parsed.
 * The method shapes let a file through that calls a client imported from a sibling module
 * (`claude.messages.create`, `llm.embedQuery`, `mistral.chat.complete`); a bare `llm.invoke(...)` on a
 * LangChain model imported from another module, with no LangChain import in the file, does not pass
 * (`.invoke(` is everywhere: Electron IPC, Lambda, Tauri).
 * A vector index queried or filled with raw text (`index.query({ data })`, `index.upsert([{ id, data }])`) passes too: the
 * index is often made in another module, and an index with an embedding model embeds that text itself.
 * Endpoint paths count after `/` or an opening quote: `new URL('chat/completions', base)` resolves a relative one;
 * generic ones (`/embeddings`, `/completions`, `/rerank`) only right after a quote, `${base}` or `v1`, never inside a word.
 * A file that sends a request (`fetch(`, `fetchEventSource(`, an app's `stream...(` helper) and writes a sampling
 * parameter only LLM APIs take (`max_tokens`, `top_p`, `presence_penalty`, ...) passes too: a provider client that
 * builds its URL from constants of another module (`this.path(OpenaiPath.ChatPath)`) names no endpoint itself.
 * Chrome's built-in AI is a set of globals (`LanguageModel.create(`, `window.ai.languageModel.create(`, a session's
 * `.promptStreaming(`); a bare `Writer.create(` passes only with options, since protobufjs's writers are made with none.
 * Their look-behinds come after the global's name: a pattern led by a look-behind is tried at every position of every
 * file, which made this test four times slower (~0.27 s of midday's 10.8 MB). The endpoint and shape alternatives that
 * start with the same frequent character (`.`, `:`, `/`, `api`) are grouped under it, so each such position is tried
 * once rather than once per alternative (a third less time over the corpus's 144 MB).
 * Kept deliberately tight (see scan-speed notes: 2.5% of a 3,000-file monorepo survives).
 */
const SDK_SPECIFIER = /(?:from\s*|require\s*\(\s*|import\s*\(\s*)['"](?:(?:openai(?:-edge)?|@anthropic-ai\/[\w-]+|@google\/(?:generative-ai|genai)|@google-cloud\/(?:vertexai|aiplatform|speech|text-to-speech)|microsoft-cognitiveservices-speech-sdk|ibm-watson\/(?:speech-to-text|text-to-speech)|@aws-sdk\/client-(?:polly|transcribe(?:-streaming)?)|@mistralai\/mistralai|@azure\/openai|@azure-rest\/ai-inference|@?firebase\/(?:ai|vertexai(?:-preview)?)|chatgpt|@waylaidwanderer\/chatgpt-api|groq-sdk|together-ai|cohere-ai|zeroentropy|autoevals|chromadb|@upstash\/vector)(?:\/[\w./-]+)?|ai|ai\/rsc|@ai-sdk\/[\w-]+|@langchain\/[\w-]+(?:\/[\w/-]+)?|langchain(?:\/[\w/-]+)?|llamaindex(?:\/[\w/-]+)?|@llamaindex\/[\w-]+(?:\/[\w/-]+)?|@aws-sdk\/client-(?:bedrock-runtime|bedrock-agent-runtime|sagemaker-runtime)|ollama(?:\/browser|\/dist\/(?:browser|index)\.[cm]?js)?|@huggingface\/(?:inference|transformers)|huggingface|@xenova\/transformers|sillytavern-transformers|(?:\.\.?\/)+[\w./-]*\/@(?:xenova|huggingface)\/transformers\/[\w./-]+|@mlc-ai\/web-llm|node-llama-cpp|llama\.rn|fastembed|onnxruntime-(?:node|web|react-native|common)|@openai\/realtime-api-beta|rt-client|@elevenlabs\/(?:elevenlabs-js|client|react)|elevenlabs|@deepgram\/sdk|v0-sdk|dify-client|workers-ai-provider|@livekit\/agents(?:-plugin-[\w-]+)?|@openai\/(?:agents(?:-realtime|\/realtime|-core|-openai)?|codex-sdk)|replicate|@mastra\/core(?:\/[\w-]+)?|@flue\/runtime(?:\/[\w-]+)?|@convex-dev\/(?:agent|rag)|@baiducloud\/qianfan|@copilotkit\/(?:runtime|backend)(?:\/[\w/-]+)?|@obsidian-ai-providers\/sdk|modelfusion|portkey-ai|token\.js|fluency\.js|genkit(?:\/beta)?|@dexaai\/dexter(?:\/[\w-]+)?|xsai|@xsai\/[\w-]+|@inngest\/agent-kit|@google\/adk|@ibm-cloud\/watsonx-ai|@genkit-ai\/(?:ai|googleai|google-genai|vertexai)|@fal-ai\/(?:client|serverless-client)|@runwayml\/sdk|eve(?:\/[\w/-]+)?)['"]/;

const ENDPOINT_OR_SHAPE = /\b(?:spawn|spawnSync|execFile|execFileSync|execa|execaSync)\(\s*['"`](?:claude|codex|gemini)['"`]|api(?:\.(?:openai\.com|cloudflare\.com\/client\/v4\/accounts\/|anthropic\.com|goose\.ai\/v1\/engines\/|ai21\.com\/studio\/v1\/|elevenlabs\.io|deepgram\.com|assemblyai\.com|replicate\.com|stability\.ai\/v\d|kie\.ai|heygen\.com|astria\.ai\/tunes\/|jina\.ai\/v1\/classify|cohere\.(?:ai|com)\/|minimax\.(?:chat|io)\/)|-inference\.huggingface\.co)|hunyuan\.(?:tencentcloudapi|cloud\.tencent)\.com|bedrock-runtime\.|novelai\.net['"`/]|generativelanguage\.googleapis\.com|aiplatform\.googleapis\.com|\bfal\.run(?:\/|['"`])|cloud\.leonardo\.ai\/api\/rest\/v1|\bSTEAMSHIP_API_KEY\b|api\.x\.ai\/v1\/realtime|(?:ai|stable)horde\.net\/api\/v2\/|api\/(?:v1|extra)\/generate\b|['"`]@(?:cf|hf)\/[\w.-]+\/|\.autorag\s*\(|speech\.googleapis\.com\/v|\.tts\.speech\.microsoft\.com|api-atlas\.nomic\.ai|api\.together\.xyz\/api\/inference|image\.pollinations\.ai\/prompt|api\.deepinfra\.com\/v1\/inference|relace\.run\/v1\/code|api\.jigsawstack\.com\/v1|api\.mistral\.ai\/v1\/(?:chat\/)?moderations|\/contentsafety\/|imagineapi\.dev\b|api\.sunoapi\.org\/api\/v1\b|api\.fish\.audio\/v1\/tts\b|api\.hume\.ai\/v0\/tts\b|api\.cartesia\.ai\/tts\/|\/mj\/(?:submit|insight-face)\/|api\.firecrawl\.dev\b|\bdexa\.ai['"`/]|\/ml\/v1\/text\/|claude\.ai\/api\/(?:organizations|append_message|generate_chat_title)|qianwen\.(?:biz\.)?aliyun\.com\/(?:dialog\/)?conversation|phind\.com\/api\/infer\/|asksage\.ai\/server|\/sdapi\/v1\/(?:txt2img|img2img)\b|sydney\.bing\.com\/sydney\/|neo\.character\.ai\/ws|perplexity\.ai\/socket\.io|moss\.fastnlp\.top\/api\/ws\/|chat\.360\.com\/backend-api\/|huggingface\.co\/chat\/|\/chat\/conversation\/\$\{|xinghuo\.xfyun\.cn\/iflygpt-chat|\/2\/grok\/add_response|(?:chatgpt\.com|chat\.openai\.com)\/backend-api|\/backend-api\/(?:f\/)?conversation\b|BardFrontendService\/StreamGenerate|kimi\.moonshot\.cn\/api\/chat|chatglm\.cn\/chatglm\/backend-api|router\.huggingface\.co\/hf-inference|\/(?:create_transcript\b|speechtotext\/|v1\/messages\b|(?:chat|completion)-messages\b)|[/'\"`](?:chat\/completions|api\/(?:chat|generate|embed(?:dings)?)\b|(?:whisper-(?:stream|cli)|llama-cli)['"])|(?:[}'\"`]|\bv1)\/(?:(?:fim\/)?completions|embeddings|rerank|audio\/transcriptions|images\/(?:generations|edits)|videos)\b|new URL\(\s*['\"`](?:(?:v1\/)?messages|\/?completion)['\"`]|\}\/(?:completion|messages|responses)[`'\"]|['\"`/]generate_stream['\"`]|:(?:(?:stream)?[gG]enerateContent\b|(?:stream)?[rR]awPredict\b|predict['"`]|(?:batchE|e)mbedContents?\b|11434\b)|BidiGenerateContent|Supabase\.ai\.Session\b|\.(?:steamship\.run\b|(?:createChatCompletion|createEmbedding|createChatMessage|createCompletionMessage|renameConversation|fromExistingIndex|startChat|embedQuery|embedDocuments|withStructuredOutput|bindTools|chat\.(?:complete|stream)|(?:chat\.)?completions\.(?:create|parse|stream)|messages\.(?:batches\.)?(?:create|stream)|sessions\.events\.send|responses\.(?:create|stream|parse)|embeddings\.create|threads\.(?:runs\.(?:create\w*|stream|submitToolOutputs\w*)|createAndRun\w*)|generateContent(?:Stream)?|promptStreaming)\s*\(|(?:query|upsert)\s*\(\s*\[?\s*\{[^{}]{0,200}?\bdata\s*[:,}]|(?:languageModel|assistant|summarizer|writer|rewriter)\??\.create\s*\()|\blm\.selectChatModels\s*\(|\bLanguageModelChat\b|(?:LanguageModel|Summarizer|Rewriter|Proofreader)(?<=(?:^|[^\w$.]|(?:window|self|globalThis|\))\.)(?:LanguageModel|Summarizer|Rewriter|Proofreader))\.create\s*\(|Writer(?<=(?:^|[^\w$.]|(?:window|self|globalThis|\))\.)Writer)\.create\s*\(\s*[^\s)]|\bai\??\.create(?:Text|Generic)Session\s*\(|\baiProviders\??\.(?:execute|embed|retrieve)\s*\(/;

/**
 * An SDK a page or a Deno edge function imports from a CDN by URL (`"https://esm.run/@google/generative-ai@0.21.0"`,
 * `"https://esm.sh/@langchain/openai@0.0.10"`) or by Deno's `npm:` specifier (`"npm:openai@4"`).
 */
const CDN_SDK_SPECIFIER = new RegExp(String.raw`['"]${PACKAGE_CDN_URL_PREFIX}(?:openai|@anthropic-ai\/sdk|@google\/(?:generative-ai|genai)|@mistralai\/mistralai|groq-sdk|ollama|@mlc-ai\/web-llm|@huggingface\/(?:inference|transformers)|@xenova\/transformers|@langchain\/[\w-]+|langchain|ai|@ai-sdk\/[\w-]+)[@/'"]`);

const SENDS_REQUEST = /\b(?:fetch|fetchEventSource|stream\w*)\s*(?:<[^<>()]*>\s*)?\(/;
/**
 * A chat message written as a literal (`{ role: 'user', content }`) in a file sending a request over HTTP itself (fetch,
 * axios, got, ky; not an app's `stream...(` helper, which chat apps' tests call with such literals everywhere): the body
 * of a chat request to a configured URL.
 */
const CHAT_ROLE_LITERAL = /\brole['"]?\s*:\s*['"`](?:user|system|assistant)['"`]/;
const FETCH_CALL = /\bfetch\s*(?:<[^<>()]*>\s*)?\(/;
/** Sampling settings only a model request takes; `num_predict` is Ollama's output limit (its `options`, on a configured endpoint). */
const SAMPLING_PARAMETER = /\b(?:max_tokens|max_completion_tokens|top_p|presence_penalty|frequency_penalty|maxOutputTokens|num_predict)\b/;

/**
 * True when the file's text runs something the way a LangChain model or chain runs (`chatModel.invoke(prompt)`,
 * `model.stream(messages)`, `chain.batch(inputs)`), an agent does (`researchAgent.generate({ prompt })`), a chat session a
 * module's function hands out (`getAIChatSession().sendMessage(...)`) or an SDK client another module makes does
 * (`replicate.predictions.create(...)`, `openai.images.generate(...)`, `openai.audio.speech.create(...)`, fal's
 * `fal.queue.submit(...)` and a run of a hosted model by its id, `fal.subscribe('fal-ai/flux/dev', ...)`,
 * `replicate.run('owner/model', ...)`), or the AI SDK's functions as the app's module re-exports them (`generateText` from
 * `@/lib/openai`, which writes `export { generateText }`): asked only of
 * files that import a module the scan parsed by a path alias (`@/LLMProviders/chainManager`), where the model it runs is
 * the module's. Everywhere else `.invoke(` is too common (Electron IPC, Lambda, Tauri) to let a file through.
 */
export function runsModel(text: string): boolean {
  return RUNS_MODEL.test(text);
}

const RUNS_MODEL = /\.(?:invoke|stream|batch|generate|sendMessage(?:Stream)?|predictions\.create|images\.(?:generate|edit|createVariation)|audio\.(?:transcriptions|translations|speech)\.create|moderations\.create|queue\.submit)\s*\(|\.(?:subscribe|run)\s*\(\s*['"`][\w.-]+\/[\w.\/-]+['"`]|\b(?:generateText|streamText|generateObject|streamObject)\s*\(/;

/** True when the file's text sends an HTTP request (`fetch(`, `axios.post(`, an app's `stream...(` or `post...(` helper). */
export function sendsRequest(text: string): boolean {
  return SENDS_REQUEST.test(text) || HTTP_CLIENT_CALL.test(text) || POST_HELPER_CALL.test(text);
}

const HTTP_CLIENT_CALL = /\b(?:axios|got|ky)(?:\.(?:post|put|request))?\s*\(/;
/** An app's own posting helper (`postJson<T>(OPENAI_API, payload, headers)`, `api.post(url, body)`): asked only with sendsRequest. */
const POST_HELPER_CALL = /\bpost(?:[A-Z]\w*)?\s*(?:<[^<>()]*>\s*)?\(/;

/** Above this many characters per line on average, a file is minified output, not source. */
const MINIFIED_AVERAGE_LINE_LENGTH = 1000;

/** A server that runs the agents it is given for its clients (Mastra's MCP server, `new MCPServer({ agents })`): where an app hands its agent over. */
const AGENT_SERVER_PACKAGE = '@mastra/mcp';
const AGENT_SERVER_SPECIFIER = /(?:from\s*|require\s*\(\s*|import\s*\(\s*)['"]@mastra\/mcp['"]/;

/** True when the file's text could contain an LLM call. */
export function mightContainLlmCall(text: string): boolean {
  return SDK_SPECIFIER.test(text) || ENDPOINT_OR_SHAPE.test(text) || CDN_SDK_SPECIFIER.test(text) || (SAMPLING_PARAMETER.test(text) && (SENDS_REQUEST.test(text) || HTTP_CLIENT_CALL.test(text))) || (CHAT_ROLE_LITERAL.test(text) && (FETCH_CALL.test(text) || HTTP_CLIENT_CALL.test(text))) || importsAgentServer(text) || sendsObsidianRequest(text) || runsConvexComponent(text);
}

/**
 * A Convex function running an AI component made in another module (`supportAgent.generateText(ctx, { threadId }, ...)`,
 * `rag.search(ctx, { query })`, see convex-agent.ts): the component's methods take the function's `ctx` first, which
 * little else does.
 */
function runsConvexComponent(text: string): boolean {
  return text.includes('(ctx') && CONVEX_COMPONENT_RUN.test(text);
}

const CONVEX_COMPONENT_RUN = /\.(?:generateText|streamText|generateObject|streamObject|add|search)\(\s*ctx\s*,/;

/**
 * An Obsidian plugin's request (`requestUrl({ url: this.adapter.getEndpoint(), body: JSON.stringify(this.adapter.formatRequest(prompt)) })`):
 * the plugin's only HTTP client, whose URL and chat body are often built by a provider adapter in another module, so the
 * file names neither. Obsidian plugins are few and small, so parsing each of their requests costs little.
 */
function sendsObsidianRequest(text: string): boolean {
  return text.includes('requestUrl') && OBSIDIAN_REQUEST_URL.test(text) && OBSIDIAN_SPECIFIER.test(text);
}

const OBSIDIAN_REQUEST_URL = /\brequestUrl\s*\(/;
const OBSIDIAN_SPECIFIER = /(?:from\s*|require\s*\(\s*)['"]obsidian['"]/;

/** The package's name first: the import pattern starts with an alternation, which the engine tries at every position (9x slower). */
function importsAgentServer(text: string): boolean {
  return text.includes(AGENT_SERVER_PACKAGE) && AGENT_SERVER_SPECIFIER.test(text);
}

/** True for minified or generated text, which we do not parse (it is not where a team writes its calls). */
export function looksMinified(text: string): boolean {
  if (text.length < 20_000) return false;
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++;
  return text.length / lines > MINIFIED_AVERAGE_LINE_LENGTH;
}

/**
 * True when the bytes are not text: a NUL byte in the first 8 KB (as git decides), among more control bytes than text
 * has. A source file may write a NUL inside a string (`` `${model}\0${prompt}` `` as a cache key's separator) and stay
 * text; an MPEG transport stream named `.ts`, or UTF-16, is full of them.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  // Buffer#indexOf is memchr: a byte loop in JS cost about 50 ms over a 25 MB repo; it runs only when a NUL is there.
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 8192));
  if (sample.indexOf(0) === -1) return false;
  let control = 0;
  for (const byte of sample) if (byte < 9 || (byte > 13 && byte < 32 && byte !== 27)) control++;
  return control > sample.length * MAX_CONTROL_SHARE_OF_TEXT;
}

/** The share of control bytes (NUL and the other C0 codes but tab, line ends and escape) text may hold in a sample. */
const MAX_CONTROL_SHARE_OF_TEXT = 0.01;
