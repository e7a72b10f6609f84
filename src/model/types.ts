/**
 * The shared vocabulary of the product: what analyzers find, what the advisor adds, and the
 * JSON result (schema version 1). Plain data only, so it crosses the CLI, the extension host and
 * the webview unchanged. Positions are 1-based; `file` is a POSIX path relative to the scan root.
 *
 * Schema rule: fields may be added freely, never renamed or removed.
 */

export const SCHEMA_VERSION = 1 as const;

export const TASK_TYPES = [
  'classification',
  'summarization',
  'extraction',
  'translation',
  'rag-qa',
  'chat',
  'code-generation',
  'boilerplate-generation',
  'complex-reasoning',
  'long-context',
  'tool-use',
  'vision',
  'embedding',
  'image-generation',
  'speech',
  // Added in schema 1 for what real apps do (eval/real-world/README.md): each decides viability on its own.
  'code-editing',
  'title-generation',
  'commit-message',
  'long-form-writing',
  'query-generation',
  'reranking',
  'moderation',
  'other',
] as const;
export type TaskType = (typeof TASK_TYPES)[number];

/**
 * Where a model id came from. `env-default`: an environment variable's fallback in code or its value in an
 * example env file; `config`: a config file or settings default the app reads; `default-param`: a
 * parameter's default value; `app-list`: one of the models the app offers (a constants array, an enum, a
 * map by use case); `user-choice`: picked at run time by the end user (request body, settings screen, a
 * database row), so the id is null unless the app's own list gives candidates. `env-example`: a commented-out
 * example line of an example env file (`# OPENAI_MODEL=gpt-4o`), what the docs suggest, not a value the code
 * falls back to. `deployment-choice`: set only by the deployer's env variable (`ModelRef.env`) with no default in
 * the code or the example env files, so the id is null and the call is priced against an assumed set.
 */
export type ModelSource = 'literal' | 'constant' | 'import' | 'env-default' | 'env-example' | 'config' | 'default-param' | 'app-list' | 'user-choice' | 'deployment-choice' | 'dynamic' | ModelSetBy;

/**
 * A model the user states where the code does not: `annotation` (`model=` in the `llm-advisor:` comment),
 * `usage-file` (`model:` in llm-usage.yml), `what-if` (the cost panel, not saved). The code's own model
 * reference stays in the evidence.
 */
export type ModelSetBy = 'annotation' | 'usage-file' | 'what-if';

/**
 * Why a call has no price: its model is not known, not in the catalog, or its endpoint has no price the call can be sized
 * for; or the end user pays for it, on their own device (Chrome's built-in AI, WebLLM) or under their own subscription
 * (GitHub Copilot's models through VS Code), so there is nothing for the team to price.
 */
export type UnpricedKind = 'model-unknown' | 'model-not-in-catalog' | 'not-priced' | 'end-user-device' | 'end-user-subscription';

/** One model the code can send, and where it is written (`file:line`, relative to the scan root). */
export interface ModelCandidate {
  id: string;
  source: ModelSource;
  where: string;
}

export type Tier = 'closed-api' | 'open-api' | 'self-hosted';

export type Severity = 'warning' | 'error';

/** What kind of endpoint the call hits; drives pricing (per token, per image, per second). */
export type Endpoint =
  | 'chat'
  | 'completion'
  | 'embedding'
  | 'image-generation'
  | 'audio-transcription'
  | 'audio-speech'
  | 'batch'
  | 'rerank'
  | 'other';

export interface ModelRef {
  /** Canonical model id when it could be resolved statically, else null. */
  id: string | null;
  /** The text as written at the call (or the expression that yields it). */
  raw: string;
  source: ModelSource;
  /**
   * When the code picks among several models (a ternary, a map by use case, the app's offered list, an
   * env default and its example value): every candidate, the default or most likely first. `id` is the
   * first one's. Absent when there is a single model.
   */
  candidates?: ModelCandidate[];
  /** The environment variable the deployment sets the model with, when it is read from one (always for `deployment-choice`). */
  env?: string;
}

export interface CallFeatures {
  streaming: boolean;
  tools: boolean;
  vision: boolean;
  structuredOutput: boolean;
  /**
   * The call runs as an agent loop (`stopWhen: stepCountIs(n)`, `maxSteps`, tool results fed back in a
   * loop) or a repair loop (the request sent again with the validation error appended): each step is another
   * request whose context grows by the previous steps. Absent = false.
   */
  multiStep?: boolean;
}

/** What the code says about how many steps an agent loop may take. */
export interface StepLimit {
  max: number | null;
  basis: string;
  /** The steps re-send one request with its validation error (a repair loop), not tool results: not an agent. */
  repair?: boolean;
}

/** How many requests one multi-step call makes, and why we think so. */
export interface StepEstimate {
  /** Expected steps per call (each step is one request). */
  expected: number;
  /** The code's own cap (`stepCountIs(n)`, `maxSteps: n`, a loop bound), when it states one. */
  max: number | null;
  basis: string;
}

/** A part of a prompt whose size is only known at run time. */
export type HoleKind = 'interpolation' | 'message-array' | 'rag-context' | 'file-content' | 'history' | 'image' | 'unknown';

export interface PromptHole {
  kind: HoleKind;
  /** The source expression, e.g. `userInput` or `...history`. */
  expression: string;
}

export type MessageRole = 'system' | 'developer' | 'user' | 'assistant' | 'tool';

export interface PromptMessage {
  role: MessageRole;
  /** The statically known text, with each hole replaced by `{{expression}}`. */
  text: string;
  holes: PromptHole[];
}

/**
 * How a call site reaches the model: `sdk` is the request itself (an SDK call, a fetch); a
 * `wrapper-caller` is a place that calls the app's own helper, which makes that request for it.
 */
export type CallSiteKind = 'sdk' | 'wrapper-caller';

/** A call listed on the request it relays to (see `relays`). */
export interface Relay {
  file: string;
  line: number;
  passesOn?: true;
  through?: Array<{ file: string; line: number; function: string }>;
}

/** The helper's request a wrapper-caller goes through: where it is and the function around it. */
export interface WrapperVia {
  file: string;
  line: number;
  function: string;
  /**
   * Other implementations the same call may reach (a receiver typed with an interface or base class,
   * or made by a factory of several classes): alternative adapters, one of which serves a deployment.
   * The site is priced through `via`; the totals leave every one of these helpers out as well.
   */
  alternatives?: Array<{ file: string; line: number; function: string }>;
  /**
   * The helpers past `via` that the request reaches through calls which only hand their parameters on (such a call
   * is a hop, not listed as a call site): `start` → `this.chat(task)` → `chat` → ... The totals leave their
   * requests out as well, since this caller's request is theirs.
   */
  through?: Array<{ file: string; line: number; function: string }>;
}

/**
 * A realtime session is often opened in two requests: the app's server mints it (`POST /v1/realtime/sessions` or
 * `/v1/realtime/client_secrets` with the model and session config; an ephemeral key comes back), and the browser
 * connects with that key (the WebRTC offer to `/v1/realtime?model=` or `/v1/realtime/calls`, a WebSocket, the
 * Agents SDK's `connect`). Both are call sites; they are one session.
 */
export interface RealtimeStep {
  step: 'mint' | 'connect';
  /** A spoken conversation, or a transcription-only session (`transcription_sessions`, `intent=transcription`): a key minted for one does not open the other. */
  session: 'conversation' | 'transcription';
}

/** Where a call site stands in the workspace totals, for the fields below (all optional: absent means counted). */
export interface TrafficFields {
  kind?: CallSiteKind;
  /** For a wrapper-caller: the helper request it flows into. */
  via?: WrapperVia;
  /** False for calls under tests, evals, mocks, stories, fixtures, scripts and examples: listed, not summed. */
  production?: boolean;
  /** Why `production` is false (the glob that matched). */
  nonProductionReason?: string;
  /** Provider adapters that are alternatives behind one interface share a group; the totals count one of them. */
  alternativeGroup?: string;
  /** Which request of a realtime session opened in two this is (a key minted on the server, the connect that uses it); the totals count the session once. */
  realtimeStep?: RealtimeStep;
  /**
   * The test that makes this request continue an answer the model cut off at its token limit (`finishReason !==
   * 'length'` returning before it): it runs for the share of answers that hit the limit, not for every request.
   */
  continuesCutOffAnswer?: string;
  /**
   * Calls that relay to this request and say nothing of their own (a send button, a route handler passing the body on,
   * a retry): the same feature, so they are listed here and not as call sites; this site's volume stands for them.
   * `passesOn` marks a relay other calls go through (a method between them and this request): their traffic is counted
   * at their own sites, not here. `through` lists the app's functions between the relay and this request, none of them
   * a call site (each only hands its parameters on).
   */
  relays?: Relay[];
  /** False when the totals leave this site out (not production, a helper priced through its callers, an alternative not chosen, the other request of a realtime session). */
  inTotals?: boolean;
  /** Why the totals leave it out, or how it is counted; for display. */
  totalsNote?: string;
}

/** A user override written as `// llm-advisor: task=extraction calls=20000/day` above a call. */
export interface CallAnnotation {
  task?: TaskType;
  callsPerMonth?: number;
  /** Token size override per hole kind or hole expression. */
  holeTokens?: Record<string, number>;
  /** The model the call sends, as the user states it (`model=gpt-4o-mini`), for calls whose model the code does not state. */
  model?: string;
  /** The comment as written, for display. */
  raw: string;
  line: number;
}

/** A runtime the model runs on that the call's analyzer does not imply: only the end user's own device so far. */
export type RunsOn = 'end-user-device';

/** One LLM call as an analyzer sees it, before tokens, task and prices are worked out. */
export interface DetectedCall {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Who serves the request: openai, anthropic, google, groq, together, azure-openai, ollama, ... */
  provider: string;
  /** The SDK family (the analyzer id): openai, anthropic, google, vercel-ai, langchain, bedrock, http, ... */
  sdk: string;
  /**
   * Where the model runs when the code shows it is the end user's own device, which `sdk` alone does not say: transformers.js
   * loaded in a web worker or a client component runs in the end user's browser (vocabulary's runsOnEndUserDevice).
   */
  runsOn?: RunsOn;
  /** The method path as called, e.g. `chat.completions.create`. */
  method: string;
  endpoint: Endpoint;
  model: ModelRef;
  messages: PromptMessage[];
  /** max_tokens / max_completion_tokens / maxOutputTokens when given statically. */
  maxOutputTokens: number | null;
  features: CallFeatures;
  /** Names of the tools/functions passed, when known. */
  toolNames: string[];
  /** JSON schema / zod / response_format name when structured output is requested. */
  structuredOutputName?: string;
  /**
   * What that output schema asks for, when its shape says: `labels` when every field is one of fixed values (or a boolean)
   * (`'negative' | 'neutral' | 'positive'`, `z.enum`), the answer is a label; `actions` when it is an API of
   * function signatures the answer composes calls to (a program of actions).
   */
  structuredOutputShape?: 'labels' | 'actions';
  /**
   * The one tool the model is made to call (`tool_choice` naming it, or required with a single tool): its
   * arguments are the answer, so the call wants structured output rather than open tool use.
   */
  forcedTool?: string;
  /**
   * What the request asks the model to return besides text (`modalities: ['image', 'text']` → `['image']`): a chat
   * request that generates an image or speaks its answer. Absent when it asks for text only.
   */
  outputModalities?: string[];
  /**
   * `features.vision` comes from image parts built elsewhere in the request's class (attachments a user may
   * add), not from this call's own content: the call must accept images, but it is not about them.
   */
  imagesElsewhere?: boolean;
  /**
   * For a helper whose prompt is all its callers' (no text of its own): the task most of its callers' requests are
   * read as, how many of them, and of how many callers. The helper's own site has nothing else to be read by.
   */
  callersTask?: { type: TaskType; callers: number; of: number };
  /**
   * For a helper's request the app makes from one place only (see soleCallers.ts): that call, whose reading (prompt,
   * model, limits) this site is. The task is read by its names (its function and file, the helper it calls), as it was
   * when the call was a site of its own.
   */
  soleCaller?: { file: string; line: number; function: string | null; helper: string };
  /**
   * A wrapper caller handing the helper only values it is given (names and members of them, one-word literals, calls
   * without arguments): no text or prompt builder of its own in what it passes. Read with its request by `foldRelays`.
   */
  passesValuesOnly?: boolean;
  /** Name of the function or method that contains the call, for task hints and usage-file matching. */
  enclosingFunction: string | null;
  /**
   * The exported function a request (or a call of the app's helper) is made in, when nothing else in its own module
   * names it. Only a file importing it can call it; the scan leaves the call out as dead code when no other file names
   * it either (unnamedExports.ts).
   */
  exportedFunction?: string;
  /** The name the code gives the reply (`const summary = await ...`, `query = response.content`), for task hints; none when it gives none. */
  replyName?: string;
  /** For a multi-step call: the step cap the code states (null when it states none), and where. */
  steps?: StepLimit;
  /**
   * The method through which the tool list reaches this request (`stream` of `stream(messages, functions)`):
   * an agent loop elsewhere that calls it again with each tool result makes the request one step of many.
   */
  toolListEntry?: string;
  /**
   * The parameter of the enclosing function that holds the client this request is made on, when no base URL says
   * which server it is (`tooledStream(client, model, ...)` making `client.chat.completions.create`): each caller's
   * client argument says who serves its calls, so the wrapper-caller search reads the provider there.
   */
  clientParameter?: string;
  /**
   * The parameter of the enclosing function the request's model comes in (`startSession(agent, options?)` making
   * `new AgentSession({ llm: options?.llm })`), when the request is made only with one: a caller handing none there
   * (leaving the argument out, or an object without `field`) makes no request, so it is no caller of this one.
   */
  modelHandedIn?: { parameter: number; field?: string };
  /**
   * The field of `this` that holds the client this request is made on (`client` of `this.client.images.generate`), when
   * the request's own class only types it (no base URL): a subclass handing its client to `super(...)` says which server
   * it is, so a method of that subclass calling this one (`this.generateImage(...)`) reads the provider there.
   */
  clientMember?: string;
  /**
   * For a request that runs an agent object (Mastra's `agent.generate`), and for an agent reported where it is made: where
   * the agent is made (`file:line`), so an agent reported at its making is dropped when a run of it is found elsewhere.
   */
  agentDefinition?: string;
  /**
   * The request inside the app's own HTTP helper this call is made through (`stream(chatPath, payload)`, whose body
   * sends its URL parameter with `fetchEventSource`): where it is and the function around it. The helper's request is
   * listed as a site of its own, priced as this caller's, left out of the totals (see `helperRequestSites`). `handsOn`:
   * a transport of the caller's own module that sends only what it is handed (an adapter's private `apiCall`): a caller
   * handing on only its own parameters may still be a relay, as it would be without the transport.
   */
  httpHelperRequest?: { file: string; line: number; column: number; endLine: number; endColumn: number; function: string; handsOn?: boolean };
  annotation?: CallAnnotation;
  /** The raw `llm-advisor:` comment above the call, parsed into `annotation` when the call is priced. */
  annotationComment?: { text: string; line: number };
  /** How the analyzer resolved client, model and prompt: human-readable steps, for display only (pricing never reads them, and EnrichmentCache relies on that). */
  evidence: string[];
  kind?: CallSiteKind;
  via?: WrapperVia;
  production?: boolean;
  nonProductionReason?: string;
  alternativeGroup?: string;
  realtimeStep?: RealtimeStep;
  continuesCutOffAnswer?: string;
  /** See TrafficFields. */
  relays?: Relay[];
}

export interface TokenEstimate {
  inputPerCall: number;
  outputPerCall: number;
  /** One-line description of how the numbers were obtained. */
  method: string;
  /** Tokens counted exactly from static prompt text. */
  countedInput?: number;
  /** Tokens assumed for run-time holes (interpolations, history, RAG context). */
  estimatedInput?: number;
  /** Per-hole assumptions, so the user sees (and can override) every guess. */
  holes?: Array<{ kind: HoleKind; expression: string; tokens: number; source: 'default' | 'annotation' | 'usage-file'; basis?: string }>;
  /** Which tokenizer was used, and the cross-family factor applied if any. */
  tokenizer?: string;
  outputBasis?: string;
  isEstimate?: boolean;
  /** Hidden reasoning tokens included in outputPerCall (reasoning models); subtract for a non-reasoning alternative. */
  reasoningTokens?: number;
  /** Multi-step calls: the per-call figures above already add up every step (steps × a growing context). */
  steps?: StepEstimate & { inputPerStep: number; outputPerStep: number };
}

export interface TaskClassification {
  type: TaskType;
  confidence: number;
  reasons: string[];
  /** The task that scored next (inferred tasks): below the confidence floor its quality bar screens the alternatives too. */
  runnerUp?: TaskType;
  source?: 'inferred' | 'annotation' | 'usage-file';
}

export type VolumeSource = 'default' | 'setting' | 'usage-file' | 'usage-export' | 'annotation';

export interface VolumeEstimate {
  callsPerMonth: number;
  source: VolumeSource;
  /** Why this number, e.g. "built-in default: 10,000 calls/month (assumption)". */
  basis?: string;
}

export interface PriceRef {
  source: string;
  asOf: string;
}

export interface HostingOption {
  tier: Tier;
  label: string;
  monthlyUsd: number;
  viable: boolean;
  why: string;
  provider?: string;
  model?: string;
  /** The arithmetic behind monthlyUsd, readable by a person. */
  derivation?: string;
  price?: PriceRef;
  sizing?: SelfHostSizing;
  /** True for the option matching what the code does today. */
  current?: boolean;
}

export interface Recommendation {
  tier: Tier;
  label: string;
  monthlyUsd: number;
  savingsUsd: number;
  why: string;
  /**
   * What the team should do: `change` (clears the savings threshold), `migrate` (the current model is
   * retired or past its deprecation date: move whatever the price), `keep` (already the best, or the
   * best change is below the threshold). Absent on older results: read as change when savings > 0.
   */
  action?: 'change' | 'migrate' | 'keep';
  /** The option (by label) the recommendation points at, when its label differs from `label`. */
  optionLabel?: string;
  /** Retirement or deprecation date of the current model (YYYY-MM-DD), when one applies. */
  deadline?: string;
}

export interface MemoryTerm {
  name: string;
  gib: number;
  derivation: string;
}

export interface SelfHostSizing {
  model: string;
  precision: string;
  gpu: string;
  gpusPerReplica: number;
  replicas: number;
  fits: boolean;
  memory: MemoryTerm[];
  usableGibPerReplica: number;
  maxContextTokens?: number;
  maxConcurrency?: number;
  decodeTokensPerSecond?: number;
  monthlyGpuUsdOnDemand: number;
  monthlyGpuUsdReserved?: number;
  engine: string;
  notes: string[];
}

export interface CallSite extends TrafficFields {
  id: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  provider: string;
  sdk: string;
  /** As on DetectedCall: the end user's own device, when the code shows it (absent otherwise). */
  runsOn?: RunsOn;
  method: string;
  endpoint: Endpoint;
  model: ModelRef;
  task: TaskClassification;
  tokens: TokenEstimate;
  features: CallFeatures;
  volume: VolumeEstimate;
  options: HostingOption[];
  recommendation: Recommendation | null;
  /** Null when the call is not priced; then `unpricedReason` says why and how to set the model. Never a silent $0. */
  monthlyUsdCurrent: number | null;
  /** Why `monthlyUsdCurrent` is null, with the exact instruction that sets the model (a comment or a usage-file entry). */
  unpricedReason?: string;
  unpricedKind?: UnpricedKind;
  /** Why a priced call comes to exactly $0 (no calls a month, no text sent, a free price): a $0 always says why. */
  costNote?: string;
  /**
   * When the call can send several models (the code's candidates, or an assumed reference set for a model
   * the end user picks): the lowest and highest monthly cost over those that are priced. `monthlyUsdCurrent`
   * is the first (likely) one's; the recommendation is made for that one.
   */
  monthlyUsdCurrentRange?: { low: number; high: number };
  /** Which models the price is for, when that is not simply `model.id`: the candidates or the assumed set, each priced. */
  modelPricing?: ModelPricing;
  enclosingFunction: string | null;
  evidence: string[];
  /** Short prompt preview (first message text, truncated), for display only. Escape before rendering. */
  promptPreview?: string;
  /**
   * When the call sits in the app's own helper function, where that helper is called from (found by
   * name across the workspace, text match, up to 25): the places that drive this call's volume.
   */
  callers?: Array<{ file: string; line: number }>;
}

/** The models a call's price was worked out for, each with its own monthly cost. */
export interface ModelPricing {
  /** The model `monthlyUsdCurrent` is for (the first priced one). */
  model: string;
  /** True when the models are a stated reference set (setting, CLI flag or data/catalog/assumed-models.json), not ones the code names. */
  assumed: boolean;
  /** Every model weighed, in order (likely first), with its monthly cost at this call's tokens and volume; null when not in the catalog. */
  models: Array<{ id: string; monthlyUsd: number | null; where?: string }>;
  /** One sentence: where the set comes from and which one is priced. */
  basis: string;
}

/**
 * Which step wrote a diagnostic, where a later step must tell them apart: `pricing` for the pricing
 * pipeline's own warnings (an unknown model's reason, a retiring model, a price gap), which a what-if
 * re-pricing replaces. Absent: from reading the workspace (files, settings, analyzers, comments, the
 * usage file or export), which a re-pricing keeps.
 */
export type DiagnosticOrigin = 'pricing';

export interface Diagnostic {
  file: string;
  message: string;
  severity: Severity;
  line?: number;
  /** Set on the pricing pipeline's diagnostics only (schema v1 addition; absent on older results). */
  origin?: DiagnosticOrigin;
}

export interface ScanSummary {
  callSites: number;
  monthlyUsdCurrent: number;
  monthlyUsdRecommended: number;
  savingsUsd?: number;
  filesScanned?: number;
  filesParsed?: number;
  /** Files whose analysis came from the cache of an earlier scan (unchanged since). */
  filesReusedFromCache?: number;
  durationMs?: number;
  volumeAssumption?: string;
  /**
   * Call sites without a price that the totals would count: `monthlyUsdCurrent` misses their cost,
   * and every total says so (countUnpriced in core/pricing/totals.ts is the one definition).
   */
  unpricedCallSites?: number;
  /** Call sites without a price that are left out of the totals anyway (tests, examples, scripts, helpers, alternatives). */
  unpricedLeftOutCallSites?: number;
  /** `unpricedCallSites` by kind. */
  unpricedByKind?: Partial<Record<UnpricedKind, number>>;
  /** The total over each call's lowest and highest candidate (present when some call has a range). */
  monthlyUsdCurrentRange?: { low: number; high: number };
  /** Call sites priced against an assumed set of models (the end user picks the model at run time). */
  assumedModelCallSites?: number;
}

/** The best self-hosting pool for the workspace: the calls an open model can serve, on one deployment with its fixed costs. */
export interface SelfHostPool {
  model: string;
  style: 'managed' | 'self-managed';
  callSiteIds: string[];
  callsPerMonth: number;
  /** What those calls cost today. */
  apiSpendCurrent: number;
  /** What those calls would cost on the cheapest viable API option each. */
  apiSpendBestApi: number;
  gpuMonthlyUsd: number;
  gpuMonthlyUsdReserved: number;
  fixedMonthlyUsd: number;
  totalMonthlyUsd: number;
  netSavingsVsCurrent: number;
  netSavingsVsBestApi: number;
  recommended: boolean;
  sizing: SelfHostSizing;
  derivation: string;
}

export interface BreakEven {
  /** Monthly API spend (at today's prices) at which self-managed GPUs + fixed costs cost the same, for this workspace's token mix, with whole replicas. */
  monthlyApiSpendUsd: number | null;
  /** The same where GPU cost is proportional to volume (fixed ÷ (1 − r)): the limit at large scale. */
  atScaleMonthlyApiSpendUsd?: number | null;
  gpuUsdPerApiUsd: number | null;
  /**
   * The same break-even against the open-model API the calls could use instead (cheapest provider of
   * the reference model): monthly open-API spend at which self-hosting costs the same; null when GPUs
   * cost more than that API even at scale.
   */
  openApiMonthlySpendUsd?: number | null;
  /** GPU dollars per dollar of open-model API spend at scale (r against the open-model API). */
  gpuUsdPerOpenApiUsd?: number | null;
  derivation: string;
}

/**
 * Where the workspace stands, decided by one rule from its own numbers: self-host when the best pool
 * saves money against the cheapest viable APIs, otherwise open-model APIs where a recommended change
 * moves calls there, otherwise keep closed APIs. The seed's spend thresholds are context only.
 */
export interface SpendStage {
  /** The decision the label states; the same one the pool's `recommended` carries. */
  decision?: 'self-host' | 'open-model-apis' | 'closed-apis';
  label: string;
  derivation: string;
}

/** Workspace-level advice as published: the self-hosting pool, break-even and the seed's spend stage, for this workspace's numbers. */
export interface WorkspaceAdviceSummary {
  /** The best self-hosting pool, whether it pays or not (null when no call can move to an open model). */
  selfHost: SelfHostPool | null;
  breakEven: BreakEven;
  stage: SpendStage;
  /** Sum of per-call recommendations (APIs only unless the pool is recommended). */
  monthlyUsdRecommended: number;
}

export interface ScanResult {
  schemaVersion: typeof SCHEMA_VERSION;
  root: string;
  generatedAt: string;
  catalog: { asOf: string; sources?: string[] };
  callSites: CallSite[];
  summary: ScanSummary;
  /** Self-hosting decided across the workspace (pooled calls, fixed costs, break-even). */
  workspace?: WorkspaceAdviceSummary;
  diagnostics: Diagnostic[];
}
