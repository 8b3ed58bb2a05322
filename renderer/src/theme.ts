import { createTheme } from '@mui/material/styles';

export const theme = createTheme({
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
});
