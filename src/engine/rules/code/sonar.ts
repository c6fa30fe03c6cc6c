/** SonarQube / SonarCloud tokens: user, project analysis and global analysis tokens. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Revoke the token in SonarQube/SonarCloud (My Account → Security, or Administration → Security for analysis tokens) and keep it in CI secrets: analyses run in CI, never in the browser.';

function sonar(prefix: string, id: string, title: string, severity: Rule['severity'], description: string): Rule {
  return {
    id,
    title,
    provider: 'SonarSource',
    category: 'ci-cd',
    keywords: [`${prefix}_`],
    pattern: new RegExp(`(?<![A-Za-z0-9_])${prefix}_[a-f0-9]{40}(?![A-Za-z0-9_])`),
    minEntropy: 3,
    validate: rejectPlaceholders(),
    severity,
    exposure: 'secret',
    description,
    remediation: REMEDIATION,
    samples: {
      positives: [`SONAR_TOKEN=${prefix}_{{hex:40}}`, `sonar.login=${prefix}_{{hex:40}}`],
      negatives: [`${prefix}_{{hex:32}}`, `${prefix}_{{upper:40}}`, `x${prefix}_{{hex:40}}`],
    },
  };
}

export const sonarUserToken = sonar(
  'squ',
  'sonar-user-token',
  'SonarQube user token',
  'high',
  'A SonarQube/SonarCloud user token acts as its user: it browses the source code and security hotspots of every private project they can see.',
);
export const sonarProjectAnalysisToken = sonar(
  'sqp',
  'sonar-project-analysis-token',
  'SonarQube project analysis token',
  'medium',
  'A SonarQube project analysis token submits analyses for one project: an attacker can push fake results to hide real issues, and read some project data.',
);
export const sonarGlobalAnalysisToken = sonar(
  'sqa',
  'sonar-global-analysis-token',
  'SonarQube global analysis token',
  'medium',
  'A SonarQube global analysis token submits analyses for every project: an attacker can overwrite quality results across the instance.',
);
