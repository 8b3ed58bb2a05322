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

// Per tab: a reload keeps the sign-in, closing the tab ends it.
const RESUME_KEY = 'assurance-desk.resume';

async function resumeSignIn(): Promise<OperatorView | null> {
  const token = sessionStorage.getItem(RESUME_KEY);
  if (!token) return null;
  const operator = await call('session.resume', { token }).catch(() => null);
  if (!operator) sessionStorage.removeItem(RESUME_KEY);
  return operator;
}

export const useSession = create<SessionState>((set, get) => ({
  status: 'loading',
  operator: null,
  settings: null,
  async load() {
    const [session, settings] = await Promise.all([call('session.current', {}), call('settings.get', {})]);
    await i18n.changeLanguage(settings.language);
    const operator = session.operator ?? (session.needsSetup ? null : await resumeSignIn());
    set({ settings, operator, status: session.needsSetup ? 'setup' : operator ? 'signed-in' : 'signed-out' });
  },
  signedIn(operator) {
    set({ operator, status: 'signed-in' });
    call('session.resumeToken', {}).then(
      (token) => sessionStorage.setItem(RESUME_KEY, token),
      () => sessionStorage.removeItem(RESUME_KEY),
    );
  },
  async signOut() {
    sessionStorage.removeItem(RESUME_KEY);
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
