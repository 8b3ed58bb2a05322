import { Dialog, DialogContent, DialogTitle, Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { panelShortcut } from './panel-shortcuts.js';

/** F1 lists every keyboard shortcut, so no panel needs the mouse. */
export function ShortcutHelp({ panels }: { panels: { label: string }[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'F1') {
        event.preventDefault();
        setOpen((shown) => !shown);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const rows: [string, string][] = [
    ['F1', t('app.help.toggle')],
    ['F2', t('app.help.caller')],
    ['Ctrl+Enter', t('app.help.save')],
    ['Tab / Shift+Tab', t('app.help.move')],
    ['Esc', t('app.help.close')],
    ['Alt+C', t('app.help.convert')],
    ...panels.flatMap((panel, index): [string, string][] => {
      const keys = panelShortcut(index);
      return keys ? [[keys, t(panel.label)]] : [];
    }),
  ];
  return (
    <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="shortcut-help-title">
      <DialogTitle id="shortcut-help-title">{t('app.help.title')}</DialogTitle>
      <DialogContent>
        <Table size="small">
          <TableBody>
            {rows.map(([keys, action]) => (
              <TableRow key={keys}>
                <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{keys}</TableCell>
                <TableCell>{action}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
    </Dialog>
  );
}
