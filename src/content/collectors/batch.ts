/**
 * Accumulates what one collection pass found into page-snapshot messages, splitting before a message
 * would exceed what the background accepts (so nothing collected is refused for being too big).
 */
import type { DataIsland, DomValue, IndexedDbRecord, InsecureForm, PageSnapshotMessage, SnapshotSkip } from '../../shared/messages.ts';
import { SNAPSHOT_LIMITS } from '../../shared/messages.ts';

/** Headroom under SNAPSHOT_LIMITS.maxTotalLength for the URL, labels and rounding. */
const MAX_MESSAGE_TEXT = SNAPSHOT_LIMITS.maxTotalLength - 1024 * 1024;

/** Every list a snapshot carries, with the most entries one message may hold. */
interface Sections {
  localStorage: [string, string];
  sessionStorage: [string, string];
  inlineScripts: string;
  inlineScriptSelectors: string;
  scriptUrls: string;
  dataIslands: DataIsland;
  dom: DomValue;
  insecureForms: InsecureForm;
  indexedDb: IndexedDbRecord;
  skipped: SnapshotSkip;
}
type Section = keyof Sections;
type Body = { [K in Section]: Sections[K][] } & { cookies: string };

const MAX_ENTRIES: Record<Section, number> = {
  localStorage: SNAPSHOT_LIMITS.maxEntries,
  sessionStorage: SNAPSHOT_LIMITS.maxEntries,
  inlineScripts: SNAPSHOT_LIMITS.maxScripts,
  inlineScriptSelectors: SNAPSHOT_LIMITS.maxScripts,
  scriptUrls: SNAPSHOT_LIMITS.maxScripts,
  dataIslands: SNAPSHOT_LIMITS.maxDataIslands,
  dom: SNAPSHOT_LIMITS.maxDomValues,
  insecureForms: SNAPSHOT_LIMITS.maxForms,
  indexedDb: SNAPSHOT_LIMITS.maxIndexedDbRecords,
  skipped: SNAPSHOT_LIMITS.maxSkipped,
};

const OPTIONAL: readonly Section[] = ['dataIslands', 'dom', 'insecureForms', 'indexedDb', 'skipped'];

function emptyBody(): Body {
  return {
    localStorage: [],
    sessionStorage: [],
    cookies: '',
    inlineScripts: [],
    inlineScriptSelectors: [],
    scriptUrls: [],
    dataIslands: [],
    dom: [],
    insecureForms: [],
    indexedDb: [],
    skipped: [],
  };
}

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

  /** Inline scripts travel with their selectors, in two lists of equal length. */
  inline(scripts: readonly { selector: string; text: string }[]): void {
    for (const { selector, text } of scripts) {
      if (this.items > 0 && (this.size + text.length > MAX_MESSAGE_TEXT || this.body.inlineScripts.length >= MAX_ENTRIES.inlineScripts)) this.flush();
      this.body.inlineScripts.push(text);
      this.body.inlineScriptSelectors.push(selector);
      this.size += text.length + selector.length;
      this.items++;
    }
  }

  cookies(changed: string): void {
    if (!changed) return;
    if (this.body.cookies !== '') this.flush();
    this.body.cookies = changed;
    this.size += changed.length;
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
    return bodies.map((body) => {
      const message: PageSnapshotMessage = {
        type: 'leaklens/page-snapshot',
        pageUrl,
        localStorage: body.localStorage,
        sessionStorage: body.sessionStorage,
        cookies: body.cookies,
        inlineScripts: body.inlineScripts,
        scriptUrls: body.scriptUrls,
      };
      if (body.inlineScripts.length > 0) message.inlineScriptSelectors = body.inlineScriptSelectors;
      for (const section of OPTIONAL) if (body[section].length > 0) (message as unknown as Record<string, unknown>)[section] = body[section];
      return message;
    });
  }
}

/** How much text an entry carries (the part that can be large). */
function textLength(entry: unknown): number {
  if (typeof entry === 'string') return entry.length;
  if (Array.isArray(entry)) return String(entry[0]).length + String(entry[1]).length;
  const record = entry as { text?: string; value?: string; action?: string; what?: string };
  return (record.text ?? record.value ?? record.action ?? record.what ?? '').length;
}
