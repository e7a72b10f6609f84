import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Analyzer } from '../../../src/analyzers';
import { analyzeText, createAnalysisProject } from '../../../src/scan/analyze';
import { loadWorkspaceSettings } from '../../../src/scan/settingsFiles';
import type { DetectedCall } from '../../../src/model/types';

/** What a test expects of one reported call; only the fields given are compared. */
export interface ExpectedCall {
  line: number;
  column?: number;
  method?: string;
  provider?: string;
  /** The analyzer that reported it (`sdk`), when another analyzer could claim the same shape. */
  sdk?: string;
  endpoint?: DetectedCall['endpoint'];
  model?: string | null;
  modelSource?: DetectedCall['model']['source'];
  /** The env variable the deployment sets the model with (`model.env`). */
  modelEnv?: string;
  /** Every candidate id, in order (an empty list: no candidates field). */
  candidates?: string[];
  /** `where` of each candidate, in order. */
  candidateWheres?: string[];
  features?: Partial<DetectedCall['features']>;
  maxOutputTokens?: number | null;
  toolNames?: string[];
  /** Substrings the joined prompt text must contain. */
  promptIncludes?: string[];
  /** Substrings some evidence line must contain, each. */
  evidenceIncludes?: string[];
  holeKinds?: string[];
  /** Output kinds besides text the request asks for (`modalities`); `[]` when it asks for none. */
  outputModalities?: string[];
  /** Which request of a realtime session the call makes (`realtimeStep`); `null` when it is none. */
  realtimeStep?: DetectedCall['realtimeStep'] | null;
  /** Where the code shows the model runs (`runsOn`); `null` when it shows nothing beyond the analyzer. */
  runsOn?: DetectedCall['runsOn'] | null;
}

export interface InvalidCase {
  name?: string;
  code: string;
  /** Where the case's own code is written, relative to the fixture root (`src/case.ts` unless given: a file's name can matter). */
  file?: string;
  /** Other modules of the fixture project, by relative path (the case's own file is `src/case.ts`). */
  files?: Record<string, string>;
  calls: ExpectedCall[];
}

export interface ValidCase {
  name?: string;
  code: string;
  files?: Record<string, string>;
}

/**
 * Table-driven analyzer tests in the spirit of typescript-eslint's RuleTester: each case is real
 * code written to a temporary project on disk; `valid` cases must report nothing, `invalid` cases
 * exactly the listed calls. Duplicate cases and invalid cases without expectations are errors.
 */
export function runAnalyzerTests(name: string, analyzer: Analyzer, cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] }): void {
  const seen = new Set<string>();
  const checkUnique = (code: string) => {
    assert.ok(!seen.has(code), `duplicate test case:\n${code}`);
    seen.add(code);
  };
  describe(name, () => {
    describe('valid', () => {
      for (const entry of cases.valid) {
        const testCase = typeof entry === 'string' ? { code: entry } : entry;
        it(testCase.name ?? firstLine(testCase.code), async () => {
          checkUnique(testCase.code);
          const calls = await analyze(analyzer, testCase.code, testCase.files);
          assert.deepEqual(calls.map(summarize), [], 'expected no call sites');
        });
      }
    });
    describe('invalid', () => {
      for (const testCase of cases.invalid) {
        it(testCase.name ?? firstLine(testCase.code), async () => {
          checkUnique(testCase.code);
          assert.ok(testCase.calls.length > 0, 'an invalid case must expect at least one call');
          const calls = await analyze(analyzer, testCase.code, testCase.files, testCase.file);
          assert.equal(calls.length, testCase.calls.length, `expected ${testCase.calls.length} call(s), got ${calls.length}: ${JSON.stringify(calls.map(summarize))}`);
          testCase.calls.forEach((expected, index) => compare(calls[index], expected));
        });
      }
    });
  });
}

async function analyze(analyzer: Analyzer, code: string, files: Record<string, string> = {}, file = 'src/case.ts'): Promise<DetectedCall[]> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'analyzer-test-'));
  try {
    for (const [relative, content] of Object.entries({ ...files, [file]: code })) {
      const absolute = path.join(root, relative);
      mkdirSync(path.dirname(absolute), { recursive: true });
      writeFileSync(absolute, content);
    }
    // Settings files (example env files, docker-compose, config files) are read as the scan reads them.
    const { settings } = await loadWorkspaceSettings(root);
    const context = createAnalysisProject(root, settings);
    const result = analyzeText({ absolutePath: path.join(root, file), relativePath: file }, code, context, [analyzer]);
    const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    assert.deepEqual(errors, [], 'analyzer reported errors');
    return result.calls;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function compare(actual: DetectedCall, expected: ExpectedCall): void {
  const where = `call at line ${actual.line}`;
  assert.equal(actual.line, expected.line, `${where}: line`);
  if (expected.column !== undefined) assert.equal(actual.column, expected.column, `${where}: column`);
  if (expected.method !== undefined) assert.equal(actual.method, expected.method, `${where}: method`);
  if (expected.provider !== undefined) assert.equal(actual.provider, expected.provider, `${where}: provider`);
  if (expected.sdk !== undefined) assert.equal(actual.sdk, expected.sdk, `${where}: sdk`);
  if (expected.endpoint !== undefined) assert.equal(actual.endpoint, expected.endpoint, `${where}: endpoint`);
  if (expected.model !== undefined) assert.equal(actual.model.id, expected.model, `${where}: model`);
  if (expected.modelSource !== undefined) assert.equal(actual.model.source, expected.modelSource, `${where}: model source`);
  if (expected.modelEnv !== undefined) assert.equal(actual.model.env, expected.modelEnv, `${where}: model env variable`);
  if (expected.candidates !== undefined) assert.deepEqual((actual.model.candidates ?? []).map((candidate) => candidate.id), expected.candidates, `${where}: model candidates`);
  if (expected.candidateWheres !== undefined) assert.deepEqual((actual.model.candidates ?? []).map((candidate) => candidate.where), expected.candidateWheres, `${where}: model candidate places`);
  if (expected.maxOutputTokens !== undefined) assert.equal(actual.maxOutputTokens, expected.maxOutputTokens, `${where}: max output tokens`);
  if (expected.toolNames !== undefined) assert.deepEqual(actual.toolNames, expected.toolNames, `${where}: tool names`);
  for (const [feature, value] of Object.entries(expected.features ?? {})) {
    assert.equal(actual.features[feature as keyof DetectedCall['features']], value, `${where}: features.${feature}`);
  }
  const prompt = actual.messages.map((message) => message.text).join('\n');
  for (const fragment of expected.promptIncludes ?? []) assert.ok(prompt.includes(fragment), `${where}: prompt should include "${fragment}", got: ${prompt.slice(0, 300)}`);
  for (const fragment of expected.evidenceIncludes ?? []) assert.ok(actual.evidence.some((line) => line.includes(fragment)), `${where}: evidence should include "${fragment}", got: ${JSON.stringify(actual.evidence)}`);
  if (expected.holeKinds !== undefined) assert.deepEqual(actual.messages.flatMap((message) => message.holes.map((hole) => hole.kind)), expected.holeKinds, `${where}: hole kinds`);
  if (expected.outputModalities !== undefined) assert.deepEqual(actual.outputModalities ?? [], expected.outputModalities, `${where}: output modalities`);
  if (expected.realtimeStep !== undefined) assert.deepEqual(actual.realtimeStep ?? null, expected.realtimeStep, `${where}: realtime step`);
  if (expected.runsOn !== undefined) assert.equal(actual.runsOn ?? null, expected.runsOn, `${where}: runs on`);
}

function summarize(call: DetectedCall) {
  return { line: call.line, method: call.method, provider: call.provider, model: call.model.id };
}

function firstLine(code: string): string {
  return code.trim().split('\n').find((line) => !/^import|^const \w+ = new|^$/.test(line.trim()))?.trim().slice(0, 90) ?? code.slice(0, 60);
}
