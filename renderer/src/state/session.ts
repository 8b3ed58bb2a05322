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

/** First start: the browser's language, Chinese for any zh-*, English otherwise. */
export function browserLanguage(languages: readonly string[] = navigator.languages ?? [navigator.language]): DeskSettings['language'] {
  const first = languages[0]?.toLowerCase() ?? 'zh-cn';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}

// A language picked on the set-up or sign-in screen, saved once someone is signed in.
let unsavedLanguage: DeskSettings['language'] | null = null;

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
    const [session, stored] = await Promise.all([call('session.current', {}), call('settings.get', {})]);
    const settings = stored.languageChosen ? stored : { ...stored, language: browserLanguage() };
    await i18n.changeLanguage(settings.language);
    const operator = session.operator ?? (session.needsSetup ? null : await resumeSignIn());
    set({ settings, operator, status: session.needsSetup ? 'setup' : operator ? 'signed-in' : 'signed-out' });
  },
  signedIn(operator) {
    set({ operator, status: 'signed-in' });
    if (unsavedLanguage) void get().setLanguage(unsavedLanguage);
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
    if (get().status !== 'signed-in') {
      unsavedLanguage = language;
      return;
    }
    unsavedLanguage = null;
    set({ settings: await call('settings.update', { language }) });
  },
}));
