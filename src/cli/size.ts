import { findArchitecture, loadCatalog, type Catalog } from '../core/catalog/catalog';
import { fmtGiB, sizeQuery } from '../core/pricing/sizing';
import { PRECISIONS, type Precision } from '../model/vocabulary';
import type { CliArguments } from './args';

/**
 * `size`: answers "what would it take to self-host this model" directly: memory terms, fit, the
 * largest context × concurrency, speed, and the cheapest fitting configuration when no GPU is given.
 * Exit code 2 for an unknown model or GPU (a usage error), 0 otherwise, also when it does not fit.
 */
export function runSize(args: CliArguments, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): number {
  const catalog = loadCatalog();
  const native = args.precision === undefined ? nativePrecision(catalog, args.model!) : undefined;
  const outcome = sizeQuery({
    model: args.model!,
    precision: (args.precision ?? native?.precision ?? 'bf16') as Precision,
    gpu: args.gpu,
    gpus: args.gpus,
    context: args.context,
    concurrency: args.concurrency,
    gpuMemoryUtilization: args.gpuMemoryUtilization,
  }, catalog);
  if ('error' in outcome) {
    stderr.write(`llm-hosting-advisor: ${outcome.error}\n`);
    return 2;
  }
  const answer = outcome.answer;
  if (args.format === 'json') {
    stdout.write(JSON.stringify(native ? { ...answer, precisionDefault: native.derivation } : answer, null, 2) + '\n');
    return 0;
  }
  const lines = [
    `${answer.model} (${answer.hfRepo}) at ${answer.precision} on ${answer.gpuCount} × ${answer.gpu} (tensor parallel ${answer.tensorParallel})`,
    ...(native ? [`precision ${answer.precision}: ${native.derivation}`] : []),
    answer.fits ? 'FITS' : `DOES NOT FIT: ${answer.reason ?? 'not enough memory'}`,
    '',
    ...answer.memory.map((term) => `  ${term.name.padEnd(12)} ${fmtGiB(term.gib * 1024 ** 3).padStart(10)}   ${term.derivation}`),
    '',
    `  total ${fmtGiB(answer.totalBytes)} of ${fmtGiB(answer.usableBytes)} usable; KV cache ${answer.kvBytesPerToken.toLocaleString('en-US')} B/token`,
    answer.fits ? `  room for ${answer.maxKvTokens.toLocaleString('en-US')} KV tokens: ${answer.maxConcurrency} sequences at the requested context, or one of ${answer.maxContextTokens.toLocaleString('en-US')} tokens` : '',
    answer.fits ? `  decode ≈ ${answer.decodeTokensPerSecond} tokens/s per stream, prefill ≈ ${answer.prefillTokensPerSecond.toLocaleString('en-US')} tokens/s` : '',
    answer.usdPerHour !== null ? `  ≈ $${answer.usdPerHour}/hour on demand (${answer.priceSource})` : '  no hourly price for this GPU in the catalog',
    ...answer.notes.map((note) => `  note: ${note}`),
  ];
  stdout.write(lines.filter((line, index) => line !== '' || index < (native ? 4 : 3)).join('\n') + '\n');
  return 0;
}

/**
 * The precision `size` assumes without --precision: the one the weights were released in
 * (model-architectures.json `releasedPrecision`; rows without it are 16-bit releases, which is
 * also what the planner assumes for them). Undefined for a model the catalog does not know, so
 * sizeQuery's own error names it.
 */
function nativePrecision(catalog: Catalog, model: string): { precision: Precision; derivation: string } | undefined {
  const arch = findArchitecture(catalog, model);
  if (!arch) return undefined;
  const released = arch.releasedPrecision;
  if (released && (PRECISIONS as readonly string[]).includes(released)) {
    return { precision: released as Precision, derivation: `no --precision given, so the released weights' precision ${released} (releasedPrecision in model-architectures.json)` };
  }
  // Encoders released in fp32 (BERT-style embedding models) are served at 16 bits, as the planner sizes them.
  if (released) return { precision: 'bf16', derivation: `no --precision given; the weights were released in ${released} (releasedPrecision in model-architectures.json), which servers load at 16 bits, so bf16, as the scan's own sizing assumes` };
  return { precision: 'bf16', derivation: 'no --precision given, so the released weights\' precision: bf16 (model-architectures.json states no releasedPrecision for this model, meaning a 16-bit release). Pass --precision fp8|int8|mxfp4|int4 for a quantized deployment' };
}
