// Lint keeps the architecture honest: `vscode` may only be imported by the extension host side
// (src/extension.ts, src/extension/**, and the panel host in src/webview/panelHost*). Core,
// analyzers, the CLI and the webview's browser code run without VS Code.
import tseslint from 'typescript-eslint';

const noVscode = {
  'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only src/extension and the panel host may import vscode; core, analyzers, CLI and browser code run without it.' }] }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**', 'examples/**', '.vscode-test-tools/**', 'test-results/**', '.scratch/**', 'out/**'] },
  {
    files: ['src/**/*.ts', 'test/unit/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      ...noVscode,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/extension.ts', 'src/extension/**/*.ts', 'src/webview/panelHost*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
