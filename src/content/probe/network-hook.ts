/**
 * MAIN-world network hook: what only the page's own world can see.
 *
 * - Requests the browser never lets an extension observe: fetch/XHR/WebSocket/beacon/form calls from
 *   an HTTPS page to http:// (Chromium blocks them before webRequest, or upgrades images), and mixed
 *   `src`/`action` attributes in the DOM.
 * - Headers the page sets explicitly (Authorization, x-api-key…), for browsers whose webRequest hides
 *   them; the background drops what webRequest already reported.
 * - The page's own URL at document start (a token in the fragment, which no request carries, before
 *   the app strips it) and its `<meta name="referrer">` policy.
 * - Bounded JSON/text response bodies of fetch and XHR, for the background to scan.
 *
 * Rules for living in the page's world: never alter a request or a response (the page gets exactly
 * what it would have got), never consume anything the page will read (no iterating its iterables, no
 * calling its getters twice), never throw into the page, and stay cheap: wrappers are Proxies over
 * the native functions (so `fetch.toString()` still says native code), everything is batched and
 * posted after a short delay. Values posted here are values the page itself holds.
 */
import { postToContentScript } from './post.ts';

// --- Wire format (validated again in src/background/network/probe-*.ts) ------------------------------

export type NetworkHookApi = 'fetch' | 'xhr' | 'websocket' | 'beacon' | 'form' | 'element' | 'page';

export interface ProbeRequestEntry {
  api: NetworkHookApi;
  /** Absolute URL the page asked for (for `page`: location.href at document start or on hashchange). */
  url: string;
  method?: string;
  /** Headers the page set explicitly. */
  headers?: [string, string][];
  /** Request body when it is text (only for http:// targets from HTTPS pages, which no one else sees). */
  body?: string;
  /** `element`: the tag (`img`, `script`, `form`…). */
  tag?: string;
  /** `form`/`element`: a password field goes with it. */
  passwordField?: boolean;
  /** `page`: content of `<meta name="referrer">`. */
  referrerPolicy?: string;
}

export interface ProbeResponseEntry {
  url: string;
  status: number;
  contentType: string;
  body: string;
}

export const NETWORK_HOOK_LIMITS = {
  maxEntries: 100,
  maxUrlLength: 8 * 1024,
  maxHeaders: 50,
  maxHeaderLength: 8 * 1024,
  maxBodyLength: 64 * 1024,
  maxResponseBodyLength: 256 * 1024,
  maxResponsesPerMessage: 4,
  /** Per page load: beyond this the page is busy polling, and nothing new is likely. */
  maxResponsesPerPage: 300,
  maxRequestsPerPage: 2000,
  maxElements: 100,
} as const;

const FLUSH_DELAY_MS = 200;
const TEXT_RESPONSE = /json|^text\/(?!event-stream|css)/i;
/** Elements whose URL attribute loads a subresource (mixed content if http:// on an HTTPS page). */
const MIXED_SELECTOR = [
  'img[src^="http:" i]',
  'script[src^="http:" i]',
  'iframe[src^="http:" i]',
  'audio[src^="http:" i]',
  'video[src^="http:" i]',
  'source[src^="http:" i]',
  'embed[src^="http:" i]',
  'object[data^="http:" i]',
  'link[rel~="stylesheet" i][href^="http:" i]',
].join(',');
// Forms in the markup are judged by the DOM inspector (insecure-form-action); this hook reports the submissions.
const CREDENTIAL_FIELD = /pass|secret|token|key|auth|session|pin/i;

/** Never throws: a page without some of these APIs gets the parts that exist. */
export function startNetworkHook(scope: Window & typeof globalThis = window): void {
  try {
    installNetworkHook(scope);
  } catch {
    // An exotic or locked-down page: nothing hooked is better than a broken page.
  }
}

function installNetworkHook(scope: Window & typeof globalThis): void {
  const secure = scope.location.protocol === 'https:';
  const requests: ProbeRequestEntry[] = [];
  const responses: ProbeResponseEntry[] = [];
  let responsesLeft: number = NETWORK_HOOK_LIMITS.maxResponsesPerPage;
  let requestsLeft: number = NETWORK_HOOK_LIMITS.maxRequestsPerPage;
  let flushTimer: number | undefined;
  // Natives taken at document start, before page code can replace them.
  const setTimer = scope.setTimeout.bind(scope);
  const getAttribute = scope.Element.prototype.getAttribute;
  const querySelectorAll = scope.Element.prototype.querySelectorAll;
  const stringify = JSON.stringify;

  const flush = () => {
    flushTimer = undefined;
    if (requests.length > 0) postToContentScript('requests', requests.splice(0, requests.length));
    while (responses.length > 0) postToContentScript('responses', responses.splice(0, NETWORK_HOOK_LIMITS.maxResponsesPerMessage));
  };
  const schedule = () => {
    if (flushTimer === undefined) flushTimer = setTimer(flush, FLUSH_DELAY_MS);
  };
  const noteRequest = (entry: ProbeRequestEntry) => {
    if (requestsLeft <= 0) return;
    requestsLeft--;
    requests.push(entry);
    if (requests.length >= NETWORK_HOOK_LIMITS.maxEntries) flush();
    else schedule();
  };

  const absolute = (value: unknown): string | undefined => {
    try {
      const text = typeof value === 'string' ? value : value instanceof scope.URL ? value.href : value instanceof scope.Request ? value.url : undefined;
      if (text === undefined) return undefined;
      const url = new scope.URL(text, scope.location.href).href;
      return url.length <= NETWORK_HOOK_LIMITS.maxUrlLength ? url : undefined;
    } catch {
      return undefined;
    }
  };
  const isMixed = (url: string) => secure && /^(?:http|ws):/i.test(url);
  /** Headers every app sets that say nothing about credentials: not worth a message. */
  const PLAIN = new Set(['content-type', 'accept', 'accept-language', 'content-language', 'x-requested-with', 'cache-control', 'pragma']);
  const clip = (value: string, max: number) => (value.length > max ? value.slice(0, max) : value);

  /** Own data properties and arrays only: a page's getters and iterators are never invoked. */
  const headerPairs = (init: unknown): [string, string][] => {
    const pairs: [string, string][] = [];
    const add = (name: unknown, value: unknown) => {
      if (typeof name === 'string' && typeof value === 'string' && pairs.length < NETWORK_HOOK_LIMITS.maxHeaders && !PLAIN.has(name.toLowerCase())) {
        pairs.push([clip(name, 200), clip(value, NETWORK_HOOK_LIMITS.maxHeaderLength)]);
      }
    };
    if (init instanceof scope.Headers) {
      init.forEach((value, name) => add(name, value));
    } else if (Array.isArray(init)) {
      for (const pair of init.slice(0, NETWORK_HOOK_LIMITS.maxHeaders)) if (Array.isArray(pair)) add(pair[0], pair[1]);
    } else if (init !== null && typeof init === 'object') {
      for (const name of Object.keys(init).slice(0, NETWORK_HOOK_LIMITS.maxHeaders)) add(name, Object.getOwnPropertyDescriptor(init, name)?.value);
    }
    return pairs;
  };
  /** Text bodies only, and only forms that do not consume anything (strings, URLSearchParams, FormData). */
  const bodyText = (body: unknown): string | undefined => {
    if (typeof body === 'string') return clip(body, NETWORK_HOOK_LIMITS.maxBodyLength);
    if (body instanceof scope.URLSearchParams) return clip(body.toString(), NETWORK_HOOK_LIMITS.maxBodyLength);
    if (body instanceof scope.FormData) {
      const text = new scope.URLSearchParams();
      body.forEach((value, name) => {
        if (typeof value === 'string') text.append(name, value);
      });
      return clip(text.toString(), NETWORK_HOOK_LIMITS.maxBodyLength);
    }
    return undefined;
  };
  const ownValue = (object: unknown, key: string): unknown => (object !== null && typeof object === 'object' ? Object.getOwnPropertyDescriptor(object, key)?.value : undefined);

  // --- Responses -----------------------------------------------------------------------------------

  const noteResponse = (url: string, status: number, contentType: string, body: string) => {
    if (responsesLeft <= 0 || body.length === 0 || body.length > NETWORK_HOOK_LIMITS.maxResponseBodyLength) return;
    responsesLeft--;
    responses.push({ url, status, contentType: clip(contentType, 200), body });
    schedule();
  };
  /** Reads a clone of the response up to the size cap; the page's own response is untouched. */
  const readResponse = (response: Response, url: string) => {
    if (responsesLeft <= 0 || response.type === 'opaque' || response.type === 'opaqueredirect' || !response.body) return;
    const contentType = response.headers.get('content-type') ?? '';
    if (!TEXT_RESPONSE.test(contentType)) return;
    const length = Number(response.headers.get('content-length') ?? 'NaN');
    if (length > NETWORK_HOOK_LIMITS.maxResponseBodyLength) return;
    const reader = response.clone().body!.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    const pump = (): Promise<void> =>
      reader.read().then(({ done, value }) => {
        if (done) {
          const joined = new Uint8Array(size);
          let offset = 0;
          for (const chunk of chunks) {
            joined.set(chunk, offset);
            offset += chunk.byteLength;
          }
          noteResponse(url, response.status, contentType, new TextDecoder().decode(joined));
          return;
        }
        size += value.byteLength;
        if (size > NETWORK_HOOK_LIMITS.maxResponseBodyLength) return void reader.cancel().catch(() => undefined);
        chunks.push(value);
        return pump();
      });
    pump().catch(() => undefined);
  };

  // --- fetch ---------------------------------------------------------------------------------------

  const nativeFetch = scope.fetch;
  if (typeof nativeFetch === 'function') {
    scope.fetch = new Proxy(nativeFetch, {
      apply(target, thisArg, args: unknown[]) {
        let url: string | undefined;
        try {
          const [input, init] = args;
          url = absolute(input);
          if (url !== undefined) {
            const headers = [...(input instanceof scope.Request ? headerPairs(input.headers) : []), ...headerPairs(ownValue(init, 'headers'))];
            const mixed = isMixed(url);
            if (headers.length > 0 || mixed) {
              const method = ownValue(init, 'method') ?? (input instanceof scope.Request ? input.method : undefined);
              const entry: ProbeRequestEntry = { api: 'fetch', url };
              if (typeof method === 'string') entry.method = clip(method, 16);
              if (headers.length > 0) entry.headers = headers;
              if (mixed) {
                const body = bodyText(ownValue(init, 'body'));
                if (body !== undefined) entry.body = body;
              }
              noteRequest(entry);
            }
          }
        } catch {
          // Never let the hook break the page's request.
        }
        const result = Reflect.apply(target, thisArg, args) as Promise<Response>;
        if (url === undefined || responsesLeft <= 0) return result;
        const seenUrl = url;
        // The page gets a promise that settles exactly like the original, one tick later, after the
        // response was cloned (before the page can consume it). Rejections stay the page's to handle.
        return result.then((response) => {
          try {
            readResponse(response, response.url || seenUrl);
          } catch {
            // ignore
          }
          return response;
        });
      },
    });
  }

  // --- XMLHttpRequest ------------------------------------------------------------------------------

  const XHR = scope.XMLHttpRequest?.prototype;
  if (XHR) {
    const calls = new WeakMap<XMLHttpRequest, { method?: string; url?: string; headers: [string, string][] }>();
    XHR.open = new Proxy(XHR.open, {
      apply(target, thisArg: XMLHttpRequest, args: unknown[]) {
        try {
          const url = absolute(args[1]);
          calls.set(thisArg, { ...(typeof args[0] === 'string' ? { method: clip(args[0], 16) } : {}), ...(url ? { url } : {}), headers: [] });
        } catch {
          // ignore
        }
        return Reflect.apply(target, thisArg, args);
      },
    });
    XHR.setRequestHeader = new Proxy(XHR.setRequestHeader, {
      apply(target, thisArg: XMLHttpRequest, args: unknown[]) {
        const result = Reflect.apply(target, thisArg, args);
        // Recorded only after the browser accepted the header (it throws on forbidden names or state).
        try {
          const call = calls.get(thisArg);
          if (call && call.headers.length < NETWORK_HOOK_LIMITS.maxHeaders && typeof args[0] === 'string' && typeof args[1] === 'string' && !PLAIN.has(args[0].toLowerCase())) {
            call.headers.push([clip(args[0], 200), clip(args[1], NETWORK_HOOK_LIMITS.maxHeaderLength)]);
          }
        } catch {
          // ignore
        }
        return result;
      },
    });
    XHR.send = new Proxy(XHR.send, {
      apply(target, thisArg: XMLHttpRequest, args: unknown[]) {
        try {
          const call = calls.get(thisArg);
          if (call?.url) {
            const mixed = isMixed(call.url);
            if (call.headers.length > 0 || mixed) {
              const entry: ProbeRequestEntry = { api: 'xhr', url: call.url };
              if (call.method) entry.method = call.method;
              if (call.headers.length > 0) entry.headers = call.headers;
              if (mixed) {
                const body = bodyText(args[0]);
                if (body !== undefined) entry.body = body;
              }
              noteRequest(entry);
            }
            if (responsesLeft > 0) {
              const url = call.url;
              thisArg.addEventListener('load', () => {
                try {
                  const type = thisArg.responseType;
                  const contentType = thisArg.getResponseHeader('content-type') ?? '';
                  if ((type !== '' && type !== 'text' && type !== 'json') || !TEXT_RESPONSE.test(contentType)) return;
                  const length = Number(thisArg.getResponseHeader('content-length') ?? 'NaN');
                  if (length > NETWORK_HOOK_LIMITS.maxResponseBodyLength) return;
                  const body = type === 'json' ? stringify(thisArg.response) : thisArg.responseText;
                  if (typeof body === 'string') noteResponse(thisArg.responseURL || url, thisArg.status, contentType, body);
                } catch {
                  // ignore
                }
              });
            }
          }
        } catch {
          // ignore
        }
        return Reflect.apply(target, thisArg, args);
      },
    });
  }

  // --- WebSocket, sendBeacon: only what the browser blocks (allowed ones are visible to webRequest) --

  if (secure && typeof scope.WebSocket === 'function') {
    const NativeWebSocket = scope.WebSocket;
    const WebSocketProxy: typeof WebSocket = new Proxy(NativeWebSocket, {
      construct(target, args: unknown[], newTarget): object {
        try {
          const url = absolute(args[0]);
          if (url && isMixed(url)) noteRequest({ api: 'websocket', url });
        } catch {
          // ignore
        }
        // newTarget is the proxy when the page says `new WebSocket(…)`: construct the native class.
        return Reflect.construct(target, args, newTarget === WebSocketProxy ? target : newTarget) as object;
      },
    });
    scope.WebSocket = WebSocketProxy;
    // `socket.constructor === WebSocket` must stay true for the page.
    Object.defineProperty(NativeWebSocket.prototype, 'constructor', { value: WebSocketProxy, writable: true, configurable: true, enumerable: false });
  }
  const NavigatorProto = scope.Navigator?.prototype;
  if (secure && typeof NavigatorProto?.sendBeacon === 'function') {
    NavigatorProto.sendBeacon = new Proxy(NavigatorProto.sendBeacon, {
      apply(target, thisArg, args: unknown[]) {
        try {
          const url = absolute(args[0]);
          if (url && isMixed(url)) {
            const entry: ProbeRequestEntry = { api: 'beacon', url, method: 'POST' };
            const body = bodyText(args[1]);
            if (body !== undefined) entry.body = body;
            noteRequest(entry);
          }
        } catch {
          // ignore
        }
        return Reflect.apply(target, thisArg, args) as boolean;
      },
    });
  }

  // --- Forms posting to http:// from an HTTPS page ---------------------------------------------------

  /** Names and values of password fields and credential-named fields only (the rest is not ours to copy). */
  const formEntry = (form: HTMLFormElement): ProbeRequestEntry | undefined => {
    // Through the prototypes: a form's named controls shadow its properties (`<input name="action">`).
    const action = absolute(getAttribute.call(form, 'action') ?? '');
    if (!action || !isMixed(action)) return undefined;
    const fields = new scope.URLSearchParams();
    let passwordField = false;
    const controls = querySelectorAll.call(form, 'input[name]');
    for (let i = 0; i < controls.length && i < 200; i++) {
      const input = controls[i] as HTMLInputElement;
      const isPassword = input.type === 'password';
      passwordField ||= isPassword;
      if ((isPassword || CREDENTIAL_FIELD.test(input.name)) && input.value) fields.append(input.name, clip(input.value, 1024));
    }
    const entry: ProbeRequestEntry = { api: 'form', url: action, method: clip(getAttribute.call(form, 'method') ?? 'GET', 16) };
    if (passwordField) entry.passwordField = true;
    const body = fields.toString();
    if (body) entry.body = body;
    return entry;
  };
  if (secure) {
    scope.addEventListener(
      'submit',
      (event) => {
        try {
          const form = event.target;
          if (form instanceof scope.HTMLFormElement) {
            const entry = formEntry(form);
            if (entry) noteRequest(entry);
          }
        } catch {
          // ignore
        }
      },
      true,
    );
    const FormProto = scope.HTMLFormElement?.prototype;
    if (FormProto) {
      // form.submit() fires no submit event.
      FormProto.submit = new Proxy(FormProto.submit, {
        apply(target, thisArg: HTMLFormElement, args: unknown[]) {
          try {
            const entry = formEntry(thisArg);
            if (entry) noteRequest(entry);
          } catch {
            // ignore
          }
          return Reflect.apply(target, thisArg, args);
        },
      });
    }
  }

  // --- The page: its URL at start (fragment tokens), referrer policy, mixed elements in the DOM ---

  const initialUrl = scope.location.href;
  const seenElements = new Set<string>();
  const scanDocument = (withPageEntry: boolean) => {
    try {
      const document = scope.document;
      if (withPageEntry) {
        const entry: ProbeRequestEntry = { api: 'page', url: clip(initialUrl, NETWORK_HOOK_LIMITS.maxUrlLength) };
        const meta = document.querySelector('meta[name="referrer" i]')?.getAttribute('content');
        if (meta) entry.referrerPolicy = clip(meta, 200);
        if (initialUrl.includes('#') || entry.referrerPolicy) noteRequest(entry);
      }
      if (!secure) return;
      const elements = document.querySelectorAll(MIXED_SELECTOR);
      for (let i = 0; i < elements.length && seenElements.size < NETWORK_HOOK_LIMITS.maxElements; i++) {
        const element = elements[i]!;
        const tag = element.tagName.toLowerCase();
        const attribute = tag === 'object' ? 'data' : tag === 'link' ? 'href' : 'src';
        const url = absolute(getAttribute.call(element, attribute) ?? '');
        if (!url || seenElements.has(`${tag} ${url}`)) continue;
        seenElements.add(`${tag} ${url}`);
        noteRequest({ api: 'element', url, tag });
      }
    } catch {
      // ignore
    }
  };
  if (scope.document.readyState === 'loading') scope.document.addEventListener('DOMContentLoaded', () => scanDocument(true), { once: true });
  else scanDocument(true);
  scope.addEventListener('load', () => scanDocument(false), { once: true });
  scope.addEventListener('hashchange', () => {
    if (scope.location.hash.includes('=')) noteRequest({ api: 'page', url: clip(scope.location.href, NETWORK_HOOK_LIMITS.maxUrlLength) });
  });
}
