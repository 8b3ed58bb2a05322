import { MenuItem, TextField, type SxProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/contract/index.js';
import { useSession } from '../state/session.js';

const LABELS: Record<(typeof LANGUAGES)[number], string> = { 'zh-CN': '简体中文', en: 'English' };

/** The interface language, on the set-up and sign-in screens and in the app bar alike. */
export function LanguageSelect({ sx }: { sx?: SxProps }) {
  const { t, i18n } = useTranslation();
  const setLanguage = useSession((s) => s.setLanguage);
  return (
    <TextField
      select
      size="small"
      fullWidth={false}
      aria-label={t('app.language')}
      value={i18n.language}
      onChange={(e) => void setLanguage(e.target.value as (typeof LANGUAGES)[number])}
      sx={{ bgcolor: 'white', borderRadius: 1, minWidth: 110, ...sx }}
      slotProps={{ htmlInput: { 'data-testid': 'language' } }}
    >
      {LANGUAGES.map((language) => (
        <MenuItem key={language} value={language}>
          {LABELS[language]}
        </MenuItem>
      ))}
    </TextField>
  );
}
