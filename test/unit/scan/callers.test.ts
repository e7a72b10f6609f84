import * as assert from 'node:assert/strict';
import * as path from 'node:path';
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
});
