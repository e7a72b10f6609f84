import * as assert from 'node:assert/strict';
import { Project, SyntaxKind, type Node } from 'ts-morph';
import { keepTreeForLaterLooks, parseIntoProject, releaseTreesKeptForLaterLooks, removeAnalyzedFile } from '../../../src/analyzers/shared/parse';

describe('parseIntoProject', () => {
  const project = () => new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });

  it('adds the module to the project under its path, as createSourceFile would', () => {
    const target = project();
    const file = parseIntoProject(target, '/ws/src/a.ts', `export const MODEL = 'gpt-4o';\n`);
    assert.equal(file.getFilePath(), '/ws/src/a.ts');
    assert.equal(target.getSourceFile('/ws/src/a.ts'), file);
    assert.equal(file.getVariableDeclarationOrThrow('MODEL').getInitializerOrThrow().getText(), `'gpt-4o'`);
    assert.equal(file.getFirstDescendantByKindOrThrow(SyntaxKind.StringLiteral).getParentOrThrow().getKind(), SyntaxKind.VariableDeclaration, 'parents are set');
  });

  it('replaces a module parsed earlier (an analyzed file that was first followed as an import)', () => {
    const target = project();
    parseIntoProject(target, '/ws/src/a.ts', `export const MODEL = 'gpt-4o';\n`);
    const again = parseIntoProject(target, '/ws/src/a.ts', `export const MODEL = 'gpt-4o-mini';\n`);
    assert.equal(target.getSourceFiles().length, 1);
    assert.equal(target.getSourceFileOrThrow('/ws/src/a.ts'), again);
    assert.equal(again.getVariableDeclarationOrThrow('MODEL').getInitializerOrThrow().getText(), `'gpt-4o-mini'`);
  });

  it('skips JSDoc (no analyzer reads it) and reports lines as createSourceFile does, also after a byte-order mark', () => {
    const text = `\ufeff/** Summarizes. @param text the input */\nexport function summarize(text: string) {\n  return client.create(text);\n}\n`;
    const ours = parseIntoProject(project(), '/ws/a.ts', text);
    const theirs = project().createSourceFile('/ws/a.ts', text);
    assert.equal(ours.getFunctionOrThrow('summarize').getJsDocs().length, 0);
    assert.equal(theirs.getFunctionOrThrow('summarize').getJsDocs().length, 1);
    const position = (file: typeof ours) => {
      const call = file.getFirstDescendantByKindOrThrow(SyntaxKind.CallExpression);
      return [call.getStartLineNumber(), call.getStart() - call.getStartLinePos()];
    };
    assert.deepEqual(position(ours), position(theirs));
  });

  describe('trees kept for later looks', () => {
    const helper = `import OpenAI from 'openai';\nexport function summarize(text: string) {\n  return new OpenAI().chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });\n}\n`;
    /** Parses (and removes) over 1 M characters of other modules: past the bound of the recent trees, which then no longer hold the helper's. */
    const parseOtherModules = (target: Project) => {
      for (const name of ['b', 'c']) removeAnalyzedFile(target, parseIntoProject(target, `/ws/src/${name}.ts`, `export const ${name.toUpperCase()} = 1;\n${'// filler\n'.repeat(60_000)}`));
    };
    afterEach(releaseTreesKeptForLaterLooks);

    it('gives a kept tree back to a later parse of the same text, after the recent trees moved on, until released', () => {
      const target = project();
      const analyzed = parseIntoProject(target, '/ws/src/helper.ts', helper);
      const tree = analyzed.compilerNode;
      keepTreeForLaterLooks(analyzed);
      removeAnalyzedFile(target, analyzed);
      parseOtherModules(target);
      const again = parseIntoProject(target, '/ws/src/helper.ts', helper);
      assert.equal(again.compilerNode, tree, 'the kept tree');
      assert.equal(again.getFunctionOrThrow('summarize').getFirstDescendantByKindOrThrow(SyntaxKind.CallExpression).getText().startsWith('new OpenAI()'), true);
      removeAnalyzedFile(target, again);
      releaseTreesKeptForLaterLooks();
      parseOtherModules(target);
      assert.notEqual(parseIntoProject(target, '/ws/src/helper.ts', helper).compilerNode, tree, 'parsed again once released');
    });

    it('never gives a kept tree for other text under the same path', () => {
      const target = project();
      const analyzed = parseIntoProject(target, '/ws/src/helper.ts', helper);
      const tree = analyzed.compilerNode;
      keepTreeForLaterLooks(analyzed);
      removeAnalyzedFile(target, analyzed);
      const edited = parseIntoProject(target, '/ws/src/helper.ts', helper.replace('gpt-4o', 'gpt-4o-mini'));
      assert.notEqual(edited.compilerNode, tree);
      assert.match(edited.getFullText(), /gpt-4o-mini/);
    });
  });

  describe('removeAnalyzedFile', () => {
    const text = `// the client\nimport OpenAI from 'openai';\nconst client = new OpenAI();\nexport class Summarizer {\n  // one request\n  async run(text: string) {\n    /* the model */\n    return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });\n  }\n}\n`;

    /** Wraps nodes the ways analyzers do: descendants by kind, children lists (syntax lists, tokens, comment nodes), a node by position. */
    const wrapAll = (file: ReturnType<typeof parseIntoProject>) => {
      const wrapped: Node[] = [...file.getDescendantsOfKind(SyntaxKind.CallExpression), ...file.getDescendantsOfKind(SyntaxKind.StringLiteral)];
      wrapped.push(...file.getChildren(), ...file.getStatementsWithComments());
      const method = file.getClassOrThrow('Summarizer').getMethodOrThrow('run');
      wrapped.push(method, ...method.getChildren(), ...method.getBodyOrThrow().getChildSyntaxListOrThrow().getChildren());
      wrapped.push(file.getDescendantAtPos(text.indexOf('gpt-4o'))!);
      return wrapped;
    };

    it('forgets every wrapper of the file and takes it out of the project, as removeSourceFile does', () => {
      const target = project();
      const kept = parseIntoProject(target, '/ws/src/model.ts', `export const MODEL = 'gpt-4o';\n`);
      const keptNode = kept.getFirstDescendantByKindOrThrow(SyntaxKind.StringLiteral);
      const file = parseIntoProject(target, '/ws/src/a.ts', text);
      const wrapped = wrapAll(file);
      assert.ok(wrapped.some((node) => node.getKind() === SyntaxKind.SyntaxList) && wrapped.some((node) => node.getKindName().endsWith('CommentTrivia')), 'the test wraps syntax lists and comment nodes');
      removeAnalyzedFile(target, file);
      assert.ok(file.wasForgotten());
      assert.deepEqual(wrapped.filter((node) => !node.wasForgotten()).map((node) => node.getKindName()), []);
      assert.deepEqual(target.getSourceFiles().map((source) => source.getFilePath()), ['/ws/src/model.ts']);
      assert.equal(keptNode.wasForgotten(), false, 'other files keep their wrappers');
      removeAnalyzedFile(target, file);
    });

    it('leaves the same tree usable in a later parse of the same text', () => {
      const target = project();
      const first = parseIntoProject(target, '/ws/src/a.ts', text);
      wrapAll(first);
      removeAnalyzedFile(target, first);
      const again = parseIntoProject(target, '/ws/src/a.ts', text);
      assert.deepEqual(wrapAll(again).map((node) => node.getText()), wrapAll(project().createSourceFile('/ws/src/a.ts', text)).map((node) => node.getText()));
    });
  });
});
