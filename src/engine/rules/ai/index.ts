/** Rules of this category, one provider family per file. Keep the list sorted by file name. */
import type { Rule } from '../../types.ts';
import { anthropicAdminKey, anthropicApiKey, anthropicOAuthToken } from './anthropic.ts';
import { assemblyAiApiKey } from './assemblyai.ts';
import { azureOpenaiApiKey } from './azure-openai.ts';
import { cohereApiKey } from './cohere.ts';
import { deepgramApiKey } from './deepgram.ts';
import { deepseekApiKey } from './deepseek.ts';
import { elevenLabsApiKey } from './elevenlabs.ts';
import { firecrawlApiKey } from './firecrawl.ts';
import { fireworksApiKey } from './fireworks.ts';
import { groqApiKey } from './groq.ts';
import { huggingFaceAccessToken, huggingFaceOrgToken } from './huggingface.ts';
import { langsmithApiKey } from './langsmith.ts';
import { mistralApiKey } from './mistral.ts';
import { openaiAdminKey, openaiApiKey } from './openai.ts';
import { openRouterApiKey } from './openrouter.ts';
import { perplexityApiKey } from './perplexity.ts';
import { pineconeApiKey } from './pinecone.ts';
import { replicateApiToken } from './replicate.ts';
import { stabilityApiKey } from './stability.ts';
import { tavilyApiKey } from './tavily.ts';
import { togetherApiKey } from './together.ts';
import { voyageApiKey } from './voyage.ts';
import { xaiApiKey } from './xai.ts';

export const aiRules: readonly Rule[] = [
  anthropicApiKey,
  anthropicAdminKey,
  anthropicOAuthToken,
  assemblyAiApiKey,
  azureOpenaiApiKey,
  cohereApiKey,
  deepgramApiKey,
  deepseekApiKey,
  elevenLabsApiKey,
  firecrawlApiKey,
  fireworksApiKey,
  groqApiKey,
  huggingFaceAccessToken,
  huggingFaceOrgToken,
  langsmithApiKey,
  mistralApiKey,
  openaiApiKey,
  openaiAdminKey,
  openRouterApiKey,
  perplexityApiKey,
  pineconeApiKey,
  replicateApiToken,
  stabilityApiKey,
  tavilyApiKey,
  togetherApiKey,
  voyageApiKey,
  xaiApiKey,
];
