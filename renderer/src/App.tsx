import { Box, CircularProgress, Typography } from '@mui/material';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SetupScreen } from './screens/SetupScreen.js';
import { SignInScreen } from './screens/SignInScreen.js';
import { Workspace } from './screens/Workspace.js';
import { useSession } from './state/session.js';

export function App() {
  const { t } = useTranslation();
  const { status, load } = useSession();
  useEffect(() => void load(), [load]);

  switch (status) {
    case 'loading':
      return (
        <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
          <Box sx={{ textAlign: 'center' }}>
            <CircularProgress />
            <Typography sx={{ mt: 2 }}>{t('app.loading')}</Typography>
          </Box>
        </Box>
      );
    case 'setup':
      return <SetupScreen />;
    case 'signed-out':
      return <SignInScreen />;
    case 'signed-in':
      return <Workspace />;
  }
}
