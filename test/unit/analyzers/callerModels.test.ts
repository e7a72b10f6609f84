import * as assert from 'node:assert/strict';
import { modelsFromCallers } from '../../../src/analyzers/shared/callerModels';
import { detectedCall } from '../detectedCall';

describe('modelsFromCallers', () => {
  // executeIteration's call of the store search: a site of its own, in the module whose pipeline function the tool calls.
  const helperAt = { file: 'src/pipeline.ts', line: 33, function: 'executeIteration' };
  const embeddingsHelper = () => detectedCall({ file: helperAt.file, line: helperAt.line, kind: 'wrapper-caller', endpoint: 'embedding', method: 'performVectorSearch', enclosingFunction: 'executeIteration', via: { file: 'src/strategies.ts', line: 36, function: 'performVectorSearch' }, model: { id: null, raw: 'config.model', source: 'dynamic' } });

  it('gives a helper without a model the model its callers pass', () => {
    const calls = [embeddingsHelper(), detectedCall({ file: 'src/index.ts', line: 3, kind: 'wrapper-caller', endpoint: 'embedding', via: helperAt, model: { id: 'text-embedding-3-small', raw: "'text-embedding-3-small'", source: 'literal' } })];
    modelsFromCallers(calls);
    assert.equal(calls[0].model.id, 'text-embedding-3-small');
  });

  it("takes no model from a caller priced as another kind of request (a chat feature whose steps pass through the embeddings helper: Personal-RAG's retrieval tool)", () => {
    const calls = [embeddingsHelper(), detectedCall({ file: 'src/tool.ts', line: 24, kind: 'wrapper-caller', endpoint: 'chat', via: { file: 'src/pipeline.ts', line: 139, function: 'runRetrievalPipeline', through: [helperAt] }, model: { id: 'google/gemma-2-9b', raw: 'model', source: 'import' } })];
    modelsFromCallers(calls);
    assert.equal(calls[0].model.id, null);
  });
});
