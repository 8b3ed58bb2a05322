import { FormControlLabel, Switch, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';

export interface ServerForm {
  host: string;
  port: string;
  tls: boolean;
  user: string;
  password: string;
}

/** Host, port, TLS, user and password: what the mailbox and the SMTP server both need. */
export function ServerFields({
  form,
  onChange,
  errorProps,
  prefix,
  passwordSet,
}: {
  form: ServerForm;
  onChange(form: ServerForm): void;
  errorProps(field: string): { error: boolean; helperText?: string };
  prefix: 'imap' | 'smtp';
  passwordSet: boolean;
}) {
  const { t } = useTranslation();
  const text = (name: keyof Omit<ServerForm, 'tls'>, label: string, extra: object = {}) => (
    <TextField
      name={`${prefix}.${name}`}
      label={label}
      value={form[name]}
      onChange={(e) => onChange({ ...form, [name]: e.target.value })}
      {...errorProps(`${prefix}.${name}`)}
      {...extra}
    />
  );
  return (
    <>
      {text('host', t('channels.host'))}
      {text('port', t('channels.port'), { slotProps: { htmlInput: { inputMode: 'numeric' } } })}
      <FormControlLabel control={<Switch checked={form.tls} onChange={(e) => onChange({ ...form, tls: e.target.checked })} />} label={t('channels.tls')} />
      {text('user', t('channels.user'))}
      {text('password', t('channels.password'), {
        type: 'password',
        ...(passwordSet && !errorProps(`${prefix}.password`).error ? { helperText: t('channels.passwordKept') } : {}),
      })}
    </>
  );
}
