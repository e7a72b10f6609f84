import { watsonxAnalyzer } from '../../../src/analyzers/watsonx';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('watsonx analyzer', watsonxAnalyzer, {
  valid: [
    {
      name: 'making the service and listing models sends no request; a generateText() of another object is none',
      code: `import { WatsonXAI } from '@ibm-cloud/watsonx-ai';
const service = WatsonXAI.newInstance({ version: '2024-05-31', serviceUrl: 'https://us-south.ml.cloud.ibm.com' });
export const models = service.listFoundationModelSpecs();
export const other = (client: any) => client.generateText({ input: 'hi', modelId: 'ibm/granite-3-8b-instruct' });`,
    },
  ],
  invalid: [
    {
      name: 'generateText with the model and parameters spread from a constant',
      code: `import { WatsonXAI } from '@ibm-cloud/watsonx-ai';
const watsonxAIService = WatsonXAI.newInstance({ version: '2024-05-31', serviceUrl: process.env.WATSONX_URL });
const params = { modelId: 'ibm/granite-34b-code-instruct', projectId: process.env.PROJECT_ID, parameters: { max_new_tokens: 800 } };
export async function write(prompt: string) {
  const response = await watsonxAIService.generateText({ input: prompt, ...params });
  return response.result.results[0].generated_text;
}`,
      calls: [{ line: 5, method: 'generateText', sdk: 'watsonx', provider: 'ibm-watsonx', endpoint: 'completion', model: 'ibm/granite-34b-code-instruct', maxOutputTokens: 800 }],
    },
    {
      name: 'a streamed chat',
      code: `import { WatsonXAI } from '@ibm-cloud/watsonx-ai';
const service = WatsonXAI.newInstance({ version: '2024-05-31', serviceUrl: 'https://eu-de.ml.cloud.ibm.com' });
export const chat = (question: string) => service.textChatStream({ modelId: 'meta-llama/llama-3-3-70b-instruct', projectId: 'p', messages: [{ role: 'system', content: 'Answer in French.' }, { role: 'user', content: question }] });`,
      calls: [{ line: 3, method: 'textChatStream', provider: 'ibm-watsonx', endpoint: 'chat', model: 'meta-llama/llama-3-3-70b-instruct', features: { streaming: true }, promptIncludes: ['Answer in French.'] }],
    },
  ],
});
