/** Every inspector rule, for the catalogue and for SARIF rule metadata. */
import { AWS_SIGNED_IN_BROWSER } from './authorization.ts';
import { CLEARTEXT_CREDENTIAL } from './cleartext.ts';
import { COOKIE_WITHOUT_HTTPONLY, COOKIE_WITHOUT_SAMESITE, COOKIE_WITHOUT_SECURE } from './cookies.ts';
import { HEADER_CREDENTIAL } from './headers.ts';
import type { InspectorRule } from './inspector-rule.ts';
import { INSECURE_FORM_ACTION } from './insecure-form.ts';
import { MIXED_CONTENT } from './mixed-content.ts';
import { REFERER_LEAK, REFERRER_POLICY_LEAK } from './referer.ts';
import { BODY_PASSWORD, CLIENT_SECRET_IN_BROWSER, PASSWORD_GRANT } from './request-body.ts';
import { SIGNED_URL } from './signed-urls.ts';
import { CREDENTIAL_IN_URL, CREDENTIALS_IN_URL_USERINFO, OAUTH_CODE_IN_URL } from './url.ts';

export const INSPECTOR_RULES: readonly InspectorRule[] = [
  CREDENTIAL_IN_URL,
  OAUTH_CODE_IN_URL,
  CREDENTIALS_IN_URL_USERINFO,
  SIGNED_URL,
  CLIENT_SECRET_IN_BROWSER,
  PASSWORD_GRANT,
  BODY_PASSWORD,
  HEADER_CREDENTIAL,
  AWS_SIGNED_IN_BROWSER,
  REFERER_LEAK,
  REFERRER_POLICY_LEAK,
  COOKIE_WITHOUT_HTTPONLY,
  COOKIE_WITHOUT_SECURE,
  COOKIE_WITHOUT_SAMESITE,
  CLEARTEXT_CREDENTIAL,
  MIXED_CONTENT,
  INSECURE_FORM_ACTION,
];
