// Lint keeps the architecture honest: each folder of src may import only the layers below it
// (README "Layout"). Imports are matched as written; across layers they are relative paths that
// name the other layer's folder (`../../scan/scan`), so a regex on the folder name finds them.
//
//   model      imports nothing outside src/model
//   core       model; inside core: catalog < estimate < usage < pricing < report
//   analyzers  model and ts-morph
//   runtime    Node only
//   scan       model, core, analyzers (through src/analyzers/index.ts), runtime
//   cli        everything but the extension and the webview
//   webview    model and itself (browser code: no Node, no vscode)
//   extension  vscode, model, runtime, webview/protocol; core only for types (and the annotation
//              grammar); the heavy layers only through two bundles loaded at run time: the scanner
//              (src/extension/scannerBundle.ts, on the scanner thread) and the advisor
//              (src/extension/advisorBundle.ts: core and the usage file, no ts-morph)
import tseslint from 'typescript-eslint';

const RULE = '@typescript-eslint/no-restricted-imports';

/** `(^|/)(a|b)(/|$)`: a specifier that goes through one of these folders. */
const through = (...folders) => `(^|/)(${folders.join('|')})(/|$)`;

const vscode = { regex: '^vscode$', message: 'Only src/extension imports vscode; core, analyzers, scan, CLI and browser code run without it.' };
const node = { regex: '^node:', message: 'This layer does no I/O: pass data in, or do the I/O in src/scan or src/runtime.' };

function layer(message, ...patterns) {
  return { [RULE]: ['error', { patterns: [vscode, ...patterns.map((pattern) => (typeof pattern === 'string' ? { regex: pattern, message } : { message, ...pattern }))] }] };
}

const core = (...extra) => layer('src/core is the pure domain: it imports src/model and the core parts below it (catalog < estimate < usage < pricing < report), never scan, analyzers, runtime or entry points.', through('scan', 'analyzers', 'runtime', 'cli', 'extension', 'webview'), '^ts-morph$', node, ...extra);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**', 'examples/**', '.vscode-test-tools/**', 'test-results/**', '.scratch/**', 'out/**'] },
  {
    files: ['src/**/*.ts', 'test/unit/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      [RULE]: ['error', { patterns: [vscode] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/model/**/*.ts'], rules: layer('src/model is the leaf: schema types, vocabulary and formatting import nothing outside src/model.', '^(?!\\./)') },
  { files: ['src/core/**/*.ts'], rules: core() },
  { files: ['src/core/catalog/**/*.ts'], rules: core(through('estimate', 'usage', 'pricing', 'report')) },
  { files: ['src/core/estimate/**/*.ts'], rules: core(through('usage', 'pricing', 'report')) },
  // Token counts read tiktoken's rank files (the one file read in core; see encoderPath).
  { files: ['src/core/estimate/tokens.ts'], rules: layer('src/core is the pure domain.', through('scan', 'analyzers', 'runtime', 'cli', 'extension', 'webview', 'usage', 'pricing', 'report'), '^ts-morph$') },
  { files: ['src/core/usage/**/*.ts'], rules: core(through('pricing', 'report')) },
  { files: ['src/core/pricing/**/*.ts'], rules: core(through('report')) },
  { files: ['src/analyzers/**/*.ts'], rules: layer('src/analyzers read code with ts-morph and report DetectedCall (src/model); they know nothing of pricing, scanning or entry points.', through('core', 'scan', 'runtime', 'cli', 'extension', 'webview')) },
  {
    // The analyzers read syntax only: ts-morph methods that ask the type checker build a program over the whole project on
    // their first question (isExported() in the caller search cost a cold midday scan 0.45 s; isDefaultExport() 1.4 s of anything-llm's).
    files: ['src/analyzers/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name=/^(isExported|isDefaultExport|getSymbol|getSymbolOrThrow|getType|getReturnType|getTypeChecker|getAliasedSymbol)$/]", message: 'This ts-morph method asks the type checker, which builds a program over the whole project: read the syntax instead (findDeclaration, hasExportKeyword, the declaration lists).' }],
    },
  },
  { files: ['src/runtime/**/*.ts'], rules: layer('src/runtime holds Node plumbing (code cache, atomic write) and imports nothing from src.', '^\\.\\./') },
  { files: ['src/scan/**/*.ts'], rules: layer('src/scan joins analyzers and core (analyzers through src/analyzers/index.ts, and shared/settings.ts for the settings walk, which the reader thread of the CLI runs without the parser); entry points use it, not the other way round.', through('cli', 'extension', 'webview'), '(^|/)analyzers/(?!shared/settings$)') },
  { files: ['src/cli/**/*.ts'], rules: layer('The CLI does not use the VS Code extension or the browser code.', through('extension', 'webview')) },
  // The launcher's bundle (dist/launch.js) is evaluated before anything else on every run, the scanner bundle after it: it
  // imports only what starts the reader thread, parses the command line and loads that bundle (the store's and the thread's
  // locations, not the store or the scan, which would evaluate the price catalog and the settings parser first).
  {
    files: ['src/cli/launch.ts'],
    rules: layer(
      'launch.ts runs before the scanner bundle loads: it imports scan/readerThread, scan/resultStoreLocation, runtime/codeCache and ./args only (main.ts is loaded through the code cache).',
      through('extension', 'webview', 'core', 'analyzers'),
      { regex: '(^|/)scan/(?!readerThread$|resultStoreLocation$)', allowTypeImports: true },
      { regex: '^\\./(?!args$|main$)', allowTypeImports: true },
    ),
  },
  { files: ['src/webview/**/*.ts'], rules: layer('src/webview is browser code: it imports src/model and itself only.', through('core', 'scan', 'analyzers', 'runtime', 'cli', 'extension'), node) },
  {
    files: ['src/extension.ts', 'src/extension/**/*.ts'],
    rules: {
      [RULE]: ['error', {
        patterns: [
          { regex: through('scan', 'analyzers', 'cli'), message: 'The extension host reaches scanning and analysis only through the scanner thread (scannerThread.ts loads scannerBundle.ts).' },
          { regex: '(^|/)webview/(?!protocol$)', message: 'The extension host shares only the message protocol with the webview, not its browser render code.' },
          { regex: '(^|/)core/(?!estimate/annotations$)', allowTypeImports: true, message: 'The extension host uses core only for types; what it runs of core is in the advisor bundle (advisorBundle.ts).' },
        ],
      }],
    },
  },
  // The scanner bundle's entry: what the scanner thread loads, so it may import the heavy layers.
  { files: ['src/extension/scannerBundle.ts'], rules: { [RULE]: 'off' } },
  // The advisor bundle's entry: loaded on the extension host's own thread, so core and the usage file but nothing that parses code.
  {
    files: ['src/extension/advisorBundle.ts'],
    rules: {
      [RULE]: ['error', {
        patterns: [{ regex: '(^|/)(analyzers|cli|webview)(/|$)|(^|/)scan/(?!usageFile$)', message: 'dist/advisor.js runs on the extension host thread: no ts-morph (analyzers, the scan); scans run on the scanner thread (scannerBundle.ts).' }],
      }],
    },
  },
);
