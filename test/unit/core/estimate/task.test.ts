import assert from 'node:assert/strict';
import { classifyTask, splitIdentifierWords } from '../../../../src/core/estimate/task';
import type { DetectedCall } from '../../../../src/model/types';
import { detectedCall, message } from '../../detectedCall';
import { runTaskEval } from '../../../../scripts/eval-tasks';

const call = (overrides: Partial<DetectedCall> = {}): DetectedCall => detectedCall({ model: { id: 'gpt-4o-mini', raw: "'gpt-4o-mini'", source: 'literal' }, ...overrides });
const msg = message;
const features = (f: Partial<DetectedCall['features']>): DetectedCall['features'] => ({ streaming: false, tools: false, vision: false, structuredOutput: false, ...f });

describe('task classification', () => {
  it('lets an annotation win with confidence 1', () => {
    const result = classifyTask(call({ messages: [msg('system', 'Summarize the text.')], annotation: { raw: '// llm-advisor: task=extraction', line: 9, task: 'extraction' } }), 10);
    assert.equal(result.type, 'extraction');
    assert.equal(result.source, 'annotation');
    assert.equal(result.confidence, 1);
    assert.match(result.reasons[0], /annotation/);
  });

  it('decides embedding, image and audio endpoints outright', () => {
    assert.equal(classifyTask(call({ endpoint: 'embedding' }), 0).type, 'embedding');
    assert.equal(classifyTask(call({ endpoint: 'image-generation' }), 0).type, 'image-generation');
    assert.equal(classifyTask(call({ endpoint: 'audio-speech' }), 0).type, 'speech');
    assert.equal(classifyTask(call({ endpoint: 'audio-transcription' }), 0).type, 'speech');
  });

  it('reads the system prompt and quotes it in the reasons', () => {
    const result = classifyTask(call({ messages: [msg('system', 'Classify the sentiment of the review as positive, negative or neutral.'), msg('user', '{{review}}', [{ kind: 'interpolation', expression: 'review' }])] }), 100);
    assert.equal(result.type, 'classification');
    assert.ok(result.reasons.some((r) => r.includes('system prompt says "Classify the sentiment')), result.reasons.join('\n'));
    assert.ok(result.confidence > 0.6);
  });

  it('counts tools and images as structural signals', () => {
    const tools = classifyTask(call({ toolNames: ['a', 'b', 'c'], features: features({ tools: true }), messages: [msg('user', 'Summarize my week')] }), 100);
    assert.equal(tools.type, 'tool-use');
    assert.ok(tools.reasons.some((r) => r.startsWith('tools: 3 functions')));
    const vision = classifyTask(call({ features: features({ vision: true }), messages: [msg('user', 'Classify this {{img}}', [{ kind: 'image', expression: 'img' }])] }), 900);
    assert.equal(vision.type, 'vision');
  });

  it('treats 100K+ input tokens as long-context', () => {
    const result = classifyTask(call({ messages: [msg('user', 'Summarize: {{book}}', [{ kind: 'file-content', expression: 'book' }])] }), 150_000);
    assert.equal(result.type, 'long-context');
    assert.ok(result.reasons.some((r) => r.includes('150,000')));
  });

  it('uses short max tokens, names and reasoning models as hints', () => {
    assert.equal(classifyTask(call({ maxOutputTokens: 3, messages: [msg('user', '{{text}}', [{ kind: 'interpolation', expression: 'text' }])] }), 50).type, 'classification');
    assert.equal(classifyTask(call({ enclosingFunction: 'summarizeArticle', messages: [msg('user', '{{a}}', [{ kind: 'interpolation', expression: 'a' }])] }), 50).type, 'summarization');
    const o1 = classifyTask(call({ model: { id: 'o1', raw: 'o1', source: 'literal' }, messages: [msg('user', '{{p}}', [{ kind: 'interpolation', expression: 'p' }])] }), 50);
    assert.equal(o1.type, 'complex-reasoning');
  });

  it('sees retrieved context and conversation history', () => {
    const rag = classifyTask(call({ messages: [msg('system', 'Answer using only the provided context.\n{{chunks}}', [{ kind: 'rag-context', expression: 'chunks' }]), msg('user', '{{q}}', [{ kind: 'interpolation', expression: 'q' }])] }), 2000);
    assert.equal(rag.type, 'rag-qa');
    const chat = classifyTask(call({ messages: [msg('system', 'You are a friendly assistant.'), msg('user', '{{...history}}', [{ kind: 'history', expression: '...history' }])] }), 2000);
    assert.equal(chat.type, 'chat');
  });

  it('ignores hole names as wording and says when it has nothing to go on', () => {
    const result = classifyTask(call({ messages: [msg('user', '{{diff}}', [{ kind: 'unknown', expression: 'x' }])] }), 10);
    assert.equal(result.type, 'other');
    assert.ok(result.confidence <= 0.3);
  });

  it('splits identifiers into words', () => {
    assert.equal(splitIdentifierWords('summarizeArticle'), 'summarize article');
    assert.equal(splitIdentifierWords('src/support/triage-ticket.ts'), 'src support triage ticket ts');
    assert.equal(splitIdentifierWords('HTMLToMarkdown'), 'html to markdown');
  });

  it('keeps at least 90% accuracy on the labeled evaluation set', async function () {
    this.timeout(120_000);
    const report = await runTaskEval();
    assert.ok(report.cases.length >= 80, `only ${report.cases.length} labeled cases`);
    assert.ok(report.cases.every((c) => c.actual !== null), 'every labeled call is detected');
    assert.ok(report.accuracy >= 0.9, `accuracy ${(report.accuracy * 100).toFixed(1)}%`);
  });
});
