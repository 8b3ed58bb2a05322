import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/contract/customers.js';
import { IMPORT_KINDS } from '../../../../shared/contract/customers.js';
import { call } from '../../api/client.js';
import { uploadFile } from '../../api/upload.js';
import { useFieldErrors } from '../../components/useFieldErrors.js';
import { localiseServerMessage } from '../../i18n/server-errors.js';

type Kind = (typeof IMPORT_KINDS)[number];

/** Billing's export: check it first (columns mapped, every row validated), then import the rows that pass. */
export function ImportDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const errors = useFieldErrors();
  const [kind, setKind] = useState<Kind>('customers');
  const [file, setFile] = useState<File | null>(null);
  // the upload the desk holds for this file: a preview keeps it, the import uses it up
  const [uploaded, setUploaded] = useState<{ uploadId: string } | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [report, setReport] = useState<ImportReport | null>(null);

  async function run(preview: boolean) {
    if (!file) return;
    errors.clear();
    try {
      const ref = uploaded ?? (await uploadFile(file));
      setUploaded(preview ? ref : null);
      setReport(await call('customers.import', { kind, fileName: file.name, file: ref, mapping, preview }));
    } catch (error) {
      errors.fromError(error);
    }
  }

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>{t('customers.importDialog.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            select
            label={t('customers.importDialog.kind')}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              setReport(null);
              setMapping({});
            }}
          >
            {IMPORT_KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {t(`customers.importDialog.kinds.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <Button variant="outlined" component="label">
            {file?.name ?? t('customers.importDialog.file')}
            <input
              hidden
              type="file"
              name="import-file"
              accept=".csv,.xlsx"
              onChange={(e) => {
                const picked = e.target.files?.[0];
                if (!picked) return;
                setFile(picked);
                setUploaded(null);
                setReport(null);
                setMapping({});
              }}
            />
          </Button>
          {errors.errors.fileName && <Alert severity="error">{errors.errors.fileName}</Alert>}
          {report && (
            <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
              {Object.keys(report.mapping).map((field) => (
                <TextField
                  key={field}
                  select
                  size="small"
                  sx={{ minWidth: 180 }}
                  label={t('customers.importDialog.column', { field })}
                  value={mapping[field] ?? report.mapping[field] ?? ''}
                  onChange={(e) => setMapping({ ...mapping, [field]: e.target.value })}
                >
                  {report.columns.map((column) => (
                    <MenuItem key={column} value={column}>
                      {column}
                    </MenuItem>
                  ))}
                </TextField>
              ))}
            </Stack>
          )}
          {Object.entries(errors.errors)
            .filter(([field]) => field !== 'fileName')
            .map(([field, message]) => (
              <Alert key={field} severity="error">
                {field.replace(/^mapping\./, '')}: {message}
              </Alert>
            ))}
          {report && (
            <Alert severity={report.refused.length ? 'warning' : 'success'} data-testid="import-report">
              {t(report.imported ? 'customers.importDialog.done' : 'customers.importDialog.report', { accepted: report.accepted, refused: report.refused.length })}
            </Alert>
          )}
          {report && report.refused.length > 0 && (
            <Table size="small" aria-label={t('customers.importDialog.refused.message')}>
              <TableHead>
                <TableRow>
                  {(['row', 'field', 'message'] as const).map((c) => (
                    <TableCell key={c}>{t(`customers.importDialog.refused.${c}`)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {report.refused.map((r) => (
                  <TableRow key={r.row} data-refused-row={r.row}>
                    <TableCell>{r.row}</TableCell>
                    <TableCell>{r.field}</TableCell>
                    <TableCell>{localiseServerMessage(r.message, i18n.language)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('customers.cancel')}</Button>
        <Button disabled={!file} onClick={() => void run(true)}>
          {t('customers.importDialog.preview')}
        </Button>
        <Button variant="contained" disabled={!report || report.imported || report.accepted === 0} onClick={() => void run(false)}>
          {t('customers.importDialog.run', { count: report?.accepted ?? 0 })}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
