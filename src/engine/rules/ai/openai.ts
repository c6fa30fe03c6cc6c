/**
 * OpenAI API keys. Every current format carries `T3BlbkFJ` ("OpenAI" in base64) in the middle: project
 * keys (`sk-proj-`), service-account keys (`sk-svcacct-`), legacy user keys (`sk-` + 20 + marker + 20)
 * and admin keys (`sk-admin-`).
 */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

function keyKind(secret: string) {
  if (secret.startsWith('sk-proj-')) return { verdict: 'unknown' as const, title: 'OpenAI project API key', details: { keyType: 'project' } };
  if (secret.startsWith('sk-svcacct-')) return { verdict: 'unknown' as const, title: 'OpenAI service account key', details: { keyType: 'service account' } };
  return { verdict: 'unknown' as const, details: { keyType: 'user (legacy)' } };
}

export const openaiApiKey: Rule = {
  id: 'openai-api-key',
  title: 'OpenAI API key',
  provider: 'OpenAI',
  category: 'ai',
  keywords: ['t3blbkfj'],
  pattern:
    /(?<![A-Za-z0-9_-])(?<secret>sk-(?:proj|svcacct|None)-[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: rejectPlaceholders(keyKind),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An OpenAI API key in the browser lets anyone run models on your bill and, depending on its permissions, read your files, assistants and fine-tunes. Usage is charged to the key\'s project until it is revoked.',
  remediation:
    'Revoke the key at https://platform.openai.com/api-keys, set usage limits, and call OpenAI from your backend (or issue short-lived ephemeral tokens for Realtime sessions) instead of shipping a key.',
  samples: {
    positives: [
      'const openai=new OpenAI({apiKey:"sk-proj-{{base64url:74}}T3BlbkFJ{{base64url:74}}",dangerouslyAllowBrowser:true});',
      'OPENAI_API_KEY=sk-{{alnum:20}}T3BlbkFJ{{alnum:20}}',
      'headers:{Authorization:"Bearer sk-svcacct-{{base64url:58}}T3BlbkFJ{{base64url:58}}"}',
    ],
    negatives: [
      'sk-proj-{{alnum:40}}',
      'sk-{{alnum:48}}',
      'OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxx',
      'sk-admin-{{base64url:58}}T3BlbkFJ{{base64url:58}}',
    ],
  },
};

export const openaiAdminKey: Rule = {
  id: 'openai-admin-key',
  title: 'OpenAI admin API key',
  provider: 'OpenAI',
  category: 'ai',
  keywords: ['sk-admin-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sk-admin-[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An OpenAI admin key manages the organization: it invites and removes users, creates projects and API keys, and reads audit logs and usage.',
  remediation: 'Delete the admin key in the OpenAI organization settings (Admin keys), review the audit log, and use admin keys only from trusted automation.',
  samples: {
    positives: ['OPENAI_ADMIN_KEY=sk-admin-{{base64url:58}}T3BlbkFJ{{base64url:58}}', 'Authorization: Bearer sk-admin-{{alnum:60}}T3BlbkFJ{{alnum:60}}'],
    negatives: ['sk-admin-{{alnum:60}}', 'sk-admin-xxxxxxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
