import { Autocomplete, Box, Chip, TextField, Typography } from '@mui/material';
import { useEffect, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerMatch } from '../../../../shared/contract/index.js';
import { call } from '../../api/client.js';

/** Finds the caller as the agent types an account id, a phone number in any format, or a name. */
export function CallerLookup(props: {
  value: CustomerMatch | null;
  onChange(match: CustomerMatch | null): void;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** What the agent last typed (kept when the field resets on blur), e.g. a number to register. */
  onTyped?(text: string): void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<CustomerMatch[]>([]);

  useEffect(() => {
    const query = text.trim();
    if (!query) return setOptions([]);
    let current = true;
    const timer = setTimeout(() => {
      call('customers.lookup', { query, limit: 10 }).then(
        (matches) => current && setOptions(matches),
        () => current && setOptions([]),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);

  return (
    <Autocomplete
      options={options}
      value={props.value}
      onChange={(_event, match) => props.onChange(match)}
      inputValue={text}
      onInputChange={(_event, value, reason) => {
        setText(value);
        if (reason === 'input') props.onTyped?.(value);
      }}
      filterOptions={(x) => x}
      getOptionLabel={(match) => `${match.customer.name} (${match.customer.id})`}
      isOptionEqualToValue={(a, b) => a.customer.id === b.customer.id}
      noOptionsText={t('calls.noMatch')}
      autoHighlight
      renderOption={({ key, ...optionProps }, match) => (
        <Box component="li" key={key} {...optionProps} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <Box sx={{ flex: 1 }}>
            <Typography variant="body2">
              {match.customer.name} · {match.customer.id}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {match.customer.contacts.map((c) => `${c.name} ${c.phone ?? ''}`).join(' / ')}
            </Typography>
          </Box>
          {match.customer.vip && <Chip size="small" color="secondary" label={t('calls.vip')} />}
          <Chip size="small" variant="outlined" label={t(`calls.matchedOn.${match.matchedOn}`)} />
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          inputRef={props.inputRef}
          name="caller"
          label={t('calls.caller')}
          error={!!props.error}
          helperText={props.error ?? t('calls.callerHint')}
        />
      )}
    />
  );
}
