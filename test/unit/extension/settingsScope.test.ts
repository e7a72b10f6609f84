/**
 * The extension reads its settings without a resource (src/extension/config.ts readConfig), which is
 * right only for settings package.json leaves window-scoped (or machine/application). A setting made
 * resource or language scoped fails this test until it is read with its document's or folder's URI.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');

/** Scopes VS Code resolves without a resource; `undefined` is the manifest default, window. */
const READ_WITHOUT_RESOURCE = new Set([undefined, 'window', 'application', 'machine', 'machine-overridable']);

describe('extension settings: scopes the extension reads them in', () => {
  it('every contributed setting is read without a resource, as its declared scope expects', () => {
    type Section = { properties: Record<string, { scope?: string }> };
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: Section | Section[] } };
    const sections = Array.isArray(manifest.contributes.configuration) ? manifest.contributes.configuration : [manifest.contributes.configuration];
    const settings = sections.flatMap((section) => Object.entries(section.properties));
    assert.ok(settings.length > 0);
    const needingResource = settings.filter(([, schema]) => !READ_WITHOUT_RESOURCE.has(schema.scope)).map(([name, schema]) => `${name} (${schema.scope})`);
    assert.deepEqual(needingResource, []);
  });
});
