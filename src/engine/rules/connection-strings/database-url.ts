/** Credential URLs of other data stores and brokers (ClickHouse, Cassandra, CouchDB, Neo4j, NATS, MQTT, Kafka…). */
import type { Rule } from '../../types.ts';
import { credentialUrlPattern, validateUrlCredentials } from '../../validators/connection-string.ts';

export const databaseUrlCredentials: Rule = {
  id: 'database-url-credentials',
  title: 'Data store URL with password',
  provider: 'Database',
  category: 'connection-string',
  keywords: ['clickhouse', 'cassandra', 'couchdb', 'neo4j', 'bolt', 'cockroach', 'snowflake', 'oracle', 'db2', 'influxdb', 'elasticsearch', 'opensearch', 'memcached', 'nats', 'mqtt', 'kafka', 'stomp', 'libsql', 'surrealdb', 'arangodb', 'rethinkdb', 'couchbase', 'firebird', 'presto', 'trino', 'vertica', 'hana', 'teradata', 'sybase', 'tidb', 'yugabyte'],
  pattern: credentialUrlPattern(
    'clickhouse(?:\\+[a-z]{1,10})?|cassandra|couchdbs?|neo4j(?:\\+s{1,2}c?)?|bolt(?:\\+s{1,2}c?)?|cockroachdb|snowflake|oracle(?:\\+[a-z_]{1,16})?|db2|influxdb|elasticsearch|opensearch|memcached?|nats|mqtts?|kafka|stomp|libsql|surrealdb|arangodb|rethinkdb|couchbases?|firebird|presto|trino|vertica|hana|teradata|sybase|tidb|yugabytedb',
  ),
  maxLength: 440,
  validate: validateUrlCredentials,
  severity: 'critical',
  exposure: 'secret',
  description: 'A data store or message broker URL with a password logs in as that user: reading or changing its data, or publishing and consuming messages.',
  remediation: 'Change the user’s password, keep the URL in server-side configuration only, and keep data stores unreachable from browsers and the internet.',
  samples: {
    positives: ['CLICKHOUSE_URL=clickhouse://default:{{alnum:20}}@{{alnumlower:10}}.eu-central-1.aws.clickhouse.cloud:9440/default', 'neo4j+s://neo4j:{{base64url:24}}@{{alnumlower:8}}.databases.neo4j.io', 'mqtts://device:{{alnum:16}}@broker.{{lower:6}}.io:8883'],
    negatives: ['neo4j://localhost:7687', 'nats://user:<password>@nats:4222', 'kafka://broker1:9092'],
  },
};
