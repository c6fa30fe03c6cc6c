/**
 * MAIN-world probe entry: the only code that sees the page's own JavaScript world. Built as a
 * standalone file (no loader). It has no extension APIs; it reports what it sees to the isolated
 * content script over a private channel (../probe-channel.ts), which relays it to the background.
 */
import { openProbeChannel } from '../probe-channel.ts';
import { startGlobalsProbe } from './globals.ts';
import { startNetworkHook } from './network-hook.ts';
import { connectReports } from './post.ts';

// First the channel, while no page script has run: the handshake must not be seen by one.
connectReports(openProbeChannel(document));
// Then the hooks: the page's scripts must find fetch/XHR already wrapped and its URL not yet rewritten.
startNetworkHook();
startGlobalsProbe();
