import * as assert from 'node:assert/strict';
import { scriptText } from '../../../src/scan/componentScripts';
import { scanProject } from '../fixtureProject';

const VUE = `<template>
  <button @click="ask(question)">Ask</button>
</template>

<script setup lang="ts">
import OpenAI from 'openai';
const openai = new OpenAI({ dangerouslyAllowBrowser: true });
async function ask(question: string) {
  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
}
</script>

<style scoped>
button { color: red; }
</style>
`;

const SVELTE = `<script context="module" lang="ts">
  export const prerender = false;
</script>

<script lang="ts">
  import Anthropic from '@anthropic-ai/sdk';
  const anthropic = new Anthropic({ dangerouslyAllowBrowser: true });
  let reply = '';
  async function summarize(text: string) {
    const message = await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 300, messages: [{ role: 'user', content: 'Summarize: ' + text }] });
    reply = message.content[0].type === 'text' ? message.content[0].text : '';
  }
</script>

<p>{reply}</p>
<button on:click={() => summarize('openai.chat.completions.create in markup is no call')}>Go</button>
`;

describe('single-file components (.vue, .svelte)', () => {
  it('keeps the script blocks in place and blanks the rest, line for line', () => {
    const text = scriptText('src/Ask.vue', VUE);
    assert.equal(text.length, VUE.length);
    assert.equal(text.split('\n').length, VUE.split('\n').length);
    assert.equal(text.split('\n')[8], VUE.split('\n')[8], 'a script line is kept as written');
    assert.doesNotMatch(text, /template|button|<script|style/);
    assert.equal(scriptText('src/ask.ts', VUE), VUE, 'other files are read as they are');
  });

  it('are scanned through their scripts: the requests at their lines in the component, nothing from the markup', async () => {
    const result = await scanProject({ 'src/Ask.vue': VUE, 'src/Summary.svelte': SVELTE }, 'components-');
    const sites = result.callSites.map((site) => `${site.file}:${site.line} ${site.provider} ${site.model.id}`).sort();
    assert.deepEqual(sites, ['src/Ask.vue:9 openai gpt-4o-mini', 'src/Summary.svelte:10 anthropic claude-haiku-4-5']);
  });
});
