import { create } from 'zustand';
import type { DeskSettings, OperatorView } from '../../../shared/contract/index.js';
import { call } from '../api/client.js';
import { i18n } from '../i18n/index.js';

interface SessionState {
  status: 'loading' | 'setup' | 'signed-out' | 'signed-in';
  operator: OperatorView | null;
  settings: DeskSettings | null;
  load(): Promise<void>;
  signedIn(operator: OperatorView): void;
  signOut(): Promise<void>;
  setLanguage(language: DeskSettings['language']): Promise<void>;
}

export const useSession = create<SessionState>((set, get) => ({
  status: 'loading',
  operator: null,
  settings: null,
  async load() {
    const [session, settings] = await Promise.all([call('session.current', {}), call('settings.get', {})]);
    await i18n.changeLanguage(settings.language);
    set({
      settings,
      operator: session.operator,
      status: session.needsSetup ? 'setup' : session.operator ? 'signed-in' : 'signed-out',
    });
  },
  signedIn: (operator) => set({ operator, status: 'signed-in' }),
  async signOut() {
    await call('session.signOut', {});
    // Fresh settings: the sign-in screen offers the operator who just left.
    set({ operator: null, status: 'signed-out', settings: await call('settings.get', {}) });
  },
  async setLanguage(language) {
    await i18n.changeLanguage(language);
    const current = get().settings;
    if (current) set({ settings: { ...current, language } });
    if (get().status === 'signed-in') set({ settings: await call('settings.update', { language }) });
  },
}));
