import OpenAI from 'openai';

const reasoningClient = new OpenAI();

/** Decides whether a refund request is allowed under the terms of service; escalates edge cases. */
export async function reviewRefundEligibility(terms: string, caseFile: string): Promise<string> {
  const response = await reasoningClient.chat.completions.create({
    model: 'o3-mini',
    messages: [
      {
        role: 'user',
        content: `Think step by step. Given these terms of service and this case file, determine whether the customer is entitled to a refund under each clause, citing the clause numbers, and explain the reasoning.\n\nTerms:\n${terms}\n\nCase file:\n${caseFile}`,
      },
    ],
  });
  return response.choices[0].message.content ?? '';
}
