import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../state/navigation.js';
import { usePhone } from '../../state/phone.js';
import { useSession } from '../../state/session.js';
import { CallerCard } from './CallerCard.js';

/** Listens to the phone system's reports for this desk: the caller pop-up while it rings, the call log once answered. */
export function IncomingCall() {
  const { t } = useTranslation();
  const username = useSession((s) => s.operator?.username ?? '');
  const { ringing, report, dismiss } = usePhone();
  const open = useNavigation((s) => s.open);

  useEffect(
    () =>
      window.api.on('phone.call', (call) => {
        report(call, username);
        if (call.state === 'answered' && usePhone.getState().current?.id === call.id) open('calls');
      }),
    [username, report, open],
  );

  if (!ringing) return null;
  const number = ringing.direction === 'out' ? ringing.to : ringing.from;
  return (
    <Dialog open onClose={dismiss} aria-labelledby="incoming-call-title" data-testid="incoming-call" fullWidth maxWidth="sm">
      <DialogTitle id="incoming-call-title">{t('phone.incoming')}</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 1 }}>{/^\+?\d/.test(number) ? t('phone.from', { number }) : t('phone.anonymous')}</Typography>
        {ringing.caller ? (
          <CallerCard caller={ringing.caller} />
        ) : (
          <Typography color="text.secondary">{t('phone.unknown')}</Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={dismiss}>{t('phone.dismiss')}</Button>
      </DialogActions>
    </Dialog>
  );
}
