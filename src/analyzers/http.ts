import { Node, SyntaxKind, VariableDeclarationKind, type CallExpression, type ClassDeclaration, type Identifier, type NewExpression, type ObjectLiteralExpression, type PropertyAccessExpression, type PropertyAssignment, type ShorthandPropertyAssignment, type VariableDeclaration } from 'ts-morph';
import type { DetectedCall, Endpoint, ModelRef, PromptMessage, RealtimeStep } from '../model/types';
import { DIFY_APP_CONFIGURED, DIFY_PROVIDER } from '../model/vocabulary';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { callSpan, enclosingFunctionName, IMAGE_EDIT_INPUT, REALTIME_STREAMING, realtimeAudioTurn, realtimeSession, realtimeStepOfUrl, toDetectedCall } from './shared/callsite';
import { resolveContentParts, resolveMessages, resolvePromptText, runTimeTurn } from './shared/prompt';
import { providerFromBaseUrl } from './shared/providers';
import { assignedValues, calledName, contains, enclosingFunction, findDeclaration, firstProperty, type FunctionNode, getObjectProperty, initializerOf, isFunctionNode, isSerializerCall, isStringLike, namedFunctionParameter, placeOf, resolveNumber, resolveObjectLiteral, resolveString, returnsOf, stringLiteralComparison, thisAssignments, unwrapExpression } from './shared/resolve';
import { joinUrl, OWN_ORIGIN_BASE } from './shared/urls';
import { enterCall, extensionSettingDefault, isReassignedLet, isSpecificUrlField, valueExpressions } from './shared/modelValue';
import { baseClassOf, resolveClientOrigin } from './shared/clients';
import { appSettingsDefaults } from './shared/settingsDefaults';
import { classOfExpression, shapesOf, superclassOf, supertypesOf, typeShapes } from './shared/shapes';
import { callsMatching } from './shared/calls';
import { calleeNameOf, eachCall, importBindingOf, isTrueLiteral, parameterTypeBinding, providerFromOptions, readModel, readSystemPrompt, readToolNames, traceValue } from './shared/sdk';

/**
 * Plain HTTP calls to well-known LLM endpoints: `fetch(url, { body: JSON.stringify({...}) })`,
 * `axios.post(url, body)` (also on an `axios.create({ baseURL })` instance), `ky.post`/`got.post`
 * with `json`. The URL decides whether it is an LLM call at all; the JSON body gives model and prompt.
 * A relative `/api/chat` is the app's own route (a Next.js handler, say), not Ollama: only an
 * Ollama host (port 11434 or a name saying `ollama`) makes `/api/chat` an LLM call.
 */
interface EndpointRule {
  /** Tested against the URL text, where run-time parts read `{{expression}}`. */
  pattern: RegExp;
  endpoint: Endpoint;
  /** Fixed provider, or undefined to take it from the host. */
  provider?: string;
  /** Only reported when the host is known (or the body names a model): generic paths like `/v1/embeddings`. */
  needsKnownHost?: boolean;
  /**
   * Only reported when the host says Ollama or the body is Ollama's own (`options`, `keep_alive`,
   * `format`, `stream: false`): `/api/chat` on an unknown base is as likely the app's own route.
   */
  needsOllamaBody?: boolean;
  /** Only reported when the body names a Claude model: a bare `messages` path on an unknown base (`new URL('messages', apiBase)`). */
  needsClaudeModel?: boolean;
  /**
   * Only reported when the body sends this field: `prompt` for llama.cpp's server's own `/completion`, `inputs` for Hugging
   * Face's text-generation and text-embeddings servers, each on a base the user sets.
   */
  needsBodyField?: string;
  /** Who serves it on a host no table names (a server the team runs), instead of an OpenAI-compatible one. */
  unknownHostProvider?: string;
  /** The endpoint is the model's task: speech to text when the model or the body says audio (`whisper`, an audio buffer). */
  taskFromInput?: boolean;
  /** Minting a realtime session or posting its SDP offer: a spoken conversation, the end user speaks each turn. */
  voiceSession?: boolean;
  /** An image edit: the image it edits is part of the input. */
  editsImage?: boolean;
  /** A host running any kind of media model: an image request when the body asks for a number or a size of images. */
  imagesFromBody?: boolean;
  /**
   * Completes a job an earlier request of the same function submitted (midjourney-proxy's `modal`, the confirmation a
   * Midjourney action asks for): part of that request's site, not a job of its own.
   */
  continuesJob?: boolean;
  /** The model is the path after the host (`fal.run/fal-ai/flux/dev`): this pattern's first group. */
  modelInPath?: RegExp;
  /** The model is the one key of this body field (Recall's `provider: { recallai_async: {...} }`). */
  modelFromKeyOf?: string;
  /**
   * Only reported when the request sends this key header (written in the call): Azure Speech billed to the app's
   * resource (`Ocp-Apim-Subscription-Key`), not Edge's read-aloud on a token its own endpoint hands out.
   */
  needsKeyHeader?: RegExp;
  /** What the evidence says of every request the rule reads (where its model is decided, when not in the code). */
  note?: string;
}

/** Steamship's hosted agents, at `<handle>.steamship.run/<workspace>/<instance>/<method>` or told by their key (KEYED_SERVICES). */
const STEAMSHIP_RULE: EndpointRule = { pattern: /\.steamship\.run\//, endpoint: 'chat', provider: 'steamship' };

/**
 * A path right after a base the user configures (`{{apiBase}}/completion`) or a server on this machine
 * (`http://127.0.0.1:8080/completion`): the shape of self-hosted inference servers' own endpoints.
 */
function onConfiguredOrLocalBase(path: string): RegExp {
  return new RegExp(`^(?:\\{\\{[^}]*\\}\\}|https?:\\/\\/(?:localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0)(?::\\d+)?)\\/${path}(?:$|[?#])`);
}

/** Who serves a midjourney-proxy job, and why it has no per-request price: a Midjourney subscription is billed per month and GPU time. */
const MIDJOURNEY_PROXY_PROVIDER = 'midjourney-proxy';
const MIDJOURNEY_PROXY_BILLING = "a Midjourney job through a midjourney-proxy relay: billed as the operator's Midjourney subscription (fast GPU hours), not per request";

const RULES: readonly EndpointRule[] = [
  // Consumer chat web apps driven with the end user's own logged-in session (browser extensions, translators): their
  // conversation endpoints, served under the user's account (see servedBySubscription), not a per-token API.
  { pattern: /(?:chatgpt\.com|chat\.openai\.com|\{\{[^}]*\}\})\/backend-api\/(?:f\/)?conversation(?:$|[?#])/, endpoint: 'chat', provider: 'chatgpt-web' },
  // Codex on a ChatGPT plan ("Sign in with ChatGPT"): the Responses API behind ChatGPT's backend, billed to the user's plan.
  { pattern: /(?:chatgpt\.com|chat\.openai\.com)\/backend-api\/codex\/responses(?:$|[?#])/, endpoint: 'chat', provider: 'chatgpt-web' },
  { pattern: /claude\.ai\/api\/organizations\/[^/]+\/chat_conversations\/[^/]+\/(?:[^/?#]*_)?completion(?:$|[?#])/, endpoint: 'chat', provider: 'claude-web' },
  // claude.ai's earlier endpoints: a message appended to a conversation, and the title its model writes for one.
  { pattern: /claude\.ai\/api\/(?:append_message|generate_chat_title)(?:$|[?#])/, endpoint: 'chat', provider: 'claude-web' },
  { pattern: /(?:gemini|bard)\.google\.com\/_\/BardChatUi\/data\/assistant\.lamda\.BardFrontendService\/StreamGenerate/, endpoint: 'chat', provider: 'gemini-web' },
  { pattern: /kimi\.(?:moonshot\.cn|com)\/api\/chat\/[^/]+\/completion\/stream(?:$|[?#])/, endpoint: 'chat', provider: 'kimi-web' },
  { pattern: /chatglm\.cn\/chatglm\/backend-api\/assistant\/stream(?:$|[?#])/, endpoint: 'chat', provider: 'chatglm-web' },
  // Other assistants' web apps as browser extensions drive them: Inflection's Pi, Grok inside X (twitter.com), Alibaba's
  // Tongyi Qianwen, iFlytek's Spark (Xinghuo) and Baichuan, each under the user's own login.
  { pattern: /pi\.ai\/api\/chat(?:$|[?#])/, endpoint: 'chat', provider: 'pi-web' },
  { pattern: /(?:twitter|x)\.com\/2\/grok\/add_response\.json(?:$|[?#])/, endpoint: 'chat', provider: 'grok-web' },
  { pattern: /qianwen\.aliyun\.com\/conversation(?:$|[?#])/, endpoint: 'chat', provider: 'qianwen-web' },
  { pattern: /xinghuo\.xfyun\.cn\/iflygpt-chat\/u\/chat_message\/chat(?:$|[?#])/, endpoint: 'chat', provider: 'xunfei-web' },
  { pattern: /baichuan-ai\.com\/api\/chat\/v1\/chat(?:$|[?#])/, endpoint: 'chat', provider: 'baichuan-web' },
  // More web apps a multi-bot client drives under the user's login: Mistral's Le Chat, Phind (a rewrite of the question,
  // then the answer), Qianwen's and ChatGLM's newer endpoints, 360's AI Brain, HuggingChat's conversations.
  { pattern: /chat\.mistral\.ai\/api\/chat(?:$|[?#])/, endpoint: 'chat', provider: 'mistral-web' },
  { pattern: /phind\.com\/api\/infer\/(?:answer|followup\/rewrite)(?:$|[?#])/, endpoint: 'chat', provider: 'phind-web' },
  { pattern: /qianwen\.biz\.aliyun\.com\/dialog\/conversation(?:$|[?#])/, endpoint: 'chat', provider: 'qianwen-web' },
  { pattern: /chatglm\.cn\/chatglm\/backend-api\/v1\/stream_context(?:$|[?#])/, endpoint: 'chat', provider: 'chatglm-web' },
  { pattern: /chat\.360\.com\/backend-api\/api\/common\/chat(?:$|[?#])/, endpoint: 'chat', provider: '360-ai-brain-web' },
  { pattern: /huggingface\.co\/chat\/conversation\/[^/?#]+\/?(?:$|[?#])/, endpoint: 'chat', provider: 'huggingchat-web' },
  // Tencent Cloud's Hunyuan API takes every action at the host's root (`X-TC-Action: ChatCompletions` in a header).
  { pattern: /^https:\/\/hunyuan\.(?:tencentcloudapi|cloud\.tencent)\.com\/?(?:$|[?#])/, endpoint: 'chat', provider: 'tencent' },
  { pattern: /api\.anthropic\.com[^'"`\s]*\/v1\/messages(?!\/count_tokens)(?:$|[?#])/, endpoint: 'chat', provider: 'anthropic' },
  // Anthropic's legacy Text Completions API (`prompt: "\\n\\nHuman: ...\\n\\nAssistant:"`, `max_tokens_to_sample`).
  { pattern: /api\.anthropic\.com[^'"`\s]*\/v1\/complete(?:$|[?#])/, endpoint: 'completion', provider: 'anthropic' },
  { pattern: /aiplatform\.googleapis\.com.*:(?:stream)?[gG]enerateContent/, endpoint: 'chat', provider: 'google-vertex' },
  { pattern: /generativelanguage\.googleapis\.com.*:(?:stream)?[gG]enerateContent/, endpoint: 'chat', provider: 'google' },
  { pattern: /generativelanguage\.googleapis\.com.*:(?:batchE|e)mbedContents?/, endpoint: 'embedding', provider: 'google' },
  // Imagen on the Gemini API: `models/imagen-4.0-generate-001:predict` (the API's only `:predict`).
  { pattern: /generativelanguage\.googleapis\.com\/v1(?:beta|alpha)?\/models\/[^/?#:]+:predict(?:$|[?#])/, endpoint: 'image-generation', provider: 'google' },
  // Gemini's Interactions API: one POST creates an interaction with a model or an agent (Deep Research), streamed or run in the background.
  { pattern: /generativelanguage\.googleapis\.com\/v1(?:beta|alpha)?\/interactions(?:$|[?#])/, endpoint: 'chat', provider: 'google' },
  // Bedrock's runtime called by hand (a signed fetch): Converse, ConverseStream, InvokeModel, InvokeModelWithResponseStream.
  { pattern: /bedrock-runtime\.[\w{}.-]+\.amazonaws\.com\/model\/[^/?#]+\/(?:converse(?:-stream)?|invoke(?:-with-response-stream)?|\{\{[^}]*\}\})(?:$|[?#])/, endpoint: 'chat', provider: 'aws-bedrock' },
  // Vertex AI's `:predict` on Google's own models: embedding models, and the earlier text, chat and code models (PaLM 2, Codey).
  { pattern: /publishers\/google\/models\/(?:text-?embedding|text-multilingual-embedding|multimodalembedding|gemini-embedding)[^/?#:]*:predict(?:$|[?#])/, endpoint: 'embedding', provider: 'google-vertex' },
  { pattern: /publishers\/google\/models\/[^/?#:]+:predict(?:$|[?#])/, endpoint: 'completion', provider: 'google-vertex' },
  // Partner models on Vertex AI (Anthropic's Claude, Mistral's, Codestral's FIM) take their provider's own body at `:rawPredict`.
  { pattern: /\/publishers\/[\w{}.-]+\/models\/[^/?#:]+:(?:stream)?[rR]awPredict(?:$|[?#])/, endpoint: 'chat', provider: 'google-vertex' },
  // IBM watsonx.ai's text APIs (`{region}.ml.cloud.ibm.com/ml/v1/text/...`, a deployment's under `deployments/{id}/`).
  { pattern: /(?:\/|\}\})ml\/v1\/(?:deployments\/[^/?#]+\/)?text\/chat(?:_stream)?(?:$|[?#])/, endpoint: 'chat', provider: 'ibm-watsonx' },
  { pattern: /(?:\/|\}\})ml\/v1\/(?:deployments\/[^/?#]+\/)?text\/generation(?:_stream)?(?:$|[?#])/, endpoint: 'completion', provider: 'ibm-watsonx' },
  { pattern: /\/ml\/v1\/text\/embeddings(?:$|[?#])/, endpoint: 'embedding', provider: 'ibm-watsonx' },
  { pattern: /\/ml\/v1\/text\/rerank(?:$|[?#])/, endpoint: 'rerank', provider: 'ibm-watsonx' },
  // Gemini Code Assist's API (what a Google sign-in uses in Google's coding tools): `v1internal:generateContent` on its own host,
  // or on a base the app keeps in a field (`${this.endpoint}/v1internal:streamGenerateContent?alt=sse`): the version is Code Assist's alone.
  { pattern: /cloudcode-pa\.googleapis\.com\/[^?#]*:(?:stream)?[gG]enerateContent(?:$|[?#])|\/v1internal:(?:stream)?[gG]enerateContent(?:$|[?#])/, endpoint: 'chat', provider: 'google' },
  // Gemini's REST shape behind a configurable base (a proxy, an env var): `models/<model>:generateContent` is Gemini's alone.
  { pattern: /models\/[^/?#]+:(?:stream)?[gG]enerateContent(?:$|[?#])/, endpoint: 'chat', provider: 'google' },
  { pattern: /models\/[^/?#]+:(?:batchE|e)mbedContents?(?:$|[?#])/, endpoint: 'embedding', provider: 'google' },
  // The PaLM API's methods on the same host (`models/chat-bison-001:generateMessage`, `text-bison-001:generateText`), retired by Google in 2024.
  { pattern: /models\/[^/?#]+:generate(?:Message|Text)(?:$|[?#])/, endpoint: 'chat', provider: 'google' },
  { pattern: /\/openai\/deployments\/[^/]+\/chat\/completions/, endpoint: 'chat', provider: 'azure-openai' },
  // Azure OpenAI's other deployment paths, and DALL·E 2's preview that takes no deployment (`/openai/images/generations:submit`).
  { pattern: /\/openai\/deployments\/[^/]+\/embeddings(?:$|[?#])/, endpoint: 'embedding', provider: 'azure-openai' },
  { pattern: /\/openai\/deployments\/[^/]+\/images\/generations(?:$|[?#])|\.openai\.azure\.com\/openai\/images\/generations(?::submit)?(?:$|[?#])/, endpoint: 'image-generation', provider: 'azure-openai' },
  { pattern: /\/openai\/deployments\/[^/]+\/audio\/(?:transcriptions|translations)(?:$|[?#])/, endpoint: 'audio-transcription', provider: 'azure-openai' },
  // Providers' own (not OpenAI-shaped) chat APIs behind a configurable base: Alibaba DashScope, Baidu Qianfan (ERNIE).
  { pattern: /\/services\/aigc\/(?:text|multimodal)-generation\/generation(?:$|[?#])/, endpoint: 'chat', provider: 'alibaba' },
  { pattern: /\/wenxinworkshop\/chat\/[^/?#]+(?:$|[?#])/, endpoint: 'chat', provider: 'baidu' },
  { pattern: /\/chat\/completions(?:$|[?#])/, endpoint: 'chat' },
  // Anthropic's Messages API behind a configurable base (`new URL('messages', apiBase)`): its shape, needing a model or a known host.
  { pattern: /\/v1\/messages(?:$|[?#])/, endpoint: 'chat', provider: 'anthropic', needsKnownHost: true },
  { pattern: /^\{\{[^}]*\}\}\/messages(?:$|[?#])/, endpoint: 'chat', provider: 'anthropic', needsClaudeModel: true },
  { pattern: /\/v1\/responses(?:$|[?#])/, endpoint: 'chat', needsKnownHost: true },
  // The Responses API behind a base the user configures (`${baseUrl}/responses`, the base ending in `/v1`): its shape, a
  // model and an `input` in the body.
  { pattern: /^\{\{[^}]*\}\}\/responses(?:$|[?#])/, endpoint: 'chat', needsKnownHost: true, needsBodyField: 'input' },
  // The Assistants API by hand: creating a run on a thread (or a thread and its run at once), and the tool outputs that
  // resume one, are where the assistant's model runs; reading a run's status (`/runs/{id}`) asks nothing of it.
  { pattern: /\/v1\/threads\/(?:[^/?#]+\/)?runs(?:\/[^/?#]+\/submit_tool_outputs)?(?:$|[?#])/, endpoint: 'chat', needsKnownHost: true, note: "an Assistants API run: the model is the assistant's, set where the assistant was created unless the run's body overrides it" },
  // Realtime over HTTP: minting a session (ephemeral key, with the model) and the WebRTC SDP offer (`?model=`).
  { pattern: /\/v1\/realtime(?:\/(?:sessions|client_secrets|calls|transcription_sessions))?(?:$|[?#])/, endpoint: 'chat', needsKnownHost: true, voiceSession: true },
  // Dify's HTTP API (`${DIFY_URL}/chat-messages` with `{ inputs, query, response_mode, user }`): one turn of a Dify app,
  // or one completion of its text generator, on the platform's host or the team's own install.
  { pattern: /\/(?:chat|completion)-messages(?:$|[?#])/, endpoint: 'chat', provider: DIFY_PROVIDER, needsBodyField: 'inputs', note: DIFY_APP_CONFIGURED },
  // ChatKit: minting a session for an Agent Builder workflow; the conversation then runs in OpenAI's hosted widget.
  { pattern: /\/v1\/chatkit\/sessions(?:$|[?#])/, endpoint: 'chat', provider: 'openai', note: "mints a ChatKit session: the end user's conversation then runs in OpenAI's hosted widget against the Agent Builder workflow the body names, whose model and tools are set in the workflow, not in the code" },
  // The engines form of the completions API (`/v1/engines/{engine}/completions`: OpenAI's first API, kept by GooseAI and
  // other hosts that copied it): the engine in the path is the model.
  { pattern: /\/v1\/engines\/[^/?#]+\/completions(?:$|[?#])/, endpoint: 'completion', needsKnownHost: true, modelInPath: /\/engines\/([^/?#]+)\/completions/ },
  // AI21 Studio's Jurassic-2 completions (`/studio/v1/j2-ultra/complete`): the model in the path.
  { pattern: /api\.ai21\.com\/studio\/v1\/[^?#]+\/complete(?:$|[?#])/, endpoint: 'completion', provider: 'ai21', modelInPath: /\/studio\/v1\/([^?#]+)\/complete/ },
  // Fill-in-the-middle: Mistral/Codestral `/v1/fim/completions`, DeepSeek `/beta/completions`.
  { pattern: /\/fim\/completions(?:$|[?#])/, endpoint: 'completion', needsKnownHost: true },
  { pattern: /\/completions(?:$|[?#])/, endpoint: 'completion', needsKnownHost: true },
  { pattern: /\/embeddings(?:$|[?#])/, endpoint: 'embedding', needsKnownHost: true },
  { pattern: /\/rerank(?:$|[?#])/, endpoint: 'rerank', needsKnownHost: true },
  // AUTOMATIC1111's Stable Diffusion WebUI API (and the hosts that copy it): a server the team runs unless the host says otherwise.
  { pattern: /\/sdapi\/v1\/(?:txt2img|img2img)(?:$|[?#])/, endpoint: 'image-generation', unknownHostProvider: 'self-hosted' },
  // Stability AI's Stable Image API, its path its own behind any base (the app's proxy route, a custom endpoint): `.../generate/{model}`.
  { pattern: /\/v2beta\/stable-image\/generate\/(?:[^/?#]+)?(?:$|[?#])/, endpoint: 'image-generation', provider: 'stability' },
  { pattern: /\/images\/generations(?:$|[?#])/, endpoint: 'image-generation', needsKnownHost: true },
  { pattern: /\/images\/edits(?:$|[?#])/, endpoint: 'image-generation', needsKnownHost: true, editsImage: true },
  { pattern: /\/audio\/(?:transcriptions|translations)(?:$|[?#])/, endpoint: 'audio-transcription', needsKnownHost: true },
  { pattern: /\/audio\/speech(?:$|[?#])/, endpoint: 'audio-speech', needsKnownHost: true },
  // OpenAI's Videos API (Sora): a POST of `/v1/videos` starts a video job; its remix another. Billed per second of video.
  { pattern: /\/v1\/videos(?:\/[^/?#]+\/remix)?(?:$|[?#])/, endpoint: 'other', needsKnownHost: true },
  // Replicate's predictions API: a model run billed per second of its hardware (or per output); what it makes is the model's.
  { pattern: /api\.replicate\.com\/v1\/(?:predictions|models\/[^/]+\/[^/]+\/predictions|deployments\/[^/]+\/[^/]+\/predictions)(?:$|[?#])/, endpoint: 'other', provider: 'replicate' },
  // Speech APIs: ElevenLabs, Deepgram, AssemblyAI (their hosts are the API).
  { pattern: /api\.elevenlabs\.io\/v1\/speech-to-text(?:$|[?#/])/, endpoint: 'audio-transcription', provider: 'elevenlabs' },
  { pattern: /api\.elevenlabs\.io\/v1\/text-to-speech\//, endpoint: 'audio-speech', provider: 'elevenlabs' },
  // Cartesia's text to speech (`model_id: 'sonic-2'` in the body), bytes or server-sent events.
  { pattern: /api\.cartesia\.ai\/tts\/(?:bytes|sse)(?:$|[?#])/, endpoint: 'audio-speech', provider: 'cartesia' },
  // Hume's expressive text to speech (Octave): `POST https://api.hume.ai/v0/tts` (and its streamed and file forms).
  { pattern: /api\.hume\.ai\/v0\/tts(?:\/(?:file|stream\/(?:json|file)))?(?:$|[?#])/, endpoint: 'audio-speech', provider: 'hume' },
  // Fish Audio's text to speech (its own voices and cloned ones).
  { pattern: /api\.fish\.audio\/v1\/tts(?:$|[?#])/, endpoint: 'audio-speech', provider: 'fish-audio' },
  { pattern: /api\.deepgram\.com\/v1\/listen(?:$|[?#])/, endpoint: 'audio-transcription', provider: 'deepgram' },
  { pattern: /api\.deepgram\.com\/v1\/speak(?:$|[?#])/, endpoint: 'audio-speech', provider: 'deepgram' },
  { pattern: /api\.(?:eu\.)?assemblyai\.com\/v2\/transcript(?:$|[?#])/, endpoint: 'audio-transcription', provider: 'assemblyai' },
  // Vercel AI Gateway's own (AI SDK) protocol, not its OpenAI-compatible one: `.../v4/ai/transcription-model`, the model in a header.
  { pattern: /(?:ai-gateway\.vercel\.sh|\/v\d+\/ai)\/transcription-model(?:$|[?#])/, endpoint: 'audio-transcription', provider: 'vercel-gateway' },
  // Recall.ai's async transcription of a recorded meeting (its path its own behind the regional or emulator base).
  { pattern: /\/recording\/[^/?#]+\/create_transcript\/?(?:$|[?#])/, endpoint: 'audio-transcription', provider: 'recall.ai', modelFromKeyOf: 'provider' },
  // Hosted media-model APIs: fal (`fal.run/<owner>/<model>`, its queue the same path; status polls are `.../requests/<id>`),
  // kie.ai (Veo, Runway, Flux, Suno, ... each `.../generate`, its market `jobs/createTask`), HeyGen's avatar video.
  // A fine-tuning job (`fal-ai/flux-lora-fast-training`, `...-portrait-trainer`) trains a model: no inference request.
  { pattern: /^https:\/\/(?:queue\.)?fal\.run\/(?![^?#]*\/requests(?:\/|$))(?![^?#]*-train(?:ing|er)(?:\/|$))[^?#]+$/, endpoint: 'other', provider: 'fal', imagesFromBody: true, modelInPath: /fal\.run\/([^?#]+)/ },
  // Leonardo AI's and Astria's image generation (a generation of Leonardo's platform models; Astria's prompts on a user's fine-tuned tune).
  { pattern: /cloud\.leonardo\.ai\/api\/rest\/v1\/generations(?:$|[?#])/, endpoint: 'image-generation', provider: 'leonardo' },
  { pattern: /api\.astria\.ai\/tunes\/[^/?#]+\/prompts(?:$|[?#])/, endpoint: 'image-generation', provider: 'astria' },
  { pattern: /api\.kie\.ai\/api\/v1\/(?:[\w-]+\/)*(?:generate|createTask)(?:$|[?#])/, endpoint: 'other', provider: 'kie.ai', imagesFromBody: true },
  { pattern: /api\.heygen\.com\/v\d+\/video(?:\/[\w-]+)*\/generate(?:$|[?#])|api\.heygen\.com\/v1\/video\.generate(?:$|[?#])/, endpoint: 'other', provider: 'heygen' },
  STEAMSHIP_RULE,
  { pattern: /(?::11434|ollama).*\/api\/(?:chat)(?:$|[?#])/i, endpoint: 'chat', provider: 'ollama' },
  { pattern: /(?::11434|ollama).*\/api\/(?:generate)(?:$|[?#])/i, endpoint: 'completion', provider: 'ollama' },
  { pattern: /(?::11434|ollama).*\/api\/(?:embed|embeddings)(?:$|[?#])/i, endpoint: 'embedding', provider: 'ollama' },
  { pattern: /^\{\{[^}]*\}\}\/api\/chat(?:$|[?#])/, endpoint: 'chat', provider: 'ollama', needsOllamaBody: true },
  { pattern: /^\{\{[^}]*\}\}\/api\/generate(?:$|[?#])/, endpoint: 'completion', provider: 'ollama', needsOllamaBody: true },
  { pattern: /^\{\{[^}]*\}\}\/api\/(?:embed|embeddings)(?:$|[?#])/, endpoint: 'embedding', provider: 'ollama', needsOllamaBody: true },
  // llama.cpp's server: its own completion endpoint (`new URL('completion', apiBase)`), beside its OpenAI-shaped ones.
  { pattern: onConfiguredOrLocalBase('completion'), endpoint: 'completion', provider: 'llama.cpp', needsBodyField: 'prompt' },
  // Hugging Face's Text Generation Inference (`generate`, `generate_stream`) and Text Embeddings Inference (`embed`) servers.
  { pattern: onConfiguredOrLocalBase('generate(?:_stream)?'), endpoint: 'completion', provider: 'self-hosted', needsBodyField: 'inputs' },
  { pattern: onConfiguredOrLocalBase('embed'), endpoint: 'embedding', provider: 'self-hosted', needsBodyField: 'inputs' },
  // KoboldAI's and KoboldCpp's own API (`/api/v1/generate`, KoboldCpp's streamed `/api/extra/generate/stream`) on the server the user runs.
  { pattern: onConfiguredOrLocalBase('api\\/(?:v1|extra)\\/generate(?:\\/stream)?'), endpoint: 'completion', provider: 'koboldcpp' },
  // Cohere's own chat API (v1 and v2) and MiniMax's, called by hand.
  // (Also without the version, as `new URL('chat', 'https://api.cohere.com/v1')` reads: the app appends the `/` to its base at run time.)
  { pattern: /api\.cohere\.(?:ai|com)\/(?:v[12]\/)?chat(?:$|[?#])/, endpoint: 'chat', provider: 'cohere' },
  { pattern: /api\.cohere\.(?:ai|com)\/(?:v[12]\/)?embed(?:$|[?#])/, endpoint: 'embedding', provider: 'cohere' },
  { pattern: /api\.cohere\.(?:ai|com)\/(?:v[12]\/)?rerank(?:$|[?#])/, endpoint: 'rerank', provider: 'cohere' },
  { pattern: /api\.minimax\.(?:chat|io)\/v1\/text\/chatcompletion(?:_pro|_v2)?(?:$|[?#])/, endpoint: 'chat', provider: 'minimax' },
  // NovelAI's own APIs (its text models, its image models, its upscaler), billed per request in its own currency (Anlas).
  { pattern: /novelai\.net\/ai\/generate(?:-stream)?(?:$|[?#])/, endpoint: 'completion', provider: 'novelai' },
  { pattern: /novelai\.net\/ai\/generate-image(?:$|[?#])/, endpoint: 'image-generation', provider: 'novelai' },
  { pattern: /novelai\.net\/ai\/upscale(?:$|[?#])/, endpoint: 'other', provider: 'novelai' },
  // Ask Sage's gateway (many vendors' models by the body's `model`): its query endpoints, with or without an attached file
  // (`server/` dropped when a base without its trailing slash is resolved against, which the app adds at run time).
  { pattern: /asksage\.ai\/(?:server\/)?query(?:_with_file)?(?:$|[?#])/, endpoint: 'chat', provider: 'asksage' },
  // AI Horde (a volunteer-run cluster of open models): text and image generations queued with `.../async`, image captions.
  { pattern: /(?:aihorde|stablehorde)\.net\/api\/v2\/generate\/text\/async(?:$|[?#])/, endpoint: 'completion', provider: 'aihorde' },
  { pattern: /(?:aihorde|stablehorde)\.net\/api\/v2\/generate\/async(?:$|[?#])/, endpoint: 'image-generation', provider: 'aihorde' },
  { pattern: /(?:aihorde|stablehorde)\.net\/api\/v2\/interrogate\/async(?:$|[?#])/, endpoint: 'other', provider: 'aihorde' },
  // Azure AI Speech's text to speech (SSML posted to a region's host), Nomic's embeddings, Together's legacy inference
  // endpoint (image models among others), Pollinations' image generation (the prompt in the path).
  { pattern: /\.tts\.speech\.microsoft\.com\/cognitiveservices\/v1(?:$|[?#])/, endpoint: 'audio-speech', provider: 'azure-speech', needsKeyHeader: /Ocp-Apim-Subscription-Key/i },
  // Azure AI Speech's batch transcription (a job over recordings at URLs: `/speechtotext/v3.x/transcriptions`, or
  // `transcriptions:submit` since API version 2024-11-15) and its fast transcription (`transcriptions:transcribe`), on the
  // resource's or region's host. A job's status, its files and the job list are other paths (or a GET of the same list).
  { pattern: /\/speechtotext\/(?:v3\.\d+\/transcriptions|transcriptions:(?:submit|transcribe))(?:$|[?#])/, endpoint: 'audio-transcription', provider: 'azure-speech' },
  { pattern: /api-atlas\.nomic\.ai\/v1\/embedding\/text(?:$|[?#])/, endpoint: 'embedding', provider: 'nomic' },
  { pattern: /api\.together\.xyz\/api\/inference(?:$|[?#])/, endpoint: 'other', provider: 'together', imagesFromBody: true },
  { pattern: /image\.pollinations\.ai\/prompt\/[^?#]+/, endpoint: 'image-generation', provider: 'pollinations' },
  // Google Cloud Speech-to-Text (v1 `speech:recognize`, `speech:longrunningrecognize`; v2 a recognizer's `:recognize`).
  { pattern: /speech\.googleapis\.com\/v1(?:p1beta1)?\/speech:(?:long(?:running)?)?recognize(?:$|[?#])|speech\.googleapis\.com\/v2\/projects\/[^?#]+\/recognizers\/[^/?#]+:(?:batchR|r)ecognize(?:$|[?#])/i, endpoint: 'audio-transcription', provider: 'google' },
  // Google Cloud Text-to-Speech (`text:synthesize`, the voice, Journey, Neural2, Chirp HD..., named in the body).
  { pattern: /texttospeech\.googleapis\.com\/v1(?:beta1)?\/text:synthesize(?:$|[?#])/, endpoint: 'audio-speech', provider: 'google-cloud' },
  // DeepInfra's own inference API (`/v1/inference/<model>`, beside its OpenAI-compatible one): whatever task the model has.
  { pattern: /api\.deepinfra\.com\/v1\/inference\/[^?#]+$/, endpoint: 'other', provider: 'deepinfra', modelInPath: /\/v1\/inference\/([^?#]+)$/ },
  // Workers AI's REST API (the binding's `env.AI.run(model, input)` over HTTP): the model in the path, the input in the body.
  { pattern: /api\.cloudflare\.com\/client\/v4\/accounts\/[^/?#]+\/ai\/run\/[^?#]+$/, endpoint: 'other', provider: 'cloudflare-workers-ai', modelInPath: /\/ai\/run\/([^?#]+)$/ },
  // Relace's Instant Apply (a model that merges an edit snippet into a file), on its own endpoint.
  { pattern: /relace\.run\/v1\/code\/apply(?:$|[?#])/, endpoint: 'chat', provider: 'relace' },
  // Moderation endpoints: OpenAI's, Mistral's (its chat variant classifies a whole conversation), and Azure AI Content Safety's
  // text and image analyses, prompt shields and protected-material checks (on the resource's own host).
  { pattern: /api\.openai\.com\/v1\/moderations(?:$|[?#])/, endpoint: 'other', provider: 'openai' },
  { pattern: /api\.mistral\.ai\/v1\/(?:chat\/)?moderations(?:$|[?#])/, endpoint: 'other', provider: 'mistral' },
  { pattern: /\/contentsafety\/(?:text|image|\{\{)[^?#]*(?:$|[?#])/, endpoint: 'other', provider: 'azure-content-safety' },
  // JigsawStack's AI endpoints (a model of theirs behind each): the AI scraper, vision OCR, text to SQL, speech to text.
  { pattern: /api\.jigsawstack\.com\/v1\/(?:ai\/scrape|vocr|ai\/sql)(?:$|[?#])/, endpoint: 'chat', provider: 'jigsawstack' },
  { pattern: /api\.jigsawstack\.com\/v1\/ai\/transcribe(?:$|[?#])/, endpoint: 'audio-transcription', provider: 'jigsawstack' },
  // ImagineAPI (an unofficial Midjourney API): a POST of `items/images` queues a Midjourney job for the prompt.
  { pattern: /imagineapi\.dev\/items\/images\/?(?:$|[?#])/, endpoint: 'image-generation', provider: 'imagineapi' },
  // The midjourney-proxy API (novicezk's open-source relay to a Midjourney account over Discord, and the resellers that copy
  // its paths on their own hosts): each POST submits a Midjourney job under the operator's subscription. `describe` writes
  // prompts for an image and `shorten` rewrites a prompt; the others make or change images (videos from `video`).
  { pattern: /\/mj\/submit\/(?:describe|shorten)(?:$|[?#])/, endpoint: 'other', provider: MIDJOURNEY_PROXY_PROVIDER, note: MIDJOURNEY_PROXY_BILLING },
  { pattern: /\/mj\/(?:submit\/(?:imagine|blend|change|simple-change|action|edits|video)|insight-face\/swap)(?:$|[?#])/, endpoint: 'image-generation', provider: MIDJOURNEY_PROXY_PROVIDER, note: MIDJOURNEY_PROXY_BILLING },
  { pattern: /\/mj\/submit\/modal(?:$|[?#])/, endpoint: 'image-generation', provider: MIDJOURNEY_PROXY_PROVIDER, note: MIDJOURNEY_PROXY_BILLING, continuesJob: true },
  // A Suno music API (sunoapi.org's): each POST under `/api/v1/` queues a generation (songs, extensions, covers, vocals,
  // lyrics) on Suno's models, billed in the reseller's credits; its GETs only read a task's state.
  { pattern: /api\.sunoapi\.org\/api\/v1(?:\/(?!generate\/record-info|get-|credit)|\{\{)/, endpoint: 'other', provider: 'suno' },
  // Dexa's answer API (its model answers from podcast transcripts it retrieves).
  { pattern: /\bdexa\.ai\/api\/ask-dexa(?:$|[?#])/, endpoint: 'chat', provider: 'dexa' },
  // Firecrawl's extract (structured data pulled from pages by its LLMs, for a prompt and a schema); its scrape and crawl are not model calls.
  { pattern: /api\.firecrawl\.dev\/v[12]\/extract\/?(?:$|[?#])/, endpoint: 'chat', provider: 'firecrawl' },
  // Jina's classifier API (embedding or reranker models underneath, billed per token).
  { pattern: /api\.jina\.ai\/v1\/classify(?:$|[?#])/, endpoint: 'other', provider: 'jina' },
  // Hugging Face's serverless inference: `models/<id>` runs whatever task the model has; audio sent raw is speech to text.
  { pattern: /(?:api-inference\.huggingface\.co|router\.huggingface\.co\/hf-inference)\/models\/[^?#]+$/, endpoint: 'other', provider: 'huggingface', taskFromInput: true },
];

/**
 * Services reached at a URL the app configures (a hosted agent instance), told by the key the request sends: an
 * authenticated POST to one runs the service's model.
 */
const KEYED_SERVICES: ReadonlyArray<{ key: RegExp; rule: EndpointRule }> = [
  { key: /\bSTEAMSHIP_API_KEY\b/, rule: STEAMSHIP_RULE },
];

/** A userscript manager's request function: Tampermonkey's and Violentmonkey's `GM_xmlhttpRequest`, Greasemonkey 4's `GM.xmlHttpRequest`. */
const USERSCRIPT_REQUEST = /^(?:GM_xmlhttpRequest|GM\.xmlHttpRequest)$/;

/** The platform's fetch reached through the global object (`globalThis.fetch`, Node's `global.fetch`, a page's `window.fetch`). */
const GLOBAL_FETCH = /^(?:globalThis|global|window|self)\.fetch$/;

/**
 * Packages whose export is called as the global fetch is: fetch ponyfills for Node and old browsers (`node-fetch`,
 * `cross-fetch`, `isomorphic-unfetch`, ...), `ofetch` (its `$fetch` too; it sends an object body as JSON), and Tauri's
 * HTTP client (`fetch(url, { method, body: Body.json(payload) })`).
 */
const FETCH_PACKAGES = new Set(['node-fetch', 'node-fetch-native', 'undici', 'cross-fetch', 'isomorphic-fetch', 'isomorphic-unfetch', 'unfetch', '@whatwg-node/fetch', '@microsoft/fetch-event-source', '@fortaine/fetch-event-source', 'ofetch', '@tauri-apps/api/http', '@tauri-apps/plugin-http']);
/** What a body expression sends as an object: the argument of `JSON.stringify(payload)` (or `Body.json`), else itself. */
function unserialized(node: Node): Node | undefined {
  return isSerializerCall(node) ? node.getArguments()[0] : node;
}
const CLIENT_PACKAGES = new Set(['axios', 'ky', 'got', 'redaxios']);

/** A google-auth-library client (`AuthClient`, `OAuth2Client`, `GoogleAuth`'s `getClient()`), which signs and sends requests itself. */
function isGoogleAuthClient(owner: Node, context: AnalyzerContext): boolean {
  return resolveClientOrigin(owner, context.modules)?.packageName === 'google-auth-library';
}

/** Google Apps Script's HTTP client, a global of every script: `UrlFetchApp.fetch(url, params)`. */
const APPS_SCRIPT_FETCH = /^UrlFetchApp\.fetch$/;
/** Zotero's HTTP client, the global its plugins call: `Zotero.HTTP.request(method, url, options)`. */
const ZOTERO_REQUEST = /^Zotero\.HTTP\.request$/;

/** Obsidian's `requestUrl` (and its older `request`, answering with the body's text), the HTTP clients its plugins use instead of fetch (which CORS blocks in the app). */
function isPlatformRequestUrl(binding: { packageName: string; importedName: string }): boolean {
  return binding.packageName === 'obsidian' && (binding.importedName === 'requestUrl' || binding.importedName === 'request');
}
/**
 * What an app calls the HTTP client it is handed (`apiClient`, `this.httpClient`, `restClient`): not an SDK's client
 * (`openaiClient`), nor a mock server's `http` (msw's `http.post(url, resolver)` answers requests, it sends none).
 */
const INJECTED_CLIENT_NAME = /^(?:api|http|rest|request|fetch)Client$/;

/** The last name of a receiver: `apiClient` of `this.apiClient` or `deps.apiClient`, the identifier itself otherwise. */
function lastName(node: Node): string {
  const bare = unwrapExpression(node);
  return Node.isPropertyAccessExpression(bare) ? bare.getName() : Node.isIdentifier(bare) ? bare.getText() : '';
}

/** Request methods of an HTTP client taking `(url, body)`: axios's `postForm`/`putForm` send the body as multipart form data. */
const VERBS = new Set(['post', 'put', 'postForm', 'putForm']);
/** Callee names (identifier or last property) that can be an HTTP request: `fetch`, `axios(...)`, `x.post`, `x.request`. */
const CALLEE_NAMES = new Set(['fetch', '$fetch', 'axios', 'got', 'ky', 'request', 'fetchEventSource', ...VERBS]);
/**
 * Names an app gives its own fetch wrapper (`customFetch`, `fetchWithRetry`, `postJson`, `apiRequest`,
 * `httpCall`) or its server-sent-events helper (`stream(url, payload, ...)`, `streamWithThink`): only calls of such
 * names are checked for being a wrapper, which keeps the gate cheap.
 */
const WRAPPER_NAME = /fetch|request|post|http|api|call|stream/i;

const WEBSOCKET_PACKAGES = new Set(['ws', 'isomorphic-ws', 'reconnecting-websocket', 'partysocket', 'websocket-as-promised']);

/** Model sessions over a WebSocket: OpenAI's Realtime API and Gemini's Live API (`BidiGenerateContent`). */
const WEBSOCKET_RULES: ReadonlyArray<{ pattern: RegExp; provider?: string }> = [
  { pattern: /\/openai\/realtime(?:$|[?#])/, provider: 'azure-openai' },
  { pattern: /api\.openai\.com\/v1\/realtime(?:$|[?#])/, provider: 'openai' },
  // xAI's Voice Agent API speaks OpenAI's realtime protocol on its own host; the model is set in the session, not the URL.
  { pattern: /api\.x\.ai\/v1\/realtime(?:$|[?#])/, provider: 'xai' },
  { pattern: /\/v1\/realtime\?(?:[^#]*&)?model=/ },
  { pattern: /BidiGenerateContent/, provider: 'google' },
];

/**
 * Consumer chat web apps reached over a WebSocket under the user's login (Bing's Copilot hub, Character.AI, Perplexity's
 * socket.io, MOSS): a text chat whose prompt is sent once the socket opens and whose reply streams back.
 */
const CHAT_APP_WEBSOCKET_RULES: ReadonlyArray<{ pattern: RegExp; provider: string }> = [
  { pattern: /sydney\.bing\.com\/sydney\/ChatHub/, provider: 'bing-web' },
  { pattern: /neo\.character\.ai\/ws\b/, provider: 'characterai-web' },
  { pattern: /perplexity\.ai\/socket\.io\//, provider: 'perplexity-web' },
  { pattern: /moss\.fastnlp\.top\/api\/ws\/chats\//, provider: 'moss-web' },
];

/**
 * Speech APIs streamed over a WebSocket: audio goes up as it is recorded, text (or audio) comes back as it is made.
 * Deepgram's live transcription (`wss://api.deepgram.com/v1/listen`, or the same path behind the app's proxy), AssemblyAI's
 * streaming transcription, ElevenLabs' text-to-speech input stream.
 */
const SPEECH_WEBSOCKET_RULES: ReadonlyArray<{ pattern: RegExp; provider: string; endpoint: 'audio-transcription' | 'audio-speech' }> = [
  { pattern: /(?:api\.deepgram\.com|\/deepgram)\/v1\/listen(?:$|[?#])/, provider: 'deepgram', endpoint: 'audio-transcription' },
  { pattern: /streaming\.(?:eu\.)?assemblyai\.com\/v3\/ws(?:$|[?#])|api\.assemblyai\.com\/v2\/realtime\/ws(?:$|[?#])/, provider: 'assemblyai', endpoint: 'audio-transcription' },
  { pattern: /api\.elevenlabs\.io\/v1\/text-to-speech\/[^/?#]+\/(?:stream-input|multi-stream-input)(?:$|[?#])/, provider: 'elevenlabs', endpoint: 'audio-speech' },
];

/** The text test a file passes before its `new WebSocket(...)` calls are read: a realtime or live endpoint, a speech stream, or a chat app's socket. */
const WEBSOCKET_SESSION_TEXT = new RegExp(['realtime', 'BidiGenerateContent', 'v1/listen', 'assemblyai', 'stream-input', ...CHAT_APP_WEBSOCKET_RULES.map((rule) => rule.pattern.source)].join('|'));

/**
 * An LLM endpoint's path written into a call's first argument (`ollamaTokenGenerator(args.endpoint + '/api/generate',
 * data)`): the call goes to an app helper sending its first parameter as the URL, whatever the helper is called
 * (llama-coder's `lineGenerator`). Such calls pass the name gate too.
 */
const ENDPOINT_IN_ARGUMENT = /\/(?:api\/(?:chat|generate|embed(?:dings)?)|chat\/completions|completions|embeddings|v1\/messages|rerank|audio\/(?:transcriptions|speech)|images\/(?:generations|edits)|v1\/videos|mj\/(?:submit|insight-face))\b|:(?:stream)?[gG]enerateContent\b/;

const analyzeCalls = eachCall(analyzeCall, (name) => CALLEE_NAMES.has(name) || WRAPPER_NAME.test(name) || BUILDER_SEND.test(name), { acceptsFirstArgument: (text) => ENDPOINT_IN_ARGUMENT.test(text) });

/** A request is a call (`fetch(url, init)`), or the construction of a client that sends one at once (`new SSE(url, init)`). */
type RequestExpression = CallExpression | NewExpression;
/** Where a request is read: the call that sends it, or an object describing it that the app's own code sends (requestDescriptors). */
type RequestSite = RequestExpression | ObjectLiteralExpression;

/**
 * Server-sent-event clients that POST a body when constructed, the stream's request itself: sse.js's `new SSE(url, { method,
 * payload })`, LaunchDarkly's `new EventSource(url, { method, body })` (the browser's own EventSource only GETs).
 */
const EVENT_SOURCE_PACKAGES = new Set(['sse.js', 'launchdarkly-eventsource']);
const EVENT_SOURCE_PACKAGE_TEXT = /['"](?:sse\.js|launchdarkly-eventsource)['"]|\bnew \w*(?:SSE|EventSource)\(/;

function eventSourceRequests(context: AnalyzerContext): DetectedCall[] {
  const found: DetectedCall[] = [];
  for (const created of context.sourceFile.getDescendantsOfKind(SyntaxKind.NewExpression)) {
    const detected = analyzeCall(created, context);
    if (detected) found.push(detected);
  }
  return found;
}

/** `new SSE(url, { method: 'POST', payload })`: the request the stream makes, when its class comes from an event-source package. */
function eventSourceRequest(created: NewExpression, context: AnalyzerContext): HttpRequest | undefined {
  const constructor = unwrapExpression(created.getExpression());
  const [url, init] = created.getArguments();
  if (!url || !Node.isIdentifier(constructor)) return undefined;
  const binding = importBindingOf(constructor, context.modules);
  const from = binding && EVENT_SOURCE_PACKAGES.has(binding.packageName) ? binding.packageName : binding ? undefined : vendoredEventSource(constructor, context);
  if (!from) return undefined;
  const options = init && resolveObjectLiteral(init, context.modules);
  return { client: constructor.getText(), url, body: getObjectProperty(options, 'payload', context.modules) ?? getObjectProperty(options, 'body', context.modules), evidence: [`new ${constructor.getText()}() from ${from}: a server-sent-event stream that posts its body when made`] };
}

/**
 * A copy of sse.js kept in the workspace (`import SSE from '../utils/sse'`): a class named for server-sent events whose
 * code sends its request itself (XMLHttpRequest or fetch). Its file's name, for the evidence.
 */
function vendoredEventSource(constructor: Node, context: AnalyzerContext): string | undefined {
  const declaration = findDeclaration(constructor, context.modules);
  if (!declaration || !Node.isClassDeclaration(declaration) || !/(?:^|[a-z])(?:SSE|EventSource)$/.test(declaration.getName() ?? constructor.getText())) return undefined;
  return /\bnew XMLHttpRequest\(|\bfetch\(/.test(declaration.getText()) ? `the workspace's ${declaration.getSourceFile().getBaseName()}` : undefined;
}

export const httpAnalyzer: Analyzer = {
  id: 'http',
  packages: [...FETCH_PACKAGES, ...CLIENT_PACKAGES, ...WEBSOCKET_PACKAGES, ...EVENT_SOURCE_PACKAGES],
  analyze(context: AnalyzerContext): DetectedCall[] {
    const calls = genericTransportsLeftOut(analyzeCalls(context), context);
    if (EVENT_SOURCE_PACKAGE_TEXT.test(context.sourceFile.getFullText())) calls.push(...eventSourceRequests(context));
    // Only files naming a realtime or live endpoint are walked for `new WebSocket(...)`.
    if (WEBSOCKET_SESSION_TEXT.test(context.sourceFile.getFullText())) calls.push(...webSocketSessions(context));
    if (DESCRIPTOR_TEXT.test(context.sourceFile.getFullText())) calls.push(...requestDescriptors(context));
    return foldJobContinuations(calls);
  },
};

/** The requests that complete a job an earlier request submitted (see EndpointRule.continuesJob). */
const JOB_CONTINUATIONS = new WeakSet<DetectedCall>();

/**
 * `mjFetch('/mj/submit/action', ...)` then, when Midjourney asks for it, `mjFetch('/mj/submit/modal', { taskId })`: one
 * job. Each continuation joins the nearest request of its provider written before it in the same function (whose span
 * grows to cover it); one with no such request is the confirmation of a job submitted elsewhere and adds none.
 */
function foldJobContinuations(calls: DetectedCall[]): DetectedCall[] {
  if (!calls.some((call) => JOB_CONTINUATIONS.has(call))) return calls;
  const kept = calls.filter((call) => !JOB_CONTINUATIONS.has(call));
  for (const continuation of calls.filter((call) => JOB_CONTINUATIONS.has(call))) {
    const submitted = kept
      .filter((call) => call.provider === continuation.provider && call.enclosingFunction === continuation.enclosingFunction && call.line < continuation.line)
      .sort((a, b) => b.line - a.line)[0];
    if (!submitted) continue;
    submitted.endLine = Math.max(submitted.endLine ?? submitted.line, continuation.endLine ?? continuation.line);
    submitted.evidence.push(`completed by ${continuation.method} at line ${continuation.line} when the provider asks for it: the same job`);
  }
  return kept;
}

/**
 * `new WebSocket('wss://api.openai.com/v1/realtime?model=...')` or Gemini Live's `...BidiGenerateContent`
 * URL: the session is the request. Gemini names the model in the first (`setup`) message, read from the same file.
 */
function webSocketSessions(context: AnalyzerContext): DetectedCall[] {
  const found: DetectedCall[] = [];
  for (const created of context.sourceFile.getDescendantsOfKind(SyntaxKind.NewExpression)) {
    const constructor = unwrapExpression(created.getExpression());
    const url = created.getArguments()[0];
    if (!url || !isWebSocketClass(constructor, context)) continue;
    const urlText = urlTextOf(url, context);
    const chatApp = chatAppWebSocket(url, urlText, context);
    if (chatApp) {
      found.push(toDetectedCall(created, context, {
        provider: chatApp.provider,
        sdk: 'http',
        method: `WebSocket ${chatApp.host}`,
        endpoint: 'chat',
        maxOutputTokens: null,
        features: { streaming: true, tools: false, vision: false, structuredOutput: false },
        toolNames: [],
        model: { id: null, raw: '', source: 'dynamic' },
        messages: [runTimeTurn('prompt', 'interpolation')],
        evidence: [`WebSocket session to ${chatApp.host}: ${chatApp.provider.replace(/-web$/, '')}'s web app under the user's login; the prompt is sent once it opens, the reply streams back`],
      }));
      continue;
    }
    const speech = SPEECH_WEBSOCKET_RULES.find((candidate) => candidate.pattern.test(urlText));
    if (speech) {
      const evidence = [`WebSocket stream to ${urlText.slice(0, 120)}`, `${speech.provider}'s streaming ${speech.endpoint === 'audio-speech' ? 'text to speech' : 'speech to text'}: audio streams one way, the result the other as it is made`];
      found.push(toDetectedCall(created, context, {
        provider: speech.provider,
        sdk: 'http',
        method: webSocketMethod(urlText),
        endpoint: speech.endpoint,
        maxOutputTokens: null,
        features: { streaming: true, tools: false, vision: false, structuredOutput: false },
        toolNames: [],
        model: modelOf(undefined, urlText, context, evidence),
        messages: [],
        evidence,
      }));
      continue;
    }
    const rule = WEBSOCKET_RULES.find((candidate) => candidate.pattern.test(urlText));
    if (!rule) continue;
    const provider = rule.provider ?? providerFromBaseUrl(urlText) ?? 'openai-compatible';
    const evidence = [`WebSocket session to ${urlText.slice(0, 120)}`, 'audio and text stream both ways; billed per audio and text token'];
    let model = modelOf(undefined, urlText.replace(/deployment=/, 'model='), context, evidence);
    if (provider === 'google' && model.id === null) model = geminiSetupModel(context, evidence) ?? model;
    found.push(toDetectedCall(created, context, {
      provider,
      sdk: 'http',
      method: webSocketMethod(urlText),
      ...realtimeSession(),
      model,
      messages: [realtimeAudioTurn()],
      // Gemini Live mints no key the scan reads: only OpenAI's realtime URLs pair with a mint.
      ...(provider === 'google' ? {} : { realtimeStep: realtimeStepOfUrl(urlText) }),
      evidence,
    }));
  }
  return found;
}

/** How a WebSocket session is named: `WebSocket` and its URL's path, a setting shown as `{name}`. */
function webSocketMethod(urlText: string): string {
  return `WebSocket ${(/wss?:\/\/[^/]+(\/[^?#]*)/.exec(urlText)?.[1] ?? urlText).replace(/\{\{([^}]*)\}\}/g, '{$1}').slice(0, 80)}`;
}

/**
 * The chat web app a WebSocket's URL names: the URL as read, else the text of the value it comes from (`const url = token
 * ? \`wss://sydney.bing.com/...?sec_access_token=...\` : 'wss://sydney.bing.com/...'`, a method returning the URL).
 */
function chatAppWebSocket(url: Node, urlText: string, context: AnalyzerContext): { provider: string; host: string } | undefined {
  const traced = traceValue(url, context.modules);
  const helper = Node.isCallExpression(traced) ? wrapperFunction(unwrapExpression(traced.getExpression()), context) : undefined;
  for (const text of [urlText, traced.getText(), helper?.getText() ?? '']) {
    const rule = CHAT_APP_WEBSOCKET_RULES.find((candidate) => candidate.pattern.test(text));
    if (rule) return { provider: rule.provider, host: rule.pattern.exec(text)![0].replace(/\\/g, '') };
  }
  return undefined;
}

function isWebSocketClass(constructor: Node, context: AnalyzerContext): boolean {
  if (Node.isIdentifier(constructor)) {
    const binding = importBindingOf(constructor, context.modules);
    if (binding) return WEBSOCKET_PACKAGES.has(binding.packageName);
    return constructor.getText() === 'WebSocket' && !findDeclaration(constructor, context.modules);
  }
  return /^(?:globalThis|window|self)\.WebSocket$/.test(constructor.getText());
}

/** `{ setup: { model: 'models/gemini-2.0-flash-live-001' } }`: the Live API's first message, wherever in the file it is built. */
function geminiSetupModel(context: AnalyzerContext, evidence: string[]): ModelRef | undefined {
  for (const property of context.sourceFile.getDescendantsOfKind(SyntaxKind.PropertyAssignment)) {
    if (property.getName() !== 'setup') continue;
    const modelNode = getObjectProperty(resolveObjectLiteral(property.getInitializerOrThrow(), context.modules), 'model', context.modules);
    if (!modelNode) continue;
    const model = readModel(modelNode, context.modules);
    if (!model.ref.id) continue;
    const id = model.ref.id.replace(/^models\//, '');
    evidence.push(`model "${id}" from the setup message at line ${property.getStartLineNumber()}`);
    return { ...model.ref, id };
  }
  return undefined;
}

interface HttpRequest {
  client: string;
  url: Node | undefined;
  /** The URL as text when it is not one node (`https.request({ hostname, path })`, a wrapper's URL with the caller's arguments). */
  urlText?: string;
  /** Text the URL is relative to (`axios.create({ baseURL })`). */
  base?: string;
  body: Node | undefined;
  evidence: string[];
  /** The request inside the app's wrapper this call goes through (see `DetectedCall.httpHelperRequest`). */
  helperRequest?: DetectedCall['httpHelperRequest'];
  /** The providers of the hosts the app's helper can return for this request's path (several: the user's setting picks one). */
  hostProviders?: string[];
  /** The options are written out and send no body (`fetch(url, { method: 'POST', signal })`): a probe of the route, not a request to a model. */
  sendsNoBody?: boolean;
}

/**
 * A client's path under the base URL it was made with, joined as axios (`baseURL`) and ky (`prefixUrl`) join them: one
 * slash between, whichever side writes it; a URL with its own scheme is not under the base.
 */
function prefixedUrl(base: string | undefined, path: string): string {
  if (base === undefined || base === '' || /^[a-z][\w+.-]*:\/\//i.test(path)) return path;
  if (path === '' || path.startsWith('?')) return base + path;
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * A fetch's options as an object literal: written out or held in a constant, or returned by the app's builder
 * (`const initOptions = generatePayload(apiKey, messages)` returning `({ method: 'POST', body: JSON.stringify({...}) })`).
 */
function fetchOptions(options: Node, context: AnalyzerContext): Node | undefined {
  const written = resolveObjectLiteral(options, context.modules);
  if (written) return written;
  const held = unwrapExpression(options);
  const declaration = Node.isIdentifier(held) ? findDeclaration(held, context.modules) : undefined;
  const initializer = declaration && Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : Node.isCallExpression(held) ? held : undefined;
  const built = initializer && unwrapExpression(initializer);
  if (!built || !Node.isCallExpression(built)) return undefined;
  const entered = enterCall(built, context.modules);
  if (!entered) return undefined;
  try {
    return entered.returns.map((returned) => resolveObjectLiteral(returned, context.modules)).find((object) => object !== undefined);
  } finally {
    entered.release();
  }
}

/** Ollama's generating endpoints, on whatever host (`${host}/api/chat`). */
const OLLAMA_API_PATH = /\/api\/(?:chat|generate|embed|embeddings)(?:$|[?#])/;
/** The fields of an Ollama body that loads a model into memory and asks it nothing (see loadsModelOnly). */
const MODEL_LOAD_FIELDS = new Set(['model', 'keep_alive']);

/**
 * `{ model }` (or `{ model, keep_alive }`) posted to Ollama's `/api/chat`, `/api/generate` or `/api/embeddings`: with no
 * messages, prompt or input, Ollama loads the model and answers without generating (its API's documented way to preload
 * one, Lumos's `preloadModel`). No tokens are processed, so it is no request.
 */
function loadsModelOnly(body: Node | undefined): boolean {
  if (!body || !Node.isObjectLiteralExpression(body)) return false;
  const properties = body.getProperties();
  return properties.length > 0 && properties.every((property) => (Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property)) && MODEL_LOAD_FIELDS.has(property.getName()));
}

/**
 * A fetch's request from its URL and options; `sendsNoBody` when the options are an object literal with no body (or
 * `body: null`) and nothing spread in, or when they delete the resource (`method: 'DELETE'`, a conversation removed).
 */
function fetchRequest(url: Node, init: Node | undefined, evidence: string): HttpRequest {
  const written = getObjectProperty(init, 'body');
  const body = written && unwrapExpression(written).getKind() === SyntaxKind.NullKeyword ? undefined : written;
  const method = getObjectProperty(init, 'method');
  const deletes = method !== undefined && isStringLike(unwrapExpression(method)) && /^['"`]delete['"`]$/i.test(unwrapExpression(method).getText());
  const sendsNoBody = deletes || (!body && init !== undefined && Node.isObjectLiteralExpression(init) && init.getProperties().every((property) => Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property)));
  return { client: 'fetch', url, body, evidence: [evidence], ...(sendsNoBody ? { sendsNoBody } : {}) };
}

function analyzeCall(call: RequestSite, context: AnalyzerContext, described?: HttpRequest): DetectedCall | undefined {
  const request = described ?? (Node.isObjectLiteralExpression(call) ? undefined : readRequest(call, context));
  if (!request?.url) return undefined;
  // A query string added at run time reads as one (`?{{...}}`), so a path rule still sees where the path ends; an optional
  // chain inside a run-time part (`/ai/run/{{params.model?.id || ...}}`) is no query string.
  let urlText = prefixedUrl(request.base, request.urlText ?? urlTextOf(request.url, context)).replace(QUERY_STRING_HOLE, (hole) => `?${hole}`).replace(HOLE, (hole) => hole.replaceAll('?.', '.'));
  let rule = RULES.find((candidate) => candidate.pattern.test(urlText));
  const setting = rule && request.urlText === undefined && !request.base ? extensionSettingDefault(request.url, context.modules) : undefined;
  if (setting?.value === urlText) request.evidence.push(`the URL is the default of the extension's setting ${setting.key} (${setting.where}): where the request goes until the user changes it (a guess)`);
  if (!rule && request.urlText === undefined) {
    // `fetch(url, ...)` where `url` is a parameter or a field of one (`route.endpoint`): the URL a caller in the same module passes (or its default).
    const passed = callerUrl(request.url, context) ?? callerFieldUrl(request.url, context) ?? pathParameterUrl(urlText, request.url, call, context);
    if (passed) {
      urlText = passed.text;
      rule = RULES.find((candidate) => candidate.pattern.test(urlText));
      if (rule) request.evidence.push(passed.where);
    }
  }
  // `${context.ANTHROPIC_API_BASE}/messages`, the base a settings object holds: the path read after the base the app's
  // default settings give that field (`ANTHROPIC_API_BASE = 'https://api.anthropic.com/v1'` in a settings class), a guess.
  if ((!rule || rule.needsClaudeModel) && !described) {
    const configured = settingsDefaultUrl(urlText, call, context);
    const matched = configured && RULES.find((candidate) => candidate.pattern.test(configured.text));
    if (matched) {
      rule = matched;
      request.evidence.push(configured.why);
    }
  }
  // A URL wholly from run-time config (`fetch(agentUrl, ...)`): the service the request's key names, if any.
  if (!rule && !described && /^\{\{[^}]*\}\}$/.test(urlText)) {
    const keyed = Node.isObjectLiteralExpression(call) ? undefined : keyedService(call, context);
    if (keyed) {
      rule = keyed.rule;
      request.evidence.push(`the URL is configured; the request is authorized with ${keyed.key}`);
    }
  }
  // A URL wholly from settings or a parameter (`fetch(endpoint, ...)`, `urlJoin(settings.apiURL, settings.apiPath)`) posting a chat
  // body, a query string of holes after it (`?key=${apiKey}`) or not.
  if (!rule && !described && /^(?:\{\{[^}]*\}\}\/?)+(?:\?(?:[\w-]+=\{\{[^}]*\}\}&?)+)?$/.test(urlText)) {
    // `this._apiReverseProxyUrl`, set from an option defaulting to `https://chat.duti.tech/api/conversation`: where the
    // request goes unless the user configures it, and that is no model API (a ChatGPT web-session proxy).
    const fallback = optionDefaultUrl(urlText, call, context);
    const chat = fallback !== undefined && !RULES.some((candidate) => candidate.pattern.test(fallback)) ? undefined : configuredChatRequest(call, request.body, context);
    if (chat) {
      rule = chat.rule;
      request.evidence.push(chat.why);
    }
  }
  // `fetch('https://nexra.aryahcr.cc/api/chat/complements', { body: JSON.stringify({ messages, model }) })`: a host and path no
  // rule knows (an unofficial endpoint, a gateway) sent a chat body naming its model beside the messages: a chat request all the
  // same. A path alone (`/api/chat`) is the page's own origin, the app's route, and a local server is the team's own; a known
  // provider's host names its APIs by path (its `count_tokens` takes a chat body and answers no prompt).
  if (!rule && !described && EXTERNAL_URL.test(urlText) && providerFromBaseUrl(urlText) === undefined) {
    const chat = configuredChatRequest(call, request.body, context, { modelNamed: true });
    if (chat) {
      rule = chat.rule;
      request.evidence.push(`the host is not one the catalog knows; the body is a chat request (model and messages)`);
    }
  }
  // A session minted without a body takes the server's defaults; any other model endpoint needs the input it posts.
  // A forwarder choosing the model itself (`.../v1/listen?model=nova-3` with the client's audio as the body) makes the
  // request that decides the price: the client only handed it the input.
  const choosesModel = /[?&]model=[\w.:@-]+/.test(urlText);
  if (!rule || (forwardsIncomingBody(request.body, context) && !choosesModel) || (request.sendsNoBody && !rule.voiceSession)) return undefined;
  const body = request.body ? bodyObject(request.body, context, 0, rule.endpoint) : undefined;
  // Read once, and only for a rule that asks: Ollama's own fields in the body, or a body parameter declared with Ollama's type.
  let ollamaBody: boolean | undefined;
  let ollamaOwner: string | undefined;
  const sendsOllamaBody = (): boolean => (ollamaBody ??= hasOllamaBody(body, context) || declaresOllamaBody(request.body, context) || (getObjectProperty(body, 'model', context.modules) !== undefined && (ollamaOwner = ownerNamingOllama(call)) !== undefined));
  // `{{apiUrl}}/api/embeddings` met the generic path rule first: Ollama's own API when the body is Ollama's.
  const ollamaRule = !rule.provider && /^\{\{[^}]*\}\}\/api\//.test(urlText) ? RULES.find((candidate) => candidate.needsOllamaBody && candidate.pattern.test(urlText)) : undefined;
  if (ollamaRule && sendsOllamaBody()) rule = ollamaRule;
  // `${client.baseURL}/images/edits`: the base URL of an SDK client the app built, so its host is that client's.
  // A helper with a host per provider: which one is the user's setting; the path says the API (OpenAI-compatible unless it is a provider's own).
  const choosesHost = (request.hostProviders?.length ?? 0) > 1;
  const urlHost = choosesHost ? rule.provider ?? 'openai-compatible' : providerFromBaseUrl(urlText);
  const clientHost = rule.needsKnownHost && !urlHost ? sdkClientHost(request.url, context, request.evidence) : undefined;
  // `${this.options.apiHost}/v1/chat/completions`: the host the app's default settings give the field (a guess).
  const settingsHost = urlHost || clientHost ? undefined : settingsDefaultHost(urlText, call, context);
  const hostProvider = urlHost ?? clientHost ?? settingsHost?.provider;
  // A generic path on a host the code does not name needs a model in the body; a body handed in whole (not known here) to a
  // configured base's versioned API path (`${payload.baseUrl}/v1/images/generations`) is taken as the API it names.
  const onConfiguredVersionedApi = /^\{\{[^}]*\}\}\/v1\//.test(urlText);
  const handedToConfiguredBase = !body && request.body !== undefined && onConfiguredVersionedApi;
  // A multipart body (`form.append('model', ...)`, a transcription's) names its model as a JSON body's `model` field does.
  const namesModel = getObjectProperty(body, 'model', context.modules) !== undefined || (!body && formDataModel(request.body, context) !== undefined);
  // `{ prompt, max_tokens, temperature }` posted to `${base}/v1/completions` (text-generation-webui's OpenAI-compatible API
  // serves the model it has loaded, so no `model` is sent): a completion body on a configured base's versioned API.
  const completionBody = rule.endpoint === 'completion' && onConfiguredVersionedApi && getObjectProperty(body, 'prompt', context.modules) !== undefined && ['max_tokens', 'temperature'].some((field) => getObjectProperty(body, field, context.modules) !== undefined);
  // `{ prompt, n, size }` posted to `${endpoint}/v1/images/generations` (the server's loaded model draws): an image body likewise.
  const imageBody = rule.endpoint === 'image-generation' && onConfiguredVersionedApi && getObjectProperty(body, 'prompt', context.modules) !== undefined && ['n', 'size'].some((field) => getObjectProperty(body, field, context.modules) !== undefined);
  if (rule.needsKnownHost && !hostProvider && !namesModel && !handedToConfiguredBase && !completionBody && !imageBody) return undefined;
  // `${this.baseUrl}/api/embed` whose class sets the base to `options.ollamaBaseUrl || 'http://localhost:11434'`: Ollama's by its host.
  if (rule.needsOllamaBody && hostProvider !== 'ollama' && !sendsOllamaBody()) return undefined;
  if (OLLAMA_API_PATH.test(urlText) && loadsModelOnly(body)) return undefined;
  if (rule.needsClaudeModel && !namesClaude(getObjectProperty(body, 'model', context.modules), context) && !sendsAnthropicShape(call, body, context)) return undefined;
  if (rule.needsBodyField && !getObjectProperty(body, rule.needsBodyField, context.modules)) return undefined;
  if (rule.needsKeyHeader && !rule.needsKeyHeader.test(call.getText())) return undefined;
  // `/api/chat/completions` written as a path: the page's own origin, i.e. the app's route, not a model server.
  if ((!rule.provider || rule.needsKnownHost) && !hostProvider && urlText.startsWith('/')) return undefined;
  const evidence = [...request.evidence, `URL ${urlText.slice(0, 120)} → ${rule.endpoint}`, ...(rule.note ? [rule.note] : [])];
  if (clientHost) evidence.push(`the URL's base is an SDK client's baseURL (provider ${clientHost})`);
  if (settingsHost) evidence.push(settingsHost.why);
  // A known host wins over a path's usual owner (`/v1/messages` on an OpenRouter base is billed by OpenRouter).
  const provider = (rule.needsKnownHost ? hostProvider ?? rule.provider : rule.provider ?? hostProvider) ?? rule.unknownHostProvider ?? 'openai-compatible';
  if (!rule.provider && !hostProvider) evidence.push(rule.unknownHostProvider ? `host not recognised: a server the team runs (${rule.unknownHostProvider})` : 'host not recognised: an OpenAI-compatible server');
  if (rule.needsOllamaBody) evidence.push(ollamaOwner ? `\`${ollamaOwner}\` names Ollama: its \`/api/...\` path on a configurable host is Ollama's API` : "Ollama's request body (options, keep_alive, format or stream: false) on a configurable host");
  if (request.body && !body) evidence.push(`request body \`${request.body.getText().slice(0, 60)}\` not statically known`);

  // The GA mint (`/v1/realtime/client_secrets`) nests the session's config: `{ session: { type, model, ... } }`.
  const sessionConfig = rule.voiceSession && !getObjectProperty(body, 'model', context.modules) ? resolveObjectLiteral(getObjectProperty(body, 'session', context.modules), context.modules) : undefined;
  const assigned = request.body ? fieldAssignedBeforeRequest(request.body, call, 'model', context) : undefined;
  if (assigned) evidence.push(`model: set on the body before the request (\`${assigned.getParent()!.getText().slice(0, 80)}\`)`);
  const read = (assigned ? undefined : ruleModel(rule, body, urlText, context, evidence)) ?? modelOf(sessionConfig ?? body, urlText, context, evidence, (body ? undefined : formDataModel(request.body, context)) ?? queryParameterModel(request.url, context), assigned);
  const model = read.raw === '' && !body && request.body ? { ...read, raw: handedBodyModel(request.body, context) ?? '' } : read;
  const endpoint = rule.taskFromInput && /whisper|speech|audio/i.test(`${model.raw} ${model.id ?? ''} ${urlText} ${request.body?.getText() ?? ''}`) ? 'audio-transcription' : rule.imagesFromBody && asksForImages(body, context) ? 'image-generation' : rule.endpoint;
  if (endpoint !== rule.endpoint && rule.imagesFromBody) evidence.push('the body asks for a number or a size of images: image generation');
  const bodyRead = readBody(body, context, endpoint);
  // `body['messages'] = [...]` set on a built body before the request: the messages it sends.
  const assignedMessages = bodyRead.messages.length === 0 && request.body ? fieldAssignedBeforeRequest(request.body, call, 'messages', context) : undefined;
  const { messages: bodyMessages, hasImage } = assignedMessages ? resolveMessages(assignedMessages, context.modules) : bodyRead;
  const messages = rule.voiceSession ? [...bodyMessages, realtimeAudioTurn()] : bodyMessages;
  if (rule.editsImage) evidence.push(IMAGE_EDIT_INPUT);
  if (rule.voiceSession) evidence.push(REALTIME_STREAMING);
  const tools = getObjectProperty(body, 'tools', context.modules) ?? getObjectProperty(body, 'functions', context.modules);
  const generation = getObjectProperty(body, 'generationConfig', context.modules) ?? getObjectProperty(body, 'generation_config', context.modules);
  const options = getObjectProperty(body, 'options', context.modules);
  const structured = getObjectProperty(body, 'response_format', context.modules) ?? getObjectProperty(body, 'format', context.modules) ?? getObjectProperty(generation, 'responseSchema') ?? getObjectProperty(generation, 'responseMimeType');
  const path = /https?:\/\/[^/]+(\/[^?#]*)/.exec(urlText)?.[1] ?? urlText.replace(/^\{\{[^}]*\}\}/, '');
  const detected = toDetectedCall(call, context, {
    provider,
    sdk: 'http',
    method: `${request.client} ${(path || urlText).replace(/\{\{([^}]*)\}\}/g, '{$1}')}`,
    endpoint,
    model,
    messages,
    maxOutputTokens: resolveNumber(firstProperty(body, ['max_tokens', 'max_completion_tokens', 'max_output_tokens'], context.modules) ?? getObjectProperty(generation, 'maxOutputTokens') ?? getObjectProperty(options, 'num_predict', context.modules), context.modules),
    features: {
      streaming: Boolean(rule.voiceSession) || isTrueLiteral(getObjectProperty(body, 'stream', context.modules)) || /streamGenerateContent|[/_-]stream(?:$|[?#])/.test(urlText) || SERVER_SENT_EVENTS_CLIENT.test(request.client),
      tools: Boolean(tools),
      vision: hasImage || Boolean(rule.editsImage),
      structuredOutput: Boolean(structured),
    },
    toolNames: readToolNames(tools, context.modules),
    structuredOutputName: structured ? unwrapExpression(structured).getText().slice(0, 40) : undefined,
    ...(rule.voiceSession ? { realtimeStep: realtimeStepOf(urlText, sessionConfig, context) } : {}),
    ...(request.helperRequest ? { httpHelperRequest: request.helperRequest } : {}),
    evidence,
  });
  if (rule.continuesJob) JOB_CONTINUATIONS.add(detected);
  return detected;
}

/** The service whose key a request's headers send (`Authorization: \`Bearer ${process.env.STEAMSHIP_API_KEY}\``): fetch's init, axios's config. */
function keyedService(call: RequestExpression, context: AnalyzerContext): { key: string; rule: EndpointRule } | undefined {
  for (const options of call.getArguments().slice(1, 3)) {
    const headers = getObjectProperty(resolveObjectLiteral(options, context.modules), 'headers', context.modules);
    const text = headers ? (resolveObjectLiteral(headers, context.modules) ?? headers).getText() : '';
    for (const service of KEYED_SERVICES) {
      const key = service.key.exec(text)?.[0];
      if (key) return { key, rule: service.rule };
    }
  }
  return undefined;
}

/** A client or the app's helper named for server-sent events (`fetchEventSource`, `fetchSSE`, `new SSE(...)`): the reply is read as a stream. */
const SERVER_SENT_EVENTS_CLIENT = /SSE|(?:^|\.)sse|[Ee]vent[Ss]ource/;

/** A URL with a host written out that is not the machine's own (`https://host/...`, not `http://localhost:8080/...`). */
const EXTERNAL_URL = /^https?:\/\/(?!localhost\b|127\.|0\.0\.0\.0|\[::1\])[\w.-]+\.[a-z]{2,}(?::\d+)?(?:[/?#]|$)/i;

/** The rules a configured URL's request takes from its body, not its URL (their pattern matches no URL). */
const CONFIGURED_CHAT_RULE: EndpointRule = { pattern: /$^/, endpoint: 'chat' };
const CONFIGURED_ANTHROPIC_RULE: EndpointRule = { pattern: /$^/, endpoint: 'chat', provider: 'anthropic' };
const CONFIGURED_EMBEDDING_RULE: EndpointRule = { pattern: /$^/, endpoint: 'embedding' };
const CONFIGURED_GEMINI_RULE: EndpointRule = { pattern: /$^/, endpoint: 'chat', provider: 'google' };
/** What a chat-completions path looks like in the request's own function when the URL is configured (an Azure path it appends, a default). */
const CHAT_PATH_TEXT = /\/chat\/completions|\/v1\/messages/;

/**
 * A request to a configured URL whose body is a chat request: `messages` with a `model` beside it (or the body spreads the
 * chat settings in, `{ messages, ...config }`, in a function that names a chat-completions path). Anthropic's when the
 * request sends its version header; an embeddings request when the body is OpenAI's embeddings body. What a user points
 * such an app at is the user's: the provider is read as OpenAI-compatible unless the headers say otherwise.
 */
function configuredChatRequest(call: RequestSite, requestBody: Node | undefined, context: AnalyzerContext, only: { modelNamed?: boolean } = {}): { rule: EndpointRule; why: string } | undefined {
  if (!requestBody) return undefined;
  const body = bodyObject(requestBody, context, 0, 'chat');
  // A quoted key (`'model': model`) is the same field.
  const names = body && Node.isObjectLiteralExpression(body)
    ? new Set(body.getProperties().map((property) => (Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property) ? property.getName().replace(/^(['"])(.*)\1$/, '$2') : Node.isSpreadAssignment(property) ? '...' : '')))
    : declaredBodyFields(requestBody, context);
  if (!names) return undefined;
  // `const body = await this.getBaseRequestBody(); body['messages'] = messages`: the field set before the request.
  if (!names.has('messages') && fieldAssignedBeforeRequest(requestBody, call, 'messages', context)) names.add('messages');
  // `{ input, model, encoding_format }`: OpenAI's embeddings body (only that API takes `encoding_format`), sent to a full endpoint URL the user configures.
  if (!names.has('messages') && names.has('input') && names.has('model') && names.has('encoding_format') && !callersHandTheUrl(call, context)) {
    return { rule: CONFIGURED_EMBEDDING_RULE, why: 'the URL is configured; the body is an embeddings request (input, model and encoding_format)' };
  }
  // `{ contents: [{ parts: [{ text }] }], generationConfig }`: Gemini's generateContent body (no other API nests parts in contents),
  // sent to an endpoint the user configures (`provider.endpoint.replace('[MODEL_ID]', model)`).
  if (!names.has('messages') && names.has('contents') && (names.has('generationConfig') || contentsHaveParts(body, context)) && !callersHandTheUrl(call, context)) {
    return { rule: CONFIGURED_GEMINI_RULE, why: "the URL is configured; the body is Gemini's generateContent request (contents with parts)" };
  }
  if (!names.has('messages') || (only.modelNamed && !names.has('model'))) return undefined;
  const requestFunction = enclosingFunction(call);
  const namesChatPath = names.has('...') && CHAT_PATH_TEXT.test(requestFunction?.getText() ?? call.getSourceFile().getFullText());
  if ((!names.has('model') && !namesChatPath) || callersHandTheUrl(call, context)) return undefined;
  const anthropic = /['"]?anthropic-version['"]?\s*:/.test(call.getText()) || (requestFunction !== undefined && /['"]anthropic-version['"]\s*:/.test(requestFunction.getText()));
  const why = `the URL is configured; the body is a chat request (${names.has('model') ? 'model and messages' : 'messages and spread chat settings, beside a chat-completions path'})`;
  return { rule: anthropic ? CONFIGURED_ANTHROPIC_RULE : CONFIGURED_CHAT_RULE, why };
}

/** `contents: [{ parts: [...] }]` (or `{ role, parts }`): the first entry of a body's `contents` array written with `parts`. */
function contentsHaveParts(body: Node | undefined, context: AnalyzerContext): boolean {
  const contents = getObjectProperty(body, 'contents', context.modules);
  const list = contents && unwrapExpression(contents);
  const first = list && Node.isArrayLiteralExpression(list) ? list.getElements()[0] : undefined;
  return first !== undefined && getObjectProperty(resolveObjectLiteral(first, context.modules), 'parts', context.modules) !== undefined;
}

/**
 * The request sits in a function that sends its first parameter as the URL, and a call of it in the same module hands
 * it a URL the code states (`this.request('https://api.openai.com/v1/...', body)`, `viaOwnRoute('/api/chat', body)`):
 * those calls are the requests (or the app's own routes), read where they are made.
 */
function callersHandTheUrl(call: RequestSite, context: AnalyzerContext): boolean {
  const fn = enclosingFunction(call);
  if (!fn || !isFunctionNode(fn)) return false;
  if (forwardsUrlToHttpClient(fn, context) !== call) return false;
  const name = calledName(fn);
  if (!name) return false;
  return callsMatching(call.getSourceFile(), (other) => calleeNameOf(other) === name).some((other) => {
    const url = other.getArguments()[0];
    return url !== undefined && !/^(?:\{\{[^}]*\}\}\/?)*$/.test(urlTextOf(url, context));
  });
}

/**
 * `body: await req.text()` or `body: req.body`, `req` the handler's incoming request: a proxy route forwarding the body it
 * was sent as is (adding only the key and the base URL). The request that bills is the one its sender builds.
 */
function forwardsIncomingBody(body: Node | undefined, context: AnalyzerContext): boolean {
  if (!body) return false;
  const value = unwrapExpression(traceValue(body, context.modules));
  const read = Node.isCallExpression(value) && value.getArguments().length === 0 ? unwrapExpression(value.getExpression()) : value;
  if (!Node.isPropertyAccessExpression(read) || !(read === value ? read.getName() === 'body' : RAW_BODY_READS.has(read.getName()))) return false;
  const owner = unwrapExpression(read.getExpression());
  const parameter = Node.isIdentifier(owner) ? findDeclaration(owner, context.modules) : undefined;
  return parameter !== undefined && Node.isParameterDeclaration(parameter) && INCOMING_REQUEST.test(`${parameter.getName()}: ${parameter.getTypeNode()?.getText() ?? ''}`);
}

/** Reads of a request's body that keep it as sent. */
const RAW_BODY_READS = new Set(['text', 'arrayBuffer', 'blob', 'formData']);
/** A handler's incoming request, by its type (`NextRequest`, `Request`, Node's `IncomingMessage`), or its usual name when untyped. */
const INCOMING_REQUEST = /^(?:req|request): $|: (?:Next)?Request$|: (?:http\.)?IncomingMessage$/;

/** Fields of a media API's body that ask for images (fal's `num_images`, `image_size`), as opposed to a video or a voice. */
const IMAGE_REQUEST_FIELDS = ['num_images', 'image_size'];

function asksForImages(body: Node | undefined, context: AnalyzerContext): boolean {
  return IMAGE_REQUEST_FIELDS.some((field) => getObjectProperty(body, field, context.modules));
}

/**
 * The model where a rule says the API takes it, when the body names none: the URL's path after the host
 * (`fal.run/fal-ai/flux/dev`, a run-time part leaving it unknown) or the one key of a body field.
 */
function ruleModel(rule: EndpointRule, body: Node | undefined, urlText: string, context: AnalyzerContext, evidence: string[]): ModelRef | undefined {
  if (firstProperty(body, ['model', 'model_id'], context.modules)) return undefined;
  const inPath = rule.modelInPath?.exec(urlText)?.[1];
  if (inPath) {
    // `fal.run/fal-ai/${model}`: the expression after the fixed owner, read as a model option is (a caller's value for a parameter).
    const hole = /^([^{]*)\{\{([^}]+)\}\}$/.exec(inPath);
    const expression = hole ? urlModelExpression(hole[2], context) : undefined;
    if (expression) {
      const model = readModel(expression, context.modules);
      evidence.push(`model in the URL path: \`${inPath.slice(0, 60)}\``, ...model.evidence);
      return model.ref.id === null ? model.ref : { ...model.ref, id: hole![1] + model.ref.id };
    }
    if (/\{\{/.test(inPath)) return { id: null, raw: inPath.replace(/\{\{([^}]*)\}\}/g, '{$1}'), source: 'dynamic' };
    evidence.push(`model "${inPath}" from the URL path`);
    return { id: inPath, raw: inPath, source: 'literal' };
  }
  const keyed = rule.modelFromKeyOf ? resolveObjectLiteral(getObjectProperty(body, rule.modelFromKeyOf, context.modules), context.modules) : undefined;
  const keys = keyed && Node.isObjectLiteralExpression(keyed) ? keyed.getProperties().filter((property) => Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property)) : [];
  if (keys.length !== 1) return undefined;
  const id = (keys[0] as PropertyAssignment | ShorthandPropertyAssignment).getName().replace(/^['"]|['"]$/g, '');
  evidence.push(`model "${id}" from the key of the body's \`${rule.modelFromKeyOf}\``);
  return { id, raw: id, source: 'literal' };
}

/** The realtime step a URL makes, a GA mint whose session config says `type: 'transcription'` minting a transcription session. */
function realtimeStepOf(urlText: string, sessionConfig: Node | undefined, context: AnalyzerContext): RealtimeStep {
  const step = realtimeStepOfUrl(urlText);
  const type = getObjectProperty(sessionConfig, 'type', context.modules);
  return type && resolveString(type, context.modules).value === 'transcription' ? { ...step, session: 'transcription' } : step;
}

/**
 * `fetch(url, init)` inside `function createModel(url: string, ...)`: the URL the module's own calls of
 * that function pass (a literal, a constant, or the caller's parameter default), first one that is known.
 */
function callerUrl(url: Node, context: AnalyzerContext): { text: string; where: string } | undefined {
  const node = copiedValue(unwrapExpression(url), context);
  if (!Node.isIdentifier(node)) return undefined;
  const parameter = findDeclaration(node, context.modules);
  if (!parameter || !Node.isParameterDeclaration(parameter) || parameter.hasInitializer()) return undefined;
  const place = namedFunctionParameter(parameter);
  if (!place) return undefined;
  const { name, index } = place;
  for (const caller of context.sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = unwrapExpression(caller.getExpression());
    if (!Node.isIdentifier(callee) || callee.getText() !== name) continue;
    const argument = caller.getArguments()[index];
    if (!argument) continue;
    const text = urlTextOf(argument, context);
    if (RULES.some((rule) => rule.pattern.test(text))) return { text, where: `URL ${text.slice(0, 80)} passed by ${name}() at line ${caller.getStartLineNumber()}` };
  }
  return undefined;
}

/**
 * `new URL(path, this.apiBase)` in `streamCustomEndpoint(path, body)`, which the class calls as
 * `this.streamCustomEndpoint('edit/completions', body)`: the URL with the path a caller in the same file passes for the
 * parameter (a method's callers on `this`, a function's by its name), a model endpoint's first.
 */
function pathParameterUrl(urlText: string, url: Node, call: RequestSite, context: AnalyzerContext): { text: string; where: string } | undefined {
  // Only a path joined to a base the code states by a URL object (`new URL(path, base)`): a whole URL handed in is
  // callerUrl's, and a template helper's path is read where the helper is called (wrapperRequest).
  const hole = /^https?:\/\/[^/{]+[^{]*(\{\{([A-Za-z_$][\w$]*)\}\})/.exec(urlText);
  const made = traceValue(unwrapExpression(url), context.modules);
  if (!hole || Node.isObjectLiteralExpression(call) || !isNewUrl(made) || made.getArguments()[0]?.getText() !== hole[2]) return undefined;
  const fn = call.getFirstAncestor(isFunctionNode);
  const name = fn && calledName(fn);
  const index = fn ? parameterNames(fn).indexOf(hole[2]) : -1;
  if (!fn || !name || index < 0) return undefined;
  const method = Node.isMethodDeclaration(fn);
  for (const caller of context.sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = unwrapExpression(caller.getExpression());
    const named = method ? Node.isPropertyAccessExpression(callee) && callee.getName() === name && callee.getExpression().getKind() === SyntaxKind.ThisKeyword : Node.isIdentifier(callee) && callee.getText() === name;
    const argument = named ? caller.getArguments()[index] : undefined;
    const value = argument && resolveString(argument, context.modules).value;
    if (!value) continue;
    const text = urlText.replace(hole[1], value);
    if (RULES.some((rule) => rule.pattern.test(text))) return { text, where: `path \`${value}\` passed as ${hole[2]} by ${method ? 'this.' : ''}${name}() at line ${caller.getStartLineNumber()}` };
  }
  return undefined;
}

/**
 * `let formattedUrl = url` then `formattedUrl = formattedUrl.replace("http://localhost:", "http://127.0.0.1:")`: a copy
 * only ever rewritten from itself is the value it copied (the URL parameter, for callerUrl). Anything else as it is.
 */
function copiedValue(node: Node, context: AnalyzerContext): Node {
  if (!Node.isIdentifier(node)) return node;
  const declaration = findDeclaration(node, context.modules);
  const copied = declaration && Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
  if (!copied || !Node.isIdentifier(unwrapExpression(copied))) return node;
  return (replacingAssignments(node, declaration!, false)?.length ?? 0) > 0 ? node : unwrapExpression(copied);
}

/**
 * `fetch(route.endpoint, init)` inside `function send(request, route)`: the field of the object the module's own calls
 * pass, from the object literal it is or from those the function building it returns (`resolveRoute(config)` returning
 * `{ transport, endpoint: \`${baseUrl}/speech-to-text\` }` per transport). A call made under a test of the object
 * (`if (route.transport === 'elevenlabs') return sendElevenLabs(request, route)`) takes the object returned under a test
 * of the same literal (`if (transport === 'elevenlabs') return {...}`); otherwise a model endpoint, a chat one first.
 */
function callerFieldUrl(url: Node, context: AnalyzerContext): { text: string; where: string } | undefined {
  const node = unwrapExpression(url);
  if (!Node.isPropertyAccessExpression(node)) return undefined;
  const owner = unwrapExpression(node.getExpression());
  const parameter = Node.isIdentifier(owner) ? findDeclaration(owner, context.modules) : undefined;
  if (!parameter || !Node.isParameterDeclaration(parameter)) return undefined;
  const place = namedFunctionParameter(parameter);
  if (!place) return undefined;
  const field = node.getName();
  for (const caller of context.sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = unwrapExpression(caller.getExpression());
    const argument = caller.getArguments()[place.index];
    if (!Node.isIdentifier(callee) || callee.getText() !== place.name || !argument) continue;
    const tested = new Set(guardLiterals(caller, (other) => other.getText().startsWith(`${argument.getText()}.`)));
    const values = fieldValues(argument, field, context);
    const guarded = values.filter((value) => value.guards.some((literal) => tested.has(literal)));
    const pool = (guarded.length > 0 ? guarded : values).map((value) => urlTextOf(value.node, context));
    const index = chatEndpointFirst(pool);
    if (index !== -1) return { text: pool[index], where: `URL ${pool[index].slice(0, 80)}: the \`${field}\` of what ${place.name}() is passed at line ${caller.getStartLineNumber()}` };
  }
  return undefined;
}

/** A field of an object: the literal's own, or each returned object's of the function that builds it, with the literals its return is tested for. */
function fieldValues(value: Node, field: string, context: AnalyzerContext): Array<{ node: Node; guards: string[] }> {
  const object = resolveObjectLiteral(value, context.modules);
  const own = getObjectProperty(object, field, context.modules);
  if (own) return [{ node: own, guards: [] }];
  // The call a constant holds (`const route = resolveRoute(config)`), which tracing the value would step into.
  const held = unwrapExpression(value);
  const declaration = Node.isIdentifier(held) ? findDeclaration(held, context.modules) : undefined;
  const built = declaration && Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : held;
  const entered = built && Node.isCallExpression(unwrapExpression(built)) ? enterCall(built, context.modules) : undefined;
  if (!entered) return [];
  try {
    return entered.returns.flatMap((returned) => {
      const fieldValue = getObjectProperty(resolveObjectLiteral(returned, context.modules), field, context.modules);
      return fieldValue ? [{ node: fieldValue, guards: guardLiterals(returned, () => true) }] : [];
    });
  } finally {
    entered.release();
  }
}

/** The string literals that the `if`s around a node (in its function) compare a value with, where the node runs when they hold. */
function guardLiterals(node: Node, compares: (other: Node) => boolean): string[] {
  const literals: string[] = [];
  const fn = enclosingFunction(node);
  let child = node;
  for (let parent = node.getParent(); parent && parent !== fn; child = parent, parent = parent.getParent()) {
    if (!Node.isIfStatement(parent) || child !== parent.getThenStatement()) continue;
    const comparison = stringLiteralComparison(unwrapExpression(parent.getExpression()));
    if (comparison && !comparison.negated && compares(comparison.other)) literals.push(comparison.literal);
  }
  return literals;
}

/** `${this.client.baseURL}/...`: the provider of the SDK client whose `baseURL` the URL is built on, if it is one. */
function sdkClientHost(url: Node, context: AnalyzerContext, evidence: string[]): string | undefined {
  const candidates: Node[] = [url];
  const node = unwrapExpression(url);
  const template = Node.isIdentifier(node) ? traceValue(node, context.modules) : node;
  if (Node.isTemplateExpression(template)) candidates.push(...template.getTemplateSpans().map((span) => span.getExpression()));
  for (const candidate of candidates) {
    const value = Node.isIdentifier(unwrapExpression(candidate)) ? traceValue(candidate, context.modules) : candidate;
    const accesses = [value, ...value.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression)].filter((access): access is import('ts-morph').PropertyAccessExpression => Node.isPropertyAccessExpression(access) && /^base_?ur[li]$/i.test(access.getName()));
    for (const access of accesses) {
      const origin = resolveClientOrigin(access.getExpression(), context.modules);
      if (!origin) continue;
      return providerFromOptions(origin.options, context.modules, evidence) ?? (origin.className === 'AzureOpenAI' ? 'azure-openai' : origin.packageName === 'openai' ? 'openai' : 'openai-compatible');
    }
  }
  return undefined;
}

/** `body: formData` built with `formData.append('model', this.model)` (or `'model_id'`, as ElevenLabs names it) in the same function: the model appended. */
function formDataModel(body: Node | undefined, context: AnalyzerContext): Node | undefined {
  const node = body && unwrapExpression(body);
  if (!node || !Node.isIdentifier(node)) return undefined;
  const created = traceValue(node, context.modules);
  if (!Node.isNewExpression(created) || created.getExpression().getText() !== 'FormData') return undefined;
  const scope = node.getFirstAncestor(isFunctionNode) ?? node.getSourceFile();
  for (const append of scope.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = append.getExpression();
    const [key, value] = append.getArguments();
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'append' && callee.getExpression().getText() === node.getText() && key && /^['"`]model(?:_id)?['"`]$/.test(key.getText()) && value) return value;
  }
  return undefined;
}

/**
 * `const url = new URL(endpoint); url.searchParams.set('model', this.model); fetch(url.toString())` in the same
 * function (Deepgram and other APIs that take the model as a query parameter): the value set.
 */
function queryParameterModel(url: Node | undefined, context: AnalyzerContext): Node | undefined {
  let node = url && unwrapExpression(url);
  for (let depth = 0; node && depth < MAX_URL_DEPTH; depth++) {
    const inner = sameUrl(node);
    if (!inner) break;
    node = unwrapExpression(inner);
  }
  if (!node || !Node.isIdentifier(node) || !isNewUrl(traceValue(node, context.modules))) return undefined;
  const scope = node.getFirstAncestor(isFunctionNode) ?? node.getSourceFile();
  for (const call of scope.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    const [key, value] = call.getArguments();
    if (Node.isPropertyAccessExpression(callee) && (callee.getName() === 'set' || callee.getName() === 'append') && callee.getExpression().getText() === `${node.getText()}.searchParams` && key && /^['"`]model['"`]$/.test(key.getText()) && value) return value;
  }
  return undefined;
}

/** Which HTTP client call this is, with its URL and body nodes; undefined for anything else. */
function readRequest(call: RequestExpression, context: AnalyzerContext, followWrappers = true): HttpRequest | undefined {
  if (Node.isNewExpression(call)) return eventSourceRequest(call, context);
  const callee = unwrapExpression(call.getExpression());
  // Cheap gate before any resolution: most calls in a file are not HTTP requests at all.
  const calleeName = Node.isIdentifier(callee) || Node.isPropertyAccessExpression(callee) || Node.isCallExpression(callee) ? calleeNameOf(call.compilerNode) : undefined;
  const firstArgument = call.compilerNode.arguments?.[0];
  if (calleeName && BUILDER_SEND.test(calleeName) && call.getArguments().length === 0 && Node.isPropertyAccessExpression(callee)) return builtRequest(callee, context);
  if (!calleeName || !(CALLEE_NAMES.has(calleeName) || WRAPPER_NAME.test(calleeName) || (firstArgument && ENDPOINT_IN_ARGUMENT.test(firstArgument.getText())))) return undefined;
  const [first, second] = call.getArguments();
  // Every request read below takes its URL (or the options holding it) from the first argument: without one, no
  // declaration need be followed (`createApiClient()`, `useStreamingState()`).
  if (!first) return undefined;
  // `$fetch` undeclared: Nuxt's global (ofetch, auto-imported in its server routes and utils).
  if ((Node.isIdentifier(callee) && (callee.getText() === 'fetch' || callee.getText() === '$fetch')) || (Node.isPropertyAccessExpression(callee) && GLOBAL_FETCH.test(callee.getText()))) {
    if (Node.isIdentifier(callee) && !isFetch(callee, context)) {
      const factory = factoryFetch(callee, context);
      if (factory) return fetchRequest(first, second && fetchOptions(second, context), `fetch(): the fetch the app's ${factory}() returns`);
      return followWrappers ? wrapperRequest(call, callee, context) : undefined;
    }
    return fetchRequest(first, second && fetchOptions(second, context), `${callee.getText()}()`);
  }
  const alias = Node.isIdentifier(callee) || isThisMember(callee) ? fetchAlias(callee, context) : undefined;
  if (alias) return fetchRequest(first, second && fetchOptions(second, context), `${calleeName}(): the global fetch unless the caller injects its own (${alias})`);
  const factory = Node.isIdentifier(callee) ? factoryFetch(callee, context) : undefined;
  if (factory) return fetchRequest(first, second && fetchOptions(second, context), `${calleeName}(): the fetch the app's ${factory}() returns`);
  const binding = Node.isIdentifier(callee) ? importBindingOf(callee, context.modules) : undefined;
  if (binding && FETCH_PACKAGES.has(binding.packageName)) return fetchRequest(first, second && fetchOptions(second, context), `${calleeName}() from ${binding.packageName}`);
  // `got(url, { method: 'POST', json })`, `ky(url, { json })`, `axios(url, { method: 'post', data })`.
  if (binding && CLIENT_PACKAGES.has(binding.packageName) && second && !Node.isObjectLiteralExpression(unwrapExpression(first ?? second))) {
    const options = resolveObjectLiteral(second, context.modules);
    const name = binding.packageName === 'redaxios' ? 'axios' : binding.packageName;
    return { client: name, url: first, body: getObjectProperty(options, name === 'axios' ? 'data' : 'json') ?? getObjectProperty(options, 'body'), evidence: [`${name}(url, options)`] };
  }
  if (Node.isPropertyAccessExpression(callee) && VERBS.has(callee.getName())) {
    const owner = callee.getExpression();
    const client = httpClientOf(owner, context);
    // `this.post(url, headers, body)`: the class's own (or its base class's) request method, a wrapper like any other.
    if (!client && owner.getKind() !== SyntaxKind.ThisKeyword && INJECTED_CLIENT_NAME.test(lastName(owner))) {
      // `this.apiClient.post(this.buildChatUrl(), body)`, the client handed in by whoever builds the service (axios-compatible,
      // the constructor's JSDoc says): an HTTP client by its name. Kept only when the URL is an LLM endpoint's (the rules decide below).
      return { client: `${lastName(owner)}.${callee.getName()}`, url: first, body: second, evidence: [`${callee.getText().slice(0, 60)}(): an HTTP client by its name, handed in`] };
    }
    if (!client && owner.getKind() === SyntaxKind.ThisKeyword) return followWrappers ? wrapperRequest(call, callee, context) ?? packageClientMethodRequest(call, callee, context) : undefined;
    // `this.client.post('/chat/completions', request)` with `this.client = new ApiClient(baseUrl)`: the request method of an
    // app class, a wrapper like `this.post`. Looked up only for a call naming an LLM endpoint itself (a class's every
    // `.post` is not worth a lookup).
    if (!client) return followWrappers && firstArgument && ENDPOINT_IN_ARGUMENT.test(firstArgument.getText()) ? instanceWrapperRequest(call, callee, context) : undefined;
    const json = client.name === 'axios' ? second : getObjectProperty(second && resolveObjectLiteral(second, context.modules), 'json');
    return { client: `${client.name}.${callee.getName()}`, url: first, base: client.base, body: json, evidence: [`${client.name}.${callee.getName()}()${client.base ? ` with baseURL ${client.base}` : ''}`] };
  }
  // axios({ method: 'post', url, data }) / axios.request({...})
  const isAxiosConfigCall = (Node.isIdentifier(callee) && httpClientOf(callee, context)?.name === 'axios') || (Node.isPropertyAccessExpression(callee) && callee.getName() === 'request' && httpClientOf(callee.getExpression(), context)?.name === 'axios');
  if (isAxiosConfigCall) {
    // `axios(claudeConfig(prompt))`, or that held in a local: the object the app's config builder returns.
    const written = resolveObjectLiteral(first, context.modules);
    const built = written ? undefined : traceValue(first, context.modules);
    const config = written ?? (built && Node.isObjectLiteralExpression(built) ? built : undefined);
    const client = httpClientOf(Node.isPropertyAccessExpression(callee) ? callee.getExpression() : callee, context);
    return { client: 'axios', url: getObjectProperty(config, 'url'), base: client?.base, body: getObjectProperty(config, 'data'), evidence: ['axios(config)'] };
  }
  // A userscript manager's cross-origin request (Tampermonkey, Violentmonkey, Greasemonkey): `GM_xmlhttpRequest({ method, url, data })`.
  if (USERSCRIPT_REQUEST.test(callee.getText())) {
    const config = resolveObjectLiteral(first, context.modules);
    return { client: callee.getText(), url: getObjectProperty(config, 'url', context.modules), body: getObjectProperty(config, 'data', context.modules), evidence: [`${callee.getText()}(details): the userscript manager's request`] };
  }
  // A Zotero plugin's HTTP client: `Zotero.HTTP.request('POST', url, { headers, body })` (the app's global, no import).
  if (ZOTERO_REQUEST.test(callee.getText()) && second) {
    const options = call.getArguments()[2];
    const config = options && resolveObjectLiteral(options, context.modules);
    return { client: 'Zotero.HTTP.request', url: second, body: getObjectProperty(config, 'body', context.modules), evidence: ["Zotero.HTTP.request(method, url, options): Zotero's own HTTP client"] };
  }
  // Google Apps Script's HTTP client, a global of the script: `UrlFetchApp.fetch(url, { method: 'post', payload })`.
  if (APPS_SCRIPT_FETCH.test(callee.getText()) && first) {
    const config = second && resolveObjectLiteral(second, context.modules);
    return { client: 'UrlFetchApp.fetch', url: first, body: getObjectProperty(config, 'payload', context.modules), evidence: ["UrlFetchApp.fetch(url, params): Google Apps Script's HTTP client"] };
  }
  // google-auth-library's clients send through gaxios, axios-like: `authClient.request({ url, method: 'POST', data })`.
  if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'request' && isGoogleAuthClient(callee.getExpression(), context)) {
    const config = resolveObjectLiteral(first, context.modules);
    return { client: 'google-auth', url: getObjectProperty(config, 'url', context.modules), body: getObjectProperty(config, 'data', context.modules) ?? getObjectProperty(config, 'body', context.modules), evidence: ['request() of a google-auth-library client (gaxios)'] };
  }
  // An Obsidian plugin's HTTP client (fetch is blocked by CORS there): `requestUrl({ url, method, headers, body })` or `requestUrl(url)`.
  if (binding && isPlatformRequestUrl(binding)) {
    const options = Node.isObjectLiteralExpression(unwrapExpression(first)) || Node.isIdentifier(unwrapExpression(first)) ? resolveObjectLiteral(first, context.modules) : undefined;
    const url = options && Node.isObjectLiteralExpression(options) ? getObjectProperty(options, 'url', context.modules) : first;
    return { client: binding.importedName, url, body: getObjectProperty(options, 'body', context.modules), evidence: [`${binding.importedName}() from ${binding.packageName}`] };
  }
  // Node's own client: `https.request({ hostname, path, method: 'POST' }, onResponse)` then `request.write(body)`.
  if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'request' && nodeHttpModule(callee.getExpression(), context)) {
    const module = nodeHttpModule(callee.getExpression(), context)!;
    return { client: `${module}.request`, url: first, urlText: first && nodeRequestUrl(first, module, context), body: writtenBody(call), evidence: [`${module}.request() from Node's ${module} module`] };
  }
  // `customFetch(requestOptions)(url, init)`: the fetch the app's factory returns (its options patched in), called at once.
  if (Node.isCallExpression(callee)) return fetchRequest(first, second && fetchOptions(second, context), `${callee.getExpression().getText().slice(0, 40)}(...)(): the fetch the app's factory returns`);
  const wrapped = followWrappers ? wrapperRequest(call, callee, context) : undefined;
  if (wrapped) return wrapped;
  const inherited = Node.isPropertyAccessExpression(callee) ? packageClientMethodRequest(call, callee, context) : undefined;
  if (inherited) return inherited;
  // `chatGPTClient.fetch(url, init)`: an app object's fetch-like method that hands the request to a requester chosen at
  // run time (the page's fetch or a proxy tab's), so no wrapper is seen forwarding it. Kept only when the URL is an
  // LLM endpoint's (the rules decide below).
  if (Node.isPropertyAccessExpression(callee) && calleeName === 'fetch' && appFetchMethod(callee, context)) return fetchRequest(first, second && fetchOptions(second, context), `${callee.getText().slice(0, 60)}(): the app's fetch-like method`);
  return undefined;
}

/** The method that sends what a request builder was given (`new HttpRequestBuilder(config).setBody(body).execute()`). */
const BUILDER_SEND = /^(?:execute|send|exec|perform|fire)$/;
/** A builder's method that sets the body (`setBody`, `addBody`, `withJson`, `data`). */
const BUILDER_BODY = /^(?:(?:set|add|with)?(?:Body|Json|Data|Payload)|body|json|data|payload)$/;

/**
 * `new HttpRequestBuilder({ method: 'POST', baseURL: `${base}/v1/chat/completions` }).setHeaders(...).setBody(payload).execute()`
 * (also held in a local, `builder.execute()`): a workspace class that keeps a request's config and sends it with an HTTP
 * client when its send method runs. The URL is the config's `url` (or its `baseURL`), the body what a body setter of the
 * chain was handed.
 */
function builtRequest(callee: PropertyAccessExpression, context: AnalyzerContext): HttpRequest | undefined {
  const chain: CallExpression[] = [];
  let node: Node = unwrapExpression(callee.getExpression());
  for (let hops = 0; hops < MAX_BUILDER_CHAIN; hops++) {
    if (Node.isCallExpression(node) && Node.isPropertyAccessExpression(unwrapExpression(node.getExpression()))) {
      chain.push(node);
      node = unwrapExpression((unwrapExpression(node.getExpression()) as PropertyAccessExpression).getExpression());
      continue;
    }
    // `const builder = new HttpRequestBuilder(...).setBody(...)` then `builder.execute()`: the chain it was made with.
    const declaration = Node.isIdentifier(node) && chain.length === 0 ? findDeclaration(node, context.modules) : undefined;
    const initializer = declaration && Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
    if (!initializer) break;
    node = unwrapExpression(initializer);
  }
  if (!Node.isNewExpression(node)) return undefined;
  const classNode = classOfExpression(node.getExpression(), context.modules);
  if (!classNode || !Node.isClassDeclaration(classNode)) return undefined;
  const send = classNode.getMethod(callee.getName());
  if (!send || !SENDS_WITH_CLIENT.test(send.getBody()?.getText() ?? '') || !USES_HTTP_CLIENT.test(classNode.getSourceFile().getFullText())) return undefined;
  const config = resolveObjectLiteral(node.getArguments()[0], context.modules);
  const url = firstProperty(config, ['url', 'baseURL', 'baseUrl'], context.modules);
  if (!url) return undefined;
  const setter = chain.find((link) => BUILDER_BODY.test((unwrapExpression(link.getExpression()) as PropertyAccessExpression).getName()) && link.getArguments().length === 1);
  const className = classNode.getName() ?? 'builder';
  return { client: `${className}.${callee.getName()}`, url, body: setter?.getArguments()[0], evidence: [`${className} (${placeOf(classNode)}) is the app's request builder: ${callee.getName()}() sends the config it was made with through an HTTP client`] };
}

/** Calls followed back from a builder's send to the `new` it started with (`.setHeaders(...).setBody(...)` and the like). */
const MAX_BUILDER_CHAIN = 12;

/** The send method hands the kept config to a client (`this.axiosInstance.request(this.config)`, `axios(this.config)`, `fetch(...)`). */
const SENDS_WITH_CLIENT = /\.request\s*(?:<[^>()]*>)?\s*\(|\baxios\s*\(|\bfetch\s*\(|\bgot\s*\(|\bky\s*\(/;
/** The builder's module uses a known HTTP client. */
const USES_HTTP_CLIENT = /\bfrom\s*['"](?:axios|got|ky|node-fetch|undici)['"]|\brequire\(\s*['"](?:axios|got|ky|node-fetch|undici)['"]\s*\)|\bfetch\s*\(/;

/**
 * Whether `x.fetch` is a method of one of the app's classes (`this.fetch` in the class or a base class, or `client.fetch` on
 * `new WebappClient()`), not a fetch function handed around in options (a test's mock in `config.fetch`).
 */
function appFetchMethod(callee: import('ts-morph').PropertyAccessExpression, context: AnalyzerContext): boolean {
  const owner = unwrapExpression(callee.getExpression());
  if (owner.getKind() === SyntaxKind.ThisKeyword) return inheritedMethod(callee.getFirstAncestorByKind(SyntaxKind.ClassDeclaration), 'fetch', context) !== undefined;
  const made = traceValue(owner, context.modules);
  const classNode = Node.isNewExpression(made) ? classOfExpression(made.getExpression(), context.modules) : undefined;
  return classNode !== undefined && Node.isClassDeclaration(classNode) && inheritedMethod(classNode, 'fetch', context) !== undefined;
}

const NODE_HTTP_MODULES = new Set(['http', 'https', 'node:http', 'node:https']);

/** `https` (imported or required from 'https' / 'node:https'): the module's name without the `node:` prefix. */
function nodeHttpModule(owner: Node, context: AnalyzerContext): string | undefined {
  const node = unwrapExpression(owner);
  const binding = Node.isIdentifier(node) ? importBindingOf(node, context.modules) : undefined;
  return binding && NODE_HTTP_MODULES.has(binding.packageName) ? binding.packageName.replace(/^node:/, '') : undefined;
}

/** The URL of `https.request(urlOrOptions)`: the URL itself, or `protocol//hostname:port/path` from the options. */
function nodeRequestUrl(first: Node, module: string, context: AnalyzerContext): string {
  const options = resolveObjectLiteral(first, context.modules);
  if (!options || !Node.isObjectLiteralExpression(unwrapExpression(first)) && !Node.isIdentifier(unwrapExpression(first))) return urlTextOf(first, context);
  const host = getObjectProperty(options, 'hostname', context.modules) ?? getObjectProperty(options, 'host', context.modules);
  if (!host) return urlTextOf(first, context);
  const protocol = getObjectProperty(options, 'protocol', context.modules);
  const path = getObjectProperty(options, 'path', context.modules);
  // `const url = new URL(OPENROUTER_API_URL); https.request({ hostname: url.hostname, path: url.pathname })`: the parts of
  // one URL the code names whole.
  const parsed = partsOfOneUrl(host, path, context);
  if (parsed) return urlTextOf(parsed, context);
  return `${protocol ? urlTextOf(protocol, context) : `${module}:`}//${urlTextOf(host, context)}${path ? urlTextOf(path, context) : ''}`;
}

/**
 * The URL a `new URL(text)` was made from, when the host is its `hostname` (or `host`) and the path, if any, its `pathname`
 * (or `path`, `pathname + search`): the request goes to that URL.
 */
function partsOfOneUrl(host: Node, path: Node | undefined, context: AnalyzerContext): Node | undefined {
  const hostPart = unwrapExpression(host);
  if (!Node.isPropertyAccessExpression(hostPart) || !['hostname', 'host'].includes(hostPart.getName())) return undefined;
  const owner = unwrapExpression(hostPart.getExpression());
  const made = Node.isIdentifier(owner) ? traceValue(owner, context.modules) : owner;
  if (!isNewUrl(made) || made.getArguments().length !== 1) return undefined;
  const pathPart = path && unwrapExpression(path);
  const pathOwner = pathPart && Node.isPropertyAccessExpression(pathPart) && ['pathname', 'path'].includes(pathPart.getName()) ? unwrapExpression(pathPart.getExpression()).getText() : undefined;
  if (pathPart && pathOwner !== owner.getText() && !(Node.isBinaryExpression(pathPart) && pathPart.getLeft().getText() === `${owner.getText()}.pathname`)) return undefined;
  return made.getArguments()[0];
}

/** `const request = https.request(...); request.write(body)` (or `.end(body)`) in the same function: the body written. */
function writtenBody(call: CallExpression): Node | undefined {
  const variable = call.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
  if (!variable || unwrapExpression(variable.getInitializer() ?? variable) !== call) return undefined;
  const scope = variable.getFirstAncestor(isFunctionNode) ?? variable.getSourceFile();
  for (const write of scope.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = write.getExpression();
    if (Node.isPropertyAccessExpression(callee) && /^(write|end)$/.test(callee.getName()) && callee.getExpression().getText() === variable.getName() && write.getArguments()[0]) return write.getArguments()[0];
  }
  return undefined;
}

const WRAPPER_CACHE = new WeakMap<Node, CallExpression | null>();

/**
 * `customFetch(url, init)` or `this.request(url, body)`: a workspace function or method that passes its
 * first parameter to `fetch`/axios/got/ky as the URL. Its call sites are the requests (the URL and the
 * body are only known there); the body is the options' `body`/`json`/`data`, or the second argument itself.
 */
function wrapperRequest(call: CallExpression, callee: Node, context: AnalyzerContext, onInstance = false): HttpRequest | undefined {
  const [first] = call.getArguments();
  if (!first) return undefined;
  const fn = wrapperFunction(callee, context, 0, onInstance);
  if (!fn) return undefined;
  // `return requestClaudeHTTP(url, headers, body, arg)` inside requestClaudeHTTP after a tool result: the same request
  // again (an agent loop's next turn), counted where the wrapper's callers call it.
  if (contains(fn, call)) return undefined;
  let inner = WRAPPER_CACHE.get(fn);
  if (inner === undefined) {
    inner = forwardsUrlToHttpClient(fn, context) ?? null;
    WRAPPER_CACHE.set(fn, inner);
  }
  if (!inner) return undefined;
  const shape = wrapperShape(fn, context);
  const args = call.getArguments();
  const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
  const url = args[shape.urlIndex];
  if (!url) return undefined;
  // Request options follow the URL, as fetch's do (`engineFetch(ctx, '/images/generations', { body })`).
  const optionsArgument = args[shape.urlIndex + 1];
  // `fetchResponseOrTRPCThrow({ url, method: 'POST', headers, body })`: a wrapper taking the request as one object.
  const config = shape.urlIndex === 0 ? resolveObjectLiteral(first, context.modules) : undefined;
  const configUrl = config && Node.isObjectLiteralExpression(config) ? getObjectProperty(config, shape.urlProperty ?? 'url', context.modules) : undefined;
  // `fetchOrThrow({ ...request, signal })` with `request = { ...geminiAccess(access, ...), method: 'POST', body }`: the URL the helper returns.
  const helperUrl = config && !configUrl ? described(config, context) : undefined;
  if (configUrl || helperUrl) {
    const evidence = [`${name}({ url, body }) is the app's own wrapper around an HTTP request (${placeOf(fn)}, its request at line ${inner.getStartLineNumber()})`];
    if (helperUrl) evidence.push(`the request's ${helperUrl.where}`);
    // A wrapper taking its URL in a named property writes the body itself (`{ model: chatModel.modelId, messages }` from the
    // incoming request it is also handed): the body its request sends.
    const body = shape.urlProperty ? readRequest(inner, context, false)?.body : getObjectProperty(config, 'body', context.modules);
    return { client: name, url: configUrl ?? helperUrl!.node, urlText: helperUrl?.text, hostProviders: helperUrl?.hostProviders, body, evidence };
  }
  const options = optionsArgument && resolveObjectLiteral(optionsArgument, context.modules);
  const body = (shape.bodyIndex !== undefined ? args[shape.bodyIndex] : undefined) ?? firstProperty(options, BODY_FIELDS, context.modules) ?? optionsArgument;
  // `httpsPost(hostname, path, ...)` building `https://${hostname}${path}`: the wrapper's URL with this call's arguments in it.
  // A path argument's own leading slash after the template's (`${base}/${path}` called with '/v1/images/generations') is one.
  const urlText = shape.urlTemplate?.replace(/(\/?)\{\{([\w$]+)\}\}/g, (hole, slash: string, parameter: string) => {
    const argument = args[shape.parameters.indexOf(parameter)];
    if (!shape.parameters.includes(parameter) || !argument) return hole;
    const text = urlTextOf(argument, context);
    return slash && text.startsWith('/') ? text : slash + text;
  });
  // A helper composing the body it posts (`stream(url, payload, tools)` posting `{ ...payload, tools }`) makes a request of
  // its own. So does a transport of the caller's own module handing on what it is given (an adapter class's private
  // `apiCall(config, endpoint, options)` running `fetch(url, options)`): the module's one place that sends its model
  // requests (handsOn; see genericTransportsLeftOut for one that sends others too). A transport in a module of its own
  // (`(url, options) => window.fetch(url, options)` in a utils file, a generic `fetchSSE`) is the app's HTTP plumbing.
  const span = callSpan(inner);
  const composes = composesBody(inner, context);
  // `callOllamaAPI(config.url, config.model, diff, context)` over `fetch(\`${baseUrl}/api/generate\`, { body:
  // JSON.stringify({ model, prompt }) })`: the caller hands a base and values, the helper writes the path, the options and
  // the body. That request is one of its own, found where it is written; the call is a caller of that helper (read
  // through it, prompt and all), not a request whose options are its second argument.
  if (shape.bodyIndex === undefined && writesWholeRequest(inner, context) && shape.urlTemplate !== undefined && WRITTEN_PATH_AFTER_HOLE.test(shape.urlTemplate)) return undefined;
  const helperRequest = !composes && inner.getSourceFile() !== call.getSourceFile() ? undefined : { file: context.modules.where(inner.getSourceFile(), span.line).replace(/:\d+$/, ''), ...span, function: enclosingFunctionName(inner) ?? '<top>', ...(composes ? {} : { handsOn: true }) };
  // `this.postRequest('v1/extract', data)` over `this.ky.post(path, { json: data })`: the path is under the inner client's base URL.
  const base = urlText === undefined ? innerClientBase(inner, context) : undefined;
  return { client: name, url, urlText, base, body, ...(helperRequest ? { helperRequest } : {}), evidence: [`${name}() is the app's own wrapper around an HTTP request (${placeOf(fn)}, its request at line ${inner.getStartLineNumber()}${base ? `, on a client with base URL ${base}` : ''})`] };
}

/**
 * `this.client.post('/chat/completions', { model, messages })` with `this.client = new ApiClient(config)`: the request
 * method of the app's client class, read as a wrapper. A path the wrapper's URL does not place under a base it names goes
 * to the base the client was made with (`{{this.client}}/chat/completions`), not the page's own origin: an app's client
 * class exists to hold one. A path under `/api/` stays the app's own route.
 */
function instanceWrapperRequest(call: CallExpression, callee: import('ts-morph').PropertyAccessExpression, context: AnalyzerContext): HttpRequest | undefined {
  const request = wrapperRequest(call, callee, context, true);
  const made = request?.urlText !== undefined ? baseMadeWith(callee.getExpression(), request.urlText, context) : undefined;
  if (made) return { ...request!, urlText: made.urlText, evidence: [...request!.evidence, made.evidence] };
  if (!request || request.urlText !== undefined || request.base !== undefined) return request;
  const path = unwrapExpression(request.url!);
  if (!isStringLike(path) || !/^['"`]\/(?!api\/)/.test(path.getText())) return request;
  const receiver = callee.getExpression().getText();
  return { ...request, base: `{{${receiver}}}`, evidence: [...request.evidence, `the path is sent to the base URL ${receiver} was made with (set at run time)`] };
}

/**
 * `this.apiService.post('/v1/chat/completions', payload)` with `this.apiService = new ApiService('https://api.openai.com')`,
 * the class sending to `${this.baseUrl}${endpoint}` and its constructor setting `this.baseUrl` from its first parameter: the
 * URL with the base the instance was made with in the field's place. Undefined when the instance, the field or the base
 * is not known here.
 */
function baseMadeWith(receiver: Node, urlText: string, context: AnalyzerContext): { urlText: string; evidence: string } | undefined {
  const field = /^\{\{this\.([\w$]+)\}\}/.exec(urlText)?.[1];
  const made = field ? traceValue(receiver, context.modules) : undefined;
  if (!made || !Node.isNewExpression(made)) return undefined;
  const [first] = made.getArguments();
  const base = first ? resolveString(first, context.modules).value : undefined;
  if (!base || !/^https?:\/\//.test(base)) return undefined;
  const [classNode] = workspaceClassesOf(receiver, context);
  const parameter = classNode?.getConstructors()[0]?.getParameters()[0];
  if (!classNode || !parameter) return undefined;
  // The field is the constructor's first parameter: a parameter property (`constructor(private baseUrl: string)`) or set from it.
  const setFromFirst = (parameter.isParameterProperty() && parameter.getName() === field) || thisAssignments(classNode, field!).some((value) => unwrapExpression(value).getText() === parameter.getName());
  if (!setFromFirst) return undefined;
  return { urlText: urlText.replace(`{{this.${field}}}`, base.replace(/\/$/, '')), evidence: `the base URL is the one ${receiver.getText().slice(0, 40)} was made with (${base})` };
}

/** The workspace classes an expression may be an instance of (`this.client` set to `new ApiClient(config)`), by its shapes. */
function workspaceClassesOf(receiver: Node, context: AnalyzerContext): ClassDeclaration[] {
  return shapesOf(receiver, context.modules).map((shape) => shape.node).filter((node): node is ClassDeclaration => Node.isClassDeclaration(node));
}

/** The base URL of the client the wrapper's own request goes through (`ky.extend({ prefixUrl })`, `axios.create({ baseURL })`), if any. */
function innerClientBase(inner: CallExpression, context: AnalyzerContext): string | undefined {
  const callee = unwrapExpression(inner.getExpression());
  return Node.isPropertyAccessExpression(callee) && VERBS.has(callee.getName()) ? httpClientOf(callee.getExpression(), context)?.base : undefined;
}

/**
 * A transport that only hands on what it is given (`apiCall(config, endpoint, options)` running `fetch(url, options)`) is
 * the send of its module's model requests only when every call of it in the module is one: a transport some call also
 * posts elsewhere (usage telemetry, `requestPost('loadCodeAssist', req)`, a connectivity check's `/models`) is the app's
 * generic client, whose callers alone are the requests. Its mark is taken off those calls.
 */
function genericTransportsLeftOut(calls: DetectedCall[], context: AnalyzerContext): DetectedCall[] {
  const handedOn = new Map<string, number>();
  for (const call of calls) {
    const place = call.httpHelperRequest;
    if (place?.handsOn) handedOn.set(place.function, (handedOn.get(place.function) ?? 0) + 1);
  }
  if (handedOn.size === 0) return calls;
  const generic = new Set<string>();
  for (const [fn, requests] of handedOn) {
    const name = fn.split('.').pop()!;
    if (callsMatching(context.sourceFile, (call) => calleeNameOf(call) === name).length > requests) generic.add(fn);
  }
  // In place: a job's continuation is told by the call object itself (JOB_CONTINUATIONS).
  for (const call of calls) if (call.httpHelperRequest?.handsOn && generic.has(call.httpHelperRequest.function)) delete call.httpHelperRequest;
  return calls;
}

/** Where request options carry the body: fetch's `body`, ky's and got's `json`, axios's `data`. */
const BODY_FIELDS = ['body', 'json', 'data'];

/** A URL template with a path written after its run-time part (`{{baseUrl}}/api/generate`). */
const WRITTEN_PATH_AFTER_HOLE = /\}\}\/[A-Za-z]/;

/** The inner request posts a body object written in the helper with fields of its own (`JSON.stringify({ ...payload, tools })`), not only what it was handed. */
function composesBody(inner: CallExpression, context: AnalyzerContext): boolean {
  const object = composedBody(inner, context);
  return object !== undefined && object.getProperties().some((property) => !Node.isSpreadAssignment(property));
}

/** The body object literal the inner request posts, traced through locals and serialisation. */
function composedBody(inner: CallExpression, context: AnalyzerContext): ObjectLiteralExpression | undefined {
  const options = resolveObjectLiteral(inner.getArguments()[1], context.modules);
  const body = firstProperty(options, BODY_FIELDS, context.modules);
  if (!body) return undefined;
  const sent = unserialized(traceValue(body, context.modules));
  const object = sent && resolveObjectLiteral(sent, context.modules);
  return object !== undefined && Node.isObjectLiteralExpression(object) ? object : undefined;
}

/**
 * The helper writes the whole request: its options at the request (`fetch(url, { method, body })`), and a body of named
 * fields (`JSON.stringify({ model, prompt, stream: false })`), none spread from what it was handed.
 */
function writesWholeRequest(inner: CallExpression, context: AnalyzerContext): boolean {
  const options = inner.getArguments()[1];
  if (options === undefined || !Node.isObjectLiteralExpression(unwrapExpression(options))) return false;
  const body = composedBody(inner, context);
  return body !== undefined && body.getProperties().length > 0 && !body.getProperties().some((property) => Node.isSpreadAssignment(property));
}

/** A file that may build a request as data: a POST method written out (`method: 'POST'`). */
const DESCRIPTOR_TEXT = /\bmethod\s*:\s*['"`]POST['"`]/i;

/**
 * A request built as data and sent elsewhere: `return { request: { ...anthropicAccess(access, PATHS.messages), method: 'POST',
 * body } }`, handed to the app's generic sender (an executor with retries and heartbeats) that reads `url`, `headers` and
 * `body` off it. The object is the request's site: it says which API and what body; the sender says neither. An object
 * handed straight to a call is that call's request (read with the call), not a descriptor.
 */
function requestDescriptors(context: AnalyzerContext): DetectedCall[] {
  const found: DetectedCall[] = [];
  for (const object of context.sourceFile.getDescendantsOfKind(SyntaxKind.ObjectLiteralExpression)) {
    const method = getObjectProperty(object, 'method');
    const body = method && getObjectProperty(object, 'body');
    if (!method || !body || resolveString(method, context.modules).value?.toUpperCase() !== 'POST' || !heldAsRequest(object) || isHandedToCall(object)) continue;
    const url = described(object, context);
    if (!url) continue;
    const detected = analyzeCall(object, context, { client: 'request', url: url.node, urlText: url.text, hostProviders: url.hostProviders, body, evidence: [`a request built as data (url, method POST, body), sent by the app's own code elsewhere; ${url.where}`] });
    if (detected) found.push(detected);
  }
  // The requests one function builds for each API it can talk to (a switch over the user's provider): one of them per run.
  const byFunction = new Map<string, DetectedCall[]>();
  for (const call of found) byFunction.set(call.enclosingFunction ?? '<top>', [...(byFunction.get(call.enclosingFunction ?? '<top>') ?? []), call]);
  for (const [fn, calls] of byFunction) {
    if (new Set(calls.map((call) => call.provider)).size < 2) continue;
    for (const call of calls) call.alternativeGroup = `${call.file}#${fn}`;
  }
  return found;
}

/**
 * The object is held under a request's name (`request: {...}`, `const upstreamRequest: DispatchRequest = {...}`, returned by
 * `buildRequest()`): what the app sends. A spec it only prints (`spec: {...}` turned into a curl command) is not a request.
 */
function heldAsRequest(object: ObjectLiteralExpression): boolean {
  const parent = withoutTypeWrappers(object).getParent();
  let names: string[] = [];
  if (parent && Node.isPropertyAssignment(parent)) names = [parent.getName()];
  else if (parent && Node.isVariableDeclaration(parent)) names = [parent.getName(), parent.getTypeNode()?.getText() ?? ''];
  else if (parent && (Node.isReturnStatement(parent) || Node.isArrowFunction(parent))) {
    const fn = Node.isArrowFunction(parent) ? parent : enclosingFunction(parent);
    names = fn ? [calledName(fn) ?? '', (Node.isReturnTyped(fn) ? fn.getReturnTypeNode()?.getText() : undefined) ?? ''] : [];
  }
  return names.some((name) => REQUEST_NAME.test(name));
}

/** The outermost of the parentheses, `as` and `satisfies` around an expression: where its value is held or handed on. */
function withoutTypeWrappers(expression: Node): Node {
  let holder = expression;
  for (let parent = holder.getParent(); parent && (Node.isParenthesizedExpression(parent) || Node.isAsExpression(parent) || Node.isSatisfiesExpression(parent)); parent = holder.getParent()) holder = parent;
  return holder;
}

/**
 * A name for a request the app sends (`request`, `upstreamRequest`, `ChatGenerateDispatchRequest`, `buildRequest`, `req`), not a
 * spec, preview or a test's expectation of one (`expectedRequest`).
 */
const REQUEST_NAME = /^(?!.*(?:spec|curl|preview|example|sample|expected))(?:.*request|req)\b/i;

/** The object is an argument of a call, or held in a constant the function hands to one (`fetchOrThrow({ ...request, signal })`). */
function isHandedToCall(object: ObjectLiteralExpression): boolean {
  const holder = withoutTypeWrappers(object);
  const parent = holder.getParent();
  if (parent && (Node.isCallExpression(parent) || Node.isNewExpression(parent)) && parent.getArguments().includes(holder)) return true;
  if (!parent || !Node.isVariableDeclaration(parent) || !Node.isIdentifier(parent.getNameNode())) return false;
  const name = parent.getName();
  const scope = enclosingFunction(parent) ?? parent.getSourceFile();
  return callsMatching(parent.getSourceFile(), (call) => call.getStart() >= scope.getStart() && call.getEnd() <= scope.getEnd()).some((call) =>
    call.getArguments().some((argument) => {
      const value = unwrapExpression(argument);
      if (Node.isIdentifier(value)) return value.getText() === name;
      return Node.isObjectLiteralExpression(value) && value.getProperties().some((property) => Node.isSpreadAssignment(property) && unwrapExpression(property.getExpression()).getText() === name);
    }),
  );
}

const MAX_DESCRIBED_DEPTH = 3;

/** A request object's URL: the node it comes from, its text, how it was read and, for a helper with a host per provider, their providers. */
interface DescribedUrl {
  node: Node;
  text: string;
  where: string;
  hostProviders?: string[];
}

/**
 * The URL a request object names: its `url` field, else a field of what it spreads in (last first, as at run time) when
 * that is the app's helper returning `{ headers, url }` (`...anthropicAccess(access, ANTHROPIC_API_PATHS.messages)` with
 * `url: anthropicHost + apiPath`): the helper's URL with this call's arguments in its parameters' places.
 */
function described(object: Node, context: AnalyzerContext, depth = 0): DescribedUrl | undefined {
  const resolved = resolveObjectLiteral(object, context.modules);
  if (!resolved || !Node.isObjectLiteralExpression(resolved) || depth > MAX_DESCRIBED_DEPTH) return undefined;
  const own = getObjectProperty(resolved, 'url', context.modules);
  if (own) return { node: own, text: urlTextOf(own, context), where: 'its url field' };
  const properties = resolved.getProperties();
  for (let index = properties.length - 1; index >= 0; index--) {
    const property = properties[index];
    if (!Node.isSpreadAssignment(property)) continue;
    const spread = unwrapExpression(property.getExpression());
    const found = Node.isCallExpression(spread) ? helperReturnedUrl(spread, context) : described(spread, context, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** `...openAIAccess(access, model.id, OPENAI_API_PATHS.chatCompletions)`: the URL the helper returns for these arguments. */
function helperReturnedUrl(call: CallExpression, context: AnalyzerContext, field = 'url', depth = 0): DescribedUrl | undefined {
  const fn = depth < MAX_URL_DEPTH ? wrapperFunction(unwrapExpression(call.getExpression()), context) : undefined;
  if (!fn) return undefined;
  const parameters = parameterNames(fn);
  const args = call.getArguments();
  const texts: string[] = [];
  for (const returned of returnsOf(fn)) {
    const object = unwrapExpression(returned);
    const url = Node.isObjectLiteralExpression(object) ? getObjectProperty(object, field, context.modules) : undefined;
    if (!url) continue;
    texts.push(urlTextOf(url, context, depth + 1).replace(/\{\{([\w$]+)\}\}/g, (hole, name: string) => {
      const index = parameters.indexOf(name);
      return index >= 0 && args[index] ? urlTextOf(args[index], context, depth + 1) : hole;
    }));
  }
  const endpoints = texts.filter((text) => RULES.some((rule) => rule.pattern.test(text)));
  if (endpoints.length === 0) return undefined;
  const providers = [...new Set(endpoints.map((text) => providerFromBaseUrl(text) ?? 'unknown'))];
  // One host per provider the user may pick (a switch over the dialect): the API's path, shown on its plainest host.
  const text = providers.length > 1 ? endpoints.reduce((plainest, each) => (pathOf(each).length < pathOf(plainest).length ? each : plainest)) : endpoints[0];
  const where = `its URL is what ${calledName(fn) ?? 'the helper'} (${placeOf(fn)}) returns for these arguments`;
  return { node: call, text, where: providers.length > 1 ? `${where}, on one of ${providers.length} providers' hosts the user's setting picks (${providers.slice(0, 8).join(', ')}${providers.length > 8 ? ', ...' : ''})` : where, ...(providers.length > 1 ? { hostProviders: providers } : {}) };
}

/** The path of a URL's text (after its host), or the text itself when it names no host. */
function pathOf(urlText: string): string {
  return /^https?:\/\/[^/]+(\/.*)?$/.exec(urlText)?.[1] ?? urlText;
}

interface WrapperShape {
  parameters: string[];
  /** The inner request's URL when it is built from more than the first parameter (`https://{{hostname}}{{path}}`). */
  urlTemplate?: string;
  /** The parameter the wrapper serialises as the body (`JSON.stringify(json)`). */
  bodyIndex?: number;
  /** The parameter the URL is built from (the first, unless a later one is: `engineFetch(ctx, endpoint, options)`); the options follow it. */
  urlIndex: number;
  /**
   * The property of a destructured first parameter the URL is read from (`streamOpenAICompatible({ req, res, apiUrl,
   * apiKey })` fetching `apiUrl`): callers hand it in an object (`{ apiUrl: 'https://api.openai.com/v1/chat/completions' }`).
   */
  urlProperty?: string;
}

/** A function's parameters by name, in order; a destructured one is '' (no argument maps to it by name). */
function parameterNames(fn: FunctionNode): string[] {
  return fn.getParameters().map((parameter) => (Node.isIdentifier(parameter.getNameNode()) ? parameter.getName() : ''));
}

const SHAPE_CACHE = new WeakMap<Node, WrapperShape>();
/** A wrapper's shape while it is being read (see wrapperShape): no URL template, the URL first. */
const IN_PROGRESS: WrapperShape = { parameters: [], urlIndex: 0 };

function wrapperShape(fn: FunctionNode, context: AnalyzerContext): WrapperShape {
  let shape = SHAPE_CACHE.get(fn);
  if (shape) return shape;
  const parameters = parameterNames(fn);
  // Marked while read: a wrapper reached again through its own inner calls is not read twice (nestedUrlText).
  SHAPE_CACHE.set(fn, IN_PROGRESS);
  const forwarded = forwardedUrl(fn, context);
  shape = { parameters, urlIndex: forwarded?.urlIndex ?? 0, ...(forwarded?.urlProperty ? { urlProperty: forwarded.urlProperty } : {}) };
  for (const inner of fn.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    if (isSerializerCall(inner) && shape.bodyIndex === undefined) {
      const index = parameters.indexOf(inner.getArguments()[0]?.getText() ?? '');
      if (index > 0) shape.bodyIndex = index;
      continue;
    }
    if (shape.urlTemplate !== undefined) continue;
    const request = readRequest(inner, context, false);
    // A wrapper of a wrapper (`this.executeWithRetry(url, options)` with `url = \`${this.config.baseUrl}${endpoint}\``): the URL it hands on.
    const handedOn = !request?.url && inner === forwarded?.inner && inner.getArguments()[0] ? nestedUrlText(inner, context) ?? urlTextOf(inner.getArguments()[0], context) : undefined;
    const text = request?.url ? request.urlText ?? urlTextOf(request.url, context) : handedOn;
    const holes = text ? [...text.matchAll(/\{\{([\w$]+)\}\}/g)].map((hole) => hole[1]) : [];
    // Only a URL made of several parameters, or of one and fixed text, needs the template; `{{url}}` alone is the first argument.
    if (text && holes.some((hole) => parameters.includes(hole)) && text !== `{{${parameters[0]}}}`) shape.urlTemplate = text;
  }
  SHAPE_CACHE.set(fn, shape);
  return shape;
}

/**
 * The URL a wrapper of a wrapper sends to, in its own parameters: `post(endpoint, data)` running `this.request(endpoint,
 * {...})`, whose fetch goes to `${this.baseUrl}${endpoint}`, sends to `{{this.baseUrl}}{{endpoint}}`. The inner wrapper's
 * template with this call's arguments in its holes; undefined when the inner wrapper has none.
 */
function nestedUrlText(inner: CallExpression, context: AnalyzerContext): string | undefined {
  const nested = wrapperFunction(unwrapExpression(inner.getExpression()), context);
  if (!nested) return undefined;
  // The outer wrapper, or one reached again through its own calls, is being read (IN_PROGRESS): no template yet.
  const template = wrapperShape(nested, context).urlTemplate;
  if (template === undefined) return undefined;
  const parameters = parameterNames(nested);
  const args = inner.getArguments();
  return template.replace(/\{\{([\w$]+)\}\}/g, (hole, parameter: string) => {
    const argument = args[parameters.indexOf(parameter)];
    return parameters.includes(parameter) && argument ? urlTextOf(argument, context) : hole;
  });
}

/** The workspace function a callee names: a function (also imported), an arrow in a constant, or a method of this class. */
function wrapperFunction(callee: Node, context: AnalyzerContext, depth = 0, onInstance = false): FunctionNode | undefined {
  let declaration: Node | undefined;
  if (Node.isIdentifier(callee)) {
    declaration = findDeclaration(callee, context.modules);
  } else if (Node.isPropertyAccessExpression(callee) && callee.getExpression().getKind() === SyntaxKind.ThisKeyword) {
    declaration = inheritedMethod(callee.getFirstAncestorByKind(SyntaxKind.ClassDeclaration), callee.getName(), context);
  } else if (onInstance && Node.isPropertyAccessExpression(callee)) {
    // `this.client.post(...)`: the method of the workspace class the receiver is an instance of (one class only: with
    // several, which one sends is not known here). Asked only by instanceWrapperRequest.
    const classes = workspaceClassesOf(callee.getExpression(), context);
    if (classes.length === 1) declaration = inheritedMethod(classes[0], callee.getName(), context);
  }
  if (!declaration) return undefined;
  const fn = Node.isFunctionDeclaration(declaration) || Node.isMethodDeclaration(declaration) ? declaration : initializerOf(declaration);
  const value = fn && unwrapExpression(fn);
  // `export const gptGetUrl = getUrl`: the function the other name stands for.
  if (value && Node.isIdentifier(value)) return value === callee || depth >= MAX_NESTED_WRAPPERS ? undefined : wrapperFunction(value, context, depth + 1);
  // `const fetchFn = configuration?.fetch || safeFetchNoThrow`: an injectable fetch falling back to the app's wrapper.
  if (value && Node.isBinaryExpression(value) && [SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken].includes(value.getOperatorToken().getKind()) && Node.isIdentifier(unwrapExpression(value.getRight()))) {
    const right = unwrapExpression(value.getRight());
    return right === callee ? undefined : wrapperFunction(right, context);
  }
  return fn && isFunctionNode(fn) ? fn : undefined;
}

/** Wrappers of wrappers followed down to the HTTP client (`safeFetchNoThrow` → `safeFetch` → `requestUrl`). */
const MAX_NESTED_WRAPPERS = 2;

/** How many workspace base classes a `this.post(...)` is looked up through (`class Claude extends Base`, `Base` holding `post`). */
const MAX_BASE_CLASS_DEPTH = 4;

/** Request methods an HTTP client class from a package gives the classes extending it (`post`, `postJson`, `putForm`, `request`). */
const PACKAGE_CLIENT_METHOD = /^(?:post|put|request)(?:[A-Z]\w*)?$/;

/**
 * `this.postJson('/chat/completions', payload)` in `class OpenRouterHTTP extends HTTPService` (civkit's), `HTTPService` imported
 * from a package and the method declared by no workspace class: the package's request method, sending to the base URL the
 * class hands its base's constructor (`super('https://openrouter.ai/api/v1')`; a parameter's default when it hands one on,
 * else the parameter's name as a run-time part). The body is the options' `body`/`json`/`data`, else the second argument.
 */
function packageClientMethodRequest(call: CallExpression, callee: import('ts-morph').PropertyAccessExpression, context: AnalyzerContext): HttpRequest | undefined {
  const name = callee.getName();
  if (!PACKAGE_CLIENT_METHOD.test(name) || unwrapExpression(callee.getExpression()).getKind() !== SyntaxKind.ThisKeyword) return undefined;
  let classNode = callee.getFirstAncestorByKind(SyntaxKind.ClassDeclaration);
  for (let depth = 0; classNode && depth <= MAX_BASE_CLASS_DEPTH; depth++) {
    if (classNode.getMethod(name) || classNode.getProperty(name)) return undefined;
    const base = baseClassOf(classNode, context.modules);
    if (base) {
      classNode = base;
      continue;
    }
    const heritage = classNode.getExtends();
    const extended = heritage && unwrapExpression(heritage.getExpression());
    const binding = extended && importBindingOf(extended, context.modules);
    if (!binding || binding.packageName.startsWith('.')) return undefined;
    const [first, second] = call.getArguments();
    if (!first) return undefined;
    const options = second && resolveObjectLiteral(second, context.modules);
    const body = firstProperty(options, BODY_FIELDS, context.modules) ?? second;
    const baseUrl = superBaseUrl(classNode, context);
    return { client: `${binding.importedName}.${name}`, url: first, base: baseUrl, body, evidence: [`this.${name}() is the request method of ${binding.importedName} from ${binding.packageName}, the HTTP client the class extends${baseUrl ? `, with base URL ${baseUrl}` : ''}`] };
  }
  return undefined;
}

/** The default a parameter, or a binding in a parameter's pattern, gives the name (`{ ky = defaultKy }`, `baseUri = '...'`), if any. */
function parameterDefault(name: Node, context: AnalyzerContext): Node | undefined {
  const declaration = Node.isIdentifier(name) ? findDeclaration(name, context.modules) : undefined;
  return declaration && (Node.isBindingElement(declaration) || Node.isParameterDeclaration(declaration)) ? declaration.getInitializer() : undefined;
}

/** The base URL a class hands the package client it extends: `super(url)`'s first argument as URL text, a parameter read as its default. */
function superBaseUrl(classNode: import('ts-morph').ClassDeclaration, context: AnalyzerContext): string | undefined {
  for (const constructor of classNode.getConstructors()) {
    const superCall = constructor.getDescendantsOfKind(SyntaxKind.CallExpression).find((candidate) => candidate.getExpression().getKind() === SyntaxKind.SuperKeyword);
    const argument = superCall?.getArguments()[0] && unwrapExpression(superCall.getArguments()[0]);
    if (!argument) continue;
    const declaration = Node.isIdentifier(argument) ? findDeclaration(argument, context.modules) : undefined;
    if (declaration && Node.isParameterDeclaration(declaration)) {
      const fallback = declaration.getInitializer();
      return fallback ? urlTextOf(fallback, context) : `{{${declaration.getName()}}}`;
    }
    return isStringLike(argument) || Node.isIdentifier(argument) || Node.isPropertyAccessExpression(argument) ? urlTextOf(argument, context) : undefined;
  }
  return undefined;
}

/** The class's own method of that name, else the nearest workspace base class's. */
function inheritedMethod(classNode: import('ts-morph').ClassDeclaration | undefined, name: string, context: AnalyzerContext): Node | undefined {
  for (let depth = 0; classNode && depth <= MAX_BASE_CLASS_DEPTH; depth++) {
    const method = classNode.getMethod(name);
    if (method) return method;
    classNode = baseClassOf(classNode, context.modules);
  }
  return undefined;
}

/**
 * `fetcher(url, init)` inside an SSE or fetch helper, `fetcher` a parameter or an option it destructures
 * (`{ fetcher = getUniversalFetch(), ...init } = options`): the fetch implementation the caller may inject (the
 * platform's, a proxy's, a test's), named for it.
 */
function isInjectedFetch(callee: Node, context: AnalyzerContext): boolean {
  if (!Node.isIdentifier(callee) || !INJECTED_FETCH_NAME.test(callee.getText())) return false;
  const declaration = findDeclaration(callee, context.modules);
  return declaration !== undefined && (Node.isBindingElement(declaration) || Node.isParameterDeclaration(declaration));
}

const INJECTED_FETCH_NAME = /^(?:fetch(?:er|Impl|Fn|Function)?|\w+Fetch(?:er)?)$/;

/**
 * The call inside the function that sends fetch (global or a fetch package), axios, got or ky its URL parameter (the
 * first, or a later one named for a URL: see `urlParameterOrder`; or a value built from it) as the URL, also from a
 * function nested in it (an SSE helper's inner `chatApi(url, ...)`).
 */
function forwardsUrlToHttpClient(fn: FunctionNode, context: AnalyzerContext, depth = 0): CallExpression | undefined {
  return forwardedUrl(fn, context, depth)?.inner;
}

/**
 * The request a wrapper makes with a URL built from one of its parameters, and that parameter's index: the first
 * (`customFetch(url, init)`), else the first a URL names (`engineFetch(ctx, endpoint, options)` fetching
 * `` `${getDyadEngineBaseUrl()}${endpoint}` ``, `apiCall(config, endpoint, options)`).
 */
function forwardedUrl(fn: FunctionNode, context: AnalyzerContext, depth = 0): { inner: CallExpression; urlIndex: number; urlProperty?: string } | undefined {
  const parameters = parameterNames(fn);
  if (parameters[0] === '') return destructuredUrl(fn, context, depth);
  for (const index of urlParameterOrder(parameters)) {
    const inner = innerRequestWithUrlFrom(fn, parameters[index], context, depth);
    if (inner) return { inner, urlIndex: index };
  }
  return undefined;
}

/**
 * `async function streamOpenAICompatible({ req, res, apiUrl, apiKey }: StreamArgs)` fetching `apiUrl`: the request a
 * wrapper makes with a URL named by a property of its destructured first parameter (one named for a URL), and that name.
 */
function destructuredUrl(fn: FunctionNode, context: AnalyzerContext, depth: number): { inner: CallExpression; urlIndex: number; urlProperty: string } | undefined {
  const pattern = fn.getParameters()[0]?.getNameNode();
  if (!pattern || !Node.isObjectBindingPattern(pattern)) return undefined;
  for (const element of pattern.getElements()) {
    const property = element.getPropertyNameNode()?.getText() ?? element.getName();
    if (!URL_PARAMETER.test(property) || !Node.isIdentifier(element.getNameNode())) continue;
    const inner = innerRequestWithUrlFrom(fn, element.getName(), context, depth);
    if (inner) return { inner, urlIndex: 0, urlProperty: property };
  }
  return undefined;
}

/**
 * The parameters that may carry a wrapper's or a URL helper's URL or path, by index, in the order to try them: the
 * first; but a first named for something else (`config`, `ctx`) gives way to later ones named for a URL
 * (`resolveEndpointUrl(config, endpoint)`, `engineFetch(ctx, endpoint, options)`: the config only picks the base).
 */
function urlParameterOrder(parameters: readonly string[]): number[] {
  if (parameters.length === 0) return [];
  if (URL_LIKE_NAME.test(parameters[0])) return [0];
  return [...parameters.keys()].filter((index) => index > 0 && URL_PARAMETER.test(parameters[index])).concat(0);
}

/** A later parameter read as a wrapper's URL only when its name says it is one (`endpoint`, `path`, `url`, `route`). */
const URL_PARAMETER = /^(?:url|uri|path|endpoint|route|href|[\w$]*(?:Url|URL|Uri|Path|Endpoint|Route))$/;
/** A first parameter whose name may hold a URL or a part of one (`input`, `hostname`, `baseUrl`, `resource`). */
const URL_LIKE_NAME = /url|uri|path|endpoint|route|href|host|base|input|resource|link|address|target/i;

function innerRequestWithUrlFrom(fn: FunctionNode, name: string, context: AnalyzerContext, depth: number): CallExpression | undefined {
  const mentionsParameter = mentionOf(name);
  for (const inner of fn.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const innerCallee = unwrapExpression(inner.getExpression());
    const first = inner.getArguments()[0];
    if (!first) continue;
    // `requestUrl({ url, method, body })`, `requestUrl(requestParams)` with `requestParams = { url: url, ... }`: the options' `url`.
    const options = Node.isObjectLiteralExpression(unwrapExpression(first)) || Node.isIdentifier(unwrapExpression(first)) ? resolveObjectLiteral(first, context.modules) : undefined;
    const url = getObjectProperty(options, 'url', context.modules) ?? first;
    const urlText = Node.isIdentifier(url) ? (traceValue(url, context.modules).getText()) : url.getText();
    if (!mentionsParameter.test(urlText) && url.getText() !== name && !destructuredFrom(url, name, context)) continue;
    if (Node.isIdentifier(innerCallee)) {
      if (innerCallee.getText() === 'fetch' && isFetch(innerCallee, context)) return inner;
      // `const fetchFn = this.getFetch()` then `fetchFn(url, ...)`: the fetch an app's factory hands out.
      if (isInjectedFetch(innerCallee, context) || fetchAlias(innerCallee, context) || factoryFetch(innerCallee, context)) return inner;
      const binding = importBindingOf(innerCallee, context.modules);
      if (binding && (FETCH_PACKAGES.has(binding.packageName) || CLIENT_PACKAGES.has(binding.packageName) || isPlatformRequestUrl(binding))) return inner;
      // `safeFetchNoThrow(url, options)` handing the URL to the app's `safeFetch`, which sends it: a wrapper of a wrapper
      // (called by the wrapper itself, not by a function it returns: a factory's model sends when it is used).
      const nested = depth < MAX_NESTED_WRAPPERS && runsWithin(inner, fn) ? wrapperFunction(innerCallee, context) : undefined;
      if (nested && nested !== fn && forwardsUrlToHttpClient(nested, context, depth + 1)) return inner;
    } else if (Node.isPropertyAccessExpression(innerCallee)) {
      // `UrlFetchApp.fetch(url, config)`: Google Apps Script's HTTP client, inside an add-on's own request method.
      if (GLOBAL_FETCH.test(innerCallee.getText()) || APPS_SCRIPT_FETCH.test(innerCallee.getText())) return inner;
      if ((VERBS.has(innerCallee.getName()) || innerCallee.getName() === 'request') && httpClientOf(innerCallee.getExpression(), context)) return inner;
      if (innerCallee.getName() === 'request' && nodeHttpModule(innerCallee.getExpression(), context)) return inner;
      if (innerCallee.getName() === 'request' && isGoogleAuthClient(innerCallee.getExpression(), context)) return inner;
      // `this.executeWithRetry(url, options)` handing the URL to a method of the same class that sends it.
      // `(endpoint, body) => apiClient.post(endpoint, body)` with `apiClient = new ApiClient()`: the request method of the app's client class.
      const nested = depth < MAX_NESTED_WRAPPERS && runsWithin(inner, fn) ? wrapperFunction(innerCallee, context, 0, !isThisMember(innerCallee)) : undefined;
      if (nested && nested !== fn && forwardsUrlToHttpClient(nested, context, depth + 1)) return inner;
    }
  }
  return undefined;
}

/**
 * Whether a call runs when `fn` does: it is in `fn` itself, or in a callback `fn` hands to a call (`withRetry(async (attempt) =>
 * fetchWithTimeout(url, ...))`, a retry helper running it at once), not in a function `fn` returns or keeps for later.
 */
function runsWithin(inner: Node, fn: FunctionNode): boolean {
  for (let current = enclosingFunction(inner); current; current = enclosingFunction(current)) {
    if (current === fn) return true;
    const handedTo = current.getParent();
    if (!(Node.isArrowFunction(current) || Node.isFunctionExpression(current)) || !handedTo || !Node.isCallExpression(handedTo) || !handedTo.getArguments().includes(current as never)) return false;
  }
  return false;
}

/** `const { url, method = 'GET' } = config` then `fetch(url, ...)`: the URL is a property of the parameter `config`. */
function destructuredFrom(url: Node, parameterName: string, context: AnalyzerContext): boolean {
  const declaration = Node.isIdentifier(url) ? findDeclaration(url, context.modules) : undefined;
  return declaration !== undefined && Node.isBindingElement(declaration) && destructuredSource(declaration)?.getText() === parameterName;
}

/**
 * `const fetchImpl = config.fetch ?? fetch`: a local name for fetch with an injectable replacement (tests, proxies). The
 * initializer's text when it falls back to the global fetch, else undefined.
 */
function fetchAlias(callee: Node, context: AnalyzerContext, depth = 0): string | undefined {
  // `this._fetch(url, init)`: the field a constructor set from its options (`this._fetch = fetch2`), followed once.
  const isGlobalFetch = (node: Node): boolean => {
    const bare = unwrapExpression(node);
    return (Node.isIdentifier(bare) && bare.getText() === 'fetch' && isFetch(bare, context)) || (Node.isPropertyAccessExpression(bare) && GLOBAL_FETCH.test(bare.getText()));
  };
  if (isThisMember(callee)) {
    const held = depth === 0 ? traceValue(callee, context.modules) : undefined;
    if (!held || held === callee) return undefined;
    const value = unwrapExpression(held);
    // `this.fetchImpl = options.fetchImpl ?? fetch`: the global fetch unless the caller injects its own (a test's double).
    if (Node.isBinaryExpression(value) && [SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken].includes(value.getOperatorToken().getKind()) && isGlobalFetch(value.getRight())) return value.getText().slice(0, 60);
    return Node.isIdentifier(value) ? fetchAlias(value, context, depth + 1) : undefined;
  }
  const declaration = findDeclaration(callee, context.modules);
  // `async function fetchSSE(url, options, fetch2 = fetch)`, `const { fetch: fetch2 = fetch } = opts`: the global fetch unless the caller hands another.
  if (declaration && (Node.isParameterDeclaration(declaration) || Node.isBindingElement(declaration))) {
    const fallback = declaration.getInitializer();
    return fallback && isGlobalFetch(fallback) ? `${declaration.getText().slice(0, 60)}` : undefined;
  }
  if (!declaration || !Node.isVariableDeclaration(declaration)) return undefined;
  const value = declaration.getInitializer() && unwrapExpression(declaration.getInitializer()!);
  if (!value) return undefined;
  const fallsBack = isGlobalFetch(value) || (Node.isBinaryExpression(value) && [SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken].includes(value.getOperatorToken().getKind()) && isGlobalFetch(value.getRight()));
  return fallsBack ? value.getText().slice(0, 60) : undefined;
}

function isThisMember(node: Node): boolean {
  return Node.isPropertyAccessExpression(node) && node.getExpression().getKind() === SyntaxKind.ThisKeyword;
}

/** A fetch factory's name: `createFetch`, `customFetch`, `getFetchWithRetry`. */
const FETCH_FACTORY_NAME = /fetch/i;

/**
 * `const fetchRetry = await createFetch({ retries })`: a local holding the fetch an app's factory returns (retries, a
 * proxy agent patched in), its name saying so. The name of the factory, else undefined.
 */
function factoryFetch(callee: Node, context: AnalyzerContext): string | undefined {
  const declaration = findDeclaration(callee, context.modules);
  if (!declaration || !Node.isVariableDeclaration(declaration)) return undefined;
  const initializer = declaration.getInitializer();
  let value = initializer && unwrapExpression(initializer);
  if (value && Node.isAwaitExpression(value)) value = unwrapExpression(value.getExpression());
  if (!value || !Node.isCallExpression(value)) return undefined;
  const factory = unwrapExpression(value.getExpression());
  const name = Node.isIdentifier(factory) ? factory.getText() : Node.isPropertyAccessExpression(factory) ? factory.getName() : undefined;
  return name && FETCH_FACTORY_NAME.test(name) ? name : undefined;
}

/** `fetch` is the global one (no local declaration) or imported from a fetch package. */
function isFetch(callee: Node, context: AnalyzerContext): boolean {
  const declaration = findDeclaration(callee, context.modules);
  if (!declaration) return true;
  // `var fetch = globalThis.fetch;` (a bundler's shim for the global): the global one still.
  const shim = Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
  if (shim && GLOBAL_FETCH.test(unwrapExpression(shim).getText())) return true;
  const binding = importBindingOf(callee, context.modules);
  return binding !== undefined && FETCH_PACKAGES.has(binding.packageName);
}

/** `axios`, `ky`, `got` (imported or required), or an `axios.create({ baseURL })` instance. */
function httpClientOf(node: Node, context: AnalyzerContext): { name: string; base?: string } | undefined {
  const owner = unwrapExpression(node);
  if (Node.isIdentifier(owner)) {
    const binding = importBindingOf(owner, context.modules);
    if (binding && CLIENT_PACKAGES.has(binding.packageName)) return { name: binding.packageName === 'redaxios' ? 'axios' : binding.packageName };
    // `constructor({ ky = defaultKy } = {})`: a client the caller may inject, the package's own by default.
    const fallback = binding ? undefined : parameterDefault(owner, context);
    if (fallback && Node.isIdentifier(unwrapExpression(fallback))) return httpClientOf(fallback, context);
  }
  const traced = traceValue(owner, context.modules);
  // `const throttledKy = throttle ? throttleKy(ky, limits) : ky`: the client either way.
  if (Node.isConditionalExpression(traced) && traced !== owner) return httpClientOf(traced.getWhenFalse(), context) ?? httpClientOf(traced.getWhenTrue(), context);
  if (Node.isCallExpression(traced)) {
    const factory = unwrapExpression(traced.getExpression());
    if (Node.isPropertyAccessExpression(factory) && /^(create|extend)$/.test(factory.getName())) {
      const base = httpClientOf(factory.getExpression(), context);
      if (!base) return undefined;
      const options = resolveObjectLiteral(traced.getArguments()[0], context.modules);
      const baseUrl = getObjectProperty(options, 'baseURL', context.modules) ?? getObjectProperty(options, 'prefixUrl', context.modules);
      return { name: base.name, base: baseUrl ? urlTextOf(baseUrl, context) : undefined };
    }
  }
  return undefined;
}

/** The URL as text, constants resolved, run-time parts as `{{expression}}`. */
function urlTextOf(url: Node, context: AnalyzerContext, depth = 0): string {
  const node = unwrapExpression(url);
  if (depth < MAX_URL_DEPTH) {
    const inner = sameUrl(node);
    if (inner) return urlTextOf(inner, context, depth + 1);
    const forwarded = proxiedUrl(node, context, depth);
    if (forwarded) return forwarded;
    const assigned = Node.isIdentifier(node) ? assignedBeforeUse(node, context) ?? rewrittenParameter(node, context) : undefined;
    if (assigned) return urlTextOf(assigned, context, depth + 1);
    const appended = Node.isIdentifier(node) ? appendedBeforeUse(node, context, depth) ?? extendedBeforeUse(node, context, depth) : undefined;
    if (appended !== undefined) return appended;
    const held = Node.isIdentifier(node) ? heldHelperUrl(node, context, depth) : undefined;
    if (held) return held;
    // `isImage ? Paths.ImagePath : Paths.ChatPath`: the branch that is a model endpoint, a chat one first.
    if (Node.isConditionalExpression(node)) {
      const branches = [node.getWhenTrue(), node.getWhenFalse()].map((branch) => urlTextOf(branch, context, depth + 1));
      const chosen = chatEndpointFirst(branches);
      if (chosen !== -1) return branches[chosen];
      // `proxied ? '/chatapi/proxies/openai' : 'https://api.openai.com'`: the provider's own host over the app's proxy route.
      const direct = providerHostFirst(branches);
      if (direct !== -1) return branches[direct];
    }
    if (Node.isCallExpression(node)) {
      const joined = urlJoinUrl(node, context, depth) ?? templateHelperUrl(node, context, depth) ?? pathHelperUrl(node, context, depth) ?? newUrlHelperUrl(node, context, depth) ?? pathFunctionUrl(node, context) ?? pathChoiceUrl(node, context, depth) ?? tidiedHost(node, context);
      if (joined !== undefined) return joined;
      // `getEndpoint(this.proxied)` returning `proxied ? '/api/proxy' : 'https://api.elevenlabs.io'`: a choice of URLs.
      const returned = traceValue(node, context.modules);
      if (returned !== node && Node.isConditionalExpression(returned)) return urlTextOf(returned, context, depth + 1);
    }
    // `config.proxy[service] || urls[services.claude]`: a URL the user may override, else the code's own.
    if (Node.isBinaryExpression(node) && [SyntaxKind.BarBarToken, SyntaxKind.QuestionQuestionToken].includes(node.getOperatorToken().getKind())) {
      const fallback = urlTextOf(node.getRight(), context, depth + 1);
      // `this._apiReverseProxyUrl || \`${this._apiBaseUrl}/v1/completions\``: the code's own endpoint unless a setting replaces it.
      if (startsAtHost(fallback) || chatEndpointFirst([fallback]) === 0) return fallback;
    }
    // `urls[services.claude]` in a map of URLs keyed `[services.claude]: 'https://api.anthropic.com/v1/messages'`.
    const mapped = Node.isElementAccessExpression(node) ? mapEntry(node, context) : undefined;
    if (mapped) return urlTextOf(mapped, context, depth + 1);
    // `this.endpoint` where the class declares `private endpoint = getEndpoint(this.proxied)`: the field's initializer.
    const field = thisFieldInitializer(node) ?? staticDefaultOption(node, context) ?? staticMemberInitializer(node, context);
    if (field) return urlTextOf(field, context, depth + 1);
    // `axios.post(apiEndpoint, ...)` with `apiEndpoint = config.get('endpoint') || ''` in a VS Code extension: the
    // setting's default in its package.json, where the request goes until the user points it elsewhere.
    const setting = Node.isIdentifier(node) || Node.isCallExpression(node) || Node.isBinaryExpression(node) ? extensionSettingDefault(node, context.modules) : undefined;
    if (setting && /^https?:\/\//.test(setting.value)) return setting.value;
    const built = Node.isIdentifier(node) || Node.isPropertyAccessExpression(node) ? traceValue(node, context.modules) : node;
    // `const apiUrl = new URL(proxy || API_CLAUDE).toString()`: the URL the constant's value stands for.
    const sameAsBuilt = built !== node ? sameUrl(built) : undefined;
    if (sameAsBuilt) return urlTextOf(sameAsBuilt, context, depth + 1);
    // `const url = new URL(apiUrl); url.pathname = '/api/embeddings'`: the base's origin with the path set after; with
    // the path added to (`url.pathname = url.pathname.replace(/\/$/, '') + '/audio/transcriptions'`), the base and the path.
    const pathname = Node.isIdentifier(node) && isNewUrl(built) ? pathnameSetBeforeUse(node, context) : undefined;
    if (pathname !== undefined) return withPathname(urlTextOf(built, context, depth + 1), pathname);
    // `fetch(endpoint.href)`, `fetch(url.toString())`: the URL object's own text.
    const urlObject = urlObjectText(node);
    if (urlObject) return urlTextOf(urlObject, context, depth + 1);
    if (isNewUrl(built)) {
      const [path, base] = built.getArguments();
      const pathText = path ? urlTextOf(path, context, depth + 1) : '';
      if (!base) return pathText;
      if (OWN_ORIGIN_BASE.test(unwrapExpression(base).getText())) return pathText.startsWith('/') || /^[a-z][\w+.-]*:\/\//i.test(pathText) ? pathText : `/${pathText}`;
      const resolvedBase = resolveString(base, context.modules);
      return joinUrl(pathText, resolvedBase.value ?? urlTextOf(base, context, depth + 1));
    }
    // `urlJoin(base, '/v1beta/models/', path) + qs.stringify(query)`: the joined URL, then what is added to it.
    const joinedFirst = Node.isBinaryExpression(built) && built.getOperatorToken().getKind() === SyntaxKind.PlusToken ? unwrapExpression(built.getLeft()) : undefined;
    if (joinedFirst && Node.isCallExpression(joinedFirst)) {
      const joined = urlJoinUrl(joinedFirst, context, depth + 1);
      if (joined !== undefined) return joined + urlTextOf((built as import('ts-morph').BinaryExpression).getRight(), context, depth + 1);
    }
    // `const chatPath = this.path(Paths.ChatPath)`: the URL the app's path helper builds.
    if (built !== node && Node.isCallExpression(built)) {
      const joined = urlJoinUrl(built, context, depth + 1) ?? templateHelperUrl(built, context, depth + 1) ?? pathHelperUrl(built, context, depth + 1) ?? newUrlHelperUrl(built, context, depth + 1) ?? tidiedHost(built, context);
      if (joined !== undefined) return joined;
    }
    // `getEndpoint(proxied) + '/v1/chat/completions'`: read part by part when, read as one text, it would be the app's own
    // route (a base the code chooses took its first branch, the proxy, over the provider's host) or start at a run-time
    // value (`this.endpoint`, a field the class initializes).
    if (Node.isBinaryExpression(node) && node.getOperatorToken().getKind() === SyntaxKind.PlusToken) {
      const whole = resolvePromptText(node, context.modules).text;
      if (!whole.startsWith('/') && !whole.startsWith('{{')) return whole;
      const joined = urlTextOf(node.getLeft(), context, depth + 1) + urlTextOf(node.getRight(), context, depth + 1);
      return startsAtHost(joined) ? joined : whole;
    }
    // `const endpoint = getEndpoint(proxied)` returning `proxied ? '/api/proxy' : 'https://api.openai.com'`: read as a choice of
    // URLs; `const url = this.endpoint + '/v1/text-to-speech/' + voice.id`: read part by part.
    if (built !== node && (Node.isConditionalExpression(built) || Node.isElementAccessExpression(built) || (Node.isBinaryExpression(built) && [SyntaxKind.PlusToken, SyntaxKind.BarBarToken, SyntaxKind.QuestionQuestionToken].includes(built.getOperatorToken().getKind())))) return urlTextOf(built, context, depth + 1);
    // `new URL(this.endpoint)` with the field set in the constructor: the text the field holds.
    // `const url = \`${host}/v1/listen?...\``: the template read as one written at the request (a base's default included).
    if (built !== node && Node.isTemplateExpression(built)) return urlTextOf(built, context, depth + 1);
    if (built !== node && (Node.isStringLiteral(built) || Node.isNoSubstitutionTemplateLiteral(built))) return resolvePromptText(built, context.modules).text;
    // `${this.constructor._loginUrl}conversation/${id}`: a template led by a base the code holds elsewhere (a static field, a constant's URL object).
    if (Node.isTemplateExpression(node) && node.getHead().getLiteralText() === '') {
      const [first, ...rest] = node.getTemplateSpans();
      const leading = unwrapExpression(first.getExpression());
      const base = Node.isPropertyAccessExpression(leading) ? staticMemberInitializer(leading, context) : undefined;
      const baseText = base ? urlTextOf(base, context, depth + 1) : undefined;
      if (baseText && startsAtHost(baseText)) {
        return baseText + first.getLiteral().getLiteralText() + rest.map((span) => resolvePromptText(span.getExpression(), context.modules).text + span.getLiteral().getLiteralText()).join('');
      }
    }
    // `${config.baseUrl ?? DEFAULT_BASE_URL}/speech-to-text`: a base the caller may override, else the code's default host.
    if (Node.isTemplateExpression(node)) {
      // Each span's default read once: whether any span has one, and its text.
      const spans = node.getTemplateSpans().map((span) => {
        const expression = span.getExpression();
        const choice = isFallbackChoice(expression);
        const normalised = choice ? undefined : normalisedDefaultBase(expression, context);
        return { span, expression, defaulted: choice || normalised !== undefined, fallback: choice ? resolveString(expression, context.modules).value : normalised ?? null };
      });
      if (spans.some((span) => span.defaulted)) {
        let text = node.getHead().getLiteralText();
        for (const { span, expression, fallback } of spans) text += (fallback ?? resolvePromptText(expression, context.modules).text) + span.getLiteral().getLiteralText();
        return text;
      }
    }
    // `this.apiBaseUrl` set in the constructor from its parameter: what the parameter holds (read below).
    if (built !== node && Node.isIdentifier(built) && Node.isPropertyAccessExpression(node)) return urlTextOf(built, context, depth + 1);
    // `constructor({ apiBaseUrl = midjourney.API_BASE_URL } = {})` then `prefixUrl: apiBaseUrl`: the base the caller may
    // override, else the parameter's default.
    const fallback = parameterDefault(node, context);
    if (fallback) {
      const text = urlTextOf(fallback, context, depth + 1);
      if (startsAtHost(text)) return text;
    }
  }
  return resolvePromptText(node, context.modules).text;
}

/** A settings field holding a server's address: `apiHost`, `claudeApiHost`, `baseURL`, `endpointUrl`. */
const HOST_FIELD = /(?:host|url|endpoint|base)$/i;

/**
 * The provider of the host the app's default settings give the field a URL starts with (`{{this.options.apiHost}}/v1/...`,
 * `apiHost: 'https://api.openai.com'` in `function settings()`): where the request goes until the user points it
 * elsewhere. Undefined when the URL starts with no such field or the defaults name no known host.
 */
function settingsDefaultHost(urlText: string, call: RequestSite, context: AnalyzerContext): { provider: string; why: string } | undefined {
  const hole = LEADING_FIELD.exec(urlText);
  const field = hole?.[2];
  if (!hole || !field || !HOST_FIELD.test(field)) return undefined;
  // The class itself sets it (`this.options.apiHost = 'https://api.siliconflow.cn'` in its constructor): that host, no guess.
  // A module-level helper handed the URL by a class of its file (`fetchSSE(url, ...)` called from `sendMessage`): that file's classes.
  const classNode = enclosingClass(call) ?? call.getSourceFile();
  const [assigned] = hole[1].startsWith('this.') ? assignedValues(classNode, hole[1]) : [];
  if (assigned) {
    const host = resolveString(optionDefault(assigned, context), context.modules).value;
    const provider = host ? providerFromBaseUrl(host) : undefined;
    // Set to something else the class decides: not the app's default.
    return provider ? { provider, why: `the URL's base \`${hole[1]}\` is set to ${host} in its class (line ${assigned.getParentOrThrow().getStartLineNumber()})` } : undefined;
  }
  const found = defaultBase(field, call, context, (host) => providerFromBaseUrl(host));
  return found && { provider: found.result, why: `the URL's base \`${field}\` is ${found.base} in the app's default settings (${found.where}): the provider until the user points it elsewhere (a guess)` };
}

/** `{{this.options.apiHost}}/...`: the field a URL starts with (the whole hole, and its last name). */
const LEADING_FIELD = /^\{\{((?:[\w$]+\.)*([\w$]+))\}\}/;

/** The first value the app's default settings give a field for which `read` answers, with where it is set. */
function defaultBase<T>(field: string, call: RequestSite, context: AnalyzerContext, read: (base: string) => T | undefined): { base: string; result: T; where: string } | undefined {
  for (const entry of appSettingsDefaults(field, call.getSourceFile(), context.modules)) {
    const base = resolveString(entry.value, context.modules).value;
    const result = base ? read(base) : undefined;
    if (base && result !== undefined) return { base, result, where: `${entry.holder} at ${context.modules.where(entry.value.getSourceFile(), entry.value.getStartLineNumber())}` };
  }
  return undefined;
}

/**
 * The URL a `{{settings.field}}/path` URL has with the base the app's default settings give the field (the first of them
 * that is a URL), and why; undefined when the URL starts with no such field or the defaults give none.
 */
function settingsDefaultUrl(urlText: string, call: RequestSite, context: AnalyzerContext): { text: string; why: string } | undefined {
  const hole = LEADING_FIELD.exec(urlText);
  const field = hole?.[2];
  // A path must follow the base, and the field must be one provider's (a bare `url` is any request's).
  if (!hole || !field || !isSpecificUrlField(field) || urlText.length === hole[0].length) return undefined;
  const found = defaultBase(field, call, context, (base) => (/^https?:\/\//.test(base) ? base.replace(/\/+$/, '') + urlText.slice(hole[0].length) : undefined));
  return found && { text: found.result, why: `the URL's base \`${field}\` is ${found.base} in the app's default settings (${found.where}): read as ${found.result} until the user points it elsewhere (a guess)` };
}

/** The URL a `{{this.<field>}}` URL has by default: the constructor option's default the class sets the field from, once. */
function optionDefaultUrl(urlText: string, call: RequestSite, context: AnalyzerContext): string | undefined {
  const hole = /^\{\{(this\.[\w$]+)\}\}$/.exec(urlText);
  const classNode = hole ? enclosingClass(call) : undefined;
  const assigned = classNode && hole ? assignedValues(classNode, hole[1]) : [];
  const fallback = assigned.length === 1 ? optionDefault(assigned[0], context) : undefined;
  return fallback && fallback !== assigned[0] ? resolveString(fallback, context.modules).value ?? undefined : undefined;
}

/**
 * What a class's `this.<field> = value` stands for: the default of the constructor option it copies (`this._apiBaseUrl =
 * apiBaseUrl` with `apiBaseUrl = 'https://api.openai.com'` destructured from the options), else the value itself.
 */
function optionDefault(assigned: Node, context: AnalyzerContext): Node {
  const value = unwrapExpression(assigned);
  return (Node.isIdentifier(value) ? parameterDefault(value, context) : undefined) ?? assigned;
}

/** The class (declared, or a `var X = class { ... }` as bundlers write it) a node is in. */
function enclosingClass(node: Node): Node | undefined {
  return node.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor));
}

/** Packages whose default or named export joins URL parts with single slashes (`urlJoin(base, '/v1beta/models/', path)`). */
const URL_JOIN_PACKAGES = new Set(['url-join', 'url-join-ts', 'proper-url-join']);
const URL_JOIN_NAME = /^(?:url-?join|joinUrl|joinURL|joinUrlPath)$/i;

/** `urlJoin(settings.apiURL, '/v1/messages')`: the parts' texts joined with one slash between each two. */
function urlJoinUrl(call: CallExpression, context: AnalyzerContext, depth: number): string | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isIdentifier(callee) || !URL_JOIN_NAME.test(callee.getText())) return undefined;
  const binding = importBindingOf(callee, context.modules);
  if (binding ? !URL_JOIN_PACKAGES.has(binding.packageName) : !findDeclaration(callee, context.modules)) return undefined;
  const parts = call.getArguments().map((part) => urlTextOf(part, context, depth + 1)).filter((part) => part !== '');
  if (parts.length === 0) return undefined;
  return parts.map((part, index) => (index === 0 ? part.replace(/\/+$/, '') : part.replace(/^\/+|\/+$/g, ''))).join('/');
}

/** A run-time part of a URL's text, `{{expression}}`. */
const HOLE = /\{\{[^}]*\}\}/g;
/** `qs.stringify(params, { addQueryPrefix: true })`, `new URLSearchParams(...)`: a run-time query string closing a URL. */
const QUERY_STRING_HOLE = /\{\{(?:(?:qs|querystring)\.stringify|new URLSearchParams)\(.*\}\}$/;

/**
 * `const baseUrl = trimTrailingSlashes(config.baseUrl ?? DEFAULT_BASE_URL)`: an overridable base handed to a helper that
 * tidies it; the code's default when it is an absolute URL (the helper is taken to keep the host).
 */
function normalisedDefaultBase(expression: Node, context: AnalyzerContext): string | undefined {
  const node = unwrapExpression(expression);
  const constructorDefault = constructorDefaultHost(node, context);
  if (constructorDefault) return constructorDefault;
  const declaration = Node.isIdentifier(node) ? findDeclaration(node, context.modules) : undefined;
  const value = declaration && Node.isVariableDeclaration(declaration) && (!isReassignedLet(node, context.modules) || onlyNormalisedLater(declaration)) ? declaration.getInitializer() : undefined;
  const call = value && unwrapExpression(value);
  return call && Node.isCallExpression(call) ? normalisedCallDefault(call, context) : undefined;
}

/**
 * `${this._server}/api/chat` in a class whose constructor sets `this._server = server.url`, its `server` parameter
 * defaulting to `{ url: 'http://127.0.0.1:11434' }` (or `this.base = base` with `base = 'https://...'`): the host the
 * class talks to unless whoever makes it passes another. Only a field its constructor sets once.
 */
function constructorDefaultHost(node: Node, context: AnalyzerContext): string | undefined {
  if (!Node.isPropertyAccessExpression(node) || node.getExpression().getKind() !== SyntaxKind.ThisKeyword) return undefined;
  const classNode = enclosingClass(node);
  // The constructor's one assignment: a setter or method assigning it later re-points the class where its user says.
  const assigned = classNode ? thisAssignments(classNode, node.getName()).filter((value) => value.getFirstAncestorByKind(SyntaxKind.Constructor)?.getParent() === classNode) : [];
  if (assigned.length !== 1) return undefined;
  const value = unwrapExpression(assigned[0]);
  let fallback: Node | undefined;
  if (Node.isIdentifier(value)) fallback = parameterDefault(value, context);
  else if (Node.isPropertyAccessExpression(value)) {
    const holder = parameterDefault(unwrapExpression(value.getExpression()), context);
    const object = holder && resolveObjectLiteral(holder, context.modules);
    fallback = object && Node.isObjectLiteralExpression(object) ? getObjectProperty(object, value.getName(), context.modules) : undefined;
  }
  const text = fallback && resolveString(fallback, context.modules).value;
  return text ? absoluteHost(text) : undefined;
}

/** The default base a tidying call is handed (`trimSlashes(config.baseUrl ?? DEFAULT)`, `(a || DEFAULT).trim()`), when it names a host. */
function normalisedCallDefault(call: CallExpression, context: AnalyzerContext): string | undefined {
  // `(access.apiHost || DEFAULTS.DEEPGRAM_HOST).trim()`: the fallback is what the method is called on.
  const callee = unwrapExpression(call.getExpression());
  const receiver = Node.isPropertyAccessExpression(callee) ? callee.getExpression() : undefined;
  for (const argument of receiver ? [receiver, ...call.getArguments()] : call.getArguments()) {
    const fallback = fallbackDefault(argument, context);
    const host = fallback && absoluteHost(fallback);
    if (host) return host;
  }
  return undefined;
}

/**
 * `let host = (...).trim()` whose later assignments only rework its own value (`host = \`https://${host}\``,
 * `host = host.slice(0, -1)`): still the same base, normalised.
 */
function onlyNormalisedLater(declaration: VariableDeclaration): boolean {
  const scope = declaration.getFirstAncestor((ancestor) => Node.isBlock(ancestor) || Node.isSourceFile(ancestor)) ?? declaration.getSourceFile();
  const name = declaration.getName();
  const mentionsItself = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`);
  const later = assignedValues(scope, name);
  return later.length > 0 && later.every((assigned) => mentionsItself.test(assigned.getText()));
}

/**
 * `llmsFixupHost(access.anthropicHost || env.ANTHROPIC_API_HOST || DEFAULT_ANTHROPIC_HOST, apiPath)`: the app's helper tidying
 * the host it is handed (adding `https://`, dropping a trailing slash), its first parameter named for one: the code's
 * default host, the one the request goes to until the user points it elsewhere.
 */
function tidiedHost(call: CallExpression, context: AnalyzerContext): string | undefined {
  const first = call.getArguments()[0];
  const parameter = first && wrapperFunction(unwrapExpression(call.getExpression()), context)?.getParameters()[0];
  if (!parameter || !Node.isIdentifier(parameter.getNameNode()) || !HOST_FIELD.test(parameter.getName())) return undefined;
  const value = fallbackDefault(first, context) ?? resolveString(first, context.modules).value;
  return value ? absoluteHost(value) : undefined;
}

/**
 * The URL a name holds from a call of the app's helper, read where the call is made (with its arguments) rather than inside
 * the function it calls; the name's declaration looked up once:
 * - `const { headers, url } = elevenlabsAccess(access, path)`: the field's URL the helper returns, when it has one host;
 * - `const mantleUrl = bedrockURLMantle(region, '/v1/chat/completions')`: the helper's template with these arguments;
 * - `const anthropicHost = llmsFixupHost(access.anthropicHost || DEFAULT_ANTHROPIC_HOST, apiPath)`: the default host it tidies;
 * - `let host = (access.apiHost || 'api.elevenlabs.io').trim()`, then only tidied: the code's default host.
 */
function heldHelperUrl(name: Node, context: AnalyzerContext, depth: number): string | undefined {
  const declaration = findDeclaration(name, context.modules);
  if (declaration && Node.isBindingElement(declaration)) {
    const call = destructuredSource(declaration);
    const found = call && Node.isCallExpression(call) ? helperReturnedUrl(call, context, declaration.getPropertyNameNode()?.getText() ?? declaration.getName(), depth + 1) : undefined;
    return found && !found.hostProviders ? found.text : undefined;
  }
  if (!declaration || !Node.isVariableDeclaration(declaration)) return undefined;
  const value = declaration.getInitializer();
  const call = value && unwrapExpression(value);
  if (!call || !Node.isCallExpression(call)) return undefined;
  const reassigned = isReassignedLet(name, context.modules);
  const helperUrl = reassigned ? undefined : templateHelperUrl(call, context, depth + 1) ?? pathHelperUrl(call, context, depth + 1) ?? newUrlHelperUrl(call, context, depth + 1) ?? tidiedHost(call, context);
  return helperUrl ?? (!reassigned || onlyNormalisedLater(declaration) ? normalisedCallDefault(call, context) : undefined);
}

/** The value a destructured name is taken from (`const { url } = source`), unwrapped; undefined for a parameter's pattern. */
function destructuredSource(element: import('ts-morph').BindingElement): Node | undefined {
  const holder = element.getParent()?.getParent();
  const source = holder && Node.isVariableDeclaration(holder) ? holder.getInitializer() : undefined;
  return source && unwrapExpression(source);
}

/** An absolute URL's text without a trailing slash; a bare host name (`api.anthropic.com`, which the helper gives `https://`) as its https URL. */
function absoluteHost(value: string): string | undefined {
  if (/^https?:\/\/[^/{}\s]+/i.test(value)) return value.replace(/\/+$/, '');
  return /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?$/i.test(value) ? `https://${value}` : undefined;
}

/** The default of `a ?? b` or `a || b` (`env.ENDPOINT ?? CODE_ASSIST_ENDPOINT`) as text, when the expression is such a choice and it is known. */
function fallbackDefault(expression: Node, context: AnalyzerContext): string | undefined {
  return isFallbackChoice(expression) ? (resolveString(expression, context.modules).value ?? undefined) : undefined;
}

/** `a ?? b` or `a || b`: a value with a fallback. */
function isFallbackChoice(expression: Node): boolean {
  const node = unwrapExpression(expression);
  return Node.isBinaryExpression(node) && [SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken].includes(node.getOperatorToken().getKind());
}

const MAX_URL_DEPTH = 6;

/** A URL read as text that starts with a host the code writes (`https://api.x.ai/...`), not a hole or a path. */
function startsAtHost(urlText: string): boolean {
  // `https://{{region}}-aiplatform.googleapis.com/...`: a host whose first label is a setting, its domain written out.
  return /^https?:\/\/(?:[^/{]|\{\{[^}]*\}\}[\w-]*\.[\w-]+\.[a-z])/i.test(urlText);
}

/**
 * The path a URL object is given after it is made (`url.pathname = '/v1/embeddings'`), the last such assignment written
 * before `name` in the same file; undefined when the code sets none or sets one the scan cannot read.
 */
function pathnameSetBeforeUse(name: Node, context: AnalyzerContext): PathnameChange | undefined {
  const declaration = findDeclaration(name, context.modules);
  const scope = declaration?.getFirstAncestor((ancestor) => Node.isBlock(ancestor) || Node.isSourceFile(ancestor));
  if (!scope || name.getSourceFile() !== declaration!.getSourceFile()) return undefined;
  const property = `${name.getText()}.pathname`;
  let pathname: PathnameChange | undefined;
  for (const assignment of scope.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
    if (assignment.getStart() > name.getStart() || assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
    if (assignment.getLeft().getText() !== property) continue;
    const right = unwrapExpression(assignment.getRight());
    // `url.pathname = url.pathname.replace(/\/$/, '') + '/audio/transcriptions'`: the path it had, and more.
    const keepsPath = Node.isBinaryExpression(right) && right.getOperatorToken().getKind() === SyntaxKind.PlusToken && right.getLeft().getText().startsWith(property);
    const added = keepsPath ? resolveString(right.getRight(), context.modules).value : null;
    const value = keepsPath ? null : resolveString(right, context.modules).value;
    pathname = added ? { appended: added } : value !== null ? { set: value } : undefined;
  }
  return pathname;
}

/** What a URL object's path is made after it is made: set anew, or added to. */
type PathnameChange = { set: string } | { appended: string };

/** The URL text a base becomes once its path is set anew (the base's origin, then the path) or added to. */
function withPathname(base: string, pathname: PathnameChange): string {
  if ('appended' in pathname) return `${base.replace(/\/$/, '')}${pathname.appended.startsWith('/') ? '' : '/'}${pathname.appended}`;
  const origin = /^[a-z][\w+.-]*:\/\/[^/?#]+/i.exec(base)?.[0] ?? /^\{\{[^}]*\}\}/.exec(base)?.[0] ?? '';
  return `${origin}${pathname.set.startsWith('/') ? '' : '/'}${pathname.set}`;
}

/** `endpoint.href` or `url.toString()` of a URL object the code makes (`new URL(...)`): that object. */
function urlObjectText(node: Node): Node | undefined {
  const callee = Node.isCallExpression(node) && node.getArguments().length === 0 ? node.getExpression() : undefined;
  const owner = Node.isPropertyAccessExpression(node) && node.getName() === 'href' ? node.getExpression() : callee && Node.isPropertyAccessExpression(callee) && callee.getName() === 'toString' ? callee.getExpression() : undefined;
  return owner && Node.isIdentifier(unwrapExpression(owner)) ? unwrapExpression(owner) : undefined;
}

/**
 * `let url = trimV1(baseUrl)` then `url += '/v1/completions'` in each case of a switch over the server type: the base
 * with one of the paths appended before the use, a chat endpoint first (as a conditional's branches). Undefined when
 * nothing is appended to the `let` before `name` or no appended URL is a model endpoint.
 */
function appendedBeforeUse(name: Node, context: AnalyzerContext, depth: number): string | undefined {
  const declaration = findDeclaration(name, context.modules);
  if (!declaration || !Node.isVariableDeclaration(declaration) || declaration.getVariableStatement()?.getDeclarationKind() !== VariableDeclarationKind.Let) return undefined;
  const initializer = declaration.getInitializer();
  const scope = declaration.getFirstAncestor((ancestor) => Node.isBlock(ancestor) || Node.isSourceFile(ancestor));
  if (!initializer || !scope || name.getSourceFile() !== declaration.getSourceFile()) return undefined;
  const paths: string[] = [];
  for (const assignment of scope.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
    if (assignment.getStart() > name.getStart() || assignment.getOperatorToken().getKind() !== SyntaxKind.PlusEqualsToken || assignment.getLeft().getText() !== name.getText()) continue;
    paths.push(resolvePromptText(assignment.getRight(), context.modules).text);
  }
  if (paths.length === 0) return undefined;
  const base = urlTextOf(initializer, context, depth + 1);
  const candidates = paths.map((path) => base + path);
  const chosen = chatEndpointFirst(candidates);
  return chosen !== -1 ? candidates[chosen] : undefined;
}

/**
 * `requestPath = stream ? \`${requestPath}:streamGenerateContent?key=${apiKey}\` : \`${requestPath}:generateContent?key=...\``
 * as the last assignment before `fetch(requestPath, ...)`: a `let` (also one destructured from settings, `let { requestPath }
 * = config`) the code extends with the API's path after tidying the base it took. The extension read as the URL, the
 * name standing for the base the user configured; only when that reads as a model endpoint.
 */
function extendedBeforeUse(name: Node, context: AnalyzerContext, depth: number): string | undefined {
  const declaration = findDeclaration(name, context.modules);
  const statement = declaration && (Node.isVariableDeclaration(declaration) || Node.isBindingElement(declaration)) ? declaration.getFirstAncestorByKind(SyntaxKind.VariableStatement) : undefined;
  if (!statement || statement.getDeclarationKind() !== VariableDeclarationKind.Let || name.getSourceFile() !== declaration!.getSourceFile()) return undefined;
  const scope = statement.getFirstAncestor((ancestor) => Node.isBlock(ancestor) || Node.isSourceFile(ancestor));
  const mentioned = mentionOf(name.getText());
  const before = scope ? assignedValues(scope, name.getText()).filter((value) => value.getParentOrThrow().getEnd() <= name.getStart()) : [];
  const last = before.at(-1);
  if (!last || !mentioned.test(last.getText())) return undefined;
  // A default base the code gives it first (`if (!requestPath) requestPath = 'https://generativelanguage.googleapis.com/...'`): the last one written.
  const base = before.filter((value) => !mentioned.test(value.getText())).map((value) => resolveString(value, context.modules).value).filter((value) => value !== null).at(-1);
  const hole = `{{${name.getText()}}}`;
  const text = urlTextOf(last, context, depth + 1);
  if (!text.startsWith(hole)) return undefined;
  const extended = base && /^https?:\/\//.test(base) ? base.replace(/\/+$/, '') + text.slice(hole.length) : text;
  return RULES.some((rule) => rule.pattern.test(extended)) ? extended : undefined;
}

/**
 * `let chatPath = ""` then `chatPath = this.path(...)` (in one branch or another) before `fetch(chatPath, ...)`: the
 * last value assigned before the request that is a model endpoint (the last one at all when none is).
 */
function assignedBeforeUse(name: Node, context: AnalyzerContext): Node | undefined {
  const declaration = findDeclaration(name, context.modules);
  if (!declaration || !Node.isVariableDeclaration(declaration) || declaration.getVariableStatement()?.getDeclarationKind() !== VariableDeclarationKind.Let) return undefined;
  if (name.getSourceFile() !== declaration.getSourceFile()) return undefined;
  const assigned = replacingAssignments(name, declaration, true) ?? [];
  if (assigned.length === 0) return undefined;
  for (const value of assigned.reverse()) {
    const text = urlTextOf(value, context, MAX_URL_DEPTH - 2);
    if (RULES.some((rule) => rule.pattern.test(text))) return value;
  }
  return assigned[0];
}

/**
 * `url = gptGetUrl(url)` at the top of `gptUploadFile(url, form)`: a parameter the function passes through a helper of its
 * own before it uses it (the helper puts the configured base before the path). The last such call written before the use.
 */
function rewrittenParameter(name: Identifier, context: AnalyzerContext): CallExpression | undefined {
  const declaration = findDeclaration(name, context.modules);
  if (!declaration || !Node.isParameterDeclaration(declaration)) return undefined;
  const body = declaration.getParent();
  let rewritten: CallExpression | undefined;
  for (const assignment of body.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
    if (assignment.getEnd() > name.getStart() || assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken || assignment.getLeft().getText() !== name.getText()) continue;
    const right = unwrapExpression(assignment.getRight());
    if (Node.isCallExpression(right) && right.getArguments().some((argument) => argument.getText() === name.getText())) rewritten = right;
  }
  return rewritten;
}

/**
 * The values `name = value` assigns in the scope of the name's declaration, but for those built on the value before
 * (`chatPath = \`${chatPath}?key=...\``, `url = url.replace(...)`: the same URL, rewritten); with `beforeUse`, only
 * the assignments written before `name`. Undefined when the declaration has no enclosing scope.
 */
function replacingAssignments(name: Node, declaration: Node, beforeUse: boolean): Node[] | undefined {
  const scope = declaration.getFirstAncestor((ancestor) => Node.isBlock(ancestor) || Node.isSourceFile(ancestor));
  if (!scope) return undefined;
  const mentioned = mentionOf(name.getText());
  const assigned: Node[] = [];
  for (const assignment of scope.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
    if ((beforeUse && assignment.getStart() > name.getStart()) || assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
    const left = assignment.getLeft();
    if (!Node.isIdentifier(left) || left.getText() !== name.getText() || mentioned.test(assignment.getRight().getText())) continue;
    assigned.push(assignment.getRight());
  }
  return assigned;
}

/**
 * `this.path(OpenaiPath.ChatPath)`: a function or method of the app that joins the path it is given to a base URL
 * (`[baseUrl, path].join("/")`, `${base}/${path}`) and returns it. The URL is that base (the provider's URL among the
 * constants the helper reads, when one is: `isApp ? OPENAI_BASE_URL : "/api/openai"`) joined with the argument's text.
 */
function pathHelperUrl(call: CallExpression, context: AnalyzerContext, depth: number): string | undefined {
  const fn = wrapperFunction(unwrapExpression(call.getExpression()), context);
  // `this.path()` taking nothing and returning the base URL it reads (the provider's constant, or the app's proxy path):
  // the request goes to that base itself (an API whose action is a header, as Tencent Cloud's).
  if (fn && fn.getParameters().length === 0 && call.getArguments().length === 0) return baseOnlyHelperUrl(fn, context);
  if (!fn) return undefined;
  const returned: Node[] = [];
  for (const statement of fn.getDescendantsOfKind(SyntaxKind.ReturnStatement)) {
    const expression = statement.getExpression();
    if (expression) returned.push(expression);
  }
  if (Node.isArrowFunction(fn) && !Node.isBlock(fn.getBody())) returned.push(fn.getBody());
  const returnedTexts = returned.map((returnedExpression) => {
    // `let url = [baseUrl, path].join("/"); ...; return url`: the value the returned variable was declared with.
    const held = unwrapExpression(returnedExpression);
    const declaration = Node.isIdentifier(held) ? findDeclaration(held, context.modules) : undefined;
    const expression = declaration && Node.isVariableDeclaration(declaration) && declaration.getFirstAncestor((ancestor) => ancestor === fn) ? declaration.getInitializer() ?? held : held;
    return expression.getText();
  });
  const parameters = parameterNames(fn);
  for (const index of urlParameterOrder(parameters)) {
    const name = parameters[index];
    const argument = call.getArguments()[index];
    if (!name || !argument) continue;
    // `const ep = endpoint.startsWith('/') ? endpoint : `/${endpoint}``: a local the helper tidies a path parameter into
    // stands for it, when no returned value names the parameter itself (a model id a helper maps, `mapModelToVertex(model)`,
    // is no path).
    const namedDirectly = returnedTexts.some((text) => mentionOf(name).test(text));
    const names = namedDirectly || !URL_PARAMETER.test(name) ? [name] : [name, ...localsOf(fn, name)];
    // The returned value joins the parameter to something else (a bare `return path` is not a URL helper).
    const joining = returnedTexts.filter((text) => names.some((each) => mentionOf(each).test(text)) && !names.includes(text) && /\.join\(|\+|\$\{/.test(text));
    if (joining.length > 0) return joinedHelperUrl(call, fn, argument, joining, context, depth);
  }
  return undefined;
}

/** The names of the helper's locals declared from a parameter (`const ep = endpoint.startsWith('/') ? ... : ...`). */
function localsOf(fn: FunctionNode, parameter: string): string[] {
  const mentions = mentionOf(parameter);
  return fn.getDescendantsOfKind(SyntaxKind.VariableDeclaration).filter((declaration) => Node.isIdentifier(declaration.getNameNode()) && mentions.test(declaration.getInitializer()?.getText() ?? '')).map((declaration) => declaration.getName());
}

function joinedHelperUrl(call: CallExpression, fn: FunctionNode, argument: Node, joining: readonly string[], context: AnalyzerContext, depth: number): string | undefined {
  // `` `/mjapi${url}` `` alone: a route of the page's own origin (the app's proxy), no base the user configures.
  if (joining.every((text) => /^[`'"]\//.test(text))) return undefined;
  const pathText = urlTextOf(argument, context, depth + 1);
  if (/^[a-z][\w+.-]*:\/\//i.test(pathText)) return undefined;
  const base = helperBaseUrl(fn, context);
  return `${base ?? `{{${call.getExpression().getText()}}}`}/${pathText.replace(/^\//, '')}`;
}

/**
 * `this.getMethodUrl('generateContent')` returning `` `${this.getBaseUrl()}:${method}` ``, its base another such helper
 * (`` `${endpoint}/${version}` `` of `env.ENDPOINT ?? CODE_ASSIST_ENDPOINT`): the template read with this call's arguments
 * in the parameters' places and each other part read as a URL part (a default base's value). Only a URL that names its
 * host is taken, else the other helper readings apply.
 */
function templateHelperUrl(call: CallExpression, context: AnalyzerContext, depth: number): string | undefined {
  if (depth >= MAX_URL_DEPTH) return undefined;
  const fn = wrapperFunction(unwrapExpression(call.getExpression()), context);
  if (!fn) return undefined;
  const returned = returnsOf(fn);
  const template = returned.length === 1 ? unwrapExpression(returned[0]) : undefined;
  if (!template || !Node.isTemplateExpression(template)) return undefined;
  const parameters = parameterNames(fn);
  const args = call.getArguments();
  let text = template.getHead().getLiteralText();
  for (const span of template.getTemplateSpans()) {
    const expression = unwrapExpression(span.getExpression());
    const index = Node.isIdentifier(expression) ? parameters.indexOf(expression.getText()) : -1;
    let part: string;
    if (index >= 0) part = args[index] ? urlTextOf(args[index], context, depth + 1) : `{{${expression.getText()}}}`;
    else {
      const value = Node.isIdentifier(expression) ? traceValue(expression, context.modules) : expression;
      // `const action = api === 'converse' ? ... : ...` in the helper: chosen by its arguments, not read here.
      const choiceInHelper = Node.isConditionalExpression(value) && value.getFirstAncestor((ancestor) => ancestor === fn) !== undefined;
      // `${this.deploymentId ? `deployments/${this.deploymentId}/` : ''}`: a path segment present only when a setting is; read without it.
      const optionalSegment = Node.isConditionalExpression(expression) && isEmptyString(expression.getWhenFalse());
      const choice = choiceInHelper ? (value as import('ts-morph').ConditionalExpression) : undefined;
      const chosen = choice ? branchChosenByArgument(choice, parameters, fn, args) : undefined;
      // `const hostname = this.region === 'global' ? 'aiplatform.googleapis.com' : \`${this.region}-aiplatform...\``: a choice
      // no argument makes is read as any other choice of URLs.
      const byArguments = choice !== undefined && parameters.some((parameter) => mentionOf(parameter).test(choice.getCondition().getText()));
      part = optionalSegment ? '' : chosen ? urlTextOf(chosen, context, depth + 1) : choice && !byArguments ? urlTextOf(choice, context, depth + 1) : choice ? `{{${expression.getText()}}}` : fallbackDefault(value, context) ?? urlTextOf(expression, context, depth + 1);
    }
    text += part + span.getLiteral().getLiteralText();
  }
  // A base the user configures (`${this.apiBase}ml/v1/text/chat_stream`) when the path after it is a model API's own.
  return startsAtHost(text) || (/^\{\{/.test(text) && RULES.some((rule) => rule.provider && !rule.needsKnownHost && rule.pattern.test(text))) ? text : undefined;
}

/**
 * `const method = streaming ? 'streamGenerateContent' : 'generateContent'` in a URL helper called `getEndpointUrl(model, false)`:
 * the branch the call's literal `true` or `false` (or the parameter's literal default) picks; undefined when the call
 * does not say.
 */
function branchChosenByArgument(choice: import('ts-morph').ConditionalExpression, parameters: string[], fn: FunctionNode, args: Node[]): Node | undefined {
  const condition = unwrapExpression(choice.getCondition());
  const index = Node.isIdentifier(condition) ? parameters.indexOf(condition.getText()) : -1;
  if (index < 0) return undefined;
  const given = args[index] ?? fn.getParameters()[index]?.getInitializer();
  const kind = given && unwrapExpression(given).getKind();
  return kind === SyntaxKind.TrueKeyword ? choice.getWhenTrue() : kind === SyntaxKind.FalseKeyword ? choice.getWhenFalse() : undefined;
}

/** `''` or an empty template literal. */
function isEmptyString(node: Node): boolean {
  const value = unwrapExpression(node);
  return (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)) && value.getLiteralValue() === '';
}

/** A helper without parameters that returns a variable holding a model provider's base URL: that URL. */
function baseOnlyHelperUrl(fn: FunctionNode, context: AnalyzerContext): string | undefined {
  const returned = fn.getDescendantsOfKind(SyntaxKind.ReturnStatement).map((statement) => statement.getExpression());
  if (returned.length !== 1 || !returned[0] || !Node.isIdentifier(unwrapExpression(returned[0]))) return undefined;
  const base = helperBaseUrl(fn, context);
  return base && providerFromBaseUrl(base) ? base : undefined;
}

/**
 * `this.getModelPath(type)` whose body returns one of several path constants (`switch (type) { case 'image': return
 * Paths.ImagePath; default: return Paths.ChatPath; }`): the returned path that is a model endpoint, a chat one first.
 */
function pathChoiceUrl(call: CallExpression, context: AnalyzerContext, depth: number): string | undefined {
  const fn = wrapperFunction(unwrapExpression(call.getExpression()), context);
  if (!fn || Node.isArrowFunction(fn) && !Node.isBlock(fn.getBody())) return undefined;
  const returned = fn.getDescendantsOfKind(SyntaxKind.ReturnStatement).flatMap((statement) => (statement.getExpression() ? [statement.getExpression()!] : []));
  if (returned.length < 2 || returned.some((value) => !Node.isPropertyAccessExpression(unwrapExpression(value)) && !Node.isIdentifier(unwrapExpression(value)) && !Node.isStringLiteral(unwrapExpression(value)))) return undefined;
  const texts = returned.map((value) => urlTextOf(value, context, depth + 1));
  const index = chatEndpointFirst(texts.map((text) => `/${text.replace(/^\//, '')}`));
  return index === -1 ? undefined : texts[index];
}

/** The initializer of the class field a `this.name` reads, when the class declares the field with one and never assigns it elsewhere. */
/**
 * `this.apiBase` in a class declaring `static defaultOptions = { apiBase: 'https://api.openai.com/v1/' }` (or a class it
 * extends): the default the base class's constructor fills in when the user's options name none. A static object of
 * defaults is read only for a `this` member the class neither declares nor initializes itself.
 */
function staticDefaultOption(node: Node, context: AnalyzerContext): Node | undefined {
  if (!Node.isPropertyAccessExpression(node) || node.getExpression().getKind() !== SyntaxKind.ThisKeyword) return undefined;
  const name = node.getName();
  let classNode: Node | undefined = node.getFirstAncestorByKind(SyntaxKind.ClassDeclaration);
  for (let level = 0; classNode && Node.isClassDeclaration(classNode) && level < MAX_URL_DEPTH; level++, classNode = superclassOf(classNode, context.modules)) {
    if (classNode.getProperty(name)?.getInitializer()) return undefined;
    for (const property of classNode.getStaticProperties()) {
      const initializer = Node.isPropertyDeclaration(property) ? property.getInitializer() : undefined;
      const defaults = initializer && unwrapExpression(initializer);
      const value = defaults && Node.isObjectLiteralExpression(defaults) ? getObjectProperty(defaults, name, context.modules) : undefined;
      if (value && resolveString(value, context.modules).value) return value;
    }
  }
  return undefined;
}

/**
 * `NCompass.embeddingsApiEndpoint` where the workspace's class declares `static embeddingsApiEndpoint = 'https://...'`, or
 * `this.constructor._loginUrl` in a method of a class declaring `static _loginUrl = '...'` (or a base class of it), or `this.baseUrl` of
 * a field the class initializes and never assigns: its initializer.
 */
function staticMemberInitializer(node: Node, context: AnalyzerContext): Node | undefined {
  if (!Node.isPropertyAccessExpression(node)) return undefined;
  const owner = unwrapExpression(node.getExpression());
  let classNode: Node | undefined;
  if (Node.isIdentifier(owner)) classNode = findDeclaration(owner, context.modules);
  else if (Node.isPropertyAccessExpression(owner) && owner.getName() === 'constructor' && owner.getExpression().getKind() === SyntaxKind.ThisKeyword) classNode = node.getFirstAncestorByKind(SyntaxKind.ClassDeclaration);
  else if (owner.getKind() === SyntaxKind.ThisKeyword) {
    // `private readonly baseUrl = 'https://api.elevenlabs.io/v1'` then `${this.baseUrl}/speech-to-text`: the field's
    // initializer, when the class never assigns the field another value.
    const own = node.getFirstAncestorByKind(SyntaxKind.ClassDeclaration);
    const field = own?.getInstanceProperty(node.getName());
    return own && field && Node.isPropertyDeclaration(field) && thisAssignments(own, node.getName()).length === 0 ? field.getInitializer() : undefined;
  }
  for (let level = 0; classNode && Node.isClassDeclaration(classNode) && level < MAX_URL_DEPTH; level++, classNode = superclassOf(classNode, context.modules)) {
    const member = classNode.getStaticProperty(node.getName());
    if (member) return Node.isPropertyDeclaration(member) ? member.getInitializer() : undefined;
  }
  return undefined;
}

/**
 * The entry an element access reads from an object literal the code writes (`urls[services.claude]` of `const urls = {
 * [services.claude]: '...' }`, `ENDPOINTS['openai']`): the property whose computed name is written as the key is, or
 * whose name is the key's string value. Undefined when the map or the entry is not in the code.
 */
function mapEntry(access: import('ts-morph').ElementAccessExpression, context: AnalyzerContext): Node | undefined {
  const key = access.getArgumentExpression();
  const map = key && resolveObjectLiteral(access.getExpression(), context.modules);
  if (!key || !map || !Node.isObjectLiteralExpression(map)) return undefined;
  const keyText = unwrapExpression(key).getText();
  const value = resolveString(key, context.modules).value;
  const computed = map.getProperties().filter((property): property is import('ts-morph').PropertyAssignment => Node.isPropertyAssignment(property) && Node.isComputedPropertyName(property.getNameNode()));
  const written = (property: import('ts-morph').PropertyAssignment) => unwrapExpression((property.getNameNode() as import('ts-morph').ComputedPropertyName).getExpression());
  const entry = computed.find((property) => written(property).getText() === keyText) ?? (value !== null ? computed.find((property) => resolveString(written(property), context.modules).value === value) : undefined);
  if (entry) return entry.getInitializer();
  if (value !== null) return getObjectProperty(map, value, context.modules);
  // `urls[service]` with the service the user picks: a choice of the map's URLs, a chat endpoint first (as a conditional's branches).
  const values = map.getProperties().flatMap((property) => (Node.isPropertyAssignment(property) && property.getInitializer() ? [property.getInitializer()!] : []));
  if (values.length > MAX_MAPPED_URLS) return undefined;
  const chosen = chatEndpointFirst(values.map((each) => resolvePromptText(each, context.modules).text));
  return chosen !== -1 ? values[chosen] : undefined;
}

/** Above this many entries a map keyed at run time is no list of the app's endpoints (a locale table, a route table). */
const MAX_MAPPED_URLS = 60;

/**
 * `this._getEndpoint('completions')` returning `new URL(endpoint, this.apiBase)`: the app's helper resolving the path it
 * is given against a base; the URL is the argument's text joined to that base (its default when the class has one).
 */
function newUrlHelperUrl(call: CallExpression, context: AnalyzerContext, depth: number): string | undefined {
  if (depth >= MAX_URL_DEPTH) return undefined;
  const fn = wrapperFunction(unwrapExpression(call.getExpression()), context);
  if (!fn) return undefined;
  const parameters = parameterNames(fn);
  for (const returned of returnsOf(fn).reverse()) {
    // `const url = new URL(endpoint, apiBase); url.searchParams.set(...); return url`: the URL the returned name was made as.
    const value = unwrapExpression(returned);
    const declaration = Node.isIdentifier(value) ? findDeclaration(value, context.modules) : undefined;
    const built = declaration && Node.isVariableDeclaration(declaration) && declaration.getFirstAncestor((ancestor) => ancestor === fn) ? unwrapExpression(declaration.getInitializer() ?? value) : value;
    if (!isNewUrl(built)) continue;
    const [path, base] = built.getArguments();
    const index = path && Node.isIdentifier(unwrapExpression(path)) ? parameters.indexOf(unwrapExpression(path).getText()) : -1;
    // The path a caller passes, or one the helper writes itself (`return new URL('embeddings', this.apiBase)`).
    const argument = index >= 0 ? call.getArguments()[index] : path && isStringLike(path) ? path : undefined;
    if (!argument) continue;
    if (!base) {
      // `const url = new URL(apiEndpoint); url.pathname = '/v1/chat/completions'; return url`: the base the caller
      // passes, its path set by the helper.
      const pathname = Node.isIdentifier(value) ? pathnameSetBeforeUse(value, context) : undefined;
      if (pathname) return withPathname(urlTextOf(argument, context, depth + 1), pathname);
      continue;
    }
    const baseText = resolveString(base, context.modules).value ?? urlTextOf(base, context, depth + 1);
    return joinUrl(urlTextOf(argument, context, depth + 1), baseText);
  }
  return undefined;
}

function thisFieldInitializer(node: Node): Node | undefined {
  if (!isThisMember(node) || !Node.isPropertyAccessExpression(node)) return undefined;
  const classNode = node.getFirstAncestorByKind(SyntaxKind.ClassDeclaration);
  const initializer = classNode?.getProperty(node.getName())?.getInitializer();
  if (!classNode || !initializer) return undefined;
  return assignedValues(classNode, node.getText()).length > 0 ? undefined : initializer;
}

/** Of two bases the code picks between, the one on another host (a provider's) when the other is a path of the app's own: -1 otherwise. */
function providerHostFirst(urls: readonly string[]): number {
  const direct = urls.findIndex((url) => startsAtHost(url));
  return direct !== -1 && urls.some((url, index) => index !== direct && url.startsWith('/')) ? direct : -1;
}

/** Of URLs the code picks between, the index of a chat endpoint, else of any model endpoint; -1 when none is one. */
function chatEndpointFirst(urls: readonly string[]): number {
  const endpoints = urls.map((url) => RULES.find((rule) => rule.pattern.test(url)));
  const chat = endpoints.findIndex((rule) => rule?.endpoint === 'chat');
  return chat !== -1 ? chat : endpoints.findIndex(Boolean);
}

/** A name as the code mentions it in an expression's text (not as a property: `.name`, nor part of a longer name). */
function mentionOf(name: string): RegExp {
  return new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`);
}

/**
 * `Google.ChatPath(modelConfig.model)` with `ChatPath: (modelName) => \`v1beta/models/${modelName}:generateContent\``: a
 * constant function that returns a path, its last return (the default branch) with the arguments written in as holes.
 */
function pathFunctionUrl(call: CallExpression, context: AnalyzerContext): string | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) && !Node.isIdentifier(callee)) return undefined;
  const fn = traceValue(callee, context.modules);
  if (!Node.isArrowFunction(fn) && !Node.isFunctionExpression(fn)) return undefined;
  const body = fn.getBody();
  const returned = Node.isBlock(body) ? body.getStatements().filter(Node.isReturnStatement).pop()?.getExpression() : body;
  const value = returned && unwrapExpression(returned);
  if (!value || !isStringLike(value)) return undefined;
  const parameters = fn.getParameters().map((parameter) => parameter.getName());
  const args = call.getArguments();
  return resolvePromptText(value, context.modules).text.replace(/\{\{([\w$]+)\}\}/g, (hole, name: string) => {
    const argument = args[parameters.indexOf(name)];
    return parameters.includes(name) && argument ? `{{${argument.getText()}}}` : hole;
  });
}

/** The absolute URL of a model provider among the values a URL helper reads (`OPENAI_BASE_URL`), else of any host. */
function helperBaseUrl(fn: FunctionNode, context: AnalyzerContext): string | undefined {
  let anyHost: string | undefined;
  let looked = 0;
  for (const identifier of fn.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (looked++ > 200) break;
    const parent = identifier.getParent();
    if (parent && Node.isPropertyAccessExpression(parent) && parent.getNameNode() === identifier) continue;
    const declaration = findDeclaration(identifier, context.modules);
    if (!declaration || Node.isParameterDeclaration(declaration)) continue;
    const value = resolveString(identifier, context.modules).value;
    if (!value || !/^https?:\/\/[^/{}\s]+/i.test(value)) continue;
    if (providerFromBaseUrl(value)) return value.replace(/\/+$/, '');
    anyHost ??= value.replace(/\/+$/, '');
  }
  return anyHost;
}

function isNewUrl(node: Node): node is NewExpression {
  return Node.isNewExpression(node) && node.getExpression().getText() === 'URL';
}

/**
 * `https://corsproxy.io/?${encodeURIComponent('https://api.anthropic.com/v1/messages')}`: a CORS proxy handed the URL it
 * is to forward to, encoded into its own. The request reaches that URL (and its provider bills it): the forwarded URL,
 * when it is a whole URL with its host.
 */
function proxiedUrl(node: Node, context: AnalyzerContext, depth: number): string | undefined {
  const parts = Node.isTemplateExpression(node) ? node.getTemplateSpans().map((span) => span.getExpression()) : Node.isBinaryExpression(node) && node.getOperatorToken().getKind() === SyntaxKind.PlusToken ? [node.getLeft(), node.getRight()] : [];
  for (const part of parts) {
    const call = unwrapExpression(part);
    if (!Node.isCallExpression(call) || !URL_ENCODERS.has(call.getExpression().getText()) || call.getArguments().length !== 1) continue;
    const target = urlTextOf(call.getArguments()[0], context, depth + 1);
    if (startsAtHost(target)) return target;
  }
  return undefined;
}

const URL_ENCODERS = new Set(['encodeURIComponent', 'encodeURI']);

/** `url.href`, `url.toString()`, `String(url)`: the URL object they read. */
function sameUrl(node: Node): Node | undefined {
  if (Node.isPropertyAccessExpression(node) && node.getName() === 'href') return node.getExpression();
  if (!Node.isCallExpression(node)) return undefined;
  const callee = node.getExpression();
  if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'toString' && node.getArguments().length === 0) return callee.getExpression();
  if (Node.isIdentifier(callee) && callee.getText() === 'String' && node.getArguments().length === 1) return node.getArguments()[0];
  return undefined;
}

/** Fields holding a chat request's input: a body with one is the chat body among a variable's values. */
const CHAT_INPUT_FIELDS = ['messages', 'contents'];

function carriesChatInput(object: Node, context: AnalyzerContext): boolean {
  return CHAT_INPUT_FIELDS.some((field) => getObjectProperty(object, field, context.modules));
}

/**
 * Of the bodies a request may send, the one carrying chat input for a chat URL (one naming its model too before one that
 * does not: `{ ...provider.body, messages }` beside the default `{ model, messages }`), else the first.
 */
function chatInputFirst(objects: readonly Node[], endpoint: Endpoint | undefined, context: AnalyzerContext): Node | undefined {
  if (endpoint !== 'chat') return objects[0];
  const chat = objects.filter((object) => carriesChatInput(object, context));
  return chat.find((object) => getObjectProperty(object, 'model', context.modules) !== undefined) ?? chat[0] ?? objects[0];
}

/**
 * The JSON body object: `JSON.stringify({...})`, a constant holding it, or the object itself (axios). A `let` assigned
 * a body per branch (`if (isImage) payload = { prompt, ... } else payload = { messages, ... }`) posted to a chat URL:
 * the one carrying chat messages.
 */
function bodyObject(body: Node, context: AnalyzerContext, depth = 0, endpoint?: Endpoint): Node | undefined {
  // `isResponses ? responsesBody(...) : chatBody(...)`: either body, the one carrying chat input for a chat URL first.
  const chosen = unwrapExpression(body);
  if (Node.isConditionalExpression(chosen)) {
    const objects = [chosen.getWhenTrue(), chosen.getWhenFalse()].map((branch) => bodyObject(branch, context, depth, endpoint)).filter((object): object is Node => object !== undefined);
    return chatInputFirst(objects, endpoint, context);
  }
  const value = traceValue(body, context.modules);
  if (isSerializerCall(value)) {
    const argument = value.getArguments()[0];
    return argument && depth === 0 ? bodyObject(argument, context, depth + 1, endpoint) : resolveObjectLiteral(argument, context.modules);
  }
  // The call a constant holds (`const payload = capitalizeKeys({...})`), which tracing the value would step into.
  const held = unwrapExpression(body);
  const declaration = Node.isIdentifier(held) ? findDeclaration(held, context.modules) : undefined;
  const initializer = declaration && Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
  const heldCall = initializer && Node.isCallExpression(unwrapExpression(initializer)) ? unwrapExpression(initializer) : Node.isCallExpression(held) && !Node.isCallExpression(value) ? held : value;
  const found = resolveObjectLiteral(value, context.modules) ?? (Node.isObjectLiteralExpression(value) ? value : undefined) ?? builtBody(heldCall, context, endpoint);
  if (found && !(endpoint === 'chat' && isReassignedLet(body, context.modules))) return found;
  if (depth > 2) return found;
  // `createChatCompletion(apiKey, json)` posting its parameter: the object its callers pass (the first that is one).
  let first: Node | undefined;
  for (const passed of valueExpressions(body, context.modules)) {
    const object = bodyObject(passed, context, depth + 1);
    if (!object) continue;
    if (endpoint !== 'chat' || carriesChatInput(object, context)) return object;
    first ??= object;
  }
  return first ?? found;
}

/**
 * A body an app function builds: `this.createPayload(messages, modelConfig)` returning an object per kind of request (the
 * one carrying chat messages for a chat URL, else the first), or a function reshaping an object literal it is handed
 * (`capitalizeKeys({ model, messages })`, as Tencent Cloud's API wants): that literal, when it names a model.
 */
function builtBody(value: Node, context: AnalyzerContext, endpoint: Endpoint | undefined, depth = 0): Node | undefined {
  if (!Node.isCallExpression(value)) return undefined;
  const entered = enterCall(value, context.modules, true);
  if (entered) {
    try {
      // `let requestBody; if (...) requestBody = {...}; else requestBody = super.formatRequest(prompt); return requestBody`: each value.
      const returns = entered.returns.flatMap((returned) => (isReassignedLet(returned, context.modules) ? valueExpressions(returned, context.modules) : [returned]));
      const objects = returns.map((returned) => returnedBody(passedFor(returned, value) ?? returned, context, endpoint, depth)).filter((object): object is Node => object !== undefined);
      const chosen = chatInputFirst(objects, endpoint, context);
      if (chosen) return chosen;
    } finally {
      entered.release();
    }
  }
  const [argument] = value.getArguments();
  const object = argument && value.getArguments().length === 1 ? resolveObjectLiteral(argument, context.modules) : undefined;
  return object && getObjectProperty(object, 'model', context.modules) ? object : undefined;
}

/**
 * `return payload`, `payload` the builder's own parameter (`mergeCustomBody(payload, extra)` handing back what it was
 * given): the argument the call passes there.
 */
function passedFor(returned: Node, call: import('ts-morph').CallExpression): Node | undefined {
  const name = unwrapExpression(returned);
  if (!Node.isIdentifier(name)) return undefined;
  const fn = enclosingFunction(returned);
  const index = fn && isFunctionNode(fn) ? fn.getParameters().findIndex((parameter) => parameter.getName() === name.getText()) : -1;
  return index >= 0 ? call.getArguments()[index] : undefined;
}

/**
 * What a body builder returns, read as the object it sends: the object itself, the object it serializes
 * (`return JSON.stringify(mergeCustomBody(payload, extra))` in a template module), or the body another builder makes of it.
 */
function returnedBody(returned: Node, context: AnalyzerContext, endpoint: Endpoint | undefined, depth: number): Node | undefined {
  const object = resolveObjectLiteral(returned, context.modules);
  if (object || depth >= 2) return object;
  const value = unwrapExpression(returned);
  const serialized = unserialized(value);
  if (!serialized) return undefined;
  return resolveObjectLiteral(serialized, context.modules) ?? builtBody(unwrapExpression(serialized), context, endpoint, depth + 1);
}

/**
 * `body.model = body.model ?? config.chatModel` then `fetch(url, { body: JSON.stringify(body) })`: a field the function
 * sets on the object it posts, before the request (the last such assignment), as its value expression.
 */
function fieldAssignedBeforeRequest(body: Node, call: RequestSite, field: string, context: AnalyzerContext): Node | undefined {
  const sent = unwrapExpression(body);
  const posted = unserialized(sent);
  const target = posted && unwrapExpression(posted);
  if (!target || !Node.isIdentifier(target)) return undefined;
  // The function that holds the object (the request may sit in a callback inside it: `retry(async () => fetch(...))`).
  const owner = findDeclaration(target, context.modules) ?? call;
  const fn = owner.getFirstAncestor((ancestor) => Node.isFunctionDeclaration(ancestor) || Node.isFunctionExpression(ancestor) || Node.isArrowFunction(ancestor) || Node.isMethodDeclaration(ancestor));
  if (!fn || fn.getStart() > call.getStart() || fn.getEnd() < call.getEnd()) return undefined;
  let found: Node | undefined;
  for (const assignment of fn.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
    if (assignment.getStart() > call.getStart() || assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
    const left = assignment.getLeft();
    // `body.model = ...` or `body['model'] = ...`.
    const name = Node.isPropertyAccessExpression(left) ? left.getName() : Node.isElementAccessExpression(left) ? stringKeyOf(left.getArgumentExpression()) : undefined;
    if (name === field && (left as import('ts-morph').PropertyAccessExpression | import('ts-morph').ElementAccessExpression).getExpression().getText() === target.getText()) found = assignment.getRight();
  }
  return found;
}

function stringKeyOf(key: Node | undefined): string | undefined {
  return key && (Node.isStringLiteral(key) || Node.isNoSubstitutionTemplateLiteral(key)) ? key.getLiteralText() : undefined;
}

/**
 * A request Anthropic's Messages API would take whatever its model: the API's version header, or its key header with a
 * body carrying the `max_tokens` that API requires beside the messages (OpenAI-shaped APIs take a bearer token and no
 * `/messages` path).
 */
function sendsAnthropicShape(call: Node, body: Node | undefined, context: AnalyzerContext): boolean {
  const text = call.getText();
  if (/['"`]anthropic-version['"`]/.test(text)) return true;
  return /['"`]x-api-key['"`]/i.test(text) && ['messages', 'max_tokens'].every((field) => getObjectProperty(body, field, context.modules) !== undefined);
}

function namesClaude(model: Node | undefined, context: AnalyzerContext): boolean {
  return model !== undefined && /claude/i.test(resolveString(model, context.modules).value ?? '');
}

/**
 * The class or function a request is written in when its name says Ollama (`class OllamaProvider`, `callOllama`): a
 * streaming `/api/chat` there naming a model (`stream: true`, none of Ollama's own fields) is still Ollama's, as its
 * sibling with `stream: false` is. Undefined when neither names it.
 */
function ownerNamingOllama(call: Node): string | undefined {
  for (let scope = call.getParent(); scope; scope = scope.getParent()) {
    const name = Node.isClassDeclaration(scope) || Node.isFunctionDeclaration(scope) || Node.isMethodDeclaration(scope) ? scope.getName() : undefined;
    if (name && /ollama/i.test(name)) return name;
  }
  return undefined;
}

/** Fields of Ollama's request body that OpenAI-style APIs do not have. */
const OLLAMA_BODY_FIELDS = ['options', 'keep_alive', 'format', 'raw'];

/**
 * The property names a parameter's declared type states: an interface of the workspace (with the interfaces it
 * extends) or a type literal, through a type alias. Undefined when the parameter has no such type.
 */
function declaredPropertyNames(name: Node, context: AnalyzerContext): Set<string> | undefined {
  const parameter = findDeclaration(name, context.modules);
  const typeNode = parameter && Node.isParameterDeclaration(parameter) ? parameter.getTypeNode() : undefined;
  if (!typeNode) return undefined;
  const names = new Set<string>();
  for (const shape of typeShapes(typeNode, context.modules)) {
    for (const declared of supertypesOf(shape.node, context.modules)) {
      if (Node.isInterfaceDeclaration(declared) || Node.isTypeLiteral(declared)) for (const property of declared.getProperties()) names.add(property.getName());
    }
  }
  return names.size > 0 ? names : undefined;
}

/** The name a body posts whole: `payload` of `body: JSON.stringify(payload)` or `body: payload`; undefined for anything else. */
function postedName(body: Node): Node | undefined {
  const sent = unserialized(unwrapExpression(body));
  const value = sent && unwrapExpression(sent);
  return value && Node.isIdentifier(value) ? value : undefined;
}

/** `body: JSON.stringify(request)` of a parameter the app declares with its own request type: the fields that type states. */
function declaredBodyFields(body: Node, context: AnalyzerContext): Set<string> | undefined {
  const posted = postedName(body);
  return posted && declaredPropertyNames(posted, context);
}

/**
 * `body: JSON.stringify(params)` of a parameter declared with Ollama's request type (page-assist's
 * `params: OllamaRequestParams`, stating `model`, `keep_alive` and `options`, or the ollama package's `ChatRequest`):
 * Ollama's body, whatever the callers pass.
 */
function declaresOllamaBody(body: Node | undefined, context: AnalyzerContext): boolean {
  // `payload: ChatRequest` with the type imported from 'ollama/browser' (hollama's strategy): the package's own request type.
  const posted = body && postedName(body);
  if (posted && /^ollama(?:\/|$)/.test(parameterTypeBinding(posted, context.modules)?.packageName ?? '')) return true;
  const declared = body && declaredBodyFields(body, context);
  return !!declared?.has('model') && OLLAMA_BODY_FIELDS.some((name) => declared.has(name));
}

/** Fields only Ollama's native API takes, or `stream: false` (Ollama streams unless told not to). */
function hasOllamaBody(body: Node | undefined, context: AnalyzerContext): boolean {
  if (!getObjectProperty(body, 'model', context.modules)) return false;
  if (OLLAMA_BODY_FIELDS.some((name) => getObjectProperty(body, name, context.modules))) return true;
  return getObjectProperty(body, 'stream', context.modules)?.getText() === 'false';
}

/**
 * `body: JSON.stringify(payload)` (or `body: payload`) where `payload` is the helper's parameter: the model is the one the
 * caller's object holds, written `payload.model` for the caller-site step to read from what each caller passes.
 */
function handedBodyModel(body: Node, context: AnalyzerContext): string | undefined {
  const posted = postedName(body);
  const declaration = posted && findDeclaration(posted, context.modules);
  return declaration && Node.isParameterDeclaration(declaration) ? `${posted!.getText()}.model` : undefined;
}

function modelOf(body: Node | undefined, urlText: string, context: AnalyzerContext, evidence: string[], formModel?: Node, assignedModel?: Node): ModelRef {
  const modelNode = assignedModel ?? firstProperty(body, ['model', 'model_id', 'speech_model'], context.modules) ?? formModel;
  if (modelNode) {
    const model = readModel(modelNode, context.modules);
    evidence.push(...model.evidence);
    return model.ref;
  }
  // Gemini and Azure carry the model in the URL: `models/gemini-1.5-flash:generateContent`, `deployments/gpt-4o/`.
  const inUrl = /models\/([^/:?{}]+):/.exec(urlText) ?? /deployments\/([^/?{}]+)\//.exec(urlText);
  if (inUrl) {
    evidence.push(`model "${inUrl[1]}" from the URL`);
    return { id: inUrl[1], raw: inUrl[1], source: 'literal' };
  }
  // Deepgram takes the model as a query parameter: `/v1/listen?model=nova-3`.
  const inQuery = /[?&]model=([\w.-]+)/.exec(urlText);
  if (inQuery) {
    evidence.push(`model "${inQuery[1]}" from the URL query`);
    return { id: inQuery[1], raw: inQuery[1], source: 'literal' };
  }
  const dynamicInUrl = /(?:models|deployments)\/\{\{([^}]+)\}\}/.exec(urlText);
  // `${base}/models/${config.get('TRANSCRIPTION_MODEL')}`: the expression in the path, read as a model option is.
  const inPath = dynamicInUrl ? urlModelExpression(dynamicInUrl[1], context) : undefined;
  if (inPath) {
    const model = readModel(inPath, context.modules);
    if (model.ref.id !== null || model.ref.candidates) {
      evidence.push(`model in the URL path: \`${dynamicInUrl![1].slice(0, 60)}\``, ...model.evidence);
      return model.ref;
    }
  }
  return { id: null, raw: dynamicInUrl?.[1] ?? '', source: 'dynamic' };
}

/** The expression of this file a URL's `{{hole}}` was written from (the URL text keeps only its source text). */
function urlModelExpression(holeText: string, context: AnalyzerContext): Node | undefined {
  return context.sourceFile.getDescendants().find((node) => (Node.isIdentifier(node) || Node.isPropertyAccessExpression(node) || Node.isCallExpression(node) || Node.isElementAccessExpression(node)) && node.getText() === holeText && !Node.isPropertyAccessExpression(node.getParent() ?? node));
}

function readBody(body: Node | undefined, context: AnalyzerContext, endpoint: Endpoint): { messages: PromptMessage[]; hasImage: boolean } {
  if (!body) return { messages: [{ role: 'user', text: '{{body}}', holes: [{ kind: 'message-array', expression: 'body' }] }], hasImage: false };
  const messages: PromptMessage[] = [];
  let hasImage = false;
  const system = readSystemPrompt(getObjectProperty(body, 'system', context.modules) ?? getObjectProperty(body, 'systemInstruction', context.modules) ?? getObjectProperty(body, 'system_instruction', context.modules) ?? getObjectProperty(body, 'instructions', context.modules), context.modules);
  if (system) messages.push(system);
  const turns = getObjectProperty(body, 'messages', context.modules) ?? getObjectProperty(body, 'contents', context.modules);
  if (turns) {
    const resolved = resolveMessages(turns, context.modules);
    messages.push(...resolved.messages);
    hasImage ||= resolved.hasImage;
  }
  const prompt = getObjectProperty(body, 'prompt', context.modules) ?? getObjectProperty(body, 'input', context.modules);
  if (prompt) {
    const value = unwrapExpression(prompt);
    if (Node.isArrayLiteralExpression(value)) {
      const parts = resolveContentParts(value, context.modules);
      messages.push({ role: 'user', ...parts.text });
    } else {
      messages.push({ role: 'user', ...resolvePromptText(value, context.modules) });
    }
  }
  if (endpoint === 'rerank') {
    // Rerank APIs (Jina, Cohere, Voyage, TEI-style servers) bill the query and every document scored against it.
    for (const field of ['query', 'documents']) {
      const part = getObjectProperty(body, field, context.modules);
      const value = part ? unwrapExpression(part) : undefined;
      if (value) messages.push({ role: 'user', ...(Node.isArrayLiteralExpression(value) ? resolveContentParts(value, context.modules).text : resolvePromptText(value, context.modules)) });
    }
  }
  // Input images by URL or data (`images`, a video API's reference `imageUrls`).
  if (['images', 'imageUrls', 'image_urls'].some((field) => getObjectProperty(body, field, context.modules))) hasImage = true;
  return { messages, hasImage };
}
