// OAuth `state` that works once: handed out with the install page, kept in the store (so the redirect
// may land on any replica), and deleted by the redirect that uses it. Bolt's default state is signed and
// can be used again until it expires, so a captured redirect could install again.
import { randomBytes } from 'node:crypto';
import type { InstallURLOptions, StateStore } from '@slack/bolt';
import { oauthStateKey, type InstallationRecords } from '../installations/installation-records.js';

/** Slack's own state expires in ten minutes; an install takes less. */
const STATE_LIFETIME_MS = 10 * 60 * 1000;

/** Thrown for a state that was never handed out, was used already or has expired. */
class OAuthStateError extends Error {
  readonly code = 'slack_oauth_invalid_state';
}

export function createOneTimeStateStore(records: () => Promise<InstallationRecords>): StateStore {
  return {
    generateStateParam: async (installOptions, now) => {
      const store = await records();
      await forgetExpired(store, now);
      const state = randomBytes(24).toString('base64url');
      await store.saveInstallation(oauthStateKey(state), { at: now.toISOString(), installOptions });
      return state;
    },
    verifyStateParam: async (now, state) => {
      const store = await records();
      const key = oauthStateKey(state);
      const saved = (await store.installation(key)) as { at: string; installOptions: InstallURLOptions } | null;
      // Deleted before it is used: of two redirects with one state, only the one that deletes it goes on.
      if (!saved || !(await store.deleteInstallation(key)))
        throw new OAuthStateError('that install link was already used');
      if (now.getTime() - Date.parse(saved.at) > STATE_LIFETIME_MS)
        throw new OAuthStateError('that install link has expired');
      return saved.installOptions;
    },
  };
}

/** Install pages opened and never finished leave states behind: past a handful, the expired ones go. */
const KEPT_BEFORE_CLEANING = 100;

async function forgetExpired(store: InstallationRecords, now: Date): Promise<void> {
  const keys = await store.installationKeys(oauthStateKey(''));
  if (keys.length < KEPT_BEFORE_CLEANING) return;
  for (const key of keys) {
    const saved = (await store.installation(key)) as { at?: string } | null;
    if (!saved?.at || now.getTime() - Date.parse(saved.at) > STATE_LIFETIME_MS) await store.deleteInstallation(key);
  }
}
