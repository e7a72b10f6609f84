import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findCallers } from '../../../src/scan/callers';
import { createTextReader, discoverSourceFiles } from '../../../src/scan/files';
import { scanWorkspace } from '../../../src/scan/scan';

const EXAMPLE = path.resolve(__dirname, '../../../examples/support-desk');

describe('wrapper callers', () => {
  it('records where the app calls its own helpers that wrap the SDK, without parsing those files', async () => {
    const result = await scanWorkspace(EXAMPLE);
    const byFunction = new Map(result.callSites.map((site) => [site.enclosingFunction, site]));
    assert.deepEqual(byFunction.get('classifyTicket')!.callers, [{ file: 'src/routes/tickets.ts', line: 13 }]);
    assert.deepEqual(byFunction.get('translateReply')!.callers, [{ file: 'src/routes/tickets.ts', line: 21 }]);
    assert.equal(byFunction.get('embedArticle')!.callers, undefined, 'never called in the example');
    assert.ok(result.summary.filesParsed! < result.summary.filesScanned!, 'the route file is not parsed');
  });

  describe('findCallers reads through the text reader it is given', () => {
    let root: string;
    beforeEach(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'find-callers-'));
      fs.writeFileSync(path.join(root, 'route.ts'), `import { summarizeText } from './llm';\nexport const a = () => summarizeText('x');\n`);
      fs.writeFileSync(path.join(root, 'kept.ts'), `export const nothing = 1;\n`);
      // A NUL byte in the first 8 KB: binary, as git decides, even though it names the helper.
      fs.writeFileSync(path.join(root, 'blob.ts'), Buffer.concat([Buffer.from('summarizeText(1)\n'), Buffer.from([0]), Buffer.from('\nsummarizeText(2)\n')]));
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it('a kept text is used instead of the file on disk; a file not kept is read; a binary file is skipped', async () => {
      const { files } = await discoverSourceFiles(root);
      // The scan's first pass kept this text: the file on disk (no call) is not what is searched.
      const kept = new Map([[path.join(root, 'kept.ts'), `import { summarizeText } from './llm';\n\nsummarizeText('kept');\n`]]);
      const callers = await findCallers(files, ['summarizeText'], undefined, createTextReader(undefined, kept, { skipBinary: true }));
      assert.deepEqual(callers.get('summarizeText'), [{ file: 'kept.ts', line: 3 }, { file: 'route.ts', line: 2 }]);
    });

    it('without a reader it reads every file from disk and still skips binary ones', async () => {
      const { files } = await discoverSourceFiles(root);
      const callers = await findCallers(files, ['summarizeText']);
      assert.deepEqual(callers.get('summarizeText'), [{ file: 'route.ts', line: 2 }]);
    });
  });
});
