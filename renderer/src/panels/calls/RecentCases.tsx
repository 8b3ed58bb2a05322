import { Button, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../../../shared/domain/case.js';
import { formatDateTime } from '../../i18n/index.js';
import { useSession } from '../../state/session.js';
import { LinkCallDialog } from './LinkCallDialog.js';
import { useSummaryText } from '../../i18n/summaries.js';

export function RecentCases({ cases }: { cases: CaseRecord[] }) {
  const { t, i18n } = useTranslation();
  const summaryOf = useSummaryText();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const columns = ['id', 'opened', 'customer', 'channel', 'category', 'summary', 'agent'] as const;
  const [linking, setLinking] = useState<string | null>(null);
  return (
    <Paper variant="outlined">
      <Typography variant="subtitle1" sx={{ px: 2, pt: 1.5 }}>
        {t('calls.recent')}
      </Typography>
      <TableContainer>
        <Table size="small" aria-label={t('calls.recent')}>
          <TableHead>
            <TableRow>
              {columns.map((column) => (
                <TableCell key={column}>{t(`calls.columns.${column}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {cases.length === 0 && (
              <TableRow>
                <TableCell colSpan={columns.length}>{t('calls.empty')}</TableCell>
              </TableRow>
            )}
            {cases.map((c) => (
              <TableRow key={c.id} hover data-case-id={c.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.id}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.openedAt, i18n.language, timeZone)}</TableCell>
                <TableCell>
                  {c.customerAccount ? (
                    c.customerName
                  ) : (
                    <>
                      {t('customers.unidentified')}
                      {c.customerName ? `: ${c.customerName}` : ''}{' '}
                      <Button size="small" onClick={() => setLinking(c.id)}>
                        {t('customers.link')}
                      </Button>
                    </>
                  )}
                </TableCell>
                <TableCell>{t(`channel.${c.channel}`)}</TableCell>
                <TableCell>{t(`category.${c.category}`)}</TableCell>
                <TableCell>{summaryOf(c)}</TableCell>
                <TableCell>{c.agent}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {linking && <LinkCallDialog id={linking} onClose={() => setLinking(null)} />}
    </Paper>
  );
}
