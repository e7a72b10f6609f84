import assert from 'node:assert/strict';
import fc from 'fast-check';
import { classifyTask, convertsTurns, splitIdentifierWords } from '../../../../src/core/estimate/task';
import type { DetectedCall } from '../../../../src/model/types';
import { detectedCall, message } from '../../detectedCall';
import { runTaskEval } from '../../../../scripts/eval-tasks';
import { realtimeAudioTurn } from '../../../../src/analyzers/shared/callsite';

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

  it('names the runner-up task of an inferred one, for the advisor to screen by when the margin is thin', () => {
    const result = classifyTask(call({ messages: [msg('system', 'Summarize the support ticket and extract the customer name as JSON.'), msg('user', '{{ticket}}', [{ kind: 'interpolation', expression: 'ticket' }])] }), 10);
    assert.equal(result.source, 'inferred');
    const runnerUp = /runner-up: ([\w-]+)/.exec(result.reasons.join(' '))?.[1];
    assert.ok(runnerUp, `a runner-up is given: ${result.reasons.join('; ')}`);
    assert.equal(result.runnerUp, runnerUp);
    assert.notEqual(result.runnerUp, result.type);
  });

  it('decides a chat request asking for image or audio output (modalities) outright', () => {
    const drawing = classifyTask(call({ outputModalities: ['image'], messages: [msg('user', 'Describe and then draw a photo of {{subject}}', [{ kind: 'image', expression: 'subject' }])], features: features({ vision: true }) }), 100);
    assert.equal(drawing.type, 'image-generation', drawing.reasons.join('\n'));
    assert.equal(classifyTask(call({ outputModalities: ['audio'], messages: [msg('user', 'Summarize this for me.')] }), 100).type, 'speech');
  });

  it('decides embedding, image and audio endpoints outright', () => {
    assert.equal(classifyTask(call({ endpoint: 'embedding' }), 0).type, 'embedding');
    assert.equal(classifyTask(call({ endpoint: 'image-generation' }), 0).type, 'image-generation');
    assert.equal(classifyTask(call({ endpoint: 'audio-speech' }), 0).type, 'speech');
    assert.equal(classifyTask(call({ endpoint: 'audio-transcription' }), 0).type, 'speech');
    // A rerank call scores retrieved documents: its document list is not context for an answer (rag-qa).
    const rerank = call({ endpoint: 'rerank', messages: [msg('user', '{{query}}', [{ kind: 'interpolation', expression: 'query' }]), msg('user', '{{batchDocuments}}', [{ kind: 'rag-context', expression: 'batchDocuments' }])] });
    assert.equal(classifyTask(rerank, 0).type, 'reranking');
  });

  it('calls a realtime voice session speech, whatever its instructions say, and only that', () => {
    const audioTurn = realtimeAudioTurn();
    assert.equal(classifyTask(call({ messages: [audioTurn] }), 0).type, 'speech');
    const steered = classifyTask(call({ messages: [msg('system', 'Classify the caller\'s request as billing, support or sales.'), audioTurn] }), 20);
    assert.equal(steered.type, 'speech');
    assert.match(steered.reasons[0], /realtime voice session/);
    // The same instruction over typed text is not a voice session.
    assert.notEqual(classifyTask(call({ messages: [msg('system', 'Classify the caller\'s request as billing, support or sales.'), msg('user', '{{text}}', [{ kind: 'interpolation', expression: 'text' }])] }), 20).type, 'speech');
  });

  it('reads the system prompt and quotes it in the reasons', () => {
    const result = classifyTask(call({ messages: [msg('system', 'Classify the sentiment of the review as positive, negative or neutral.'), msg('user', '{{review}}', [{ kind: 'interpolation', expression: 'review' }])] }), 100);
    assert.equal(result.type, 'classification');
    assert.ok(result.reasons.some((r) => r.includes('system prompt says "Classify the sentiment')), result.reasons.join('\n'));
    assert.ok(result.confidence > 0.6);
  });

  it("reads a request whose only tool is the provider's hosted file search as answering from documents, not as tool use", () => {
    const question = [msg('system', 'You are a helpful assistant for the documents in this data room.'), msg('user', '{{question}}', [{ kind: 'interpolation', expression: 'question' }])];
    const fileSearch = classifyTask(call({ toolNames: ['file_search'], features: features({ tools: true }), messages: question }), 100);
    assert.equal(fileSearch.type, 'rag-qa', fileSearch.reasons.join('\n'));
    assert.ok(fileSearch.reasons.some((r) => r.includes('hosted file search')), fileSearch.reasons.join('\n'));
    // A function of the app's beside it: the model chooses actions, so tool use it stays.
    assert.equal(classifyTask(call({ toolNames: ['file_search', 'create_ticket'], features: features({ tools: true }), messages: question }), 100).type, 'tool-use');
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

  it('uses short max tokens and names as hints, and never the model', () => {
    assert.equal(classifyTask(call({ maxOutputTokens: 3, messages: [msg('user', '{{text}}', [{ kind: 'interpolation', expression: 'text' }])] }), 50).type, 'classification');
    assert.equal(classifyTask(call({ enclosingFunction: 'summarizeArticle', messages: [msg('user', '{{a}}', [{ kind: 'interpolation', expression: 'a' }])] }), 50).type, 'summarization');
    // A bot's reply to what its user said, under a system prompt set in the deployment's env.
    const reply = classifyTask(call({ enclosingFunction: 'getGptReply', messages: [msg('system', '{{env.OPENAI_SYSTEM_MESSAGE}}', [{ kind: 'interpolation', expression: 'env.OPENAI_SYSTEM_MESSAGE' }]), msg('user', '{{prompt}}', [{ kind: 'interpolation', expression: 'prompt' }])] }), 50);
    assert.equal(reply.type, 'chat', reply.reasons.join('; '));
    const o1 = classifyTask(call({ model: { id: 'o1', raw: 'o1', source: 'literal' }, messages: [msg('user', '{{p}}', [{ kind: 'interpolation', expression: 'p' }])] }), 50);
    // A reasoning model chosen today says nothing about the work; it must not make the task complex-reasoning.
    assert.notEqual(o1.type, 'complex-reasoning');
    assert.ok(!o1.reasons.some((reason) => reason.includes('o1')));
  });

  it("a caller's own function name outweighs the generic helper it calls (generateTitle calling getChatCompletion); the helper's name still counts where the caller's says nothing", () => {
    const messages = [msg('user', '{{message}}', [{ kind: 'message-array', expression: 'message' }])];
    const via = { file: 'src/api/api.ts', line: 46, function: 'getChatCompletion' };
    const title = classifyTask(call({ kind: 'wrapper-caller', via, enclosingFunction: 'generateTitle', messages }), 50);
    assert.equal(title.type, 'title-generation', title.reasons.join('\n'));
    const plain = classifyTask(call({ kind: 'wrapper-caller', via, enclosingFunction: 'handleSubmit', messages }), 50);
    assert.equal(plain.type, 'chat', plain.reasons.join('\n'));
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

  describe('task types real apps use', () => {
    const input = msg('user', '{{input}}', [{ kind: 'interpolation', expression: 'input' }]);
    const table: Array<[string, DetectedCall['messages'][number], string]> = [
      ['title-generation', msg('system', 'Create a succinct 3-5 word title for this app-building chat. Reply with the title only.'), 'a few-word title'],
      ['commit-message', msg('system', 'You write git commit messages in the conventional commits format from the staged diff.'), 'a commit message from a diff'],
      ['long-form-writing', msg('system', 'You are a writing assistant. Write a comprehensive report on the topic with sections and headings, about 1500 words.'), 'a report'],
      ['query-generation', msg('system', 'Rewrite the follow-up question into a standalone search query for a web search engine. Output the query only.'), 'a search query'],
      ['reranking', msg('system', 'Rerank the candidate passages by relevance to the question and return their ids in order.'), 'reranking'],
      ['moderation', msg('system', 'Check whether the message violates our content policy (hate speech, harassment, self-harm). Answer SAFE or UNSAFE.'), 'a policy check'],
      ['code-editing', msg('system', 'Update the highlighted code per the user request. Return only the changed lines of the existing code.'), 'edits to existing code'],
    ];
    for (const [type, system, what] of table) {
      it(`${type}: ${what}`, () => {
        const result = classifyTask(call({ messages: [system, input] }), 200);
        assert.equal(result.type, type, result.reasons.join('\n'));
      });
    }

    it('a forced tool is read as structured output, not tool use, and its name is evidence', () => {
      const result = classifyTask(call({ toolNames: ['generate_title'], forcedTool: 'generate_title', features: features({ tools: true, structuredOutput: true }), messages: [msg('user', '{{...messages}}', [{ kind: 'history', expression: '...messages' }])] }), 500);
      assert.equal(result.type, 'title-generation', result.reasons.join('\n'));
    });

    it('a multi-step agent loop is tool use', () => {
      const result = classifyTask(call({ toolNames: ['search', 'fetch_page'], features: features({ tools: true, multiStep: true }), messages: [msg('user', '{{question}}', [{ kind: 'interpolation', expression: 'question' }])] }), 500);
      assert.equal(result.type, 'tool-use');
      assert.ok(result.reasons.some((reason) => reason.includes('multi-step')), result.reasons.join('\n'));
    });

    it("an agent's step choosing its next action from tools the prompt lists is tool use, though its name says determine", () => {
      const prompt = 'You are a browser automation assistant. You can use the following tools: {{formattedActions}} You will be given a task and the current state of the DOM.';
      const result = classifyTask(call({ enclosingFunction: 'determineNextAction', file: 'src/helpers/determineNextAction.ts', messages: [msg('system', prompt, [{ kind: 'interpolation', expression: 'formattedActions' }]), msg('user', '{{prompt}}', [{ kind: 'interpolation', expression: 'prompt' }])] }), 500);
      assert.equal(result.type, 'tool-use', result.reasons.join('\n'));
      const named = classifyTask(call({ enclosingFunction: 'determineSentiment', messages: [msg('user', '{{text}}', [{ kind: 'interpolation', expression: 'text' }])] }), 500);
      assert.equal(named.type, 'classification', named.reasons.join('\n'));
    });

    it("an evaluator's or grader's call (its function so named, or its prompt casting the model as a quality evaluator) hands back a verdict", () => {
      const named = classifyTask(call({ enclosingFunction: 'evaluateAnswer', messages: [msg('user', '{{answer}}', [{ kind: 'interpolation', expression: 'answer' }])] }), 500);
      assert.equal(named.type, 'classification', named.reasons.join('\n'));
      const graded = classifyTask(call({ enclosingFunction: 'gradeSubmission', messages: [msg('user', '{{submission}}', [{ kind: 'interpolation', expression: 'submission' }])] }), 500);
      assert.equal(graded.type, 'classification', graded.reasons.join('\n'));
      const role = classifyTask(call({ messages: [msg('system', 'You are a meticulous senior documentation quality evaluator. Score the answer from 1 to 10.'), msg('user', '{{answer}}', [{ kind: 'interpolation', expression: 'answer' }])] }), 500);
      assert.equal(role.type, 'classification', role.reasons.join('\n'));
    });

    it('a step of a multi-step loop that sends no tools itself is read by its prompt (a moderator picking the next speaker)', () => {
      const prompt = 'You are in a role play game. The following roles are available: @writer, @critic. Read the following conversation. Then select the next role from that is going to speak next. Only return the role.';
      const result = classifyTask(call({ features: features({ tools: false, multiStep: true }), messages: [msg('user', prompt)] }), 500);
      assert.notEqual(result.type, 'tool-use', result.reasons.join('\n'));
    });

    it('translating a request into JSON, a schema or a program is extraction; translation needs a natural-language target', () => {
      const request = msg('user', '{{request}}', [{ kind: 'interpolation', expression: 'request' }]);
      const into = (text: string) => classifyTask(call({ messages: [msg('system', text), request] }), 300);
      for (const text of [
        'You are a service that translates user requests into JSON objects of type "Cart" according to the following TypeScript definitions.',
        'Translate the instruction into a program of API calls.',
        'Translate the question into a valid schema for the search filter.',
      ]) {
        const result = into(text);
        assert.equal(result.type, 'extraction', `${text}\n${result.reasons.join('\n')}`);
      }
      const french = into('Translate the following product description into French.');
      assert.equal(french.type, 'translation', french.reasons.join('\n'));
    });

    it('an instruction to reply in the user\'s language is no translation; converting a reply into the customer\'s language is', () => {
      const question = msg('user', '{{question}}', [{ kind: 'interpolation', expression: 'question' }]);
      const ask = (text: string) => classifyTask(call({ messages: [msg('system', text), question] }), 300);
      for (const text of [
        "Ask the user follow-up questions that clarify the research direction.\n\n**Respond in the same language as the user's language**",
        'Write a short plan for the report. Always reply in the same language as the question.',
      ]) {
        const result = ask(text);
        assert.notEqual(result.type, 'translation', `${text}\n${result.reasons.join('\n')}`);
      }
      const convert = ask('Convert the agent reply into the same language the customer used, keeping the tone.');
      assert.equal(convert.type, 'translation', convert.reasons.join('\n'));
    });

    it('reads an instruction to translate in the languages the rules know, Cyrillic and CJK included', () => {
      // `\b` is an ASCII word boundary: before a Cyrillic word it never matches, so those words carry none.
      for (const text of [
        'Übersetze den folgenden Text ins Englische: {{text}}',
        'Traduis ce texte en anglais : {{text}}',
        'Vertaal deze tekst naar het Engels: {{text}}',
        'Przetłumacz ten tekst na angielski: {{text}}',
        'Переведи этот текст на английский: {{text}}',
        'Пожалуйста, переведите этот текст: {{text}}',
        '次の文章を英語に翻訳してください: {{text}}',
        '请把下面的文字翻译成英文: {{text}}',
        '다음 문장을 영어로 번역해 주세요: {{text}}',
      ]) {
        const result = classifyTask(call({ messages: [msg('user', text, [{ kind: 'interpolation', expression: 'text' }])] }), 100);
        assert.equal(result.type, 'translation', `${text}\n${result.reasons.join('\n')}`);
      }
    });

    it('a helper named translate with schema-checked output and no language in sight is extraction; with a language it stays translation', () => {
      const request = msg('user', '{{request}}', [{ kind: 'interpolation', expression: 'request' }]);
      const structured = classifyTask(call({ enclosingFunction: 'translate', features: features({ structuredOutput: true }), messages: [msg('user', '{{prompt}}', [{ kind: 'message-array', expression: 'prompt' }])] }), 300);
      assert.equal(structured.type, 'extraction', structured.reasons.join('\n'));
      const toLanguage = classifyTask(call({ enclosingFunction: 'translate', features: features({ structuredOutput: true }), messages: [msg('user', 'Return the JSON with every value in {{targetLanguage}}: {{request}}', [{ kind: 'interpolation', expression: 'targetLanguage' }, { kind: 'interpolation', expression: 'request' }])] }), 300);
      assert.equal(toLanguage.type, 'translation', toLanguage.reasons.join('\n'));
      const plain = classifyTask(call({ enclosingFunction: 'translate', messages: [request] }), 300);
      assert.equal(plain.type, 'translation', plain.reasons.join('\n'));
    });

    it('a repair loop (the request re-sent with its validation error) is several requests, not an agent choosing tools', () => {
      const repair = classifyTask(call({ enclosingFunction: 'readInvoice', features: features({ structuredOutput: true, multiStep: true }), steps: { max: 2, basis: 'repair', repair: true }, messages: [msg('user', 'Reply with a JSON object {vendor, total} for this invoice: {{text}}', [{ kind: 'interpolation', expression: 'text' }])] }), 300);
      assert.equal(repair.type, 'extraction', repair.reasons.join('\n'));
      assert.ok(!repair.reasons.some((reason) => reason.includes('agent loop')), repair.reasons.join('\n'));
    });

    it('an output schema whose every field is one of fixed strings is a label to pick', () => {
      const result = classifyTask(call({ enclosingFunction: 'handleTicket', structuredOutputName: 'TicketRouting', structuredOutputShape: 'labels', features: features({ structuredOutput: true }), messages: [msg('user', '{{ticket}}', [{ kind: 'interpolation', expression: 'ticket' }])] }), 300);
      assert.equal(result.type, 'classification', result.reasons.join('\n'));
      const fields = classifyTask(call({ enclosingFunction: 'handleTicket', structuredOutputName: 'TicketRouting', features: features({ structuredOutput: true }), messages: [msg('user', '{{ticket}}', [{ kind: 'interpolation', expression: 'ticket' }])] }), 300);
      assert.notEqual(fields.type, 'classification', fields.reasons.join('\n'));
    });

    it('an output schema that is an API of functions asks for a program of calls: tool use', () => {
      const result = classifyTask(call({ enclosingFunction: 'translate', structuredOutputName: 'PlayerAPI', structuredOutputShape: 'actions', features: features({ structuredOutput: true, multiStep: true }), steps: { max: 2, basis: 'repair', repair: true }, messages: [msg('user', '{{prompt}}', [{ kind: 'message-array', expression: 'prompt' }])] }), 300);
      assert.equal(result.type, 'tool-use', result.reasons.join('\n'));
    });

    it('a messages parameter alone does not outweigh what the system prompt asks for', () => {
      const result = classifyTask(call({ messages: [msg('system', 'Generate a short title for the conversation below.'), msg('user', '{{...history}}', [{ kind: 'history', expression: '...history' }])] }), 500);
      assert.equal(result.type, 'title-generation', result.reasons.join('\n'));
    });
  });
  describe('wording real prompts use for verdicts, searches, reports and plans', () => {
    const input = msg('user', '{{input}}', [{ kind: 'interpolation', expression: 'input' }]);
    const table: Array<[string, string, string]> = [
      ['classification', 'You are a strict grader. Read the reply and decide if it answers the question fully. Respond PASS or FAIL with one reason.', 'a grader role and PASS/FAIL'],
      ['classification', 'You are an evaluator that determines if a support ticket needs a human. Return needsHuman as a boolean.', 'an evaluator that determines if'],
      ['classification', 'Identify the language of the message and its overall tone, e.g. "German, formal".', 'naming the language and tone'],
      ['query-generation', 'Turn the request below into a short query for a search engine. Keep the important nouns.', 'a query for a search engine'],
      ['query-generation', 'Rephrase the following request so it works well as a search engine results page (SERP) query. Reply with the query alone.', 'a SERP query'],
      ['long-form-writing', 'You are a market analyst who creates thorough, well-organised reports for executives. Use sections and cite sources.', 'creates thorough reports'],
      ['complex-reasoning', 'You lead a team of analysts. Break the question down into independent sub-problems, one per analyst, and say how they depend on each other.', 'breaking a problem into sub-problems'],
      ['complex-reasoning', 'Act as a Senior Software Engineer performing a code review for submitted pull requests. Point out bugs, risks and what to change.\n```diff\n{{diff}}\n```', 'a code review of a diff (deepreview)'],
      ['complex-reasoning', 'You are a meticulous reviewer. Review the changes in this patch and list the issues you find, most severe first.', 'reviewing the changes of a patch'],
    ];
    for (const [type, system, what] of table) {
      it(`${type}: ${what}`, () => {
        const result = classifyTask(call({ messages: [msg('system', system), input] }), 200);
        assert.equal(result.type, type, result.reasons.join('\n'));
      });
    }

    it('a decision between fixed outcomes asked for as JSON is a classification; extraction that mentions "whether or not" stays extraction', () => {
      const decisions = [
        'You help users reach inbox zero by reading each email and deciding whether it should be archived or not. Return your response in JSON format.',
        "You are a document filing assistant. Decide where this document should be filed based on the user's folders. Your response must be in valid JSON format.",
        'Read the email and the rules below, and choose which rule applies. Respond in JSON.',
      ];
      for (const system of decisions) {
        const result = classifyTask(call({ features: features({ structuredOutput: true }), messages: [msg('system', system), input] }), 200);
        assert.equal(result.type, 'classification', `${system}\n${result.reasons.join('\n')}`);
      }
      const extraction = classifyTask(call({ features: features({ structuredOutput: true }), messages: [msg('system', 'Extract the sender, the invoice number and the total as JSON fields, whether or not they appear in the header.'), input] }), 200);
      assert.equal(extraction.type, 'extraction', extraction.reasons.join('\n'));
    });

    it('rephrasing for a search engine outweighs a function named for the feature around it', () => {
      const result = classifyTask(call({ enclosingFunction: 'runExtraction', file: 'src/extract/extraction-service.ts', messages: [msg('user', 'Rephrase the following request so it can be sent to a search engine results page (SERP) query. Keep it short.\n{{request}}', [{ kind: 'interpolation', expression: 'request' }])] }), 200);
      assert.equal(result.type, 'query-generation', result.reasons.join('\n'));
    });

    it('a route handler named POST is not a social-media post', () => {
      const result = classifyTask(call({ enclosingFunction: 'POST', messages: [msg('user', '{{body.prompt}}', [{ kind: 'interpolation', expression: 'body.prompt' }])] }), 200);
      assert.notEqual(result.type, 'boilerplate-generation', result.reasons.join('\n'));
      assert.ok(!result.reasons.some((reason) => reason.includes('`POST`')), result.reasons.join('\n'));
    });

    it('a topic named in passing is not a label to pick', () => {
      const result = classifyTask(call({ messages: [msg('system', 'Write a blog article about the research topic the user gives, with an introduction and three sections.'), input] }), 200);
      assert.notEqual(result.type, 'classification', result.reasons.join('\n'));
      assert.ok(!result.reasons.some((reason) => /topic/.test(reason) && reason.includes('classification')), result.reasons.join('\n'));
    });
  });
  describe('signals real apps leave (general rules, each tested on a hand-built call)', () => {
    it('a chat endpoint that hands the request\'s turns on through a converter is chat; text made from the turns is not', () => {
      for (const expression of ['prepareMessagesWithFiles(messages, imageProcessor, isMultimodal)', 'buildPrompt({\n messages,\n preprompt,\n model })', 'this.toProviderMessages(input.messages)', 'messages.map((m) => ({ role: m.role, content: m.content }))']) {
        assert.ok(convertsTurns(expression), expression);
        const result = classifyTask(call({ messages: [msg('user', `{{${expression}}}`, [{ kind: 'history', expression }])] }), 500);
        assert.equal(result.type, 'chat', `${expression}\n${result.reasons.join('\n')}`);
      }
      for (const expression of ['formatChatHistoryAsString(history)', 'history.join("\\n")', 'JSON.stringify(messages)', 'messages[messages.length - 1].content', 'summarize(transcript)']) {
        assert.ok(!convertsTurns(expression), expression);
      }
    });

    it('turns handed to a call whose reply is checked against a schema are its input: the structured output decides', () => {
      const turns = msg('user', '{{this.toProviderMessages(input.messages)}}', [{ kind: 'history', expression: 'this.toProviderMessages(input.messages)' }]);
      assert.equal(classifyTask(call({ structuredOutputName: 'input.schema', features: features({ structuredOutput: true }), messages: [turns] }), 300).type, 'extraction');
      assert.equal(classifyTask(call({ messages: [turns] }), 300).type, 'chat');
    });

    it('an instruction repeated in few-shot examples counts once', () => {
      // A query rewriter's examples quote chats and follow-up questions; three of them say that no more than one does.
      const shots = [1, 2, 3].flatMap((n) => [msg('user', `<conversation>\nUser: tell me about our chatbot plans ${n}\n</conversation>\nFollow-up question: what did we decide about chatbot pricing?`), msg('assistant', `chatbot pricing decision ${n}`)]);
      const system = msg('system', 'Rewrite the follow-up question into a standalone search query.');
      const once = classifyTask(call({ messages: [system, shots[0], shots[1], msg('user', '{{q}}', [{ kind: 'interpolation', expression: 'q' }])] }), 300);
      const thrice = classifyTask(call({ messages: [system, ...shots, msg('user', '{{q}}', [{ kind: 'interpolation', expression: 'q' }])] }), 300);
      assert.equal(thrice.type, 'query-generation', thrice.reasons.join('\n'));
      // Counted three times, the chat wording would tie with the instruction and halve the confidence.
      assert.deepEqual([thrice.confidence, thrice.reasons.at(-1)], [once.confidence, once.reasons.at(-1)]);
    });

    it('"the conversation" a prompt reads is its input, not a chat it takes part in', () => {
      const reads = classifyTask(call({ messages: [msg('system', 'Make sure the rephrased query agrees with the conversation and is relevant to the conversation. Output the standalone search query.'), msg('user', '{{q}}', [{ kind: 'interpolation', expression: 'q' }])] }), 300);
      assert.equal(reads.type, 'query-generation', reads.reasons.join('\n'));
      const takesPart = classifyTask(call({ messages: [msg('system', 'You are having a conversation with the user; keep it light.'), msg('user', '{{q}}', [{ kind: 'interpolation', expression: 'q' }])] }), 300);
      assert.equal(takesPart.type, 'chat', takesPart.reasons.join('\n'));
    });

    it('a function named as a yes/no question (`checkShouldExtract`, `isRelevant`) asks for a verdict, not the work it names', () => {
      const prompt = [msg('system', 'You are a content relevance checker. Determine if the content is relevant to extract information from for the prompt. Return only true or false.'), msg('user', 'Should this content be used to extract information? {{doc}}', [{ kind: 'file-content', expression: 'doc' }])];
      const verdict = classifyTask(call({ enclosingFunction: 'checkShouldExtract', messages: prompt }), 500);
      assert.equal(verdict.type, 'classification', verdict.reasons.join('\n'));
      assert.ok(verdict.reasons.some((reason) => reason.includes('yes/no question')), verdict.reasons.join('\n'));
      assert.equal(classifyTask(call({ enclosingFunction: 'extractFields', messages: [msg('system', 'Extract the invoice number and total as JSON.')] }), 300).type, 'extraction');
    });
    it('what a prompt is handed is not what it writes (an email, a title), and a reasoning preamble in a code prompt is a technique: the work decides', () => {
      const fields = ['email.from', 'email.to', 'email.subject', 'email.content'].map((expression) => ({ kind: 'interpolation' as const, expression }));
      const sorted = classifyTask(call({ enclosingFunction: 'aiIsColdEmail', features: features({ structuredOutput: true }), messages: [msg('system', 'You are an assistant that decides if an email is a cold email or not.'), msg('user', fields.map((hole) => `{{${hole.expression}}}`).join('\n'), fields)] }), 50);
      assert.equal(sorted.type, 'classification', sorted.reasons.join('\n'));
      assert.ok(!sorted.reasons.some((reason) => reason.includes('suggests boilerplate-generation')), sorted.reasons.join('\n'));
      const analyzed = classifyTask(call({ enclosingFunction: 'aiAnalyzeEmailBehavior', messages: [msg('user', 'Look at these emails: {{emails}}', [{ kind: 'interpolation', expression: 'emails' }])] }), 300);
      assert.notEqual(analyzed.type, 'boilerplate-generation', analyzed.reasons.join('\n'));
      // A document's title handed in is the topic, not a title to write; "write about the given topic" with headings is an article.
      const article = classifyTask(call({ messages: [msg('system', 'Write about the given topic. Markdown is supported. Use headings wherever appropriate.'), msg('user', '{{title}}', [{ kind: 'interpolation', expression: 'title' }])] }), 800);
      assert.equal(article.type, 'long-form-writing', article.reasons.join('\n'));
      // A reasoning preamble in a code prompt ("think step by step about the algorithm") is a technique; the work is code.
      const code = classifyTask(call({ messages: [msg('system', 'You take a prompt and existing unit tests and generate the function implementation accordingly. Think step by step about the algorithm, reasoning about the problem and the solution, the data structures and strategy you will use.'), msg('user', '{{prompt}}', [{ kind: 'interpolation', expression: 'prompt' }])] }), 2000);
      assert.equal(code.type, 'code-generation', code.reasons.join('\n'));
      // Writing one still is.
      assert.equal(classifyTask(call({ enclosingFunction: 'writeNewsletter', messages: [msg('user', 'Topic: {{topic}}', [{ kind: 'interpolation', expression: 'topic' }])] }), 600).type, 'boilerplate-generation');
    });
      it('a period\'s numbers described, or a text that is itself a summary, is summarization even in a styled prompt', () => {
      const metrics = msg('user', 'Metrics: {{metrics}}', [{ kind: 'interpolation', expression: 'metrics' }]);
      const story = classifyTask(call({ messages: [msg('user', "You write ONE sentence that connects this week's performance to a clear next action. Never restate the summary. Tone: direct. Use the exact currency format."), metrics] }), 300);
      assert.equal(story.type, 'summarization', story.reasons.join('\n'));
      const paragraph = classifyTask(call({ messages: [msg('user', 'You write the summary paragraph for the report. Listing the numbers separately feels like a spreadsheet. Tone: warm.'), metrics] }), 300);
      assert.equal(paragraph.type, 'summarization', paragraph.reasons.join('\n'));
      // Judging a weekly insight is not writing one; metrics given as input to a reasoning task are not a summary to write.
      assert.equal(classifyTask(call({ messages: [msg('user', 'You are evaluating if a weekly business insight has the appropriate tone. Answer PASS or FAIL.'), metrics] }), 300).type, 'classification');
      assert.notEqual(classifyTask(call({ messages: [msg('system', 'Given the quarterly metrics, estimate runway under three hiring plans and show the arithmetic.'), metrics] }), 300).type, 'summarization');
    });

    it('an implementation plan for a single page app is planning, not a one-page summary', () => {
      const result = classifyTask(call({ messages: [msg('system', 'You are an expert software architect responsible for taking an idea of an app, analyzing it, and producing an implementation plan for a single page React frontend app.'), msg('user', '{{prompt}}', [{ kind: 'interpolation', expression: 'prompt' }])] }), 300);
      assert.equal(result.type, 'complex-reasoning', result.reasons.join('\n'));
      assert.equal(classifyTask(call({ messages: [msg('system', 'Condense these meeting notes to a single page.'), msg('user', '{{notes}}', [{ kind: 'interpolation', expression: 'notes' }])] }), 300).type, 'summarization');
    });

    it('a short title of a page is title generation, and pieces of one fetched page count once as context', () => {
      const page = msg('user', 'Generate a 9-10 word description and a 3-4 word title of the entire page for this url: {{document.url}} {{document.markdown}}', [
        { kind: 'rag-context', expression: 'document.url' },
        { kind: 'rag-context', expression: 'document.markdown' },
      ]);
      const result = classifyTask(call({ messages: [page] }), 800);
      assert.equal(result.type, 'title-generation', result.reasons.join('\n'));
      // Retrieved passages still make a grounded answer.
      assert.equal(classifyTask(call({ messages: [msg('system', 'Answer using only the provided context.'), msg('user', '{{chunks}} {{sources}} {{question}}', [{ kind: 'rag-context', expression: 'chunks' }, { kind: 'rag-context', expression: 'sources' }, { kind: 'interpolation', expression: 'question' }])] }), 800).type, 'rag-qa');
    });

    it('a probe whose prompt only dictates the reply ("Reply with the single word: ok") is no label to pick', () => {
      const probe = classifyTask(call({ maxOutputTokens: 8, messages: [msg('user', 'Reply with the single word: ok')] }), 20);
      assert.equal(probe.type, 'other', probe.reasons.join('\n'));
      // A one-word answer chosen from the input is still a label.
      assert.equal(classifyTask(call({ maxOutputTokens: 8, messages: [msg('user', 'Reply with a single word, positive or negative, for this review: {{review}}', [{ kind: 'interpolation', expression: 'review' }])] }), 20).type, 'classification');
    });

    it('authoring a JSON schema from a request is writing a spec (code), not extracting into one', () => {
      const rules = Array.from({ length: 8 }, (_, n) => `Rule ${n + 1}: keep property names in camelCase and give every property a type and a description.`).join('\n');
      const author = classifyTask(call({ features: features({ structuredOutput: true }), messages: [msg('system', `Generate a JSON schema based on the user's prompt. Return a valid JSON schema object with properties that would capture the information requested in the prompt.\n${rules}`), msg('user', 'Generate a JSON schema for extracting the following information: {{prompt}}', [{ kind: 'interpolation', expression: 'prompt' }])] }), 600);
      assert.equal(author.type, 'code-generation', author.reasons.join('\n'));
      const fill = classifyTask(call({ features: features({ structuredOutput: true }), messages: [msg('system', 'Extract the invoice number, date and total from the document into the JSON schema below. Use null for missing fields.'), msg('user', '{{document}}', [{ kind: 'file-content', expression: 'document' }])] }), 600);
      assert.equal(fill.type, 'extraction', fill.reasons.join('\n'));
    });

    it('writing "the headline" or "a title" for something is title generation', () => {
      const result = classifyTask(call({ messages: [msg('user', 'You write the headline for an insight card on the dashboard. Tone: direct, under 30 words.'), msg('user', '{{data}}', [{ kind: 'interpolation', expression: 'data' }])] }), 300);
      assert.equal(result.type, 'title-generation', result.reasons.join('\n'));
    });

    it('a forced tool named for a choice (`route_query`) is a label to pick, even over the turns it reads', () => {
      const result = classifyTask(call({ toolNames: ['route_query'], forcedTool: 'route_query', features: features({ tools: true, structuredOutput: true }), messages: [msg('user', 'Users have a chat window and a canvas. {{...messages}}', [{ kind: 'history', expression: '...messages' }])] }), 500);
      assert.equal(result.type, 'classification', result.reasons.join('\n'));
      assert.ok(result.reasons.some((reason) => reason.includes('names a choice')), result.reasons.join('\n'));
    });

    it('mapping the columns of a CSV to a fixed output schema is extraction, not code (a CSV named in a prompt is data)', () => {
      const prompt = 'You map transaction CSV columns to a fixed output schema.\nMap CSV columns to: date, description, amount.\nReturn only schema fields in object form. No prose.\n{{columnList}}';
      const result = classifyTask(call({ features: features({ structuredOutput: true }), messages: [msg('user', prompt, [{ kind: 'interpolation', expression: 'columnList' }])] }), 500);
      assert.equal(result.type, 'extraction', result.reasons.join('\n'));
    });

    it("a product's documentation assistant answering the users' questions is chat, whatever features its prompt lists", () => {
      const system = "You are Acme's documentation assistant. Help users understand how to use Acme.\n\nYou can answer questions about:\n- **Transactions**: Categorization, tags, filtering, search\n- **Invoicing**: recurring invoices, templates\n\nKeep answers concise.";
      const result = classifyTask(call({ features: features({ streaming: true }), messages: [msg('system', system), msg('user', '{{messages}}', [{ kind: 'history', expression: 'messages' }])] }), 500);
      assert.equal(result.type, 'chat', result.reasons.join('\n'));
    });

    it('an answer that is only true or false is a verdict, even about extracting', () => {
      const ask = (answer: string) => classifyTask(call({ messages: [msg('system', 'You are a relevance checker. Decide if the page holds data worth extracting for the schema.'), msg('user', `Should this page be used to extract information? {{page}} ${answer}`, [{ kind: 'file-content', expression: 'page' }])] }), 500);
      const verdict = ask('Return only true or false.');
      assert.equal(verdict.type, 'classification', verdict.reasons.join('\n'));
      assert.ok(verdict.reasons.some((reason) => reason.includes('Return only true or false')), verdict.reasons.join('\n'));
    });
  });

  it('classifies a call the same whatever was classified before it (the wording findings kept per text)', () => {
    // Texts repeat across calls and roles; the findings of a text are kept after its first use. Each run
    // gets texts never seen before (a run number the rules do not read), classified in one order and
    // then the other: the first use of each text is worked out, later ones are kept findings.
    const opening = 'You are a support assistant that writes commit messages for the diff below. ';
    const pool = [
      'Summarize the following article in three bullet points.',
      'Translate the text from English into French and German. ',
      'Answer using only the provided context. If the answer is not in the context, say you do not know.',
      `${opening}${'Keep lines short, use the imperative mood, mention the ticket id when there is one. '.repeat(12)}`,
      'Extract the invoice number, date and total as JSON. Use null for missing fields.',
      'Reply in {{targetLocale}}: {{message}}',
      'Connect with postgres://admin:hunter2@db.internal:5432/app and classify the ticket as billing or sales.',
      '   ',
    ];
    let run = 0;
    const calls = fc.array(
      fc.array(fc.record({ role: fc.constantFrom<'system' | 'user' | 'assistant'>('system', 'user', 'assistant'), text: fc.integer({ min: 0, max: pool.length - 1 }) }), { minLength: 1, maxLength: 4 }),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(calls, fc.boolean(), (shapes, structured) => {
        run++;
        const built = shapes.map((messages) =>
          call({
            features: features({ structuredOutput: structured }),
            messages: messages.map(({ role, text }) => msg(role, `${pool[text]}\n\nrun ${run}`, pool[text].includes('{{') ? [{ kind: 'interpolation', expression: 'targetLocale' }] : [])),
          }),
        );
        const forward = built.map((c) => classifyTask(c, 0));
        const backward = built.slice().reverse().map((c) => classifyTask(c, 0)).reverse();
        assert.deepEqual(backward, forward);
      }),
      { seed: 20261201, numRuns: 150 },
    );
  });
});
