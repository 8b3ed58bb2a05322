import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { OperatorView } from '../../../../shared/contract/index.js';
import { dateInZone, localTimeInZone } from '../../../../shared/rules/zone.js';
import { useSession } from '../../state/session.js';

/** True while the account is locked after too many failed sign-ins. */
export const isLocked = (operator: OperatorView, now = Date.now()) => !!operator.lockedUntil && Date.parse(operator.lockedUntil) > now;

/** "Locked until 14:35" in the desk's time zone (with the date when it is not today there). */
export function LockChip({ operator }: { operator: OperatorView }) {
  const { t } = useTranslation();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  if (!isLocked(operator)) return null;
  const until = Date.parse(operator.lockedUntil!);
  const local = localTimeInZone(until, timeZone);
  const sameDay = dateInZone(until, timeZone) === dateInZone(Date.now(), timeZone);
  return <Chip size="small" color="warning" sx={{ ml: 1 }} data-lock={operator.username} label={t('operators.lockedUntil', { time: sameDay ? local.slice(11) : local })} />;
}
