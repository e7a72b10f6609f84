/**
 * The name the code gives a request's reply (replyNameOf), read as a task hint: `const summary = await generateText(...)`,
 * `query = response.content.toString()`. Table-driven: each case is the source around a request marked `/*call*\/`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Node, Project, SyntaxKind } from 'ts-morph';
import { replyNameOf } from '../../../src/analyzers/shared/replyName';
import { scanWorkspace } from '../../../src/scan/scan';

const MARK = '/*call*/';

function replyNameIn(source: string): string | undefined {
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
  const file = project.createSourceFile('/ws/reply.ts', source);
  const at = source.indexOf(MARK) + MARK.length;
  const call = file.getDescendantsOfKind(SyntaxKind.CallExpression).find((candidate) => candidate.getStart() === at);
  assert.ok(call && Node.isCallExpression(call), `no call right after ${MARK}`);
  return replyNameOf(call);
}

const cases: Array<{ name: string; source: string; expected: string | undefined }> = [
  { name: 'a const holding the awaited reply', source: `async function f() { const summary = await /*call*/generateText({ prompt }); }`, expected: 'summary' },
  { name: "a const holding the reply's text", source: `async function f() { const title = (await /*call*/llm.invoke(p)).content.toString().trim(); }`, expected: 'title' },
  { name: "a renamed field of the reply", source: `async function f() { const { object: verdict } = await /*call*/generateObject({ schema }); }`, expected: 'verdict' },
  { name: 'a reply with a default for when it is missing', source: `async function f() { const title = (await /*call*/generateText(p)).text ?? 'Untitled'; }`, expected: 'title' },
  { name: 'an assignment to a member', source: `class A { async run() { this.keywords = await /*call*/complete(p); } }`, expected: 'keywords' },
  { name: 'a property of an object literal', source: `async function f() { return { category: await /*call*/classify(p) }; }`, expected: 'category' },
  { name: 'a reply-only name, then the name its text is stored under', source: `async function f() { let query = q; const response = await /*call*/model.invoke(p); query = response.content.toString(); return search(query); }`, expected: 'query' },
  { name: 'a reply-only name, then a const read off it', source: `async function f() { const completion = await /*call*/openai.chat.completions.create(body); const sql = completion.choices[0].message.content; }`, expected: 'sql' },
  { name: 'a reply-only name put into a result object only: nothing (the field names how the app passes it on)', source: `async function f() { const result = await /*call*/generateText(p); return { reasoning: result.text }; }`, expected: undefined },
  { name: 'a reply-only name read nowhere under a name of its own', source: `async function f() { const response = await /*call*/generateText(p); return response.text; }`, expected: undefined },
  { name: 'a destructured field the reply does not have by that name', source: `async function f() { const { extract } = await /*call*/helper(p); }`, expected: undefined },
  { name: 'a property named like the reply variable is not a read of it', source: `async function f() { const response = await /*call*/generateText(p); const label = other.response; }`, expected: undefined },
  { name: 'a returned reply has no name', source: `async function f() { return await /*call*/generateText(p); }`, expected: undefined },
  { name: 'a reply passed straight on has no name', source: `async function f() { send(await /*call*/generateText(p)); }`, expected: undefined },
];

describe('the name the code gives a reply (replyNameOf)', () => {
  for (const { name, source, expected } of cases) {
    it(name, () => assert.equal(replyNameIn(source), expected));
  }
});

describe('a reply name in a scan', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'reply-name-'));
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'reply-name', dependencies: { openai: '^4.0.0' } }));
    fs.writeFileSync(
      path.join(root, 'search.ts'),
      [
        "import OpenAI from 'openai';",
        'const openai = new OpenAI();',
        'declare function searchIndex(query: string): Promise<string[]>;',
        'export async function answerWithSources(history: string, question: string) {',
        '  let query = question;',
        "  const response = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `${history}\\n${question}` }] });",
        "  query = response.choices[0].message.content ?? '';",
        '  return searchIndex(query);',
        '}',
        '',
      ].join('\n'),
    );
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is a task hint with its reason: a reply stored as the query the code searches with is query generation', async () => {
    const result = await scanWorkspace(root);
    assert.equal(result.callSites.length, 1);
    const task = result.callSites[0].task;
    assert.equal(task.type, 'query-generation', JSON.stringify(task));
    assert.ok(task.reasons.some((reason) => reason.includes('reply name `query`')), task.reasons.join('; '));
  });
});
