/** The Firefox manifest is derived from manifest.json: what must change, and what must not. */
import { describe, expect, it } from 'vitest';
import chromeManifest from '../../manifest.json' with { type: 'json' };
import {
  FIREFOX_ADDON_ID,
  FIREFOX_ONLY_PERMISSIONS,
  firefoxManifest,
  type ChromeManifestInput,
} from '../../manifest.firefox.ts';

const chrome = chromeManifest as ChromeManifestInput;

describe('firefoxManifest', () => {
  const firefox = firefoxManifest(chrome);

  it('runs the same background code as an event page, not a service worker', () => {
    expect(firefox.background).toEqual({ scripts: [chrome.background!.service_worker], type: 'module' });
    expect(firefox.background).not.toHaveProperty('service_worker');
  });

  it('declares the add-on id, no data collection, and a minimum version with MAIN-world scripts', () => {
    const gecko = firefox.browser_specific_settings.gecko;
    expect(gecko.id).toBe(FIREFOX_ADDON_ID);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    // MAIN-world content scripts need 128; data_collection_permissions is honoured from 140.
    expect(Number.parseInt(gecko.strict_min_version, 10)).toBeGreaterThanOrEqual(140);
    expect(Number.parseInt(firefox.browser_specific_settings.gecko_android.strict_min_version, 10)).toBeGreaterThanOrEqual(142);
  });

  it('keeps every Chrome permission and adds only the response-filter ones', () => {
    for (const permission of chrome.permissions ?? []) expect(firefox.permissions).toContain(permission);
    expect(firefox.permissions.filter((permission) => !(chrome.permissions ?? []).includes(permission)).sort()).toEqual([...FIREFOX_ONLY_PERMISSIONS].sort());
    expect(firefox.host_permissions).toEqual(chrome.host_permissions);
  });

  it('lets the background fetch plain-HTTP scripts as they are (no upgrade-insecure-requests), scripts only from the package', () => {
    expect(firefox.content_security_policy.extension_pages).not.toMatch(/upgrade-insecure-requests/);
    expect(firefox.content_security_policy.extension_pages).toBe("script-src 'self' 'wasm-unsafe-eval'");
  });

  it('carries the content scripts (MAIN world included), popup, icons and version unchanged, and drops the Chrome-only keys', () => {
    for (const key of ['name', 'version', 'description', 'icons', 'action', 'content_scripts'] as const) expect(firefox[key]).toEqual(chrome[key]);
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    // Chrome-only opt-in to structured-clone messaging; Firefox messages that way already.
    expect(chrome).toHaveProperty('message_serialization', 'structured_clone');
    expect(firefox).not.toHaveProperty('message_serialization');
  });

  it('does not touch its input (manifest.json feeds the Chrome build too)', () => {
    const before = JSON.stringify(chrome);
    firefoxManifest(chrome);
    expect(JSON.stringify(chrome)).toBe(before);
    expect(chrome.background).toHaveProperty('service_worker');
    expect(chrome).not.toHaveProperty('browser_specific_settings');
  });

  it('refuses manifests it cannot translate', () => {
    expect(() => firefoxManifest({ ...chrome, manifest_version: 2 })).toThrow(/Manifest V3/);
    expect(() => firefoxManifest({ ...chrome, background: undefined })).toThrow(/service_worker/);
  });

  it("replaces Chrome's extension-page policy with Firefox's own", () => {
    const replaced = firefoxManifest({ ...chrome, content_security_policy: { extension_pages: "script-src 'self'; upgrade-insecure-requests" } });
    expect(replaced.content_security_policy.extension_pages).toBe("script-src 'self' 'wasm-unsafe-eval'");
  });
});
