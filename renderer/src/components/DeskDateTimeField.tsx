// The one date-time field of every form: its value is wall-clock time in the desk's zone (not the
// browser's), and the zone is said under it. Callers turn the value into an instant with
// toDeskInstant(value, useDeskTimeZone()).
import { TextField, type TextFieldProps } from '@mui/material';
import { useDeskTimeZone, zoneLabel } from './desk-time.js';

export function DeskDateTimeField(props: TextFieldProps) {
  const timeZone = useDeskTimeZone();
  const { slotProps, helperText, ...rest } = props;
  return (
    <TextField
      {...rest}
      type="datetime-local"
      helperText={helperText || zoneLabel(timeZone)}
      slotProps={{ ...slotProps, inputLabel: { shrink: true }, htmlInput: { 'data-time-zone': timeZone, ...(slotProps?.htmlInput as object | undefined) } }}
    />
  );
}
