import { createTheme } from '@mui/material/styles';
import { enUS, zhCN } from '@mui/material/locale';
import type { TFunction } from 'i18next';

/**
 * The desk's look, with MUI's own wording (an Autocomplete's "Open" and "Clear", a table's
 * pager) and the charts' overlays ("No data to display") in the interface language.
 */
export function deskTheme(language: string, t: TFunction) {
  const charts = { components: { MuiChartsLocalizationProvider: { defaultProps: { localeText: { noData: t('app.charts.noData'), loading: t('app.charts.loading') } } } } };
  return createTheme(
    {
      palette: {
        primary: { main: '#0b5cad' },
        secondary: { main: '#e0701b' },
        background: { default: '#f4f6f9' },
      },
      shape: { borderRadius: 6 },
      typography: {
        fontFamily: '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Segoe UI",Roboto,Helvetica,Arial,sans-serif',
        fontSize: 14,
      },
      components: {
        MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
        MuiButton: { defaultProps: { disableElevation: true } },
      },
    },
    language.startsWith('zh') ? zhCN : enUS,
    charts,
  );
}
