import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AdvisorOptions } from '../../../src/core/pricing/advisor';
import { ScanCache, scanWorkspace } from '../../../src/scan/scan';
import type { ScanResult } from '../../../src/model/types';

const EXAMPLE = path.resolve(__dirname, '..', '..', '..', 'examples', 'support-desk');
const NOW = () => new Date('2026-01-01T00:00:00Z');

/** Everything but the fields that say how the result was obtained (timing, cache use). */
function comparable(result: ScanResult): unknown {
  return { ...result, summary: { ...result.summary, durationMs: undefined, filesReusedFromCache: undefined, filesParsed: undefined } };
}

/**
 * A re-scan with a warm ScanCache reuses per-file analyses, per-call pricing, the workspace advice,
 * the usage file and the caller search. Whatever changed in between, its result must equal a scan
 * of the same files from scratch.
 */
describe('cached re-scan equals a fresh scan', () => {
  let root: string;
  let cache: ScanCache;
  let edits = 0;
  beforeEach(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'rescan-'));
    cpSync(EXAMPLE, root, { recursive: true });
    cache = new ScanCache();
    await scanWorkspace(root, { cache, now: NOW });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** Rewrites a file with a modification time no earlier write in this test can share. */
  function edit(relative: string, change: (text: string) => string): void {
    const file = path.join(root, relative);
    writeFileSync(file, change(readFileSync(file, 'utf8')));
    const later = new Date(Date.now() + ++edits * 5000);
    utimesSync(file, later, later);
  }

  async function assertSameAsFresh(advisorOptions?: AdvisorOptions): Promise<ScanResult> {
    const cached = await scanWorkspace(root, { cache, now: NOW, advisorOptions });
    const fresh = await scanWorkspace(root, { now: NOW, advisorOptions });
    assert.deepEqual(comparable(cached), comparable(fresh));
    return cached;
  }

  it('with nothing changed', async () => {
    const result = await assertSameAsFresh();
    assert.equal(result.summary.filesReusedFromCache, result.summary.filesScanned);
  });

  it('after inserting lines above the calls of a file (positions move, pricing does not)', async () => {
    edit('src/tickets/triage.ts', (text) => `// a comment\n\n${text}`);
    const result = await assertSameAsFresh();
    assert.deepEqual(result.callSites.filter((site) => site.file === 'src/tickets/triage.ts').map((site) => site.line), [10, 27]);
  });

  it('after inserting lines above a helper, the calls relaying to it keep their place and it keeps its price', async () => {
    const relayed = (result: ScanResult) => result.callSites.filter((site) => site.file === 'src/tickets/triage.ts' && site.relays?.some((relay) => relay.file === 'src/routes/tickets.ts'));
    const before = relayed(await scanWorkspace(root, { cache, now: NOW }));
    assert.ok(before.length >= 2, 'the example calls helpers of triage.ts from another file');
    edit('src/tickets/triage.ts', (text) => `// a comment\n\n${text}`);
    const after = relayed(await assertSameAsFresh());
    assert.deepEqual(after.map((site) => site.line), before.map((site) => site.line + 2), 'the helpers\' requests at their new lines');
    assert.deepEqual(after.map((site) => site.relays), before.map((site) => site.relays), 'the route\'s calls, unmoved');
    after.forEach((site, index) => assert.equal(site.monthlyUsdCurrent, before[index].monthlyUsdCurrent));
  });

  it('after changing a prompt and an annotation', async () => {
    edit('src/tickets/triage.ts', (text) => text.replace('calls=60000/month', 'calls=90000/month task=extraction').replace('in 3-5 bullet points', 'in one short paragraph of at most five sentences'));
    await assertSameAsFresh();
  });

  it('after a broken annotation (its warning is reported on every re-scan)', async () => {
    edit('src/tickets/triage.ts', (text) => text.replace('calls=60000/month', 'calls=lots'));
    const first = await assertSameAsFresh();
    const second = await assertSameAsFresh();
    assert.ok(first.diagnostics.some((d) => d.message.startsWith('llm-advisor comment:')));
    assert.deepEqual(second.diagnostics, first.diagnostics);
  });

  it('after changing a shared model constant that other files import', async () => {
    edit('src/llm/client.ts', (text) => text.replace(`smart: 'gpt-4o'`, `smart: 'claude-sonnet-4-5'`).replace(`fast: 'gpt-4o-mini'`, `fast: 'gpt-4.1-nano'`));
    const result = await assertSameAsFresh();
    assert.ok(result.callSites.some((site) => site.model.raw.includes('MODELS') && site.model.id !== 'gpt-4o'), 'the constant reached a call site');
  });

  it('after changing, removing and restoring llm-usage.yml', async () => {
    const original = readFileSync(path.join(root, 'llm-usage.yml'), 'utf8');
    edit('llm-usage.yml', (text) => text.replace('callsPerMonth: 20000', 'callsPerMonth: 2000000').replace('callsPerMonth: 10000', 'callsPerMonth: 500'));
    const changed = await assertSameAsFresh();
    assert.ok(changed.callSites.some((site) => site.volume.callsPerMonth === 2000000));
    rmSync(path.join(root, 'llm-usage.yml'));
    await assertSameAsFresh();
    writeFileSync(path.join(root, 'llm-usage.yml'), '');
    edit('llm-usage.yml', () => `${original}callSites:\n  "nowhere#nothing:create":\n    callsPerMonth: 5\n`);
    await assertSameAsFresh();
  });

  it('after changing the advisor options, and back', async () => {
    await assertSameAsFresh({ dataSensitivity: 'regulated' });
    await assertSameAsFresh({ dataSensitivity: 'regulated', fixedCostOverrides: { 'ml-engineering-managed': 1, 'infra-managed': 1 } });
    await assertSameAsFresh();
  });

  it('after a wrapper gets another caller and a call is added and removed', async () => {
    edit('src/routes/tickets.ts', (text) => `${text}\nexport async function again(t: IncomingTicket) {\n  return summarizeThread(t.thread);\n}\n`);
    const withCaller = await assertSameAsFresh();
    assert.ok(withCaller.callSites.some((site) => site.callers?.some((caller) => caller.file === 'src/routes/tickets.ts' && caller.line > 20)));
    edit('src/kb/policy.ts', (text) => `${text}\nexport async function extra() {\n  return new OpenAI().chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });\n}\n`);
    await assertSameAsFresh();
    edit('src/kb/policy.ts', (text) => text.slice(0, text.indexOf('\nexport async function extra()')));
    await assertSameAsFresh();
  });
  it('after a caller changes the model it passes to a helper that takes its model as a parameter, and back', async () => {
    edit('src/tickets/triage.ts', (text) => `${text}\n/** Answers with the model its caller picks. */\nexport async function askWithModel(model: string, question: string): Promise<string> {\n  const response = await openai.chat.completions.create({ model, messages: [{ role: 'user', content: question }] });\n  return response.choices[0].message.content ?? '';\n}\n`);
    edit('src/routes/tickets.ts', (text) => `${text.replace("import { classifyTicket, summarizeThread } from '../tickets/triage';", "import { askWithModel, classifyTicket, summarizeThread } from '../tickets/triage';")}\nexport async function handleQuestion(question: string) {\n  return askWithModel('gpt-4o', question);\n}\n`);
    const first = await assertSameAsFresh();
    const helperModel = (result: ScanResult) => result.callSites.find((site) => site.enclosingFunction === 'askWithModel' && site.kind !== 'wrapper-caller')?.model.id;
    assert.equal(helperModel(first), 'gpt-4o', 'the helper runs the model its caller passes');
    // Only the caller's file changes: the helper's file (and its cached analysis) stays as it was.
    edit('src/routes/tickets.ts', (text) => text.replace("askWithModel('gpt-4o', question)", "askWithModel('gpt-4.1-nano', question)"));
    assert.equal(helperModel(await assertSameAsFresh()), 'gpt-4.1-nano');
    edit('src/routes/tickets.ts', (text) => text.replace("askWithModel('gpt-4.1-nano', question)", "askWithModel('gpt-4o', question)"));
    assert.equal(helperModel(await assertSameAsFresh()), 'gpt-4o');
  });

  it('after a file the prefilter rules out starts and stops calling a model imported from another module, and that module changes', async () => {
    edit('src/llm/client.ts', (text) => `${text}\nimport { ChatOpenAI } from '@langchain/openai';\nexport const chatModel = new ChatOpenAI({ model: 'gpt-4o-mini' });\n`);
    edit('src/util/strings.ts', (text) => `import { chatModel } from '../llm/client';\n${text}\nexport async function shorten(text: string) {\n  return chatModel.invoke(\`Shorten: \${text}\`);\n}\n`);
    const first = await assertSameAsFresh();
    assert.ok(first.callSites.some((site) => site.file === 'src/util/strings.ts' && site.model.id === 'gpt-4o-mini'), 'the second pass found the call through the imported model');
    edit('src/llm/client.ts', (text) => text.replace("new ChatOpenAI({ model: 'gpt-4o-mini' })", "new ChatOpenAI({ model: 'gpt-4.1-nano' })"));
    const changed = await assertSameAsFresh();
    assert.ok(changed.callSites.some((site) => site.file === 'src/util/strings.ts' && site.model.id === 'gpt-4.1-nano'));
    edit('src/util/strings.ts', (text) => text.replace("import { chatModel } from '../llm/client';\n", '').replace(/\nexport async function shorten[\s\S]*$/, '\n'));
    const removed = await assertSameAsFresh();
    assert.ok(!removed.callSites.some((site) => site.file === 'src/util/strings.ts'));
  });

  /**
   * The callers of a helper as the result lists them: place, model, and how their arguments were bound (the evidence).
   * A caller handing the helper only values it is given, or the one call the app makes of a helper, is listed on the
   * helper's request (`relays`): it runs that request, with its model (the request is read through a helper's one
   * call), and has no evidence of its own here.
   */
  function callersOf(result: ScanResult, helper: string): Array<{ file: string; line: number; model: string | null; evidence: string }> {
    const sites = result.callSites
      .filter((site) => site.kind === 'wrapper-caller' && site.via?.function === helper)
      .map((site) => ({ file: site.file, line: site.line, model: site.model.id, evidence: site.evidence.join('\n') }));
    const relays = result.callSites
      .filter((site) => site.enclosingFunction === helper)
      .flatMap((site) => (site.relays ?? []).map((relay) => ({ file: relay.file, line: relay.line, model: site.model.id, evidence: '' })));
    return [...sites, ...relays].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  }

  it('after a helper is renamed and its import follows, and a file stops importing a helper', async () => {
    edit('src/tickets/triage.ts', (text) => text.replace('export async function summarizeThread(', 'export async function condenseThread('));
    edit('src/routes/tickets.ts', (text) => text.replace('classifyTicket, summarizeThread }', 'classifyTicket, condenseThread }').replace('await summarizeThread(ticket.thread)', 'await condenseThread(ticket.thread)'));
    const renamed = await assertSameAsFresh();
    assert.ok(callersOf(renamed, 'condenseThread').some((caller) => caller.file === 'src/routes/tickets.ts'));
    edit('src/routes/tickets.ts', (text) => text.replace("import { extractOrderDetails, translateReply } from '../tickets/extract';\n", '').replace('await extractOrderDetails(ticket.body)', 'undefined').replace(': translateReply(reply, language)', ': reply'));
    const unimported = await assertSameAsFresh();
    assert.ok(!unimported.callSites.some((site) => (site.kind === 'wrapper-caller' && site.via?.file === 'src/tickets/extract.ts') || (site.file === 'src/tickets/extract.ts' && site.relays?.length)));
  });

  it('after a model string in a call changes several times in a row (each save a new text)', async () => {
    for (const model of ['gpt-4.1-mini', 'claude-haiku-4-5', 'gpt-4o']) {
      edit('src/kb/policy.ts', (text) => text.replace(/model: '[^']+'/, `model: '${model}'`));
      const result = await assertSameAsFresh();
      assert.equal(result.callSites.find((site) => site.file === 'src/kb/policy.ts')?.model.id, model);
    }
  });
  /** Counts the re-scans that took the workspace-wide steps' result from the cache. */
  function countStepReuse(): { hits: number } {
    const counter = { hits: 0 };
    const lookup = cache.workspaceStep.lookup.bind(cache.workspaceStep);
    cache.workspaceStep.lookup = (...args) => {
      const found = lookup(...args);
      if (found) counter.hits++;
      return found;
    };
    return counter;
  }

  it('after saving files the caller search does not read (its result is reused), then one it reads', async () => {
    const reuse = countStepReuse();
    edit('src/util/strings.ts', (text) => `// a note\n${text}`);
    await assertSameAsFresh();
    edit('src/util/strings.ts', (text) => text.replace('// a note\n', '// another note\n'));
    await assertSameAsFresh();
    assert.equal(reuse.hits, 2, 'nothing the wrapper-caller search read changed');
    edit('src/routes/tickets.ts', (text) => text.replace('const summary = await summarizeThread(ticket.thread);', 'const summary = ticket.thread.length > 0 ? await summarizeThread(ticket.thread) : await summarizeThread(ticket.body);'));
    const changed = await assertSameAsFresh();
    assert.equal(reuse.hits, 2, 'a caller\'s file changed');
    assert.equal(callersOf(changed, 'summarizeThread').filter((caller) => caller.file === 'src/routes/tickets.ts' && caller.line === 15).length, 2, 'the new caller is found');
  });

  it('after a plain file starts calling a helper, and after tsconfig paths make its alias import resolve', async () => {
    edit('src/util/strings.ts', (text) => `import { summarizeThread } from '@app/tickets/triage';\n${text}\nexport async function brief(thread: string) {\n  return summarizeThread(thread);\n}\n`);
    const unresolved = await assertSameAsFresh();
    edit('tsconfig.json', (text) => text.replace('"compilerOptions": {', '"compilerOptions": {\n    "baseUrl": ".",\n    "paths": { "@app/*": ["src/*"] },'));
    const resolved = await assertSameAsFresh();
    const callersIn = (result: ScanResult) => callersOf(result, 'summarizeThread').filter((caller) => caller.file === 'src/util/strings.ts').length;
    assert.ok(callersIn(resolved) > callersIn(unresolved), 'the alias import binds the call to the helper once tsconfig maps it');
  });
  /** Counts, over the following re-scans, the caller search's text tests answered and those run afresh (the others came from the cache). */
  function countMentionTests(): { answered: number; run: number } {
    const counter = { answered: 0, run: 0 };
    const answer = cache.callerMentions.answer.bind(cache.callerMentions);
    cache.callerMentions.answer = (file, stampOf, pattern, test) => {
      counter.answered++;
      return answer(file, stampOf, pattern, () => (counter.run++, test()));
    };
    return counter;
  }


  it('after a helper\'s parameters swap roles (its unchanged caller now fills the other one), and back', async () => {
    // A caller adding words of its own is a call site, with the evidence of how its arguments were bound.
    edit('src/routes/tickets.ts', (text) => text.replace('classifyTicket(ticket.subject, ticket.body)', "classifyTicket(ticket.subject, 'Ticket body as written: ' + ticket.body)"));
    const before = callersOf(await assertSameAsFresh(), 'classifyTicket');
    assert.ok(before.some((caller) => caller.evidence.includes('prompt: subject passed as ticket.subject')), 'the caller passes the subject as the subject');
    edit('src/tickets/triage.ts', (text) => text.replace('classifyTicket(subject: string, body: string)', 'classifyTicket(body: string, subject: string)'));
    const swapped = callersOf(await assertSameAsFresh(), 'classifyTicket');
    assert.ok(swapped.some((caller) => /prompt: subject passed as .*ticket\.body/.test(caller.evidence)), 'the same call now passes the body as the subject');
    edit('src/tickets/triage.ts', (text) => text.replace('classifyTicket(body: string, subject: string)', 'classifyTicket(subject: string, body: string)'));
    assert.deepEqual(callersOf(await assertSameAsFresh(), 'classifyTicket'), before);
  });

  it('after a helper takes its model from a new parameter its unchanged caller does not pass, then one it passes', async () => {
    edit('src/tickets/triage.ts', (text) => text.replace('summarizeThread(thread: string)', 'summarizeThread(thread: string, model: string = MODELS.fast)').replace('model: MODELS.smart,', 'model,'));
    const defaulted = callersOf(await assertSameAsFresh(), 'summarizeThread');
    assert.ok(defaulted.length > 0 && defaulted.every((caller) => caller.model === 'gpt-4o-mini'), 'the caller leaves the model to its default');
    edit('src/routes/tickets.ts', (text) => text.replace('await summarizeThread(ticket.thread)', "await summarizeThread(ticket.thread, 'gpt-4.1-nano')"));
    const passed = callersOf(await assertSameAsFresh(), 'summarizeThread');
    assert.ok(passed.some((caller) => caller.model === 'gpt-4.1-nano'));
  });

  it('after a plain function of a helper file becomes a helper that an unchanged file already calls', async () => {
    // strings.ts calls condenseThread, a plain function of triage.ts: no helper of that name yet, so the text test says no.
    edit('src/tickets/triage.ts', (text) => `${text}\nexport function condenseThread(thread: string): string {\n  return thread.slice(0, 200);\n}\n`);
    edit('src/util/strings.ts', (text) => `import { condenseThread } from '../tickets/triage';\n${text}\nexport async function brief(thread: string) {\n  return condenseThread(thread);\n}\n`);
    const plain = await assertSameAsFresh();
    assert.deepEqual(callersOf(plain, 'condenseThread'), []);
    // Only triage.ts changes: condenseThread now makes a request, so the test of the unchanged strings.ts must be asked anew (new names).
    edit('src/tickets/triage.ts', (text) => text.replace('  return thread.slice(0, 200);', "  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: thread }] });"));
    const helper = await assertSameAsFresh();
    assert.deepEqual(callersOf(helper, 'condenseThread').map((caller) => caller.file), ['src/util/strings.ts']);
  });

  it('after a caller is added and removed in a file whose helper names stay the same', async () => {
    const before = callersOf(await assertSameAsFresh(), 'classifyTicket');
    edit('src/routes/tickets.ts', (text) => `${text}\nexport async function recheck(ticket: IncomingTicket) {\n  return classifyTicket(ticket.subject, ticket.thread);\n}\n`);
    const added = callersOf(await assertSameAsFresh(), 'classifyTicket');
    assert.equal(added.length, before.length + 1);
    edit('src/routes/tickets.ts', (text) => text.slice(0, text.indexOf('\nexport async function recheck(')));
    assert.deepEqual(callersOf(await assertSameAsFresh(), 'classifyTicket'), before);
  });

  it('after a file importing a helper starts calling it and stops, its imports unchanged', async () => {
    edit('src/util/strings.ts', (text) => `import { summarizeThread } from '../tickets/triage';\n${text}\nexport type Summarizer = typeof summarizeThread;\n`);
    const before = callersOf(await assertSameAsFresh(), 'summarizeThread');
    assert.ok(!before.some((caller) => caller.file === 'src/util/strings.ts'), 'the file names the helper but calls it nowhere');
    edit('src/util/strings.ts', (text) => `${text}\nexport async function brief(thread: string) {\n  return summarizeThread(thread);\n}\n`);
    const calling = callersOf(await assertSameAsFresh(), 'summarizeThread');
    assert.ok(calling.some((caller) => caller.file === 'src/util/strings.ts'), 'the new call is a caller');
    edit('src/util/strings.ts', (text) => text.slice(0, text.indexOf('\nexport async function brief(')));
    assert.deepEqual(callersOf(await assertSameAsFresh(), 'summarizeThread'), before);
  });

  it('after lines move above, between and below the helpers of the saved file', async () => {
    const before = await assertSameAsFresh();
    edit('src/tickets/triage.ts', (text) => `// one\n// two\n${text.replace('/** Condenses a long ticket thread', '// between\n/** Condenses a long ticket thread')}\n// below\n`);
    const moved = await assertSameAsFresh();
    const viaLines = (result: ScanResult, helper: string) => result.callSites.filter((site) => site.via?.function === helper).map((site) => site.via!.line);
    assert.deepEqual(viaLines(moved, 'classifyTicket'), viaLines(before, 'classifyTicket').map((line) => line + 2));
    assert.deepEqual(viaLines(moved, 'summarizeThread'), viaLines(before, 'summarizeThread').map((line) => line + 3));
    edit('src/tickets/triage.ts', (text) => text.replace('// one\n// two\n', '').replace('// between\n', ''));
    const back = await assertSameAsFresh();
    assert.deepEqual(viaLines(back, 'summarizeThread'), viaLines(before, 'summarizeThread'));
  });

  it('after an import alias is added, changed and removed in a caller\'s file', async () => {
    const before = callersOf(await assertSameAsFresh(), 'summarizeThread');
    edit('src/routes/tickets.ts', (text) => text.replace('classifyTicket, summarizeThread }', 'classifyTicket, summarizeThread as condense }').replace('await summarizeThread(ticket.thread)', 'await condense(ticket.thread)'));
    assert.deepEqual(callersOf(await assertSameAsFresh(), 'summarizeThread').map((caller) => caller.file), before.map((caller) => caller.file), 'the aliased call is still the caller');
    edit('src/routes/tickets.ts', (text) => text.replace('summarizeThread as condense }', 'summarizeThread as brief }').replace('await condense(ticket.thread)', 'await brief(ticket.thread)'));
    await assertSameAsFresh();
    // The alias names a function the helper file does not export: no caller.
    edit('src/routes/tickets.ts', (text) => text.replace('summarizeThread as brief }', 'summarizeThreads as brief }'));
    assert.deepEqual(callersOf(await assertSameAsFresh(), 'summarizeThread'), []);
    edit('src/routes/tickets.ts', (text) => text.replace('summarizeThreads as brief }', 'summarizeThread }').replace('await brief(ticket.thread)', 'await summarizeThread(ticket.thread)'));
    assert.deepEqual(callersOf(await assertSameAsFresh(), 'summarizeThread'), before);
  });

  it('keeps nothing from a scan of unsaved texts for later re-scans', async () => {
    const routes = path.join(root, 'src/routes/tickets.ts');
    const saved = readFileSync(routes, 'utf8');
    const unsaved = new Map([[routes, saved.replace('await summarizeThread(ticket.thread)', 'ticket.thread')]]);
    const typed = await scanWorkspace(root, { cache, now: NOW, unsaved });
    assert.deepEqual(callersOf(typed, 'summarizeThread'), [], 'the unsaved text calls no helper');
    assert.ok(callersOf(await assertSameAsFresh(), 'summarizeThread').length > 0, 'the saved text still does');
  });

  it('re-asks the text test only of the files a save changed, and equals a fresh scan', async () => {
    const tests = countMentionTests();
    edit('src/tickets/triage.ts', (text) => `// a note\n${text}`);
    await assertSameAsFresh();
    assert.ok(tests.answered > 0, 'a save of a helper file runs the caller search');
    assert.ok(tests.run < tests.answered, `the unchanged files' answers are reused (${tests.run} of ${tests.answered} run)`);
  });
});
