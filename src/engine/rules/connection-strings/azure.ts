/**
 * Azure Service Bus, Event Hubs and IoT Hub connection strings
 * (`Endpoint=sb://…;SharedAccessKeyName=…;SharedAccessKey=…`). Storage and Cosmos DB account keys in
 * connection strings (`AccountKey=…`) are reported by the Azure rules in cloud/.
 */
import type { Rule } from '../../types.ts';
import { isPlaceholder } from '../../validators/placeholder.ts';

const notPlaceholder = (secret: string) => (isPlaceholder(secret.replace(/=+$/, '')) ? { verdict: 'invalid' as const } : { verdict: 'unknown' as const });

export const azureServiceBusConnectionString: Rule = {
  id: 'azure-service-bus-connection-string',
  title: 'Azure Service Bus / Event Hubs / IoT Hub connection string',
  provider: 'Microsoft Azure',
  category: 'connection-string',
  keywords: ['sharedaccesskey='],
  pattern:
    /(?:Endpoint=sb:\/\/[A-Za-z0-9.-]{1,200}\/?|HostName=[A-Za-z0-9.-]{1,200}\.azure-devices\.net);\s{0,2}(?:[A-Za-z]{1,40}=[^;"'`\s]{0,200};\s{0,2}){0,4}SharedAccessKey=(?<secret>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])/i,
  maxLength: 1300,
  minEntropy: 4.0,
  validate: notPlaceholder,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A shared access key in a Service Bus, Event Hubs or IoT Hub connection string signs tokens with the policy’s rights (Send, Listen or Manage): reading or injecting messages, or controlling devices.',
  remediation: 'Regenerate the keys of that shared access policy in the Azure portal and give clients short-lived SAS tokens issued by your server.',
  samples: {
    positives: [
      'SERVICEBUS="Endpoint=sb://{{alnumlower:10}}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={{base64:43}}="',
      'HostName={{alnumlower:8}}.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey={{base64:43}}=',
    ],
    negatives: ['Endpoint=sb://{{alnumlower:10}}.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=<key>', 'SharedAccessKey={{base64:43}}='],
  },
};
