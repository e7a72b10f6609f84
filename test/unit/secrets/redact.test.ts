import { strict as assert } from 'node:assert';
import { REDACTED, redactCredentials } from '../../../src/model/redact';

describe('redactCredentials', () => {
  const awsSecret = ['wJalrXUtnFEMI', '/K7MDENG/bPxRfiCY', 'QzT8vK3mEX'].join(''); // 40 characters, as AWS issues them
  it('redacts an AWS secret access key in a message', () => {
    const out = redactCredentials(`secret ${awsSecret} here`);
    assert.equal(out, `secret ${REDACTED} here`);
  });
  it('leaves a 40-character file path in a diagnostic as it is', () => {
    const message = 'add the line directly above line 140 of packages/cli/src/commands/gemma/platform.ts';
    assert.equal(redactCredentials(message), message);
  });
  it('leaves a 40-character path with digits and capitals but many folders as it is', () => {
    const message = 'see src/App2/Components/Chat/InputBox/Form12.tsx';
    assert.equal(redactCredentials(message), message);
  });
});
