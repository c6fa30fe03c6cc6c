/** AMQP (RabbitMQ, CloudAMQP, Amazon MQ) connection URLs with a password. */
import type { Rule } from '../../types.ts';
import { credentialUrlPattern, validateUrlCredentials } from '../../validators/connection-string.ts';

export const amqpConnectionString: Rule = {
  id: 'amqp-connection-string',
  title: 'AMQP connection string with password',
  provider: 'RabbitMQ',
  category: 'connection-string',
  keywords: ['amqp'],
  pattern: credentialUrlPattern('amqps?'),
  maxLength: 420,
  validate: validateUrlCredentials,
  severity: 'critical',
  exposure: 'secret',
  description:
    'An AMQP URL with a password connects to the broker’s virtual host as that user: consuming (stealing) queued messages, publishing forged ones, or deleting queues, within the user’s permissions.',
  remediation: 'Change the user’s password on the broker (or in CloudAMQP / Amazon MQ), keep the URL server-side, and use a browser-safe channel (your API, or a WebSocket with its own auth) for clients.',
  samples: {
    positives: ['CLOUDAMQP_URL=amqps://{{lower:8}}:{{base64url:32}}@goose.rmq2.cloudamqp.com/{{lower:8}}', 'amqp.connect("amqp://orders:{{alnum:20}}@mq.internal.corp:5672/prod")'],
    negatives: ['amqp://guest:$RABBIT_PASS@localhost:5672', 'amqp://localhost', 'amqps://user:<password>@host/vhost'],
  },
};
