import { Box, Button, Chip, Paper, Snackbar, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../shared/domain/case.js';
import { useDeskQuery } from '../../api/useDeskQuery.js';
import { useSession } from '../../state/session.js';
import { CustomerDialog } from './CustomerDialog.js';
import { ImportDialog } from './ImportDialog.js';

const COLUMNS = ['account', 'name', 'vip', 'region', 'contacts'] as const;

/** The customer registry: find, add and edit customers and their orders; supervisors import billing's files. */
export function CustomersPanel() {
  const { t } = useTranslation();
  const role = useSession((s) => s.operator?.role);
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<Customer | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const page = useDeskQuery('customers.list', { text: useDeferredValue(text), limit: 100 }, { refreshOn: ['customers'] }).data ?? { total: 0, customers: [] };

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          {t('customers.title')}
        </Typography>
        <Button variant="contained" onClick={() => setEditing('new')}>
          {t('customers.add')}
        </Button>
        {role !== 'agent' && (
          <Button variant="outlined" onClick={() => setImporting(true)}>
            {t('customers.import')}
          </Button>
        )}
      </Stack>
      <TextField fullWidth size="small" name="customer-search" label={t('customers.search')} value={text} onChange={(e) => setText(e.target.value)} />
      <Table size="small" aria-label={t('customers.title')} sx={{ mt: 1 }}>
        <TableHead>
          <TableRow>
            {COLUMNS.map((c) => (
              <TableCell key={c}>{t(`customers.columns.${c}`)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {page.customers.length === 0 && (
            <TableRow>
              <TableCell colSpan={COLUMNS.length}>{t('customers.empty')}</TableCell>
            </TableRow>
          )}
          {page.customers.map((c) => (
            <TableRow key={c.id} hover data-account={c.id} sx={{ cursor: 'pointer' }} onClick={() => setEditing(c)}>
              <TableCell sx={{ fontFamily: 'monospace' }}>{c.id}</TableCell>
              <TableCell>{c.name}</TableCell>
              <TableCell>{c.vip && <Chip size="small" color="secondary" label="VIP" />}</TableCell>
              <TableCell>{c.region}</TableCell>
              <TableCell>{c.contacts.map((p) => `${p.name} ${p.phone ?? ''}`.trim()).join(' / ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Box sx={{ pt: 1 }}>
        <Typography variant="caption">{t('customers.total', { count: page.total })}</Typography>
      </Box>
      {editing && (
        <CustomerDialog
          {...(editing === 'new' ? {} : { customer: editing })}
          onClose={(customer) => {
            setEditing(null);
            if (customer) setSaved(customer.id);
          }}
        />
      )}
      {importing && (
        <ImportDialog onClose={() => setImporting(false)} />
      )}
      <Snackbar open={saved !== null} autoHideDuration={4000} onClose={() => setSaved(null)} message={t('customers.saved', { account: saved })} />
    </Paper>
  );
}
