/** LogRocket app IDs (`org/app`): public identifiers passed to `LogRocket.init`. */
import type { Rule } from '../../types.ts';

export const logrocketAppId: Rule = {
  id: 'logrocket-app-id',
  title: 'LogRocket app ID',
  provider: 'LogRocket',
  category: 'observability',
  keywords: ['logrocket.init', 'logrocket_app_id', 'logrocketappid'],
  pattern:
    /(?:LogRocket\.init\(\s{0,3}|logrocket[_-]?app[_-]?id\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3})\\?["'`]?(?<secret>[a-z0-9]{6}\/[a-z0-9][a-z0-9-]{0,63})(?![A-Za-z0-9_/-])/i,
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A LogRocket app ID tells the recorder which project sessions go to; it is public. Session recordings capture what users see and type, so make sure sanitizers hide passwords, tokens and personal data before they are sent.',
  remediation: 'No rotation needed. Review LogRocket’s input and network sanitizers so recordings never contain credentials.',
  samples: {
    positives: ['LogRocket.init("{{alnumlower:6}}/{{lower:8}}-app")', 'REACT_APP_LOGROCKET_APP_ID={{alnumlower:6}}/{{lower:10}}'],
    negatives: ['LogRocket.init(appId)', 'LogRocket.init("{{lower:8}}")'],
  },
};
