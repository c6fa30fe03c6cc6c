/**
 * MAIN-world probe entry: the only code that sees the page's own JavaScript world. Built as a
 * standalone file (no loader). It has no extension APIs; it reports what it sees to the isolated
 * content script, which relays it to the background.
 */
import { startGlobalsProbe } from './globals.ts';
import { startNetworkHook } from './network-hook.ts';

// First: the page's scripts must find fetch/XHR already wrapped and its URL not yet rewritten.
startNetworkHook();
startGlobalsProbe();
