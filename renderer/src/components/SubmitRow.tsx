import { Alert, Box, Button, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** The foot of every case form: the desk's form-level error, the submit button and the shortcut hint. */
/** With `onClick` the button does not submit the form: an action the keyboard shortcut must not trigger. */
export function SubmitRow(props: { label: string; error?: string; disabled?: boolean; hint?: string; onClick?: () => void; color?: 'primary' | 'warning' }) {
  const { t } = useTranslation();
  return (
    <>
      {props.error && <Alert severity="error">{props.error}</Alert>}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Button type={props.onClick ? 'button' : 'submit'} variant="contained" color={props.color ?? 'primary'} disabled={props.disabled} onClick={props.onClick}>
          {props.label}
        </Button>
        <Typography variant="caption" color="text.secondary">
          {props.hint ?? t('decision.submitHint')}
        </Typography>
      </Box>
    </>
  );
}
