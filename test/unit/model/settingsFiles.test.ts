/** Which workspace files hold settings the scan reads (src/model/settingsFiles.ts): the scan reads them, the editor re-scans when one changes. */
import * as assert from 'node:assert/strict';
import { isWorkspaceSettingsFile } from '../../../src/model/settingsFiles';

describe('model: workspace settings files', function () {
  const cases: Array<[string, boolean, string]> = [
    ['.env.example', true, 'an example env file'],
    ['apps/web/.env.local.example', true, 'in a monorepo app'],
    ['example.env', true, 'the other naming'],
    ['.env', false, 'a real env file holds secrets and is never read'],
    ['.env.production', false, 'nor any real one'],
    ['docker-compose.yml', true, 'compose environment blocks'],
    ['compose.prod.yaml', true, 'compose, other name'],
    ['charts/app/values-prod.yaml', true, 'Helm values'],
    ['config/models.json', true, 'a model config'],
    ['llm.config.yaml', true, 'a model config, other name'],
    ['tsconfig.json', true, 'decides how imports resolve'],
    ['packages/api/tsconfig.build.json', true, 'a package\'s tsconfig'],
    ['package.json', true, 'workspaces and package names'],
    ['package-lock.json', false, 'a lock file changes nothing the scan reads'],
    ['.eslintrc.json', false, 'a tool config'],
    ['src/data/users.json', false, 'app data'],
    ['llm-usage.yml', false, 'the usage file has its own re-scan'],
  ];
  for (const [relativePath, expected, why] of cases) {
    it(`${relativePath}: ${expected ? 'settings' : 'not settings'} (${why})`, function () {
      assert.equal(isWorkspaceSettingsFile(relativePath), expected);
    });
  }
});
