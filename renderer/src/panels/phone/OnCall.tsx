import { Paper, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerMatch } from '../../../../shared/contract/index.js';
import { usePhone } from '../../state/phone.js';
import { CallerCard } from './CallerCard.js';
import { CallTimer } from './CallTimer.js';

/**
 * The answered call this agent is on, for the call log: puts its caller in the form once, and
 * gives the id that records the call's real duration on the case. Null without a phone system.
 */
export function useAnsweredCall(setCaller: (match: CustomerMatch | null) => void): { phoneCallId?: string; logged(caseId: string): void } {
  const current = usePhone((s) => s.current);
  const logged = usePhone((s) => s.logged);
  const id = current && !current.caseId ? current.id : undefined;
  useEffect(() => {
    if (id && current?.caller) setCaller(current.caller);
    // Only when a new call is answered, not on each report of the same call.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  return { ...(id ? { phoneCallId: id } : {}), logged };
}

/** Beside the call form: the call's running timer and the caller's card (the same as the pop-up's). */
export function OnCall({ caller }: { caller: CustomerMatch | null }) {
  const { t } = useTranslation();
  const current = usePhone((s) => s.current);
  const [selectedAt, setSelectedAt] = useState<string | null>(null);
  const account = caller?.customer.id;
  useEffect(() => setSelectedAt(account ? new Date().toISOString() : null), [account]);
  const phone = current && !current.caseId ? current : null;
  const since = phone?.answeredAt ?? selectedAt;
  if (!since && !account) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} aria-label={t('phone.caller')}>
      <Stack spacing={1}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="subtitle1">{t('phone.onCall')}</Typography>
          {since && <CallTimer since={since} until={phone?.endedAt} />}
        </Stack>
        {caller && <CallerCard caller={caller} />}
      </Stack>
    </Paper>
  );
}
