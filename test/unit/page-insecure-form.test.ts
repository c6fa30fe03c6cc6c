/** The insecure-form inspector: forms whose action is plain HTTP, rated by what they would send. */
import { describe, expect, it } from 'vitest';
import { INSECURE_FORM_ACTION, inspectForm } from '../../src/engine/inspectors/insecure-form.ts';

const form = (action: string, hasPassword = false) => ({ selector: '#f', action, method: 'post', hasPassword });

describe('inspectForm', () => {
  it('flags plain-HTTP actions: high with a password field, medium without', () => {
    const [withPassword] = inspectForm(form('http://legacy.example.test/login', true), 'https://app.example.test/');
    expect(withPassword).toMatchObject({
      ruleId: INSECURE_FORM_ACTION.id,
      severity: 'high',
      title: 'Password form submits to plain HTTP',
      source: 'dom',
      location: { url: 'https://app.example.test/', keyPath: '#f' },
      preview: 'http://legacy.example.test/login',
      details: { passwordField: true, method: 'POST', pageScheme: 'https' },
    });
    expect(inspectForm(form('http://legacy.example.test/search'), 'http://legacy.example.test/')[0]).toMatchObject({ severity: 'medium', details: { pageScheme: 'http' } });
  });

  it('leaves HTTPS, loopback and unparsable actions alone', () => {
    expect(inspectForm(form('https://app.example.test/login', true), 'https://app.example.test/')).toEqual([]);
    expect(inspectForm(form('http://localhost:3000/login', true), 'http://localhost:3000/')).toEqual([]);
    expect(inspectForm(form('http://127.0.0.1/login', true), 'https://app.example.test/')).toEqual([]);
    expect(inspectForm(form('not a url', true), 'https://app.example.test/')).toEqual([]);
    expect(inspectForm(form('ftp://files.example.test/', true), 'https://app.example.test/')).toEqual([]);
  });

  it('reports loopback too when asked, and never shows a credential in the action', () => {
    expect(inspectForm(form('http://localhost/login', true), 'http://localhost/', { reportLoopbackCleartext: true })).toHaveLength(1);
    const [finding] = inspectForm(form('http://old.example.test/cb?access_token=abcdefghijklmnopqrstuvwxyz0123'), 'https://app.example.test/');
    expect(JSON.stringify(finding)).not.toContain('abcdefghijklmnopqrstuvwxyz0123');
  });

  it('is one finding per form and page origin, whatever page of the site shows it', () => {
    const a = inspectForm(form('http://legacy.example.test/login', true), 'https://app.example.test/a')[0]!;
    const b = inspectForm(form('http://legacy.example.test/login', true), 'https://app.example.test/b?x=1')[0]!;
    const other = inspectForm({ ...form('http://legacy.example.test/login', true), selector: '#g' }, 'https://app.example.test/a')[0]!;
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(other.fingerprint).not.toBe(a.fingerprint);
  });
});
