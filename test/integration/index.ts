/**
 * Entry module for `--extensionTestsPath`: VS Code's extension host calls `run()` and waits for
 * the promise, the same contract under @vscode/test-electron (desktop) and under code-server
 * (scripts/run-integration-tests.mjs). Bundled to out/test/integration/index.js by the runner.
 */
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 180000, reporter: 'spec' });
  // Define describe/it/before... on globalThis, then load the suites (bundled, so no file globbing).
  mocha.suite.emit('pre-require', globalThis, 'test/integration/extension.test.ts', mocha);
  require('./extension.test');
  mocha.suite.emit('pre-require', globalThis, 'test/integration/secrets.test.ts', mocha);
  require('./secrets.test');
  mocha.suite.emit('pre-require', globalThis, 'test/integration/editing.test.ts', mocha);
  require('./editing.test');
  mocha.suite.emit('pre-require', globalThis, 'test/integration/session.test.ts', mocha);
  require('./session.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
