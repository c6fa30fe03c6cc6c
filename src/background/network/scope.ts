/**
 * Which requests the network observers look at. Until the options page lets users choose (the
 * experience issue), every http(s) site is in scope; pages of the browser itself, of this or other
 * extensions and of DevTools never are. The observers take the scope as a function, so settings can
 * replace the default without touching them.
 */

export interface ScopeQuery {
  /** The request's URL. */
  url: string;
  /** The document that made it (an origin in Chrome), when known. */
  initiator?: string;
  /** The tab's top-level page, when known. */
  pageUrl?: string;
}

export type NetworkScope = (query: ScopeQuery) => boolean;

const WEB_URL = /^(?:https?|wss?):\/\//i;
const BROWSER_OR_EXTENSION = /^(?:chrome-extension|moz-extension|safari-web-extension|devtools|chrome|chrome-untrusted|chrome-search|edge|brave|opera|about|view-source):/i;

export const defaultNetworkScope: NetworkScope = ({ url, initiator, pageUrl }) =>
  WEB_URL.test(url) && !(initiator !== undefined && BROWSER_OR_EXTENSION.test(initiator)) && !(pageUrl !== undefined && BROWSER_OR_EXTENSION.test(pageUrl));
