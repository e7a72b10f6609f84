import * as assert from 'node:assert/strict';
import { runCli as run } from './run';

describe('CLI size', () => {
  it('says plainly that a 70B model at INT4 does not fit one 24 GB card', async () => {
    const { code, stdout } = await run(['size', '--model', 'llama-3.3-70b', '--precision', 'int4', '--gpu', 'rtx-4090-24gb', '--gpus', '1', '--format', 'json']);
    assert.equal(code, 0);
    const answer = JSON.parse(stdout);
    for (const key of ['weightsBytes', 'kvBytesPerToken', 'kvCacheBytes', 'overheadBytes', 'totalBytes', 'gpu', 'gpuCount', 'fits', 'maxKvTokens', 'decodeTokensPerSecond']) assert.ok(key in answer, key);
    assert.equal(answer.fits, false);
    assert.equal(answer.gpuCount, 1);
    assert.ok(answer.weightsBytes > 24e9, 'the weights alone are larger than the card');
    const text = await run(['size', '--model', 'llama-3.3-70b', '--precision', 'int4', '--gpu', 'rtx-4090-24gb', '--gpus', '1']);
    assert.match(text.stdout, /DOES NOT FIT/);
  });

  it('accepts a Hugging Face repo id and picks the cheapest fitting configuration without --gpu', async () => {
    const { code, stdout } = await run(['size', '--model', 'meta-llama/Llama-3.1-8B-Instruct', '--precision', 'bf16', '--format', 'json']);
    assert.equal(code, 0);
    const answer = JSON.parse(stdout);
    assert.equal(answer.fits, true);
    assert.equal(answer.model, 'llama-3.1-8b');
    assert.equal(answer.kvBytesPerToken, 2 * 32 * 8 * 128 * 2, 'GQA: 2 × layers × KV heads × head_dim × 2 bytes');
    assert.ok(answer.usdPerHour > 0);
  });

  it('exits 2 with the nearest matches for a model that is not in the catalog, and for a closed model', async () => {
    const unknown = await run(['size', '--model', 'llama-9-1t', '--precision', 'bf16']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no architecture in the catalog; nearest: /);
    const closed = await run(['size', '--model', 'gpt-4o', '--precision', 'bf16']);
    assert.equal(closed.code, 2);
    assert.match(closed.stderr, /closed model/);
  });

  it('exits 2 on missing or bad options', async () => {
    for (const argv of [['size', '--precision', 'int4'], ['size', '--model', 'llama-3.1-8b', '--precision', 'int4', '--gpus', '0'], ['size', '--model', 'llama-3.1-8b', '--precision', 'int3']]) {
      const { code, stderr } = await run(argv);
      assert.equal(code, 2, argv.join(' '));
      assert.equal(stderr.trim().split('\n').length, 1);
    }
  });

  it('without --precision sizes at the precision the weights were released in, and says so', async () => {
    const llama = await run(['size', '--model', 'llama-3.1-8b', '--gpu', 'h100-80gb']);
    assert.equal(llama.code, 0, llama.stderr);
    assert.match(llama.stdout, /at bf16 on 1 × h100-80gb/);
    assert.match(llama.stdout, /no --precision given, so the released weights' precision: bf16/);
    const explicit = await run(['size', '--model', 'llama-3.1-8b', '--gpu', 'h100-80gb', '--precision', 'bf16']);
    assert.doesNotMatch(explicit.stdout, /no --precision given/);
    const deepseek = await run(['size', '--model', 'deepseek-v3', '--format', 'json']);
    assert.equal(deepseek.code, 0, deepseek.stderr);
    const answer = JSON.parse(deepseek.stdout);
    assert.equal(answer.precision, 'fp8', 'DeepSeek V3 ships FP8 weights (releasedPrecision)');
    assert.match(answer.precisionDefault, /released weights' precision fp8/);
  });

  it('sizes an encoder released in fp32 at 16 bits, as servers load it, instead of rejecting the released precision', async () => {
    // bge-m3 and the other BERT-style embedders are fp32 releases; fp32 is no precision the planner serves at.
    const { code, stdout, stderr } = await run(['size', '--model', 'Xenova/all-MiniLM-L6-v2', '--format', 'json']);
    assert.equal(code, 0, stderr);
    const answer = JSON.parse(stdout);
    assert.equal(answer.model, 'all-minilm-l6-v2', 'the transformers.js ONNX export names the same weights');
    assert.equal(answer.precision, 'bf16');
    assert.match(answer.precisionDefault, /released in fp32 .* so bf16/);
    assert.equal(answer.fits, true);
    // A 22.7M-parameter model's weights (43 MiB) read in MiB and millions, never as 0.0 GiB of 0.02B params.
    const text = await run(['size', '--model', 'all-minilm-l6-v2']);
    assert.match(text.stdout, /weights\s+43\.3 MiB\s+22\.7M params × 2 bytes \(bf16\) = 43\.3 MiB/);
    assert.doesNotMatch(text.stdout, /\b0\.0 GiB/);
  });
});
