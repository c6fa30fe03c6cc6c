/**
 * The Firefox manifest is derived from manifest.json (one source of truth for names, scripts, icons
 * and permissions), never written by hand, so the two builds cannot drift apart. What changes, and why
 * (PLATFORM.md "Firefox"):
 *
 * - `background.scripts` instead of `background.service_worker`: Firefox MV3 runs the background as an
 *   event page and refuses to install a manifest with only a service worker.
 * - `browser_specific_settings.gecko.id`: a fixed add-on id, so storage and the moz-extension origin
 *   survive reinstalls, and `web-ext` / AMO accept the package.
 * - `data_collection_permissions.required: ['none']`: LeakLens collects nothing and sends nothing.
 * - `strict_min_version` 140: MAIN-world content scripts need 128, and Firefox only honours
 *   `data_collection_permissions` from 140 (an earlier floor draws a lint warning and, on 128–139, no
 *   consent line at install). 140 is the current ESR.
 * - `webRequestBlocking` + `webRequestFilterResponse`: Firefox-only, they let the background read the
 *   bodies of JSON responses (src/background/firefox/response-bodies.ts). Firefox shows no extra
 *   install prompt for them beyond the existing all-sites access.
 * - `content_security_policy.extension_pages` without `upgrade-insecure-requests`: Firefox's default MV3
 *   policy has it, which silently turns the background's fetch of a plain-HTTP script (an intranet
 *   app, a dev server on a LAN name) into an https:// fetch of something else, or of nothing
 *   (measured: "NetworkError", the request never reached the http server). LeakLens must scan the
 *   bytes the page got, from where the page got them. Scripts stay limited to the package ('self').
 * - `minimum_chrome_version` and `message_serialization` are dropped: they mean nothing to Firefox,
 *   whose messaging has always used the structured clone that the second key opts Chrome into.
 */

export const FIREFOX_ADDON_ID = 'leaklens@leaklens.dev';
export const FIREFOX_MIN_VERSION = '140.0';
/** Firefox for Android honours `data_collection_permissions` from 142. */
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';
export const FIREFOX_ONLY_PERMISSIONS = ['webRequestBlocking', 'webRequestFilterResponse'] as const;
/** `'wasm-unsafe-eval'`: the engine's keyword pass runs as a small WebAssembly module (src/engine/wasm). */
export const FIREFOX_EXTENSION_PAGES_CSP = "script-src 'self' 'wasm-unsafe-eval'";

/** The parts of manifest.json the transform reads; everything else is carried over unchanged. */
export interface ChromeManifestInput {
  manifest_version: number;
  name: string;
  version: string;
  background?: { service_worker: string; type?: string };
  permissions?: string[];
  minimum_chrome_version?: string;
  message_serialization?: string;
  [key: string]: unknown;
}

export interface FirefoxManifest {
  manifest_version: number;
  name: string;
  version: string;
  background: { scripts: string[]; type?: string };
  permissions: string[];
  content_security_policy: { extension_pages: string };
  browser_specific_settings: {
    gecko: {
      id: string;
      strict_min_version: string;
      data_collection_permissions: { required: ['none'] };
    };
    gecko_android: { strict_min_version: string };
  };
  [key: string]: unknown;
}

export function firefoxManifest(chrome: ChromeManifestInput): FirefoxManifest {
  if (chrome.manifest_version !== 3) throw new Error('manifest.json must be Manifest V3');
  if (!chrome.background?.service_worker) throw new Error('manifest.json must declare background.service_worker');
  // Copy without the Chrome-only keys; the input (an imported JSON module) is never mutated.
  // Firefox gets its own extension-page policy (see above); Chrome's is replaced, not merged.
  const { minimum_chrome_version: _chromeOnly, message_serialization: _chromeMessaging, content_security_policy: _chromePolicy, background, permissions = [], ...shared } = chrome;
  return {
    ...shared,
    background: { scripts: [background.service_worker], ...(background.type ? { type: background.type } : {}) },
    permissions: [...new Set([...permissions, ...FIREFOX_ONLY_PERMISSIONS])],
    content_security_policy: { extension_pages: FIREFOX_EXTENSION_PAGES_CSP },
    browser_specific_settings: {
      gecko: {
        id: FIREFOX_ADDON_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  };
}
