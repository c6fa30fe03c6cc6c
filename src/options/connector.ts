/**
 * What the options page needs from the extension, behind an interface so component tests can pass a
 * mock. Settings are read and written only through the background, which validates every change
 * (the page validates too, for instant feedback).
 */
import browser from 'webextension-polyfill';
import type { CustomRuleSpec, TrialResult } from '../engine/custom-rules.ts';
import type { SettingsChangedResponse, SettingsResponse } from '../shared/messages.ts';
import type { ScopeSettings, Settings } from '../shared/settings.ts';
import { trialInWorker, type TrialOutcome } from './trial.ts';

export interface SettingsPatch {
  scope?: ScopeSettings;
  disabledCategories?: string[];
  customRules?: CustomRuleSpec[];
}

export interface OptionsConnector {
  load(): Promise<SettingsResponse>;
  update(patch: SettingsPatch): Promise<Settings>;
  unignore(id: string): Promise<Settings>;
  clearFindings(): Promise<void>;
  /** Runs the pattern against pathological inputs where it can be killed, plus the user's sample. */
  trialPattern(spec: CustomRuleSpec, sample: string): Promise<TrialOutcome>;
  /** Calls `listener` when the settings change elsewhere (an ignore from the popup). */
  onChange(listener: () => void): () => void;
}

export type { TrialOutcome, TrialResult };

async function send<T extends { ok: true }>(message: unknown): Promise<T> {
  const answer = (await browser.runtime.sendMessage(message)) as T | { ok: false; error: string } | undefined;
  if (!answer || answer.ok !== true) throw new Error(answer && 'error' in answer ? answer.error : 'the extension did not answer');
  return answer;
}

export const browserOptionsConnector: OptionsConnector = {
  load: () => send<SettingsResponse>({ type: 'leaklens/settings' }),
  async update(patch) {
    return (await send<SettingsChangedResponse>({ type: 'leaklens/settings-update', ...patch })).settings;
  },
  async unignore(id) {
    return (await send<SettingsChangedResponse>({ type: 'leaklens/unignore', id })).settings;
  },
  async clearFindings() {
    await send({ type: 'leaklens/clear' });
  },
  trialPattern: (spec, sample) => trialInWorker(spec, sample),
  onChange(listener) {
    const handler = (changes: Record<string, unknown>, areaName: string) => {
      if (areaName === 'local' && 'settings' in changes) listener();
    };
    browser.storage.onChanged.addListener(handler);
    return () => browser.storage.onChanged.removeListener(handler);
  },
};
