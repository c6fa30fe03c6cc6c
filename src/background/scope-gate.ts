/**
 * The scope gate: wraps the webRequest API handed to the request observers so that events of tabs
 * whose top-level site is out of scope never reach them — such requests are not inspected, their
 * scripts not fetched, nothing stored. Wrapping the API (instead of a check in every observer) keeps
 * the observers unaware of settings and covers every event they register, present and future.
 *
 * Until the settings are loaded (the worker just woke up), events are held in a bounded queue and
 * replayed in order, so a restricted scope is never bypassed by the first requests after a restart.
 */

export interface RequestGate {
  isReady(): boolean;
  readonly ready: Promise<unknown>;
  /** `event` is the webRequest event name, e.g. `onBeforeRequest`. */
  admitRequest(event: string, details: never): boolean;
}

interface EventLike {
  addListener(callback: (details: never) => unknown, ...rest: unknown[]): void;
}

function isEventLike(value: unknown): value is EventLike {
  return typeof value === 'object' && value !== null && typeof (value as { addListener?: unknown }).addListener === 'function';
}

/** Events held while the settings load; beyond this the oldest are dropped (the worker was busy). */
export const MAX_HELD_EVENTS = 2000;

export function gateWebRequest<T extends object>(webRequest: T, gate: RequestGate): T {
  const held: (() => void)[] = [];
  let draining = false;
  const hold = (deliver: () => void) => {
    if (held.length >= MAX_HELD_EVENTS) held.shift();
    held.push(deliver);
    if (draining) return;
    draining = true;
    void gate.ready.then(() => {
      while (held.length > 0) held.shift()!();
    });
  };

  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(webRequest, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (!isEventLike(value) || typeof property !== 'string') return value;
      if (!wrapped.has(property)) {
        wrapped.set(property, {
          addListener(callback: (details: never) => unknown, ...rest: unknown[]) {
            const gated = (details: never) => {
              const deliver = () => {
                if (gate.admitRequest(property, details)) callback(details);
              };
              // Observe-only listeners: nothing is returned to the browser, so delivery may wait.
              if (gate.isReady() && held.length === 0) deliver();
              else hold(deliver);
            };
            value.addListener(gated, ...rest);
          },
          hasListeners: () => (value as { hasListeners?: () => boolean }).hasListeners?.() ?? false,
        });
      }
      return wrapped.get(property);
    },
  });
}
