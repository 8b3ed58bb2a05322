// Small shared pieces of the work-order screens: translated quality gaps, and a countdown to a
// due instant the main process computed (the renderer never computes SLA due times itself).
import { Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
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

/** Re-renders every second. */
export function useNow(periodMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(timer);
  }, [periodMs]);
  return now;
}

export function Countdown({ due, paused, variant = 'body2' }: { due: string; paused?: boolean; variant?: 'body2' | 'caption' }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const left = Date.parse(due) - now;
  const text = left >= 0 ? t('workOrders.page.left', { time: formatSpan(left, i18n.language) }) : t('workOrders.page.overdue', { time: formatSpan(-left, i18n.language) });
  return (
    <Typography
      component="span"
      variant={variant}
      data-testid="countdown"
      sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600, color: paused ? 'text.secondary' : left < 0 ? 'error.main' : left < 5 * 60_000 ? 'warning.dark' : 'success.dark' }}
    >
      {text}
    </Typography>
  );
}

export const SEVERITY_COLOR = { 'SEV-1': 'error', 'SEV-2': 'warning', 'SEV-3': 'info' } as const;
