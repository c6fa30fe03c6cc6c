import { plainJson } from '../collectors/prune.ts';
import type { ProbeChannel } from '../probe-channel.ts';
import type { ProbeKind } from '../../shared/probe-protocol.ts';

/**
 * Where reports go: the probe's side of the private channel (../probe-channel.ts), connected by the
 * probe's entry at document_start; unit tests connect their own. Until the content script has
 * answered the handshake (or if it never does), reports are not even built.
 */
let sink: ProbeChannel | undefined;

export function connectReports(to: ProbeChannel): void {
  sink = to;
}

/** Sends one report, as JSON text written by our own serialiser (a page's toJSON cannot rewrite it). */
export function postToContentScript(kind: ProbeKind, payload: unknown): void {
  if (sink?.connected()) sink.send(plainJson({ kind, payload }));
}
