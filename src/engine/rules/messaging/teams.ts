/** Microsoft Teams: incoming webhook URLs and Power Automate / Logic Apps workflow trigger URLs. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const GUID = String.raw`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`;

export const teamsIncomingWebhookUrl: Rule = {
  id: 'teams-incoming-webhook-url',
  title: 'Microsoft Teams incoming webhook URL',
  provider: 'Microsoft Teams',
  category: 'messaging',
  keywords: ['webhook.office.com/webhookb2/', 'outlook.office.com/webhook/'],
  pattern: new RegExp(
    String.raw`(?<secret>https:\/\/(?:[a-z0-9-]{1,60}\.webhook\.office\.com\/webhookb2|outlook\.office\.com\/webhook)\/${GUID}@${GUID}\/IncomingWebhook\/[0-9a-f]{32}\/${GUID}(?:\/[A-Za-z0-9_-]{20,80})?)(?![A-Za-z0-9_-])`,
  ),
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Teams incoming webhook URL is a bearer credential: anyone with it can post cards and messages (including phishing links) into the channel.',
  remediation: 'Remove the connector or webhook from the channel (Manage channel > Connectors / Workflows) and post to Teams from your backend.',
  samples: {
    positives: [
      'const url="https://demo.webhook.office.com/webhookb2/{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}@{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}/IncomingWebhook/{{hex:32}}/{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}/V2{{base64url:40}}";',
      'TEAMS_WEBHOOK=https://outlook.office.com/webhook/{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}@{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}/IncomingWebhook/{{hex:32}}/{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}',
    ],
    negatives: ['https://demo.webhook.office.com/webhookb2/{{hex:8}}-{{hex:4}}', 'https://demo.webhook.office.com/webhookb2/<webhook-id>'],
  },
};

export const teamsWorkflowWebhookUrl: Rule = {
  id: 'teams-workflow-webhook-url',
  title: 'Power Automate / Logic Apps workflow trigger URL',
  provider: 'Microsoft Teams',
  category: 'messaging',
  keywords: ['logic.azure.com', 'api.powerplatform.com'],
  // The `sig` query parameter is the shared-access signature that authorizes the trigger.
  pattern:
    /(?:\.logic\.azure\.com(?::443)?|\.environment\.api\.powerplatform\.com(?::443)?\/powerautomate\/automations\/direct)\/workflows\/[0-9a-f]{32}\/triggers\/[A-Za-z0-9_-]{1,80}\/paths\/invoke\/?\?[^\s"'`<>]{0,300}?(?:&|\?|&amp;)sig=(?<secret>[A-Za-z0-9_%-]{40,60})/,
  maxLength: 700,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A workflow trigger URL (the Teams "Workflows" webhook, Power Automate or Logic Apps) carries its own signature: anyone with it can start the flow with any payload, posting to Teams or running whatever the flow does.',
  remediation: 'Regenerate the trigger\'s callback URL (or delete and re-create the trigger) and call it only from your backend.',
  samples: {
    positives: [
      'fetch("https://prod-42.westeurope.logic.azure.com:443/workflows/{{hex:32}}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={{base64url:43}}",{method:"POST"})',
      'TEAMS_FLOW=https://default{{hex:30}}.12.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/{{hex:32}}/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={{base64url:43}}',
    ],
    negatives: ['https://prod-42.westeurope.logic.azure.com/workflows/{{hex:32}}/triggers/manual/paths/invoke?api-version=2016-06-01', 'https://prod-42.westeurope.logic.azure.com/workflows/{{hex:32}}/triggers/manual/paths/invoke?sig=<signature>'],
  },
};
