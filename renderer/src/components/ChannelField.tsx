// Every case form's channel picker and where the case came from: a converted call brings its
// channel (the default here) and its id; the server carries the call's category over.
import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../shared/domain/case.js';
import type { Prefill } from '../state/navigation.js';

export interface CaseOriginInput {
  channel: Channel;
  fromCase?: string;
}

const originOf = (prefill?: Prefill | null): CaseOriginInput => ({
  channel: prefill?.channel ?? 'hotline',
  ...(prefill?.fromCase ? { fromCase: prefill.fromCase } : {}),
});

/** The origin a case form sends with its submit call; `convert` takes a call's prefill, `reset` starts afresh. */
export function useCaseOrigin(prefill?: Prefill | null) {
  const [input, setInput] = useState<CaseOriginInput>(() => originOf(prefill));
  return {
    input,
    convert: (next: Prefill) => setInput(originOf(next)),
    reset: () => setInput(originOf(null)),
    setChannel: (channel: Channel) => setInput((o) => ({ ...o, channel })),
  };
}

export function ChannelField({ origin, error }: { origin: ReturnType<typeof useCaseOrigin>; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      size="small"
      label={t('calls.channel')}
      value={origin.input.channel}
      onChange={(e) => origin.setChannel(e.target.value as Channel)}
      error={!!error}
      helperText={error}
      slotProps={{ htmlInput: { 'data-testid': 'case-channel-field' } }}
    >
      {CHANNELS.map((channel) => (
        <MenuItem key={channel} value={channel}>
          {t(`channel.${channel}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}
