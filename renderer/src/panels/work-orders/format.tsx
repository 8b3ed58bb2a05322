// Small shared pieces of the work-order screens: translated quality gaps, and a countdown to a
// due instant the main process computed (the renderer never computes SLA due times itself).
import { styled } from '@mui/material/styles';
import { useSyncExternalStore } from 'react';
import { i18n } from '../../i18n/index.js';
import { messages } from './messages.js';

/** The rules engine names gaps in English; show them in the interface language. */
export function missingLabel(gap: string, language: string): string {
  const map = (language.startsWith('zh') ? messages.zhCN : messages.en).workOrders.missing as Record<string, string>;
  return map[gap] ?? gap;
}

/** "1 h 05 min", "4 min 10 s", "35 s". */
export function formatSpan(ms: number, language: string): string {
  const zh = language.startsWith('zh');
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const [H, M, S] = zh ? ['小时', '分', '秒'] : [' h', ' min', ' s'];
  if (h > 0) return `${h}${H} ${String(m).padStart(2, '0')}${M}`;
  if (m > 0) return `${m}${M} ${String(sec).padStart(2, '0')}${S}`;
  return `${sec}${S}`;
}

// One clock for every countdown on screen: a single timer ticks once a second, and a countdown
// re-renders only when its text changes (a case hours overdue: once a minute). Thirty rows with a
// timer each were thirty renders a second, each competing with the queue's answer to a keystroke.
const listeners = new Set<() => void>();
let ticking: ReturnType<typeof setInterval> | undefined;
let clock = Date.now();

const tick = () => {
  clock = Date.now();
  for (const l of listeners) l();
};

/** Also told when the interface language changes: a countdown reads its words from the one i18n instance, not a hook per countdown. */
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!ticking) {
    clock = Date.now();
    ticking = setInterval(tick, 1000);
    i18n.on('languageChanged', tick);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(ticking);
      ticking = undefined;
      i18n.off('languageChanged', tick);
    }
  };
}

/** The clock's time: the last tick while countdowns are on screen. */
const now = () => (ticking ? clock : Date.now());

const CountdownText = styled('span')(({ theme }) => ({
  fontVariantNumeric: 'tabular-nums',
  fontWeight: 600,
  '&[data-variant=body2]': theme.typography.body2,
  '&[data-variant=caption]': theme.typography.caption,
  '&[data-tone=paused]': { color: theme.palette.text.secondary },
  '&[data-tone=overdue]': { color: theme.palette.error.main },
  '&[data-tone=soon]': { color: theme.palette.warning.dark },
  '&[data-tone=ahead]': { color: theme.palette.success.dark },
}));

export function Countdown({ due, paused, variant = 'body2' }: { due: string; paused?: boolean; variant?: 'body2' | 'caption' }) {
  const dueMs = Date.parse(due);
  const textAt = (at: number) => {
    const left = dueMs - at;
    const time = formatSpan(Math.abs(left), i18n.language);
    return i18n.t(left >= 0 ? 'workOrders.page.left' : 'workOrders.page.overdue', { time });
  };
  const text = useSyncExternalStore(subscribe, () => textAt(now()));
  const left = dueMs - now();
  const tone = paused ? 'paused' : left < 0 ? 'overdue' : left < 5 * 60_000 ? 'soon' : 'ahead';
  return (
    <CountdownText data-testid="countdown" data-variant={variant} data-tone={tone}>
      {text}
    </CountdownText>
  );
}

export const SEVERITY_COLOR = { 'SEV-1': 'error', 'SEV-2': 'warning', 'SEV-3': 'info' } as const;
