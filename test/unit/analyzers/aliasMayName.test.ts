/**
 * The caller search tests every alias specifier of a workspace against all helper modules at once
 * (`aliasMayNameAny`); its answers must be those of `aliasMayName` asked file by file.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { aliasMayName, aliasMayNameAny } from '../../../src/analyzers/shared/wrapperCallers';

const HELPERS = ['packages/documents/src/embed/embed.ts', 'apps/api/src/lib/llm/index.ts', 'src/lib/ai.mts', 'packages/ui/src/button.tsx'];

describe('alias specifiers against many helper files', () => {
  const table: Array<[string, boolean]> = [
    ['@midday/documents/embed', true],
    ['@midday/ui', true],
    ['@midday/jobs/tasks', false],
    ['~/lib/llm', true],
    ['@/lib/llm/index', true],
    ['$lib/ai.mjs', true],
    ['#/embed/embed.js', true],
    ['~/lib/other', false],
    ['~/', false],
    ['@/button', true],
    // A bare path under a tsconfig baseUrl names the file at that whole path; a package's subpath names none.
    ['src/lib/ai', true],
    ['apps/api/src/lib/llm', true],
    ['lib/llm', true],
    ['lib/other', false],
    ['next/server', false],
    // A named alias (`"app/*": ["src/*"]`, voyager-ai-travel's server): the path past its first segment, when two or more are left.
    ['app/lib/llm/index.js', true],
    ['server/lib/other/index', false],
    ['next/dist/server', false],
    // A scoped-looking alias of the tsconfig (`"@llm/*": ["src/modules/llm/*"]`, nest-langgraph-ai's `@llm/llm.provider`):
    // the path past its scope names a file whose path ends so.
    ['@llm/ai', true],
    ['@llm/ai.mjs', true],
    ['@llm/other', false],
  ];
  for (const [specifier, expected] of table) {
    it(`${specifier} ${expected ? 'may name' : 'names none of'} the helpers`, () => {
      assert.equal(aliasMayNameAny(HELPERS)(specifier), expected);
      assert.equal(HELPERS.some((helper) => aliasMayName(specifier, helper)), expected);
    });
  }

  it('answers as aliasMayName file by file for arbitrary paths and specifiers', () => {
    const segment = fc.constantFrom('src', 'lib', 'llm', 'index', 'ui', 'ai', 'documents', 'embed', 'a.b', '-x');
    const relativePath = fc.tuple(fc.array(segment, { maxLength: 4 }), segment, fc.constantFrom('.ts', '.tsx', '.mjs', '.js', '')).map(([folders, name, extension]) => [...folders, name + extension].join('/'));
    const specifier = fc.tuple(fc.constantFrom('~/', '@/', '#/', '$lib/', '@org/', '@a.b/', 'src/', 'lib/'), fc.array(segment, { maxLength: 3 }), fc.constantFrom('', '.ts', '.js')).map(([alias, parts, extension]) => alias + parts.join('/') + (parts.length > 0 ? extension : ''));
    fc.assert(
      fc.property(fc.array(relativePath, { maxLength: 6 }), fc.array(specifier, { minLength: 1, maxLength: 6 }), (paths, specifiers) => {
        const any = aliasMayNameAny(paths);
        return specifiers.every((candidate) => any(candidate) === paths.some((relative) => aliasMayName(candidate, relative)));
      }),
      { seed: 20261201, numRuns: 2000 },
    );
  });
});
