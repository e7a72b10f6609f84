/**
 * Activation must not load ts-morph or tiktoken (issue 6: activation under 50 ms). The scanner is
 * its own bundle, dist/scanner.js, loaded on the scanner thread (dist/scannerThread.js) once
 * activate() has returned; what the extension host runs itself is dist/advisor.js, without ts-morph.
 * This loads the real dist/extension.js on plain Node with a stand-in `vscode` module, activates it,
 * and checks that neither bundle was required nor inlined, and that the thread had not started.
 * Skipped when dist/ has not been built (`npm run build`; `npm test` builds first).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as path from 'node:path';

const EXTENSION = path.resolve('dist', 'extension.js');
const SCANNER = path.resolve('dist', 'scanner.js');
const ADVISOR = path.resolve('dist', 'advisor.js');
const SCANNER_THREAD = path.resolve('dist', 'scannerThread.js');

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
    if (![EXTENSION, SCANNER, ADVISOR, SCANNER_THREAD].every((file) => existsSync(file))) this.skip();
  });

  it('the extension bundle is small and does not inline ts-morph or tiktoken', function () {
    const size = statSync(EXTENSION).size;
    assert.ok(size < 500_000, `dist/extension.js is ${size} bytes`);
    const text = readFileSync(EXTENSION, 'utf8');
    assert.ok(!text.includes('node_modules/ts-morph'), 'no ts-morph in dist/extension.js');
    assert.ok(!text.includes('node_modules/tiktoken'), 'no tiktoken in dist/extension.js');
    assert.ok(/"scannerThread\.js"/.test(text) && /"scanner\.js"/.test(text), 'scans run on a thread that loads the scanner from its own file');
    assert.ok(/"advisor\.js"/.test(text), 'the what-if pricing and the plan are loaded from their own file at run time');
  });

  it('the advisor bundle (run on the extension host thread) and the scanner thread hold no ts-morph or TypeScript', function () {
    for (const bundle of [ADVISOR, SCANNER_THREAD]) {
      const text = readFileSync(bundle, 'utf8');
      assert.ok(!text.includes('node_modules/ts-morph') && !text.includes('node_modules/typescript/'), `no ts-morph or TypeScript in ${path.basename(bundle)}`);
      assert.ok(statSync(bundle).size < 2_000_000, `${path.basename(bundle)} is ${statSync(bundle).size} bytes`);
    }
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
      const context = { subscriptions: [] as Array<{ dispose(): unknown }>, extensionUri: stub, globalStorageUri: stub };
      const api = ext.activate(context);
      assert.equal(req.cache[SCANNER], undefined, 'dist/scanner.js not loaded by activation');
      assert.equal(req.cache[ADVISOR], undefined, 'dist/advisor.js not loaded by activation');
      assert.equal(api.scannerLoadedAtActivation, false, 'the scanner thread starts after activate() returns');
      // Deactivated at once, as VS Code would at shutdown: nothing here may scan or start a thread.
      for (const disposable of context.subscriptions) disposable.dispose();
      console.log(`      require(dist/extension.js) ${loadMs.toFixed(1)} ms, activate() ${api.activationMs.toFixed(1)} ms (stubbed vscode)`);
    } finally {
      mod._load = originalLoad;
    }
  });

  it('the scanner and advisor bundles load on their own and export what the scanner thread and the extension call', function () {
    const req = createRequire(import.meta.url);
    const scanner = req(SCANNER) as Record<string, unknown>;
    for (const name of ['scanWorkspace', 'ScanCache', 'catalogWithOverride']) assert.equal(typeof scanner[name], 'function', `dist/scanner.js exports ${name}`);
    const advisor = req(ADVISOR) as Record<string, unknown>;
    for (const name of ['renderMarkdownPlan', 'applyWhatIf', 'isEmptyWhatIf', 'modelChoices', 'whatIfChoices', 'parsePriceFile', 'parseStoredOverride', 'catalogWithOverride', 'ensureUsageFile', 'patchUsageFile', 'usageFilePath', 'writeFileAtomic', 'bundledCatalogAsOf']) {
      assert.equal(typeof advisor[name], 'function', `dist/advisor.js exports ${name}`);
    }
    assert.equal(typeof advisor.USAGE_FILE_TEMPLATE, 'string');
  });
});
