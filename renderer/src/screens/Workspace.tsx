import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import {
  AppBar,
  Box,
  Button,
  Chip,
  Drawer,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  MenuItem,
  TextField,
  Toolbar,
  Typography,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../shared/contract/index.js';
import { CallLogPanel } from '../panels/calls/CallLogPanel.js';
import { useSession } from '../state/session.js';

const NAV_WIDTH = 220;

interface Panel {
  id: string;
  label: string;
  icon: ReactNode;
  render(): ReactNode;
}

export function Workspace() {
  const { t } = useTranslation();
  const { operator, settings, signOut, setLanguage } = useSession();
  const panels: Panel[] = [{ id: 'calls', label: t('app.nav.calls'), icon: <PhoneInTalkIcon />, render: () => <CallLogPanel /> }];
  const [active, setActive] = useState(panels[0]!.id);
  const panel = panels.find((p) => p.id === active) ?? panels[0]!;

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh', bgcolor: 'background.default' }}>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Typography variant="h6" component="h1" sx={{ flex: 1 }}>
            {t('app.title')}
          </Typography>
          <TextField
            select
            size="small"
            fullWidth={false}
            aria-label={t('app.language')}
            value={settings?.language ?? 'zh-CN'}
            onChange={(e) => void setLanguage(e.target.value as (typeof LANGUAGES)[number])}
            sx={{ bgcolor: 'white', borderRadius: 1, minWidth: 110 }}
            slotProps={{ htmlInput: { 'data-testid': 'language' } }}
          >
            <MenuItem value="zh-CN">简体中文</MenuItem>
            <MenuItem value="en">English</MenuItem>
          </TextField>
          <Typography data-testid="operator">{operator?.displayName}</Typography>
          {operator && <Chip size="small" label={t(`app.role.${operator.role}`)} sx={{ bgcolor: 'white' }} />}
          <Button color="inherit" onClick={() => void signOut()}>
            {t('app.signOut')}
          </Button>
        </Toolbar>
      </AppBar>
      <Drawer variant="permanent" sx={{ width: NAV_WIDTH, '& .MuiDrawer-paper': { width: NAV_WIDTH } }}>
        <Toolbar variant="dense" />
        <List component="nav" dense>
          {panels.map((p) => (
            <ListItemButton key={p.id} selected={p.id === active} onClick={() => setActive(p.id)}>
              <ListItemIcon>{p.icon}</ListItemIcon>
              <ListItemText primary={p.label} />
            </ListItemButton>
          ))}
        </List>
      </Drawer>
      <Box component="main" sx={{ flex: 1, p: 2, minWidth: 0 }}>
        <Toolbar variant="dense" />
        {panel.render()}
      </Box>
    </Box>
  );
}
