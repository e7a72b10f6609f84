import { qianfanAnalyzer } from '../../../src/analyzers/qianfan';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('qianfan analyzer', qianfanAnalyzer, {
  valid: [
    { name: "another library's chat() and the SDK's own key exchange send no prompt", code: `import { ChatCompletion, getAccessToken } from '@baiducloud/qianfan';\nimport { Bot } from 'chat-bots';\nexport const bot = new Bot();\nexport const said = bot.chat({ messages: [] });\nexport const token = getAccessToken();\nexport const client = new ChatCompletion();` },
  ],
  invalid: [
    {
      name: "ChatCompletion's chat with the model, the system prompt and an output limit in the body; the package's Qianfan client, required where it is made and kept on the instance",
      code: `import { ChatCompletion } from '@baiducloud/qianfan';
const client = new ChatCompletion({ QIANFAN_AK: 'ak', QIANFAN_SK: 'sk' });
export const ask = (text: string) => client.chat({ model: 'ERNIE-4.0-8K', system: 'Answer in one sentence.', messages: [{ role: 'user', content: text }], max_output_tokens: 100 });
export class Provider {
  private client: any;
  constructor(apiKey: string, secretKey: string) {
    const Qianfan = require('@baiducloud/qianfan');
    this.client = new Qianfan.Qianfan(apiKey, secretKey);
  }
  async stream(messages: Array<{ role: string; content: string }>) {
    return this.client.chat({ model: 'ERNIE-Speed-128K', messages, stream: true });
  }
}`,
      calls: [
        { line: 3, method: 'chat', provider: 'baidu', endpoint: 'chat', model: 'ERNIE-4.0-8K', promptIncludes: ['Answer in one sentence.'] },
        { line: 11, method: 'chat', provider: 'baidu', model: 'ERNIE-Speed-128K', features: { streaming: true } },
      ],
    },
  ],
});
