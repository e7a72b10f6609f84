/**
 * The caller search parses a file only when its text names a helper in a way that may be a call. The gate
 * must never turn away a file in which the parser finds a call of the name: `function name(` and a method's
 * `async name(` are declarations, anything else is parsed.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ts } from 'ts-morph';
import { helperMention, mentionsBesidesDeclarations } from '../../../src/analyzers/shared/wrapperCallers';

const mayCall = (text: string, names: readonly string[] = ['process']): boolean => mentionsBesidesDeclarations(text, helperMention(names));

/** Whether the parser finds a call `name(...)` or `x.name(...)` in the text. */
function parsedCallOf(text: string, name: string): boolean {
  const file = ts.createSourceFile('caller.ts', text, ts.ScriptTarget.Latest, true);
  let found = false;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const called = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      if (called === name) found = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('the caller search gate before parsing', () => {
  const table: Array<[string, string, boolean]> = [
    ['a method declaring the name', 'class Worker { async process(job: Job) { return job; } }', false],
    ['a function declaring it', 'export async function process(input: string): Promise<void> {}', false],
    ['a generator declaring it', 'function* process() {}\nfunction *process() {}', false],
    ['a declaration and a call', 'class W { async process(job) {} }\nawait worker.process(job);', true],
    ['a call', 'const out = await process(input);', true],
    ['a branch of a conditional (a chooser const calls it)', "const run = fast ? process : processSlowly;\nawait run(job);", true],
    ['the other branch of a conditional, at a line end', "const run = fast\n  ? processQuickly\n  : process\nawait run(job);", true],
    ['an object literal key and a type member of the name', 'const flags = { process: true };\ntype Steps = { process: string };', false],
    ['a call with type arguments', 'process<string>(input);', true],
    ['a call with nested type arguments over lines', 'await context.process<{\n  hasTodos: boolean;\n  todos: Array<{ task: string; when: Map<string, Date> }>;\n}>({ prompt });', true],
    ['the end of a longer name, with a letter, a digit, _ or $ before it', 'reprocess(a); v2process(b); _process(c); $process(d);', false],
    ['the end of a longer name, then the name itself', 'preprocess(a);\nprocess(b);', true],
    ['the name at the very start of the text', 'process(input);', true],
    ['an aliased import', "import { process as run } from './helper';", true],
    ['a call of a member named async', 'client.async process(x)', true],
    ['a call after a line ending in async', 'const mode = async\nprocess(x);', true],
    ['a call after a comment ending in function', '// the function\nprocess(x);', true],
    ['a member called async on the line before', 'x.\n  async process(job)', true],
    ['a name only in other words', 'const processed = reprocess.value; process.env.KEY;', false],
  ];
  for (const [what, text, expected] of table) {
    it(`${what}: ${expected ? 'parsed' : 'skipped'}`, () => {
      assert.equal(mayCall(text), expected);
    });
  }

  // Outside a class, `async process(x)` is a syntax error the parser recovers from by reading a call: only texts
  // that parse without errors are held to the rule.
  it('never skips a text that parses cleanly and in which the parser finds a call of the name', () => {
    const statements = ['class C { async process(x) {} }', 'const o = { async process(x) { return x; } };', 'function process(x) {}', 'async function process() {}', 'function* process() {}', 'process(x);', 'x.process(x);', 'await x.process(x);', 'const async = 1;', 'x.async;', 'const f = async (process) => process;', '// async', '// function', '/* async */', "const s = 'async process(x)';", 'const t = `async ${process(x)}`;', 'async', 'class D { static async process() {} process(y) { return this.process(y); } }', 'x.async\nprocess(x);', 'const g = function process() {};', 'export default async function process() {}'];
    const separators = ['\n', ' ', ';\n', '\t', '\n\n'];
    let checked = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...statements), fc.constantFrom(...separators)), { maxLength: 6 }), (parts) => {
        const text = parts.map(([statement, separator]) => statement + separator).join('');
        const file = ts.createSourceFile('caller.ts', text, ts.ScriptTarget.Latest, true) as ts.SourceFile & { parseDiagnostics: unknown[] };
        if (file.parseDiagnostics.length > 0 || !parsedCallOf(text, 'process')) return;
        checked++;
        assert.ok(mayCall(text), `skipped ${JSON.stringify(text)}`);
      }),
      { numRuns: 2000 },
    );
    assert.ok(checked > 100, `only ${checked} texts held a call`);
  });
});
