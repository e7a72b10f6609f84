/**
 * Hints must work: every instruction the product prints (diagnostics, table footnotes, derivations,
 * plan text, parser errors) is collected here from a real scan of a fixture project, and followed
 * the way a user would follow it: write what it says where it says, scan again, and check that the
 * number it was about changed as promised. A hint that points at something that does not exist
 * (a key the parser rejects) fails here, or, when known and tracked, is pending with its reason.
 *
 * To add a hint: add a row to HINTS with the text it must contain, how to make the product print
 * it (`shownBy`) and how to follow it (`follow`).
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAnnotation } from '../../src/core/estimate/annotations';
import { renderMarkdownPlan } from '../../src/core/report/plan';
import { scanWorkspace } from '../../src/scan/scan';
import type { CallSite, ScanResult } from '../../src/model/types';
import { runCli } from './cli/run';

const HEADER = "import OpenAI from 'openai';\nconst openai = new OpenAI();\n";
/** A priced call with a run-time hole (`text`) and no volume: the default-volume and hole-size hints. */
const PRICED = `export async function summarize(text: string) {\n  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: \`Summarize: \${text}\` }] });\n}\n`;
/** A call whose model comes from the environment: the "set it in an llm-advisor comment" hint. */
const UNRESOLVED = 'export async function answer(q: string) {\n  return openai.chat.completions.create({ model: process.env.CHAT_MODEL!, messages: [{ role: \'user\', content: q }] });\n}\n';

let workspace: string;
function writeProject(files: Record<string, string>): void {
  rmSync(workspace, { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
    writeFileSync(path.join(workspace, name), text);
  }
}
/** Puts `comment` on the line above the call of `fn` in `source`. */
function annotate(source: string, fn: string, comment: string): string {
  const lines = source.split('\n');
  const at = lines.findIndex((line) => line.includes(`function ${fn}(`)) + 1;
  lines.splice(at, 0, `  ${comment}`);
  return lines.join('\n');
}
const scan = () => scanWorkspace(workspace, { defaultCallsPerMonth: undefined });
const site = (result: ScanResult, fn: string): CallSite => {
  const found = result.callSites.find((c) => c.enclosingFunction === fn);
  assert.ok(found, `call in ${fn}`);
  return found;
};
/** Every text the product shows about a scan: table, JSON (derivations, diagnostics), migration plan. */
async function shownTexts(): Promise<string> {
  const table = await runCli(['scan', workspace]);
  const json = await runCli(['scan', workspace, '--format', 'json']);
  const result = JSON.parse(json.stdout) as ScanResult;
  return [table.stdout, table.stderr, json.stdout, renderMarkdownPlan(result)].join('\n');
}

interface Hint {
  name: string;
  /** The instruction as the product words it (a fragment of the printed text). */
  text: RegExp;
  /** The project that makes the product print it. */
  shownBy: Record<string, string>;
  /** Follows it and asserts the promised effect. */
  follow: () => Promise<void>;
  /** When the instruction cannot be followed yet: why, checked at run time so it turns on by itself once it works. */
  pendingUnless?: () => string | undefined;
}

const HINTS: Hint[] = [
  {
    name: 'default volume: "set real volumes ... with a // llm-advisor: comment" (calls=)',
    text: /set (?:real|the real) volumes? in llm-usage\.yml or with (?:a \/\/ llm-advisor: comment|an llm-advisor comment)/,
    shownBy: { 'src/a.ts': HEADER + PRICED },
    async follow() {
      writeProject({ 'src/a.ts': annotate(HEADER + PRICED, 'summarize', '// llm-advisor: calls=3000/day') });
      const call = site(await scan(), 'summarize');
      assert.equal(call.volume.source, 'annotation');
      assert.equal(call.volume.callsPerMonth, Math.round((3000 * 365) / 12));
      assert.doesNotMatch(await shownTexts(), /built-in default/, 'the assumption note is gone once every call has a volume');
    },
  },
  {
    name: 'default volume: "set real volumes in llm-usage.yml" (callSites entry)',
    text: /set (?:real|the real) volumes? in llm-usage\.yml/,
    shownBy: { 'src/a.ts': HEADER + PRICED },
    async follow() {
      const id = site(await scan(), 'summarize').id;
      writeProject({ 'src/a.ts': HEADER + PRICED, 'llm-usage.yml': `version: 1\ncallSites:\n  "${id}":\n    calls: 40000\n` });
      const call = site(await scan(), 'summarize');
      assert.equal(call.volume.source, 'usage-file');
      assert.equal(call.volume.callsPerMonth, 40000);
    },
  },
  {
    name: 'run-time prompt parts: "Override them with a // llm-advisor: comment above the call" (hole.<kind>=)',
    text: /Override them with a `\/\/ llm-advisor:` comment above the call or in `llm-usage\.yml`/,
    shownBy: { 'src/a.ts': HEADER + PRICED },
    async follow() {
      const before = site(await scan(), 'summarize');
      const hole = before.tokens.holes?.[0];
      assert.ok(hole, 'the call has a run-time hole');
      writeProject({ 'src/a.ts': annotate(HEADER + PRICED, 'summarize', `// llm-advisor: hole.${hole.kind}=4321`) });
      const after = site(await scan(), 'summarize');
      const changed = after.tokens.holes?.find((h) => h.kind === hole.kind);
      assert.equal(changed?.tokens, 4321);
      assert.equal(changed?.source, 'annotation');
      assert.ok(after.tokens.inputPerCall > before.tokens.inputPerCall);
    },
  },
  {
    name: 'run-time prompt parts: "... or in llm-usage.yml" (holeTokens)',
    text: /Override them with a `\/\/ llm-advisor:` comment above the call or in `llm-usage\.yml`/,
    shownBy: { 'src/a.ts': HEADER + PRICED },
    async follow() {
      const before = site(await scan(), 'summarize');
      const hole = before.tokens.holes![0];
      writeProject({ 'src/a.ts': HEADER + PRICED, 'llm-usage.yml': `version: 1\ncallSites:\n  "${before.id}":\n    holeTokens:\n      ${hole.kind}: 4321\n` });
      const changed = site(await scan(), 'summarize').tokens.holes?.find((h) => h.kind === hole.kind);
      assert.equal(changed?.tokens, 4321);
      assert.equal(changed?.source, 'usage-file');
    },
  },
  {
    name: 'unknown annotation key: "use task=, calls=, model=, hole.<kind>= or tokens.<kind>=" (each one parses)',
    text: /use task=, calls=, model=, hole\.<kind>= or tokens\.<kind>=/,
    shownBy: { 'src/a.ts': annotate(HEADER + PRICED, 'summarize', '// llm-advisor: colls=5') },
    async follow() {
      for (const pair of ['task=extraction', 'calls=20k/day', 'model=gpt-4o', 'hole.interpolation=100', 'tokens.text=100']) {
        const parsed = parseAnnotation(`// llm-advisor: ${pair}`, 1);
        assert.deepEqual(parsed.errors, [], pair);
      }
      writeProject({ 'src/a.ts': annotate(HEADER + PRICED, 'summarize', '// llm-advisor: task=extraction') });
      const call = site(await scan(), 'summarize');
      assert.equal(call.task.type, 'extraction');
      assert.equal(call.task.source, 'annotation');
    },
  },
  {
    name: 'task in llm-usage.yml ("task: overrides the inferred task", docs/usage-file.md)',
    text: /set (?:real|the real) volumes? in llm-usage\.yml/,
    shownBy: { 'src/a.ts': HEADER + PRICED },
    async follow() {
      const id = site(await scan(), 'summarize').id;
      writeProject({ 'src/a.ts': HEADER + PRICED, 'llm-usage.yml': `version: 1\ncallSites:\n  "${id}":\n    task: translation\n` });
      const call = site(await scan(), 'summarize');
      assert.equal(call.task.type, 'translation');
      assert.equal(call.task.source, 'usage-file');
    },
  },
  {
    name: 'unknown model: "add the line `// llm-advisor: model=...` directly above line N of FILE" (followed literally)',
    text: /add the line `\/\/ llm-advisor: model=[^`]+` \(with your model id\) directly above line \d+ of src\/b\.ts/,
    shownBy: { 'src/b.ts': HEADER + UNRESOLVED },
    async follow() {
      const printed = /add the line `(\/\/ llm-advisor: model=[^`]+)` \(with your model id\) directly above line (\d+) of (src\/b\.ts)/.exec(await shownTexts())!;
      const [, comment, line, file] = printed;
      const lines = (HEADER + UNRESOLVED).split('\n');
      lines.splice(Number(line) - 1, 0, comment);
      writeProject({ [file]: lines.join('\n') });
      const call = site(await scan(), 'answer');
      assert.equal(`// llm-advisor: model=${call.model.id}`, comment);
      assert.ok((call.monthlyUsdCurrent ?? 0) > 0, 'priced once the model is set');
    },
  },
  {
    name: 'unknown model: "in llm-usage.yml add under `callSites:` the entry ..." (followed literally)',
    text: /in llm-usage\.yml add under `callSites:` the entry `"[^"]+": \{model: "[^"]+"\}`/,
    shownBy: { 'src/b.ts': HEADER + UNRESOLVED },
    async follow() {
      const [, entry, model] = /in llm-usage\.yml add under `callSites:` the entry `("[^"]+": \{model: "([^"]+)"\})`/.exec(await shownTexts())!;
      writeProject({ 'src/b.ts': HEADER + UNRESOLVED, 'llm-usage.yml': `version: 1\ncallSites:\n  ${entry}\n` });
      const call = site(await scan(), 'answer');
      assert.equal(call.model.id, model);
      assert.ok((call.monthlyUsdCurrent ?? 0) > 0, 'priced once the model is set');
    },
  },
];

describe('hints: every printed instruction can be followed', function () {
  this.timeout(60000);
  let parent: string;
  before(() => {
    parent = mkdtempSync(path.join(os.tmpdir(), 'llmha-hints-'));
    workspace = path.join(parent, 'ws');
  });
  after(() => rmSync(parent, { recursive: true, force: true }));

  for (const hint of HINTS) {
    it(hint.name, async function () {
      writeProject(hint.shownBy);
      assert.match(await shownTexts(), hint.text, 'the product prints the instruction');
      const pending = hint.pendingUnless?.();
      if (pending) {
        console.log(`      pending: ${pending}`);
        this.skip();
      }
      await hint.follow();
    });
  }
});
