import type { Analyzer } from './analyzer';
import { openaiAnalyzer } from './openai';

/** Every analyzer the scan runs, one per SDK family (`src/analyzers/<sdk>.ts`). */
export const analyzers = [openaiAnalyzer] as const satisfies readonly Analyzer[];

export type { Analyzer, AnalyzerContext } from './analyzer';
