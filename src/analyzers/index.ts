import type { Analyzer } from './analyzer';
import { anthropicAnalyzer } from './anthropic';
import { bedrockAnalyzer } from './bedrock';
import { googleAnalyzer } from './google';
import { langchainAnalyzer } from './langchain';
import { openaiAnalyzer } from './openai';
import { vercelAiAnalyzer } from './vercel-ai';

/** Every analyzer the scan runs, one per SDK family (`src/analyzers/<sdk>.ts`). */
export const analyzers = [openaiAnalyzer, anthropicAnalyzer, vercelAiAnalyzer, googleAnalyzer, langchainAnalyzer, bedrockAnalyzer] as const satisfies readonly Analyzer[];

export type { Analyzer, AnalyzerContext } from './analyzer';
