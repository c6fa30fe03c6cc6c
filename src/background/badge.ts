/**
 * The toolbar badge: the number of medium-and-above findings for the tab, coloured by the most severe.
 * Low and info findings are in the popup but do not shout from the toolbar.
 */
import { atLeast, severityRank, type Finding, type Severity } from '../shared/finding.ts';

export const BADGE_COLORS: Record<Severity, string> = {
  critical: '#b91c1c',
  high: '#c2410c',
  medium: '#a16207',
  low: '#4b5563',
  info: '#4b5563',
};

export interface BadgeState {
  text: string;
  color: string;
}

export function badgeFor(findings: readonly Finding[]): BadgeState {
  const counted = findings.filter((finding) => atLeast(finding.severity, 'medium'));
  if (counted.length === 0) return { text: '', color: BADGE_COLORS.info };
  const worst = counted.reduce((a, b) => (severityRank(b.severity) < severityRank(a.severity) ? b : a));
  return { text: counted.length > 999 ? '999+' : String(counted.length), color: BADGE_COLORS[worst.severity] };
}

export interface ActionLike {
  setBadgeText(details: { text: string; tabId?: number }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string; tabId?: number }): Promise<void>;
}

export async function paintBadge(action: ActionLike, tabId: number, findings: readonly Finding[]): Promise<void> {
  const { text, color } = badgeFor(findings);
  try {
    await action.setBadgeBackgroundColor({ tabId, color });
    await action.setBadgeText({ tabId, text });
  } catch {
    // The tab closed meanwhile: nothing to paint.
  }
}
