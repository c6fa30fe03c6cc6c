/** Azure OpenAI / Azure AI services keys: 32 hex (or 84-character) keys named near an Azure OpenAI endpoint. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const azureOpenaiApiKey: Rule = {
  id: 'azure-openai-api-key',
  title: 'Azure OpenAI API key',
  provider: 'Azure OpenAI',
  category: 'ai',
  keywords: ['openai.azure.com', 'cognitiveservices.azure.com', 'azure_openai', 'azureopenai', 'azure-openai', 'services.ai.azure.com'],
  pattern:
    /(?:api[_-]?key|azure[_-]?openai[_-]?(?:api[_-]?)?key|ocp-apim-subscription-key)["'`]?\s{0,3}(?:[:=,]|=>)\s{0,3}["'`]?(?<secret>[0-9a-f]{32}|[A-Za-z0-9]{84})(?![A-Za-z0-9])/i,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An Azure OpenAI (Azure AI services) key calls the resource\'s model deployments on your subscription\'s bill; anyone with it can run up costs or use your content filters and quotas.',
  remediation:
    'Regenerate the key in the Azure portal (resource > Keys and Endpoint > Regenerate), call the endpoint from your backend, and prefer Entra ID authentication (managed identity) over keys.',
  samples: {
    positives: [
      'const client=new AzureOpenAI({endpoint:"https://demo.openai.azure.com/",apiKey:"{{hex:32}}",apiVersion:"2024-10-21"});',
      'AZURE_OPENAI_ENDPOINT=https://demo.openai.azure.com\nAZURE_OPENAI_API_KEY={{alnum:84}}',
    ],
    negatives: ['const client=new AzureOpenAI({endpoint:"https://demo.openai.azure.com/",apiKey:process.env.KEY});', 'const x={apiKey:"{{hex:32}}"};'],
  },
};
