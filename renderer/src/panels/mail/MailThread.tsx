import { Alert, Box, Chip, Divider, Paper, Snackbar, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client.js';
import { useDeskQuery } from '../../api/useDeskQuery.js';
import { FileLinks } from '../../components/FileLinks.js';
import { SubmitRow } from '../../components/SubmitRow.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { submitOnCtrlEnter } from '../../components/workspace.js';
import { formatDateTime } from '../../i18n/index.js';
import { ruleReason } from '../../i18n/rule-reasons.js';
import { useSession } from '../../state/session.js';

/** One case's mail, oldest first, and the agent's reply to the customer (sent by mail, unlike a note). */
export function MailThread({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const errors = useFieldErrors();
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const page = useDeskQuery('cases.get', { id }, { refreshOn: (change) => change.entity === 'cases' && change.ids.includes(id) }).data;
  const mail = page?.case.details.mail;
  if (!page || !mail) return null;
  const at = (iso: string) => formatDateTime(iso, i18n.language, timeZone);

  async function send() {
    errors.clear();
    try {
      await call('mail.reply', { id, text });
      setText('');
      setSent(true);
    } catch (error) {
      errors.fromError(error);
    }
  }

  return (
    <Stack spacing={2} data-testid="mail-thread">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h3">
          {page.case.id} · {page.case.summary}
        </Typography>
        <Chip size="small" label={t(`mail.intent.${mail.intent}`)} />
        {mail.unidentified && <Chip size="small" color="warning" label={t('mail.unidentified')} data-testid="unidentified" />}
        <Typography variant="body2" color="text.secondary">
          {page.case.customerName} · {mail.address}
        </Typography>
      </Stack>
      {mail.subjectRule && (
        <Alert severity={mail.subjectRule.result === 'passed' ? 'success' : 'warning'} data-testid="subject-rule">
          <strong>{t('mail.c6')}</strong> {ruleReason(mail.subjectRule, i18n.language)}
        </Alert>
      )}
      {mail.messages.map((m) => (
        <Paper key={m.messageId} variant="outlined" sx={{ p: 1.5, bgcolor: m.direction === 'out' ? 'action.hover' : undefined }}>
          <Typography variant="caption" color="text.secondary">
            {m.direction === 'in' ? t('mail.incoming') : t(`mail.outgoing.${m.kind}`)} · {at(m.at)} · {m.from} → {m.to}
          </Typography>
          <Typography variant="subtitle2">{m.subject}</Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {m.text}
          </Typography>
          <FileLinks caseId={page.case.id} files={m.attachments} />
        </Paper>
      ))}
      <Divider />
      <Box
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
        onKeyDown={submitOnCtrlEnter(() => void send())}
      >
        <TextField
          name="reply"
          label={t('mail.reply')}
          multiline
          minRows={3}
          fullWidth
          value={text}
          onChange={(e) => setText(e.target.value)}
          {...errors.props('text', t('mail.replyHint', { address: mail.address }))}
        />
        <SubmitRow label={t('mail.send')} error={errors.errors.form ?? errors.errors.smtp ?? errors.errors.id} />
      </Box>
      <Snackbar open={sent} autoHideDuration={3000} onClose={() => setSent(false)} message={t('mail.sent')} />
    </Stack>
  );
}
