/** Rules of this category, one provider family per file. Keep the list sorted by file name. */
import type { Rule } from '../../types.ts';
import { airtableLegacyApiKey, airtablePersonalAccessToken } from './airtable.ts';
import { algoliaAdminApiKey, algoliaSearchApiKey } from './algolia.ts';
import { convexDeployKey } from './convex.ts';
import { elasticCloudApiKey, elasticsearchApiKey } from './elastic.ts';
import { faunaSecret } from './fauna.ts';
import { firebaseDatabaseSecret } from './firebase.ts';
import { hasuraAdminSecret } from './hasura.ts';
import { influxdbToken } from './influxdb.ts';
import { mongodbAtlasPrivateApiKey, mongodbAtlasServiceAccountSecret } from './mongodb-atlas.ts';
import { neonApiKey } from './neon.ts';
import { planetscaleOauthToken, planetscalePassword, planetscaleServiceToken } from './planetscale.ts';
import { redisCloudApiSecretKey } from './redis-cloud.ts';
import { supabasePersonalAccessToken, supabasePublishableKey, supabaseSecretKey } from './supabase.ts';
import { upstashQstashSigningKey, upstashQstashToken, upstashRedisRestToken } from './upstash.ts';
import { xataApiKey } from './xata.ts';

export const databaseRules: readonly Rule[] = [
  airtablePersonalAccessToken,
  airtableLegacyApiKey,
  // Admin before search: on the very same span the first registered wins.
  algoliaAdminApiKey,
  algoliaSearchApiKey,
  convexDeployKey,
  elasticsearchApiKey,
  elasticCloudApiKey,
  faunaSecret,
  firebaseDatabaseSecret,
  hasuraAdminSecret,
  influxdbToken,
  mongodbAtlasPrivateApiKey,
  mongodbAtlasServiceAccountSecret,
  neonApiKey,
  planetscaleServiceToken,
  planetscalePassword,
  planetscaleOauthToken,
  redisCloudApiSecretKey,
  supabasePersonalAccessToken,
  supabaseSecretKey,
  supabasePublishableKey,
  upstashRedisRestToken,
  upstashQstashToken,
  upstashQstashSigningKey,
  xataApiKey,
];
