import * as assert from 'node:assert/strict';
import { Project, SyntaxKind } from 'ts-morph';
import { parseIntoProject } from '../../../src/analyzers/shared/parse';

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
});
