import type { DetectedCall, PromptMessage } from '../../src/model/types';

/** A hand-built call, as an analyzer would report it; `overrides` replace whole fields. */
export function detectedCall(overrides: Partial<DetectedCall> = {}): DetectedCall {
  return {
    file: 'src/app.ts',
    line: 10,
    column: 1,
    endLine: 12,
    endColumn: 2,
    provider: 'openai',
    sdk: 'openai',
    method: 'chat.completions.create',
    endpoint: 'chat',
    model: { id: 'gpt-4o', raw: "'gpt-4o'", source: 'literal' },
    messages: [],
    maxOutputTokens: null,
    features: { streaming: false, tools: false, vision: false, structuredOutput: false },
    toolNames: [],
    enclosingFunction: null,
    evidence: [],
    ...overrides,
  };
}

/** One prompt message with its run-time holes. */
export const message = (role: PromptMessage['role'], text: string, holes: PromptMessage['holes'] = []): PromptMessage => ({ role, text, holes });
