// One click takes a case from the level's queue; if someone was quicker, says who.
import { Button, Snackbar } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../api/client.js';
import { localiseServerMessage } from '../../i18n/server-errors.js';

export function ClaimButton({ id, variant = 'text' }: { id: string; variant?: 'text' | 'contained' }) {
  const { t, i18n } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  async function claim() {
    try {
      await call('cases.claim', { id });
      setMessage(t('queue.claimed', { id }));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setMessage(localiseServerMessage(error.message, i18n.language));
    }
  }
  return (
    <>
      <Button
        size="small"
        variant={variant}
        data-testid="claim"
        onClick={(e) => {
          e.stopPropagation();
          void claim();
        }}
        sx={{ minWidth: 0, py: 0 }}
      >
        {t('queue.claim')}
      </Button>
      <Snackbar open={message !== null} autoHideDuration={4000} onClose={() => setMessage(null)} message={message} />
    </>
  );
}
