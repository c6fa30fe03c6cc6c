/**
 * The MAIN-world network hook against a fake page world: it must report what webRequest cannot see,
 * and leave the page's requests, responses, errors and object identities exactly as they were.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NETWORK_HOOK_LIMITS, startNetworkHook, type ProbeRequestEntry, type ProbeResponseEntry } from '../../src/content/probe/network-hook.ts';
import { connectReports } from '../../src/content/probe/post.ts';
import { fakeOpaqueToken } from '../support/fake-secrets.ts';

class FakeElement {
  constructor(
    readonly tagName: string,
    private readonly attributes: Record<string, string> = {},
    readonly children: FakeElement[] = [],
  ) {}
  getAttribute(name: string): string | null {
    return this.attributes[name] ?? null;
  }
  querySelectorAll(selector: string): FakeElement[] {
    return this.children.filter((child) => (selector === 'input[name]' ? child.getAttribute('name') !== null : true));
  }
}
class FakeInput extends FakeElement {
  constructor(
    readonly name: string,
    readonly type: string,
    readonly value: string,
  ) {
    super('INPUT', { name, type });
  }
}
class FakeForm extends FakeElement {
  submitted = 0;
  submit(): void {
    this.submitted++;
  }
}

/** A report as the content script receives it: parsed from the channel's JSON text. */
interface Posted {
  kind: string;
  payload: unknown;
}

function fakePage(href: string, options: { elements?: FakeElement[]; meta?: string; fetch?: (...args: unknown[]) => Promise<Response> } = {}) {
  const posted: Posted[] = [];
  const timers: (() => void)[] = [];
  const listeners: Record<string, ((event: unknown) => void)[]> = {};
  const nativeFetch = vi.fn(options.fetch ?? (async () => new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } })));
  class FakeXHR {
    responseType = '';
    status = 200;
    responseText = '';
    responseURL = '';
    private handlers: (() => void)[] = [];
    private responseHeaders: Record<string, string> = {};
    open(_method: string, _url: string) {}
    setRequestHeader(name: string, _value: string) {
      if (name.toLowerCase() === 'cookie') throw new DOMException('forbidden', 'SyntaxError');
    }
    send(_body?: unknown) {}
    addEventListener(type: string, handler: () => void) {
      if (type === 'load') this.handlers.push(handler);
    }
    getResponseHeader(name: string) {
      return this.responseHeaders[name.toLowerCase()] ?? null;
    }
    /** Test helper: the server answers. */
    respond(body: string, contentType: string) {
      this.responseText = body;
      this.responseHeaders = { 'content-type': contentType };
      for (const handler of this.handlers) handler();
    }
  }
  class FakeWebSocket {
    constructor(readonly url: string) {
      if (url.startsWith('ws:')) throw new DOMException('An insecure WebSocket connection may not be initiated from a page loaded over HTTPS.', 'SecurityError');
    }
  }
  class FakeNavigator {
    sendBeacon(_url: string, _body?: unknown) {
      return true;
    }
  }
  const meta = options.meta === undefined ? null : new FakeElement('META', { name: 'referrer', content: options.meta });
  const location = new URL(href);
  const scope = {
    location,
    fetch: nativeFetch,
    Request,
    Headers,
    URL,
    URLSearchParams,
    FormData,
    XMLHttpRequest: FakeXHR,
    WebSocket: FakeWebSocket,
    Navigator: FakeNavigator,
    navigator: new FakeNavigator(),
    HTMLFormElement: FakeForm,
    Element: FakeElement,
    document: {
      readyState: 'complete',
      querySelector: (selector: string) => (selector.startsWith('meta') ? meta : null),
      querySelectorAll: () => options.elements ?? [],
      addEventListener: () => undefined,
    },
    setTimeout: (callback: () => void) => timers.push(callback),
    addEventListener: (type: string, listener: (event: unknown) => void) => (listeners[type] ??= []).push(listener),
  };
  (globalThis as { window?: unknown }).window = scope;
  connectReports({ connected: () => true, send: (text) => posted.push(JSON.parse(text) as Posted) });
  startNetworkHook(scope as unknown as Window & typeof globalThis);
  const flush = async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    timers.splice(0).forEach((run) => run());
  };
  const reported = <T>(kind: string) => posted.filter((message) => message.kind === kind).flatMap((message) => message.payload as T[]);
  return { scope, nativeFetch, posted, flush, listeners, requests: () => reported<ProbeRequestEntry>('requests'), responses: () => reported<ProbeResponseEntry>('responses'), FakeXHR };
}

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('network hook: fetch', () => {
  it('passes every call through unchanged: same arguments, same response, same errors', async () => {
    const page = fakePage('https://app.example.test/');
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"q":1}' };
    const response = await page.scope.fetch('/api/search', init);
    expect(page.nativeFetch).toHaveBeenCalledTimes(1);
    expect(page.nativeFetch.mock.calls[0]![0]).toBe('/api/search');
    expect(page.nativeFetch.mock.calls[0]![1]).toBe(init);
    expect(await response.json()).toEqual({ ok: true }); // the hook's copy did not consume the page's body
    expect(page.scope.fetch.name).toBe(page.nativeFetch.name);

    const failing = fakePage('https://app.example.test/', { fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(failing.scope.fetch('https://down.example.test/')).rejects.toThrow('Failed to fetch');
  });

  it('never calls the page\'s getters or consumes its iterators', async () => {
    const page = fakePage('https://app.example.test/');
    const getter = vi.fn(() => ({ Authorization: 'Bearer x' }));
    const init = Object.defineProperty({}, 'headers', { get: getter, enumerable: true });
    function* generated() {
      yield ['Authorization', `Bearer ${fakeOpaqueToken()}`] as [string, string];
    }
    const iterable = generated();
    await page.scope.fetch('https://api.example.test/a', init);
    await page.scope.fetch('https://api.example.test/b', { headers: iterable as unknown as HeadersInit });
    expect(getter).not.toHaveBeenCalled();
    expect([...iterable]).toHaveLength(1); // still there for the browser
  });

  it('reports headers the page set, and mixed-content targets with their text body; nothing for a plain HTTPS call', async () => {
    const token = fakeOpaqueToken();
    const page = fakePage('https://app.example.test/dashboard');
    await page.scope.fetch('https://api.example.test/v1/orders');
    await page.scope.fetch('/v1/profile', { headers: new Headers({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }) });
    await page.scope.fetch('http://legacy.example.test/api', { method: 'POST', body: new URLSearchParams({ password: 'p4ss-w0rd' }) });
    await page.flush();
    expect(page.requests()).toEqual([
      { api: 'fetch', url: 'https://app.example.test/v1/profile', headers: [['authorization', `Bearer ${token}`]] },
      { api: 'fetch', url: 'http://legacy.example.test/api', method: 'POST', body: 'password=p4ss-w0rd' },
    ]);
  });

  it('copies JSON and text responses up to the size bound, not event streams or oversized ones', async () => {
    const big = 'x'.repeat(NETWORK_HOOK_LIMITS.maxResponseBodyLength + 10);
    const bodies: Record<string, [string, string]> = {
      '/config': ['{"key":"value"}', 'application/json'],
      '/events': ['data: 1\n\n', 'text/event-stream'],
      '/big': [big, 'text/plain'],
      '/logo': ['GIF89a', 'image/gif'],
    };
    const page = fakePage('https://app.example.test/', {
      fetch: async (input) => {
        const [body, type] = bodies[new URL(String(input), 'https://app.example.test').pathname]!;
        return new Response(body, { headers: { 'content-type': type } });
      },
    });
    for (const path of Object.keys(bodies)) {
      const response = await page.scope.fetch(path);
      expect(await response.text()).toBe(bodies[path]![0]);
    }
    await page.flush();
    expect(page.responses().map((entry) => [entry.url, entry.body])).toEqual([['https://app.example.test/config', '{"key":"value"}']]);
  });
});

describe('network hook: XHR, WebSocket, beacon, forms, the page itself', () => {
  it('reports XHR headers the browser accepted, and its text response', async () => {
    const page = fakePage('https://app.example.test/');
    const xhr = new page.scope.XMLHttpRequest() as InstanceType<typeof page.FakeXHR>;
    xhr.open('GET', '/v1/me');
    xhr.setRequestHeader('X-Api-Key', 'k-123456789');
    expect(() => xhr.setRequestHeader('Cookie', 'sid=1')).toThrow(); // the browser's refusal reaches the page
    xhr.send();
    xhr.respond('{"name":"Dana"}', 'application/json');
    await page.flush();
    expect(page.requests()).toEqual([{ api: 'xhr', url: 'https://app.example.test/v1/me', method: 'GET', headers: [['X-Api-Key', 'k-123456789']] }]);
    expect(page.responses().map((entry) => entry.body)).toEqual(['{"name":"Dana"}']);
  });

  it('reports a ws:// socket from an HTTPS page, keeps the browser\'s SecurityError and the constructor\'s identity', async () => {
    const page = fakePage('https://app.example.test/');
    const token = fakeOpaqueToken();
    const WebSocketClass = page.scope.WebSocket as unknown as new (url: string) => object;
    expect(() => new WebSocketClass(`ws://legacy.example.test/live?token=${token}`)).toThrow(/insecure WebSocket/);
    const socket = new WebSocketClass('wss://api.example.test/live');
    expect(socket).toBeInstanceOf(WebSocketClass);
    expect(socket.constructor).toBe(WebSocketClass);
    await page.flush();
    expect(page.requests()).toEqual([{ api: 'websocket', url: `ws://legacy.example.test/live?token=${token}` }]);
  });

  it('reports a form submitted to http:// with only its password and credential-named fields', async () => {
    const page = fakePage('https://app.example.test/');
    const form = new FakeForm('FORM', { action: 'http://legacy.example.test/login', method: 'post' }, [new FakeInput('username', 'text', 'dana'), new FakeInput('password', 'password', 'hunter2-hunter2')]);
    (page.scope.HTMLFormElement.prototype.submit as () => void).call(form);
    expect(form.submitted).toBe(1);
    await page.flush();
    expect(page.requests()).toEqual([{ api: 'form', url: 'http://legacy.example.test/login', method: 'post', passwordField: true, body: 'password=hunter2-hunter2' }]);
  });

  it('reports http:// beacons and elements, the URL at document start (fragment) and the meta referrer policy', async () => {
    const token = fakeOpaqueToken();
    const page = fakePage(`https://app.example.test/callback#access_token=${token}`, { meta: 'unsafe-url', elements: [new FakeElement('IMG', { src: 'http://legacy.example.test/banner.gif' })] });
    page.scope.location.hash = ''; // the app strips the fragment right away
    expect(page.scope.navigator.sendBeacon('http://legacy.example.test/collect', 'event=view')).toBe(true);
    await page.flush();
    expect(page.requests()).toEqual([
      { api: 'page', url: `https://app.example.test/callback#access_token=${token}`, referrerPolicy: 'unsafe-url' },
      { api: 'element', url: 'http://legacy.example.test/banner.gif', tag: 'img' },
      { api: 'beacon', url: 'http://legacy.example.test/collect', method: 'POST', body: 'event=view' },
    ]);
  });

  it('does not break a page that lacks some of these APIs', () => {
    const scope = { location: new URL('https://a.test/'), document: { readyState: 'loading', addEventListener: () => undefined }, addEventListener: () => undefined };
    expect(() => startNetworkHook(scope as unknown as Window & typeof globalThis)).not.toThrow();
  });
});
