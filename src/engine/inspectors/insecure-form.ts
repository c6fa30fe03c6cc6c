/**
 * Forms that submit to plain HTTP, found in the page's markup. Nothing has been sent yet — which is
 * the point: the leak happens when a user signs in, and this says so before anyone does. A password
 * field makes it high; any other form medium (hidden fields often carry tokens). Loopback actions
 * (local development) are not an exposure: that traffic never leaves the machine.
 */
import type { Finding } from '../../shared/finding.ts';
import { inspectorFinding, type InspectorRule } from './inspector-rule.ts';
import { isCleartext, type TransportOptions } from './transport.ts';
import { redactUrl } from './url.ts';

export const INSECURE_FORM_ACTION: InspectorRule = {
  id: 'insecure-form-action',
  title: 'Form submits to plain HTTP',
  severity: 'medium',
  exposure: 'secret',
  description:
    'A form whose action is an http:// URL sends what the user enters — passwords, and tokens in hidden fields — unencrypted, readable and changeable by anyone on the network path. On an HTTPS page the submission loses the page\'s protection (mixed content).',
  remediation: 'Point the form at an https:// URL (or a relative URL on an HTTPS page), redirect HTTP to HTTPS on the server and enable HSTS.',
};

export interface FormDescription {
  /** Where the form is, e.g. `form#login`. */
  selector: string;
  /** Absolute action URL. */
  action: string;
  method: string;
  hasPassword: boolean;
}

export function inspectForm(form: FormDescription, pageUrl: string, options: TransportOptions = {}): Finding[] {
  let action: URL;
  try {
    action = new URL(form.action);
  } catch {
    return [];
  }
  if (action.protocol !== 'http:' || !isCleartext(action, options)) return [];
  let pageOrigin = '';
  let pageScheme = '';
  try {
    const page = new URL(pageUrl);
    pageOrigin = page.origin;
    pageScheme = page.protocol.replace(':', '');
  } catch {
    // keep the defaults: the finding still stands on the action alone
  }
  const shownAction = redactUrl(form.action);
  const finding = inspectorFinding(
    INSECURE_FORM_ACTION,
    shownAction,
    { source: 'dom', location: { url: redactUrl(pageUrl), keyPath: form.selector }, identity: `${pageOrigin}\u0000form\u0000${form.selector}` },
    {
      severity: form.hasPassword ? 'high' : 'medium',
      title: form.hasPassword ? 'Password form submits to plain HTTP' : INSECURE_FORM_ACTION.title,
      details: { action: shownAction, method: form.method.toUpperCase().slice(0, 10), passwordField: form.hasPassword, pageScheme },
    },
  );
  // The action URL (credentials already redacted) is what the user must change: show it, not a mask.
  return [{ ...finding, preview: shownAction }];
}
