/** Pinecone: API keys (`pcsk_`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const pineconeApiKey: Rule = {
  id: 'pinecone-api-key',
  title: 'Pinecone API key',
  provider: 'Pinecone',
  category: 'ai',
  keywords: ['pcsk_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>pcsk_[A-Za-z0-9]{3,10}_[A-Za-z0-9]{40,100})(?![A-Za-z0-9_])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Pinecone API key reads, writes and deletes vectors in every index of its project, including the source text stored as metadata.',
  remediation: 'Delete the key in the Pinecone console (API keys), and query indexes from your backend.',
  samples: {
    positives: ['const pc=new Pinecone({apiKey:"pcsk_{{alnum:6}}_{{alnum:63}}"});', 'PINECONE_API_KEY=pcsk_{{alnum:5}}_{{alnum:70}}'],
    negatives: ['pcsk_{{alnum:6}}', 'pcsk_{{alnum:6}}_{{alnum:20}}'],
  },
};
