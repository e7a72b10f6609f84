/**
 * Activation must not load ts-morph or tiktoken (issue 6: activation under 50 ms). The scanner is
 * its own bundle, dist/scanner.js, required on the first scan. This loads the real
 * dist/extension.js on plain Node with a stand-in `vscode` module, activates it, and checks that
 * the scanner bundle was neither required nor inlined.
 * Skipped when dist/ has not been built (`npm run build`; `npm test` builds first).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as path from 'node:path';

const EXTENSION = path.resolve('dist', 'extension.js');
const SCANNER = path.resolve('dist', 'scanner.js');

/** A `vscode` stand-in: every property is a callable, constructible object that accepts anything. */
function universalStub(): unknown {
  const handler: ProxyHandler<() => void> = {
    get: (_t, key) => (key === Symbol.toPrimitive ? () => '' : key === 'then' ? undefined : proxy),
    apply: () => proxy,
    construct: () => proxy as object,
    set: () => true,
  };
  const proxy: unknown = new Proxy(function () {}, handler);
  return proxy;
}

describe('extension bundle: lazy activation', function () {
  before(function () {
    if (!existsSync(EXTENSION) || !existsSync(SCANNER)) this.skip();
  });

  it('the extension bundle is small and does not inline ts-morph or tiktoken', function () {
    const size = statSync(EXTENSION).size;
    assert.ok(size < 500_000, `dist/extension.js is ${size} bytes`);
    const text = readFileSync(EXTENSION, 'utf8');
    assert.ok(!text.includes('node_modules/ts-morph'), 'no ts-morph in dist/extension.js');
    assert.ok(!text.includes('node_modules/tiktoken'), 'no tiktoken in dist/extension.js');
    assert.ok(/"scanner\.js"/.test(text), 'the scanner is loaded from its own file at run time');
  });

  it('activate() does not require the scanner bundle (its time is printed; npm run bench:editor measures it)', function () {
    const stub = universalStub();
    // `import * as vscode` copies the module's own properties, so the module itself is a plain object.
    const vscodeModule = Object.fromEntries(
      ['window', 'workspace', 'commands', 'languages', 'env', 'extensions', 'Uri', 'EventEmitter', 'Disposable', 'Range', 'Position', 'Selection',
        'CodeLens', 'Hover', 'MarkdownString', 'ViewColumn', 'StatusBarAlignment', 'ProgressLocation', 'TextEditorRevealType', 'ConfigurationTarget',
        'TabInputWebview', 'CodeActionKind', 'CodeAction', 'EndOfLine', 'WorkspaceEdit'].map((name) => [name, stub]),
    );
    const mod = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
    const originalLoad = mod._load;
    mod._load = function (request: string, ...rest: unknown[]) {
      return request === 'vscode' ? vscodeModule : originalLoad.call(this, request, ...rest);
    };
    const req = createRequire(import.meta.url);
    try {
      delete req.cache[EXTENSION];
      delete req.cache[SCANNER];
      const started = performance.now();
      const ext = req(EXTENSION) as { activate: (ctx: unknown) => { activationMs: number; scannerLoadedAtActivation: boolean } };
      const loadMs = performance.now() - started;
      const api = ext.activate({ subscriptions: [], extensionUri: stub, globalStorageUri: stub });
      assert.equal(req.cache[SCANNER], undefined, 'dist/scanner.js not loaded by activation');
      assert.equal(api.scannerLoadedAtActivation, false);
      console.log(`      require(dist/extension.js) ${loadMs.toFixed(1)} ms, activate() ${api.activationMs.toFixed(1)} ms (stubbed vscode)`);
    } finally {
      mod._load = originalLoad;
    }
  });

  it('the scanner bundle loads on its own and exports what the extension calls', function () {
    const req = createRequire(import.meta.url);
    const scanner = req(SCANNER) as Record<string, unknown>;
    assert.equal(typeof scanner.scanWorkspace, 'function');
    assert.equal(typeof scanner.ScanCache, 'function');
    assert.equal(typeof scanner.renderMarkdownPlan, 'function');
    for (const name of ['applyWhatIf', 'whatIfChoices', 'parsePriceFile', 'parseStoredOverride', 'catalogWithOverride', 'ensureUsageFile', 'patchUsageFile', 'bundledCatalogAsOf']) {
      assert.equal(typeof scanner[name], 'function', `dist/scanner.js exports ${name}`);
    }
  });
});
