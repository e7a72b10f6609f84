import OpenAI from 'openai';

/** One shared client for the whole service. */
export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export const MODELS = {
  fast: 'gpt-4o-mini',
  smart: 'gpt-4o',
} as const;
