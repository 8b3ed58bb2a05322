import { Chip } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** m:ss, or h:mm:ss for long calls. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const [h, m, r] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(r)}` : `${m}:${two(r)}`;
}

/** Runs from `since` until `until` (then shows the call's real length). */
export function CallTimer({ since, until }: { since: string; until?: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  const end = until ? Date.parse(until) : now;
  const text = formatDuration((end - Date.parse(since)) / 1000);
  return (
    <Chip
      color={until ? 'default' : 'success'}
      data-testid="call-timer"
      data-running={until ? 'no' : 'yes'}
      label={until ? t('phone.callEnded', { duration: text }) : `${t('phone.timer')} ${text}`}
    />
  );
}
