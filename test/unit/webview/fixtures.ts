import type { CallSite, ScanResult } from '../../../src/model/types';

/** A call site with every field filled; override what a test cares about. */
export function callSite(overrides: Partial<CallSite> = {}): CallSite {
  return {
    id: 'src/a.ts:3:7:openai',
    file: 'src/a.ts',
    line: 3,
    column: 7,
    endLine: 8,
    endColumn: 3,
    provider: 'openai',
    sdk: 'openai',
    method: 'chat.completions.create',
    endpoint: 'chat',
    model: { id: 'gpt-4o', raw: "'gpt-4o'", source: 'literal' },
    task: { type: 'classification', confidence: 0.9, reasons: ['system prompt says classify'] },
    tokens: { inputPerCall: 1200, outputPerCall: 5, method: 'counted with o200k_base' },
    features: { streaming: false, tools: false, vision: false, structuredOutput: false },
    volume: { callsPerMonth: 60000, source: 'annotation', basis: 'annotation calls=60000/month' },
    options: [
      { tier: 'closed-api', label: 'Stay on gpt-4o', monthlyUsd: 1240, viable: true, why: 'what the code does today', current: true },
      { tier: 'open-api', label: 'Llama 3.3 70B on Groq', monthlyUsd: 95, viable: true, why: 'classification is easy' },
      { tier: 'self-hosted', label: 'Llama 3.1 8B on 1x L4', monthlyUsd: 560, viable: false, why: 'GPU idle most of the month' },
    ],
    recommendation: { tier: 'open-api', label: 'Llama 3.3 70B on Groq', monthlyUsd: 95, savingsUsd: 1145, why: 'cheapest viable option' },
    monthlyUsdCurrent: 1240,
    enclosingFunction: 'classify',
    evidence: ['client from new OpenAI()'],
    ...overrides,
  };
}

export function scanResult(callSites: CallSite[] = [callSite()]): ScanResult {
  const current = callSites.reduce((s, c) => s + (c.monthlyUsdCurrent ?? 0), 0);
  const recommended = callSites.reduce((s, c) => s + (c.recommendation?.monthlyUsd ?? c.monthlyUsdCurrent ?? 0), 0);
  return {
    schemaVersion: 1,
    root: '/ws',
    generatedAt: '2026-11-27T00:00:00.000Z',
    catalog: { asOf: '2026-07-24' },
    callSites,
    summary: { callSites: callSites.length, monthlyUsdCurrent: current, monthlyUsdRecommended: recommended },
    diagnostics: [],
  };
}

/** Strings an attacker could put in a prompt, a file name or a model string. */
export const HOSTILE = {
  script: '<script>alert(1)</script>',
  textarea: '</textarea><img src=x onerror=alert(1)>',
  javascriptUrl: 'javascript:alert(document.cookie)',
  attrBreak: '" onmouseover="alert(1)" x="',
  singleQuote: "' onfocus='alert(1)",
  backtick: '`${alert(1)}`',
  bidi: 'access\u202E\u2066 ;admin\u2069\u2067',
  zeroWidth: 'gpt\u200B-4o',
  control: 'a\u0000b\u001bc',
};
