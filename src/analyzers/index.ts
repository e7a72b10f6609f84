import type { Analyzer } from './analyzer';
import { anthropicAnalyzer } from './anthropic';
import { bedrockAnalyzer } from './bedrock';
import { chromaAnalyzer } from './chroma';
import { chromeAiAnalyzer } from './chrome-ai';
import { cohereAnalyzer } from './cohere';
import { elevenlabsAnalyzer } from './elevenlabs';
import { deepgramAnalyzer } from './deepgram';
import { v0Analyzer } from './v0';
import { difyAnalyzer } from './dify';
import { workersAiAnalyzer } from './workers-ai';
import { livekitAgentsAnalyzer } from './livekit-agents';
import { googleAnalyzer } from './google';
import { groqAnalyzer } from './groq';
import { httpAnalyzer } from './http';
import { langchainAnalyzer } from './langchain';
import { llamaindexAnalyzer } from './llamaindex';
import { localAnalyzer } from './local';
import { webLlmAnalyzer } from './web-llm';
import { mastraAnalyzer } from './mastra';
import { mistralAnalyzer } from './mistral';
import { azureOpenaiAnalyzer } from './azure-openai';
import { chatgptAnalyzer } from './chatgpt';
import { nodeChatgptApiAnalyzer } from './node-chatgpt-api';
import { ollamaAnalyzer } from './ollama';
import { openaiAnalyzer } from './openai';
import { replicateAnalyzer } from './replicate';
import { copilotKitAnalyzer } from './copilotkit';
import { sagemakerAnalyzer } from './sagemaker';
import { togetherAnalyzer } from './together';
import { upstashVectorAnalyzer } from './upstash-vector';
import { vercelAiAnalyzer } from './vercel-ai';
import { vscodeLmAnalyzer } from './vscode-lm';
import { zeroentropyAnalyzer } from './zeroentropy';
import { obsidianAiProvidersAnalyzer } from './obsidian-ai-providers';
import { modelfusionAnalyzer } from './modelfusion';
import { portkeyAnalyzer } from './portkey';
import { tokenJsAnalyzer } from './tokenjs';
import { falAnalyzer } from './fal';
import { claudeAgentSdkAnalyzer } from './claude-agent-sdk';
import { codexSdkAnalyzer } from './codex-sdk';
import { genkitAnalyzer } from './genkit';
import { dexterAnalyzer } from './dexter';
import { xsaiAnalyzer } from './xsai';
import { openaiAgentsAnalyzer } from './openai-agents';
import { agentKitAnalyzer } from './agentkit';
import { watsonxAnalyzer } from './watsonx';
import { googleAdkAnalyzer } from './google-adk';

/** Every analyzer the scan runs, one per SDK family (`src/analyzers/<sdk>.ts`). */
export const analyzers = [openaiAnalyzer, anthropicAnalyzer, vercelAiAnalyzer, genkitAnalyzer, modelfusionAnalyzer, dexterAnalyzer, xsaiAnalyzer, openaiAgentsAnalyzer, agentKitAnalyzer, googleAdkAnalyzer, watsonxAnalyzer, googleAnalyzer, langchainAnalyzer, llamaindexAnalyzer, bedrockAnalyzer, azureOpenaiAnalyzer, chatgptAnalyzer, nodeChatgptApiAnalyzer, mistralAnalyzer, groqAnalyzer, togetherAnalyzer, portkeyAnalyzer, tokenJsAnalyzer, cohereAnalyzer, zeroentropyAnalyzer, chromaAnalyzer, upstashVectorAnalyzer, ollamaAnalyzer, sagemakerAnalyzer, elevenlabsAnalyzer, deepgramAnalyzer, v0Analyzer, difyAnalyzer, workersAiAnalyzer, livekitAgentsAnalyzer, replicateAnalyzer, falAnalyzer, claudeAgentSdkAnalyzer, codexSdkAnalyzer, mastraAnalyzer, copilotKitAnalyzer, obsidianAiProvidersAnalyzer, vscodeLmAnalyzer, chromeAiAnalyzer, webLlmAnalyzer, localAnalyzer, httpAnalyzer] as const satisfies readonly Analyzer[];

export type { Analyzer, AnalyzerContext } from './analyzer';

// What the scan layer needs besides the analyzers: it reaches analyzers only through this file.
export { ModuleLoader } from './shared/modules';
export { neverCalledLocalFunction } from './shared/callsite';
export { loadTsMorphSoon, saveTsMorphCodeCache } from './shared/tsMorphLoading';
export { keepTreeForLaterLooks, parseIntoProject, releaseTreesKeptForLaterLooks, removeAnalyzedFile } from './shared/parse';
// Model and provider settings read from the workspace's example env, compose and config files (parsing and filtering only).
export { isDeploymentValuesFile, isDockerComposeFile, isEnvExampleFile, looksLikeModelId, MAX_SETTINGS_FILE_BYTES, parseConfigFile, parseEnvExampleComments, parseEnvironmentSettings, parseExtensionSettings, type ModelListSetting, type ModelListsOfFile, type RouterConfigPath, type SettingValue, type WorkspaceSettings } from './shared/settings';
export { aliasMayNameAny, findWrapperCallers, mentionsBesidesDeclarations, type WorkspaceFile } from './shared/wrapperCallers';
export { modelsFromCallers, providersFromCallers } from './shared/callerModels';
export { modelsFromDeploymentList } from './shared/deploymentModels';
export { modelsFromKeyedDefaults } from './shared/keyedModelDefaults';
export { markFrameworkAgentLoops } from './shared/agentLoops';
export { markStreamedGraphNodes } from './shared/graphStreaming';
export { markRealtimeSessionTools } from './shared/realtimeTools';
export { dropAgentsRunElsewhere } from './mastra';
