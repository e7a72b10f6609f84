import { strict as assert } from 'node:assert';
import { urlForDisplay } from '../../../src/model/redact';

// The price-file URL is a setting (it can sit in the workspace's .vscode/settings.json) and it is shown in
// the download prompt, the output channel and every price's source: none of them may carry its token.
describe('urlForDisplay', () => {
  const cases: { name: string; href: string; shown: string; secret?: string }[] = [
    { name: 'keeps a plain https URL as it is', href: 'https://prices.example.test/v1/prices.json', shown: 'https://prices.example.test/v1/prices.json' },
    { name: 'drops user name and password', href: 'https://deploy:s3cr3t-Passw0rd@prices.example.test/p.json', shown: 'https://prices.example.test/p.json', secret: 's3cr3t-Passw0rd' },
    { name: 'drops a query string carrying a key, marking that one was there', href: 'https://prices.example.test/p.json?key=AIzaSyA1234567890abcdefghijklmnopqrstuv', shown: 'https://prices.example.test/p.json?…', secret: 'AIzaSy' },
    { name: 'redacts a credential-shaped path segment', href: 'https://prices.example.test/sk-proj-abcdefghijklmnopqrstuvwxyz0123456789/p.json', shown: 'https://prices.example.test/[redacted credential]/p.json', secret: 'sk-proj-' },
    { name: 'redacts text that is not a URL', href: 'not a url sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789', shown: 'not a url [redacted credential]', secret: 'sk-ant-' },
  ];
  for (const { name, href, shown, secret } of cases) {
    it(name, () => {
      const out = urlForDisplay(href);
      assert.equal(out, shown);
      if (secret) assert.ok(!out.includes(secret), out);
    });
  }
});
