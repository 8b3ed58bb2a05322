import {
  AppBar,
  Box,
  Button,
  Chip,
  Drawer,
  List,
  ListItemButton,
  ListItemIcon,
  LinearProgress,
  ListItemText,
  Toolbar,
  Typography,
} from '@mui/material';
import { Suspense, useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAllows } from '../../../shared/contract/index.js';
import { LanguageSelect } from '../components/LanguageSelect.js';
import { ShortcutHelp } from '../components/ShortcutHelp.js';
import { IncomingCall } from '../panels/phone/IncomingCall.js';
import { PANELS, PRELOADED_PANEL } from '../panels/registry.js';
import { useNavigation } from '../state/navigation.js';
import { useSession } from '../state/session.js';
import { useTeam } from '../state/team.js';
import { TeamStatusChip } from '../components/TeamStatusChip.js';
import { panelIndexOf, panelShortcut } from '../components/panel-shortcuts.js';

const NAV_WIDTH = 220;

export function Workspace() {
  const { t } = useTranslation();
  const { operator, signOut } = useSession();
  const { active, open } = useNavigation();
  const team = useTeam((s) => s.status?.mode === 'team');
  const role = operator?.role;
  // Kept while the role and mode stay: the shortcut listener below registers again only when they change.
  const panels = useMemo(() => PANELS.filter((p) => role !== undefined && roleAllows(role, p.role) && (team || !p.teamOnly)), [role, team]);
  const panel = panels.find((p) => p.id === active) ?? panels[0]!;
  const Panel = panel.component;
  const preload = panels.find((p) => p.id === PRELOADED_PANEL)?.component.preload;
  /** Opens a panel, asking for its first data at once rather than once it is drawn. */
  const go = useCallback(
    (id: string) => {
      if (id !== panel.id) panels.find((p) => p.id === id)?.component.prefetch?.();
      open(id);
    },
    [panels, panel.id, open],
  );
  useEffect(() => {
    // After the first screen has painted: the fetch then takes nothing from it.
    const timer = setTimeout(() => preload?.(), 0);
    return () => clearTimeout(timer);
  }, [preload]);

  // Alt+1…9, Alt+0, Alt+Shift+1…9 switch panels without the mouse.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = panels[panelIndexOf(event)];
      if (target) {
        event.preventDefault();
        go(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [panels, go]);

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh', bgcolor: 'background.default' }}>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Typography variant="h6" component="h1" sx={{ flex: 1 }}>
            {t('app.title')}
          </Typography>
          <LanguageSelect />
          <Typography variant="caption" sx={{ opacity: 0.8 }}>
            {t('app.help.hint')}
          </Typography>
          <TeamStatusChip />
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
          {panels.map((p, index) => (
            <ListItemButton key={p.id} selected={p.id === panel.id} onClick={() => go(p.id)} title={panelShortcut(index)}>
              <ListItemIcon>{p.icon}</ListItemIcon>
              <ListItemText primary={t(p.label)} />
            </ListItemButton>
          ))}
        </List>
      </Drawer>
      <Box component="main" sx={{ flex: 1, p: 2, minWidth: 0 }}>
        <Toolbar variant="dense" />
        <Suspense fallback={<LinearProgress aria-label={t(panel.label)} />}>
          <Panel key={panel.id} />
        </Suspense>
        <ShortcutHelp panels={panels.map((p) => ({ label: p.label }))} />
        <IncomingCall />
      </Box>
    </Box>
  );
}
