/**
 * The generic rules against the contexts they meet in real bundles: minified object literals, header
 * objects, query strings built in code, `.env` lines, JSON (also JSON inside a string), HTML attributes.
 * Positives must be found with the right rule and severity; the near misses that flood other tools
 * (code references, UI labels, translations, CSS class names, placeholders, templates, integrity
 * hashes) must produce nothing at all. Every random part is generated at test time.
 */
import { describe, expect, it } from 'vitest';
import { scanText } from '../../src/engine/index.ts';
import type { Finding, FindingSource } from '../../src/shared/finding.ts';
import { createSampleGenerator } from '../support/sample-generator.ts';

const gen = createSampleGenerator(0x5eed);
/** A random token that passes the value gates: letters and digits, no dictionary words. */
const token = (length: number) => `${gen.alnum(length - 4)}${gen.digits(2)}${gen.chars('ABCDEFGHJKLMNPQRSTUVWXYZ', 2)}`;

function scan(text: string, source: FindingSource = 'script'): Finding[] {
  return scanText(text, { source, location: { url: 'https://app.example.test/assets/index-3f9c2a.js' } });
}

function describeFindings(findings: Finding[]): string {
  return findings.map((f) => `${f.ruleId} [${f.severity}] ${f.preview}`).join('; ') || 'none';
}

interface Positive {
  name: string;
  text: string;
  ruleId: string;
  severity: Finding['severity'];
  source?: FindingSource;
}

const clientSecret = token(40);
const apiKey = token(32);
const apiKey2 = token(28);
const accessToken = token(44);
const password = `${gen.alnum(7)}#${gen.digits(3)}${gen.chars('abcdefghjkmnpqrstuvwxyz', 2)}`;
const basic = btoa(`reporting:${token(18)}`);

const positives: Positive[] = [
  { name: 'minified object literal', text: `var n={apiKey:"${apiKey}",region:"eu"};`, ruleId: 'generic-api-key', severity: 'medium' },
  { name: 'header object', text: `fetch(t,{method:"POST",headers:{"X-Api-Key":"${apiKey}","Content-Type":"application/json"}})`, ruleId: 'generic-api-key', severity: 'medium' },
  { name: 'setRequestHeader call', text: `r.open("GET",u),r.setRequestHeader("x-api-key","${apiKey2}"),r.send()`, ruleId: 'generic-api-key', severity: 'medium' },
  {
    name: 'query string built in code',
    text: `return fetch(\`\${e}/oauth/token?grant_type=client_credentials&client_secret=${clientSecret}&client_id=\${t}\`)`,
    ruleId: 'generic-client-secret',
    severity: 'high',
  },
  { name: 'property assignment', text: `a.clientId="web",a.clientSecret="${clientSecret}",a.scope="openid"`, ruleId: 'generic-client-secret', severity: 'high' },
  { name: 'JSON', text: `{"client_id":"web-app","client_secret":"${clientSecret}","redirect_uri":"https://app.example.test/cb"}`, ruleId: 'generic-client-secret', severity: 'high' },
  { name: 'JSON inside a string literal', text: `JSON.parse("{\\"api_key\\":\\"${apiKey}\\",\\"debug\\":false}")`, ruleId: 'generic-api-key', severity: 'medium' },
  { name: '.env line', text: `NODE_ENV=production\nOAUTH_CLIENT_SECRET=${clientSecret}\nPORT=3000\n`, ruleId: 'generic-client-secret', severity: 'high' },
  { name: '.env api key', text: `# service\nexport SEARCH_API_KEY="${apiKey}"\n`, ruleId: 'generic-api-key', severity: 'medium' },
  { name: 'YAML', text: `service:\n  name: search\n  api_key: ${apiKey}\n`, ruleId: 'generic-api-key', severity: 'medium' },
  { name: 'HTML data attribute', text: `<div id="widget" data-api-key="${apiKey}" data-theme="dark"></div>`, ruleId: 'generic-api-key', severity: 'medium' },
  { name: 'minified module export', text: `e.exports={accessToken:"${accessToken}",baseUrl:"/api"}`, ruleId: 'generic-access-token', severity: 'medium' },
  {
    name: 'access token in a request URL (placement raises it)',
    text: `https://api.example.net/v1/me?access_token=${accessToken}&fields=id`,
    ruleId: 'generic-access-token',
    severity: 'high',
    source: 'request-url',
  },
  { name: 'password literal', text: `login({username:"svc-export",password:"${password}"}).then(o)`, ruleId: 'generic-password', severity: 'medium' },
  { name: 'bearer header', text: `headers:{Authorization:"Bearer ${token(40)}",Accept:"application/json"}`, ruleId: 'generic-bearer-token', severity: 'medium' },
  { name: 'basic header', text: `headers:{Authorization:"Basic ${basic}"}`, ruleId: 'generic-basic-authorization', severity: 'high' },
  { name: 'env object inlined by a bundler', text: `const o={VITE_BACKEND_TOKEN:"${token(36)}",MODE:"production",DEV:!1}`, ruleId: 'generic-env-secret', severity: 'medium' },
  { name: 'signing secret in an env object', text: `{NEXT_PUBLIC_SESSION_SECRET:"${token(40)}"}`, ruleId: 'generic-env-secret', severity: 'high' },
];

describe('generic rules on minified code: positives', () => {
  it.each(positives.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    const findings = scan(p.text, p.source);
    const hit = findings.find((f) => f.ruleId === p.ruleId);
    expect(hit, `${p.text}\nfound: ${describeFindings(findings)}`).toBeDefined();
    expect(hit!.severity).toBe(p.severity);
    // The preview never carries the raw value.
    expect(p.text.includes(hit!.preview)).toBe(false);
  });
});

const hex = (n: number) => gen.hex(n);
const negatives: [string, string][] = [
  ['code reference', '{apiKey:e.apiKey,authDomain:e.authDomain}'],
  ['identifier', 'var t={apiKey:n,projectId:r,appId:i}'],
  ['empty string', 'const c={apiKey:"",clientSecret:""}'],
  ['null and void', '{token:null,accessToken:null,clientSecret:void 0,password:void 0}'],
  ['setter call', 'setToken(t),setAccessToken(n),setPassword(r)'],
  ['boolean flags', '{secret:!0,password:!1,showPassword:!0}'],
  ['UI label', 'password:"Password"'],
  ['placeholder text', '{type:"password",placeholder:"Enter your password",autoComplete:"current-password"}'],
  ['confirmation label', '"passwordConfirmation":"Confirm password","passwordHint":"At least 8 characters"'],
  ['token type', '{tokenType:"Bearer",token_type:"bearer",grant_type:"refresh_token"}'],
  [
    'i18n bundle (de)',
    '{"login.password":"Passwort","login.forgotPassword":"Passwort vergessen?","apiKey":"API-Schlüssel","accessToken":"Zugriffstoken"}',
  ],
  ['i18n bundle (fr)', '{password:"Mot de passe",newPassword:"Nouveau mot de passe",apiKey:"Clé API"}'],
  ['i18n bundle (ja)', '{password:"パスワード",apiKey:"APIキー"}'],
  ['CSS class names', '{className:"token-input-list",accessToken:"access-token-field",apiKey:"api-key-input"}'],
  ['storage key names', 'localStorage.getItem("access_token"),{accessTokenKey:"auth.accessToken",refreshTokenKey:"auth.refreshToken"}'],
  ['placeholder value', 'apiKey:"YOUR_API_KEY"'],
  ['template reference', 'api_key:"${API_KEY}"'],
  ['environment reference', '{apiKey:process.env.REACT_APP_API_KEY,clientSecret:import.meta.env.VITE_SECRET}'],
  ['angle placeholder', '"client_secret":"<client_secret>"'],
  ['masked value', '{password:"********",apiKey:"••••••••••••••••"}'],
  ['x-fill', '{apiKey:"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}'],
  ['sequence', '{apiKey:"1234567890abcdef1234"}'],
  ['integrity attribute', `<script src="/a.js" integrity="sha384-${gen.base64(64)}" crossorigin="anonymous"></script>`],
  ['integrity in a manifest', `{"integrity":"sha512-${gen.base64(86)}==","resolved":"https://registry.npmjs.org/x/-/x-1.0.0.tgz"}`],
  ['content hash', `{hash:"${hex(40)}",etag:"${hex(32)}",version:"1.4.2"}`],
  ['hashed password (digest, not a password)', `{password:"${hex(64)}"}`],
  ['header name mapping', '{apiKeyHeader:"X-Api-Key","api-key":"x-api-key"}'],
  ['URL value', '{apiKey:"https://api.example.net/v1/keys",accessToken:"/oauth/token"}'],
  ['file path', '{privateKey:"./certs/server.key",clientSecret:"config/secret.json"}'],
  ['version string', '{apiKey:"2023-10-16",accessToken:"v1.2.3"}'],
  ['bearer built in code', 'headers:{Authorization:"Bearer "+t,"X-Api-Key":n}'],
  ['bearer template', 'headers:{Authorization:`Bearer ${e.token}`}'],
  ['basic built in code', 'Authorization:"Basic "+btoa(e+":"+t)'],
  ['obfuscated identifier', '{apiKey:_0x4f2a1c,password:_0x1b3d}'],
  ['regex source', 'var s=/^(?=.*[A-Z])(?=.*\\d).{8,}$/,p={password:s}'],
  ['weak demo password', '{username:"admin",password:"password123"}'],
  ['env name without credential', 'GITHUB_TOKEN_URL=https://github.com/login/oauth/access_token\nSECRET_NAME=prod-db'],
  ['conditional expression', '{password:n?"":r,apiKey:t||"",accessToken:a&&a.token}'],
];

describe('generic rules on minified code: negatives', () => {
  it.each(negatives)('%s', (_name, text) => {
    const findings = scan(text);
    expect(findings, `${text}\nfound: ${describeFindings(findings)}`).toEqual([]);
  });
});

describe('generic rules lose to specific ones', () => {
  it('a provider-shaped value assigned to apiKey is reported by the provider rule only', () => {
    const findings = scan(`{apiKey:"phx_${gen.alnum(43)}"}`);
    expect(findings.map((f) => f.ruleId)).toEqual(['posthog-personal-api-key']);
  });

  it('a JWT in a bearer header is the jwt rule’s', () => {
    const payload = btoa(JSON.stringify({ sub: gen.alnum(8), exp: 4102444800 })).replace(/=+$/, '');
    const findings = scan(`headers:{Authorization:"Bearer eyJhbGciOiJIUzI1NiJ9.${payload}.${gen.base64url(43)}"}`);
    expect(findings.some((f) => f.ruleId.startsWith('generic-'))).toBe(false);
    expect(findings.some((f) => f.ruleId === 'jwt')).toBe(true);
  });
});
