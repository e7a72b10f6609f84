import { openai } from '../llm/client';

const EXTRACTION_PROMPT = `Extract the following fields from the customer's email and return them as JSON:
order_id (string or null), product (string or null), refund_requested (boolean), sentiment ("positive" | "neutral" | "negative").`;

/** Pulls structured fields out of a free-text email. */
export async function extractOrderDetails(email: string) {
  const response = await openai.chat.completions.create({
    model: 'gpt-4o',
    response_format: { type: 'json_object' },
    messages: [
      { role: 'system', content: EXTRACTION_PROMPT },
      { role: 'user', content: email },
    ],
  });
  return JSON.parse(response.choices[0].message.content ?? '{}');
}

/** Replies to customers in their own language. */
export async function translateReply(reply: string, language: string): Promise<string> {
  const response = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: `Translate the support agent's reply into ${language}. Keep the tone friendly and keep product names untranslated.` },
      { role: 'user', content: reply },
    ],
  });
  return response.choices[0].message.content ?? reply;
}
