import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeText, createAnalysisProject } from '../../../src/scan/analyze';
import { scanWorkspace } from '../../../src/scan/scan';
import { declaredEntries } from '../../../src/analyzers/shared/modules';

describe('ModuleLoader resolution cache', () => {
  it('records a followed module as a dependency of every file that follows it, also when resolved from the cache', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'modules-test-'));
    try {
      mkdirSync(path.join(root, 'src'));
      const models = path.join(root, 'src', 'models.ts');
      writeFileSync(models, `export const MODEL = 'claude-haiku-4-5';\n`);
      const caller = (name: string) => `import Anthropic from '@anthropic-ai/sdk';\nimport { MODEL } from './models';\nexport const ${name} = () => new Anthropic().messages.create({ model: MODEL, max_tokens: 5, messages: [] });\n`;
      const context = createAnalysisProject(root);
      for (const name of ['a', 'b']) {
        const file = path.join(root, 'src', `${name}.ts`);
        const result = analyzeText({ absolutePath: file, relativePath: `src/${name}.ts` }, caller(name), context);
        assert.equal(result.calls[0]?.model.id, 'claude-haiku-4-5', `${name}: model resolved through ./models`);
        assert.deepEqual(result.dependencies, [models], `${name}: dependencies`);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('ModuleLoader: names looked up through `export * from` barrels', () => {
  it('parses a module a barrel passes on only when its text may hold the name, and still finds names a nested barrel passes on', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'modules-test-'));
    try {
      const files: Record<string, string> = {
        'src/shared/index.ts': `export * from './dates';\nexport * from './money';\nexport * from './llm';\n`,
        'src/shared/dates.ts': `export const formatDate = (date: Date) => date.toISOString();\n`,
        'src/shared/money.ts': `export const formatMoney = (cents: number) => (cents / 100).toFixed(2);\n`,
        'src/shared/llm/index.ts': `export * from './models';\n`,
        'src/shared/llm/models.ts': `export const SUMMARY_MODEL = 'claude-haiku-4-5';\n`,
      };
      for (const [relative, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
        writeFileSync(path.join(root, relative), text);
      }
      const context = createAnalysisProject(root);
      const caller = `import Anthropic from '@anthropic-ai/sdk';\nimport { SUMMARY_MODEL } from './shared';\nexport const summarize = () => new Anthropic().messages.create({ model: SUMMARY_MODEL, max_tokens: 5, messages: [] });\n`;
      const result = analyzeText({ absolutePath: path.join(root, 'src', 'summarize.ts'), relativePath: 'src/summarize.ts' }, caller, context);
      assert.equal(result.calls[0]?.model.id, 'claude-haiku-4-5', 'the model, two barrels down');
      const parsed = (relative: string) => context.project.getSourceFile(path.join(root, relative)) !== undefined;
      assert.deepEqual({ dates: parsed('src/shared/dates.ts'), money: parsed('src/shared/money.ts'), models: parsed('src/shared/llm/models.ts') }, { dates: false, money: false, models: true }, 'which modules were parsed');
      // Read to decide, so a change there (a module that starts exporting the name) voids a kept analysis.
      assert.ok(result.dependencies.includes(path.join(root, 'src/shared/dates.ts')), `dependencies: ${result.dependencies.join(', ')}`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/** Table-driven scans of fixture projects on disk: a model id stated in another module reached through a non-relative specifier. */
describe('ModuleLoader: SvelteKit $lib, WXT and Nuxt aliases, subpath imports and workspace packages', () => {
  const fixtures = path.join(__dirname, '..', '..', 'fixtures', 'module-resolution');
  const cases: Array<{ name: string; fixture: string; models: Record<string, string | null> }> = [
    { name: 'SvelteKit: $lib is src/lib when svelte.config.* exists and no tsconfig maps it', fixture: 'sveltekit', models: { 'src/routes/title.ts:3': 'claude-haiku-4-5' } },
    { name: 'SvelteKit: $lib is the kit.files.lib the config states', fixture: 'sveltekit-files-lib', models: { 'src/routes/title.ts:3': 'claude-sonnet-4-5' } },
    { name: 'no svelte.config: $lib is not resolved (it names no module)', fixture: 'no-svelte', models: { 'src/routes/title.ts:3': null } },
    {
      name: "WXT: `@/` is the srcDir its config states and `@@/` the project (the tsconfig extends .wxt/tsconfig.json, which `wxt prepare` writes and a checkout lacks)",
      fixture: 'wxt',
      models: { 'src/background/summarize.ts:4': 'claude-haiku-4-5', 'src/background/summarize.ts:5': 'claude-sonnet-4-5' },
    },
    { name: 'WXT without a srcDir: `~/` is the project itself', fixture: 'wxt-root', models: { 'entrypoints/summarize.ts:3': 'claude-haiku-4-5' } },
    {
      name: "Nuxt: `@/` and `~/` are the project (Nuxt 3) or its app/ folder (Nuxt 4), tried in that order (the tsconfig extends .nuxt/tsconfig.json, which `nuxi prepare` writes and a checkout lacks)",
      fixture: 'nuxt',
      models: { 'server/api/title.post.ts:4': 'claude-haiku-4-5', 'server/api/title.post.ts:5': 'claude-sonnet-4-5' },
    },
    { name: "a tsconfig's baseUrl resolves bare paths below it (`from 'src/config/models'`), a package's name still names the package", fixture: 'baseurl', models: { 'src/services/title.ts:4': 'claude-haiku-4-5' } },
    {
      name: "package.json subpath imports: `#root/*` patterns (the app's own fetch wrapper) and an exact `#models` entry given per condition",
      fixture: 'subpath-imports',
      models: { 'src/providers/deepinfra.js:5': 'meta-llama/Meta-Llama-3.1-70B-Instruct' },
    },
    {
      name: 'workspace packages by package.json name: exports pointing at an unbuilt dist fall back to src; main at lib/ falls back to src',
      fixture: 'monorepo',
      models: { 'apps/api/src/chat.ts:4': 'gpt-4o-mini', 'apps/api/src/chat.ts:5': 'gpt-3.5-turbo', 'packages/ai/src/embed/embed.ts:7': 'text-embedding-3-small' },
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const result = await scanWorkspace(path.join(fixtures, testCase.fixture), { now: () => new Date(0) });
      const actual: Record<string, string | null> = {};
      for (const site of result.callSites) if (site.kind !== 'wrapper-caller') actual[`${site.file}:${site.line}`] = site.model.id;
      assert.deepEqual(actual, testCase.models);
    });
  }
});

describe("callers through a tsconfig baseUrl's bare paths", () => {
  it("finds the caller of a helper imported by a path below the baseUrl (`from 'src/services/title'`)", async () => {
    const result = await scanWorkspace(path.join(__dirname, '..', '..', 'fixtures', 'module-resolution', 'baseurl'), { now: () => new Date(0) });
    // The command is the helper's one caller: found, it is listed on the helper's request (which reads its prompt), not a site of its own.
    assert.deepEqual(result.callSites.filter((site) => site.kind === 'wrapper-caller').map((site) => `${site.file}:${site.line}`), []);
    const request = result.callSites.find((site) => site.file === 'src/services/title.ts' && site.line === 4);
    assert.ok(request, JSON.stringify(result.callSites.map((site) => `${site.file}:${site.line}`)));
    assert.deepEqual(request.relays, [{ file: 'src/commands/titleCommand.ts', line: 2 }]);
    assert.match(request.promptPreview ?? '', /Write a title for this note/);
  });
});

describe('declaredEntries', () => {
  const cases: Array<{ name: string; manifest: Parameters<typeof declaredEntries>[0]; sub: string | undefined; expected: string[] }> = [
    { name: 'subpath with conditions, types first', manifest: { exports: { './embed': { import: './dist/embed.js', types: './dist/embed.d.ts' } } }, sub: 'embed', expected: ['./dist/embed.d.ts', './dist/embed.js'] },
    { name: 'a subpath pattern', manifest: { exports: { './tools/*': './src/tools/*.ts' } }, sub: 'tools/search', expected: ['./src/tools/search.ts'] },
    { name: 'the package itself: exports string, then types and main', manifest: { exports: './src/index.ts', types: './dist/index.d.ts', main: './dist/index.js' }, sub: undefined, expected: ['./src/index.ts', './dist/index.d.ts', './dist/index.js'] },
    { name: 'a subpath the exports map does not list gives nothing', manifest: { exports: { '.': './src/index.ts' } }, sub: 'internal', expected: [] },
  ];
  for (const testCase of cases) it(testCase.name, () => assert.deepEqual(declaredEntries(testCase.manifest, testCase.sub), testCase.expected));
});

describe('ModuleLoader.dependentsOfPackagesHolding', () => {
  const root = path.join(__dirname, '..', '..', 'fixtures', 'wrapper-callers', 'workspace-library');
  it('names the workspace packages whose package.json depends on the package holding a file (not the ones that do not)', () => {
    const { modules } = createAnalysisProject(root);
    assert.deepEqual([...modules.dependentsOfPackagesHolding([path.join(root, 'lib', 'src', 'translator.ts')])], [['chatlib', [path.join(root, 'examples', 'math')]]]);
  });
  it('a file in no workspace package, or in a package nothing depends on, has no dependents', () => {
    const { modules } = createAnalysisProject(root);
    assert.equal(modules.dependentsOfPackagesHolding([path.join(root, 'examples', 'i18n', 'src', 'main.ts'), path.join(root, 'README.md')]).size, 0);
  });
});

describe('ModuleLoader: a workspace opened through a symbolic link', () => {
  it("reads the workspace's own config JSON (it is inside the workspace's real path, not outside it)", async () => {
    const real = mkdtempSync(path.join(os.tmpdir(), 'linked-workspace-'));
    const linkParent = mkdtempSync(path.join(os.tmpdir(), 'workspace-link-'));
    const link = path.join(linkParent, 'app');
    try {
      mkdirSync(path.join(real, 'src'));
      writeFileSync(path.join(real, 'src', 'config.json'), JSON.stringify({ model: 'gpt-4o-mini' }));
      writeFileSync(path.join(real, 'src', 'llm.ts'), `import OpenAI from 'openai';\nimport config from './config.json';\nconst openai = new OpenAI();\nexport const ask = (q: string) => openai.chat.completions.create({ model: config.model, messages: [{ role: 'user', content: q }] });\n`);
      symlinkSync(real, link, 'dir');
      const result = await scanWorkspace(link);
      assert.deepEqual(result.callSites.map((site) => site.model.id), ['gpt-4o-mini'], JSON.stringify(result.diagnostics));
    } finally {
      rmSync(linkParent, { recursive: true, force: true });
      rmSync(real, { recursive: true, force: true });
    }
  });
});
