import { openai, MODELS } from '../llm/client';

interface Passage {
  title: string;
  text: string;
}

/** Answers a customer question from help-center articles found by the search index. */
export async function answerFromKnowledgeBase(question: string, passages: Passage[]): Promise<string> {
  const context = passages.map((p) => `## ${p.title}\n${p.text}`).join('\n\n');
  const response = await openai.chat.completions.create({
    model: MODELS.smart,
    max_tokens: 400,
    messages: [
      {
        role: 'system',
        content: 'You answer questions about our product using only the help-center articles provided. If the answer is not in the articles, say you do not know.',
      },
      { role: 'user', content: `Articles:\n${context}\n\nQuestion: ${question}` },
    ],
  });
  return response.choices[0].message.content ?? '';
}

/** Embeds help-center articles for the search index. */
export async function embedArticle(text: string): Promise<number[]> {
  const response = await openai.embeddings.create({ model: 'text-embedding-3-small', input: text });
  return response.data[0].embedding;
}
