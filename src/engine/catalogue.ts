/**
 * The rule catalogue as Markdown, generated from the registry (docs/RULES.md). A test keeps the
 * committed file equal to this output, so the documentation cannot drift from the rules.
 */
import type { Rule } from './types.ts';
import type { InspectorRule } from './inspectors/inspector-rule.ts';

const CATEGORY_TITLES: Record<string, string> = {
  'private-key': 'Private keys',
  'source-control': 'Source control',
  'ci-cd': 'CI/CD and infrastructure',
  'package-registry': 'Package registries',
  cloud: 'Cloud',
  payment: 'Payments',
  ai: 'AI',
  messaging: 'Messaging',
  email: 'E-mail',
  database: 'Databases',
  observability: 'Observability',
  saas: 'SaaS',
  'connection-string': 'Connection strings and URLs with credentials',
  jwt: 'JSON Web Tokens',
  generic: 'Generic assignments',
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function exposureLabel(rule: Rule): string {
  return rule.exposure === 'secret' ? 'secret' : rule.exposure;
}

/**
 * `structureChecked`: ids of rules whose validator verified their own positive samples (checksum,
 * decoding, layout) — measured by the caller, since a validator may only reject placeholders.
 */
export function renderRuleCatalogue(rules: readonly Rule[], inspectorRules: readonly InspectorRule[], structureChecked: ReadonlySet<string>): string {
  const lines: string[] = [
    '# LeakLens rule catalogue',
    '',
    '<!-- Generated from the rule registry by `npm run rules:docs`; do not edit by hand. -->',
    '',
    `${rules.length} pattern rules in ${new Set(rules.map((rule) => rule.provider)).size} provider families, plus ${inspectorRules.length} inspector rules.`,
    'Severity is the rule\'s default: exposure class caps it (public-by-design and test keys never above low, documented examples info),',
    'validators can change it (a Supabase `service_role` JWT is critical, an `anon` one info), and placement raises bearer tokens',
    'kept in localStorage or sent in URLs to high. "Verified" marks rules with an offline structure check (checksum, decoding,',
    'key layout): their findings say `verified`, the others `pattern`.',
    '',
  ];
  const byCategory = new Map<string, Rule[]>();
  for (const rule of rules) byCategory.set(rule.category, [...(byCategory.get(rule.category) ?? []), rule]);
  for (const [category, inCategory] of [...byCategory].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`## ${CATEGORY_TITLES[category] ?? category} (${inCategory.length})`, '');
    lines.push('| Rule id | Provider | Finds | Severity | Exposure | Verified |', '| --- | --- | --- | --- | --- | --- |');
    for (const rule of [...inCategory].sort((a, b) => a.id.localeCompare(b.id))) {
      lines.push(`| \`${rule.id}\` | ${cell(rule.provider)} | ${cell(rule.title)} | ${rule.severity} | ${exposureLabel(rule)} | ${structureChecked.has(rule.id) ? 'yes' : '—'} |`);
    }
    lines.push('');
  }
  lines.push('## Inspector rules (requests, storage, cookies)', '', '| Rule id | Finds | Severity |', '| --- | --- | --- |');
  for (const rule of [...inspectorRules].sort((a, b) => a.id.localeCompare(b.id))) {
    lines.push(`| \`${rule.id}\` | ${cell(rule.title)} | ${rule.severity} |`);
  }
  lines.push('');
  return lines.join('\n');
}
