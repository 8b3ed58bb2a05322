import { Alert, Box, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AFTER_IMPORT, type ChannelSettingsView } from '../../../../shared/contract/channels.js';
import { call } from '../../api/client.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { formatDateTime } from '../../i18n/index.js';
import { useSession } from '../../state/session.js';
import { ServerFields, type ServerForm } from './ServerFields.js';

const server = (s: { host: string; port: number; tls: boolean; user: string } | null, port: number): ServerForm => ({
  host: s?.host ?? '',
  port: String(s?.port ?? port),
  tls: s?.tls ?? true,
  user: s?.user ?? '',
  password: '',
});
const credentials = (f: ServerForm) => ({ host: f.host, port: Number(f.port), tls: f.tls, user: f.user, ...(f.password ? { password: f.password } : {}) });

/** A manager's settings for the mail and phone channels. */
export function ChannelsPanel() {
  const { t, i18n } = useTranslation();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const errors = useFieldErrors();
  const [view, setView] = useState<ChannelSettingsView | null>(null);
  const [imap, setImap] = useState(server(null, 993));
  const [mailbox, setMailbox] = useState({ folder: 'INBOX', afterImport: 'keep' as (typeof AFTER_IMPORT)[number], moveTo: '' });
  const [smtp, setSmtp] = useState(server(null, 465));
  const [from, setFrom] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  // The token is shown once, in the answer that made it; the settings only say whether one is set.
  const [newToken, setNewToken] = useState<string | null>(null);

  const show = (next: ChannelSettingsView) => {
    setView(next);
    setImap(server(next.imap, 993));
    if (next.imap) setMailbox({ folder: next.imap.folder, afterImport: next.imap.afterImport, moveTo: next.imap.moveTo });
    setSmtp(server(next.smtp, 465));
    setFrom(next.smtp?.from ?? '');
  };
  useEffect(() => void call('channels.settings', {}).then(show), []);

  async function run(work: () => Promise<string | void>) {
    errors.clear();
    setNotice(null);
    try {
      setNotice((await work()) ?? t('channels.saved'));
    } catch (error) {
      errors.fromError(error);
    }
  }
  const saveImap = () => run(async () => show(await call('channels.update', { imap: { ...credentials(imap), ...mailbox } })));
  const saveSmtp = () => run(async () => show(await call('channels.update', { smtp: { ...credentials(smtp), from } })));
  const fetchNow = () => run(async () => t('channels.fetched', await call('mail.fetchNow', {})));
  const endpoint = newToken ? `${location.origin}/api/v1/cti/${newToken}` : null;
  const last = view?.lastFetch;

  return (
    <Stack spacing={2}>
      {notice && <Alert severity="success">{notice}</Alert>}
      {errors.errors.form && <Alert severity="error">{errors.errors.form}</Alert>}
      <Typography variant="body2" color="text.secondary">{t('channels.secretsNote')}</Typography>
      <Paper variant="outlined" sx={{ p: 2 }} component="form" aria-label={t('channels.mailbox')} onSubmit={(e) => (e.preventDefault(), void saveImap())}>
        <Typography variant="subtitle1">{t('channels.mailbox')}</Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 2, mt: 1 }}>
          <ServerFields prefix="imap" form={imap} onChange={setImap} errorProps={errors.props} passwordSet={!!view?.imap?.passwordSet} />
          <TextField name="imap.folder" label={t('channels.folder')} value={mailbox.folder} onChange={(e) => setMailbox({ ...mailbox, folder: e.target.value })} {...errors.props('imap.folder')} />
          <TextField select label={t('channels.afterImport')} value={mailbox.afterImport} onChange={(e) => setMailbox({ ...mailbox, afterImport: e.target.value as typeof mailbox.afterImport })}>
            {AFTER_IMPORT.map((a) => (
              <MenuItem key={a} value={a}>
                {t(`channels.after.${a}`)}
              </MenuItem>
            ))}
          </TextField>
          {mailbox.afterImport === 'move' && <TextField name="imap.moveTo" label={t('channels.moveTo')} value={mailbox.moveTo} onChange={(e) => setMailbox({ ...mailbox, moveTo: e.target.value })} {...errors.props('imap.moveTo')} />}
        </Box>
        <Stack direction="row" spacing={1} sx={{ mt: 2, alignItems: 'center' }}>
          <Button type="submit" variant="contained">{t('channels.save')}</Button>
          {view?.imap && <Button onClick={() => void fetchNow()}>{t('channels.fetchNow')}</Button>}
          {view?.imap && <Button color="inherit" onClick={() => void run(async () => show(await call('channels.update', { imap: null })))}>{t('channels.off')}</Button>}
          {last && (
            <Typography variant="body2" color={last.ok ? 'text.secondary' : 'error'}>
              {t('channels.lastFetch', { time: formatDateTime(last.at, i18n.language, timeZone), result: last.ok ? t('channels.ok', { imported: last.imported }) : t('channels.failed', { message: last.message }) })}
            </Typography>
          )}
        </Stack>
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }} component="form" aria-label={t('channels.smtp')} onSubmit={(e) => (e.preventDefault(), void saveSmtp())}>
        <Typography variant="subtitle1">{t('channels.smtp')}</Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 2, mt: 1 }}>
          <ServerFields prefix="smtp" form={smtp} onChange={setSmtp} errorProps={errors.props} passwordSet={!!view?.smtp?.passwordSet} />
          <TextField name="smtp.from" label={t('channels.from')} value={from} onChange={(e) => setFrom(e.target.value)} {...errors.props('smtp.from')} />
        </Box>
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          <Button type="submit" variant="contained">{t('channels.save')}</Button>
          {view?.smtp && <Button color="inherit" onClick={() => void run(async () => show(await call('channels.update', { smtp: null })))}>{t('channels.off')}</Button>}
        </Stack>
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }} aria-label={t('channels.phone')}>
        <Typography variant="subtitle1">{t('channels.phone')}</Typography>
        <Typography variant="body2" sx={{ mt: 1 }}>{endpoint ? t('channels.endpoint') : view?.ctiTokenSet ? t('channels.tokenSet') : t('channels.noToken')}</Typography>
        {endpoint && (
          <Typography component="code" data-testid="cti-endpoint" sx={{ display: 'block', my: 1, wordBreak: 'break-all' }}>
            {endpoint}
          </Typography>
        )}
        <Button
          variant="outlined"
          onClick={() =>
            void run(async () => {
              const next = await call('channels.update', { newCtiToken: true });
              setNewToken(next.newCtiToken ?? null);
              show(next);
            })
          }
        >
          {t('channels.newToken')}
        </Button>
      </Paper>
    </Stack>
  );
}
