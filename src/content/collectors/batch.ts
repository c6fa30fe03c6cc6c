/**
 * Accumulates what one collection pass found into page-snapshot messages, splitting before a message
 * would exceed what the background accepts (so nothing collected is refused for being too big).
 * The content script sends storage, cookies, the document's markup, IndexedDB samples and what it
 * skipped; the background reads everything else out of the markup.
 */
import type { IndexedDbRecord, PageSnapshotMessage, SnapshotSkip } from '../../shared/messages.ts';
import { SNAPSHOT_LIMITS } from '../../shared/messages.ts';

/** Headroom under SNAPSHOT_LIMITS.maxTotalLength for the URL, labels and rounding. */
const MAX_MESSAGE_TEXT = SNAPSHOT_LIMITS.maxTotalLength - 1024 * 1024;

/** Every list a snapshot carries from here, with the most entries one message may hold. */
interface Sections {
  localStorage: [string, string];
  sessionStorage: [string, string];
  scriptUrls: string;
  indexedDb: IndexedDbRecord;
  skipped: SnapshotSkip;
}
type Section = keyof Sections;
type Body = { [K in Section]: Sections[K][] } & { cookies: string; markup?: string };

const MAX_ENTRIES: Record<Section, number> = {
  localStorage: SNAPSHOT_LIMITS.maxEntries,
  sessionStorage: SNAPSHOT_LIMITS.maxEntries,
  scriptUrls: SNAPSHOT_LIMITS.maxScripts,
  indexedDb: SNAPSHOT_LIMITS.maxIndexedDbRecords,
  skipped: SNAPSHOT_LIMITS.maxSkipped,
};

const emptyBody = (): Body => ({ localStorage: [], sessionStorage: [], cookies: '', scriptUrls: [], indexedDb: [], skipped: [] });

export class SnapshotBatch {
  private body = emptyBody();
  private size = 0;
  private items = 0;
  private readonly done: Body[] = [];

  /** Adds entries to one list, starting a new message when this one is full. */
  add<S extends Section>(section: S, entries: readonly Sections[S][]): void {
    for (const entry of entries) {
      const length = textLength(entry);
      if (this.items > 0 && (this.size + length > MAX_MESSAGE_TEXT || this.body[section].length >= MAX_ENTRIES[section])) this.flush();
      (this.body[section] as Sections[S][]).push(entry);
      this.size += length;
      this.items++;
    }
  }

  cookies(changed: string): void {
    this.single('cookies', changed);
  }

  /** The document's serialised HTML (the caller keeps it under the total limit). */
  markup(html: string): void {
    this.single('markup', html);
  }

  private single(field: 'cookies' | 'markup', text: string): void {
    if (!text) return;
    if (this.items > 0 && (this.body[field] || this.size + text.length > MAX_MESSAGE_TEXT)) this.flush();
    this.body[field] = text;
    this.size += text.length;
    this.items++;
  }

  private flush(): void {
    this.done.push(this.body);
    this.body = emptyBody();
    this.size = 0;
    this.items = 0;
  }

  /** The messages to send (none when nothing was added); empty optional lists are left out. */
  messages(pageUrl: string): PageSnapshotMessage[] {
    const bodies = this.items > 0 ? [...this.done, this.body] : this.done;
    return bodies.map(({ localStorage, sessionStorage, cookies, scriptUrls, indexedDb, skipped, markup }) => {
      const message: PageSnapshotMessage = { type: 'leaklens/page-snapshot', pageUrl, localStorage, sessionStorage, cookies, inlineScripts: [], scriptUrls };
      if (markup) message.markup = markup;
      if (indexedDb.length > 0) message.indexedDb = indexedDb;
      if (skipped.length > 0) message.skipped = skipped;
      return message;
    });
  }
}

/**
 * A pass's snapshot as messages the background accepts: itself when it fits (the common case, and no
 * more work than adding up lengths), otherwise split section by section. (Inline scripts are never
 * sent from the content script: the markup carries them.)
 */
export function fitSnapshot(message: PageSnapshotMessage): PageSnapshotMessage[] {
  const { localStorage, sessionStorage, cookies, scriptUrls, indexedDb = [], skipped = [], markup } = message;
  let size = cookies.length + (markup?.length ?? 0);
  for (const [key, value] of localStorage) size += key.length + value.length;
  for (const [key, value] of sessionStorage) size += key.length + value.length;
  for (const url of scriptUrls) size += url.length;
  for (const record of indexedDb) size += record.value.length;
  const counted = localStorage.length <= MAX_ENTRIES.localStorage && sessionStorage.length <= MAX_ENTRIES.sessionStorage && scriptUrls.length <= MAX_ENTRIES.scriptUrls && indexedDb.length <= MAX_ENTRIES.indexedDb;
  if (size <= MAX_MESSAGE_TEXT && counted) return [message];
  const batch = new SnapshotBatch();
  batch.add('localStorage', localStorage);
  batch.add('sessionStorage', sessionStorage);
  batch.cookies(cookies);
  if (markup) batch.markup(markup);
  batch.add('scriptUrls', scriptUrls);
  batch.add('indexedDb', indexedDb);
  batch.add('skipped', skipped);
  return batch.messages(message.pageUrl);
}

/** How much text an entry carries (the part that can be large). */
function textLength(entry: unknown): number {
  if (typeof entry === 'string') return entry.length;
  if (Array.isArray(entry)) return String(entry[0]).length + String(entry[1]).length;
  const record = entry as { value?: string; what?: string };
  return (record.value ?? record.what ?? '').length;
}
