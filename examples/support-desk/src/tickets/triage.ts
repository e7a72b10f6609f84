import { openai, MODELS } from '../llm/client';

export type Category = 'billing' | 'bug' | 'feature-request' | 'account' | 'other';

/** Routes each incoming ticket to a queue. */
export async function classifyTicket(subject: string, body: string): Promise<Category> {
  // llm-advisor: calls=60000/month
  const response = await openai.chat.completions.create({
    model: 'gpt-4o',
    temperature: 0,
    max_tokens: 5,
    messages: [
      {
        role: 'system',
        content: 'Classify the support ticket into exactly one category: billing, bug, feature-request, account, other. Answer with the category only.',
      },
      { role: 'user', content: `Subject: ${subject}\n\n${body}` },
    ],
  });
  return (response.choices[0].message.content?.trim() ?? 'other') as Category;
}

/** Condenses a long ticket thread for the agent who picks it up. */
export async function summarizeThread(thread: string): Promise<string> {
  const response = await openai.chat.completions.create({
    model: MODELS.smart,
    max_tokens: 300,
    messages: [
      { role: 'system', content: 'Summarize this customer support conversation in 3-5 bullet points: the problem, what was tried, and what the customer is waiting for.' },
      { role: 'user', content: thread },
    ],
  });
  return response.choices[0].message.content ?? '';
}
