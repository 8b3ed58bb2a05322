// A select of the active operators a case can be given to, each with their level.
import { MenuItem, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useDeskQuery } from '../../api/useDeskQuery.js';
import { levelLabel } from '../../components/ownership.js';

export function OperatorPicker(props: { label: string; value: string; onChange(username: string): void; empty?: string; error?: boolean; helperText?: string | undefined; name?: string }) {
  const { t } = useTranslation();
  const directory = useDeskQuery('operators.directory', {}, { refreshOn: ['operators'] });
  return (
    <TextField
      select
      size="small"
      name={props.name ?? 'operator'}
      label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      error={props.error ?? false}
      helperText={props.helperText}
      sx={{ minWidth: 220 }}
      slotProps={props.empty === undefined ? {} : { select: { displayEmpty: true }, inputLabel: { shrink: true } }}
    >
      {props.empty !== undefined && <MenuItem value="">{props.empty}</MenuItem>}
      {(directory.data ?? []).map((o) => (
        <MenuItem key={o.username} value={o.username}>
          {o.displayName} ({o.username}) · {levelLabel(t, o.level)}
        </MenuItem>
      ))}
    </TextField>
  );
}
