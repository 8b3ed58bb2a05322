// Files kept on a case, each opened through a short-lived link the desk hands out (files.link):
// the browser host and the Electron shell both serve it as a download.
import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Alert, Button, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { KeptFile } from '../../../shared/domain/case-files.js';
import { call } from '../api/client.js';
import { downloadLink } from './download.js';
import { useFieldErrors } from './useFieldErrors.js';

export function FileLinks({ caseId, files }: { caseId: string; files: KeptFile[] }) {
  const { t } = useTranslation();
  const errors = useFieldErrors();
  async function open(file: KeptFile) {
    errors.clear();
    try {
      const link = await call('files.link', { caseId, path: file.path });
      downloadLink(link.url, link.name);
    } catch (e) {
      errors.fromError(e);
    }
  }
  if (files.length === 0) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }} data-testid="case-files">
      {files.map((file) => (
        <Button key={file.path} size="small" variant="outlined" startIcon={<AttachFileIcon />} aria-label={t('files.open', { name: file.name })} onClick={() => void open(file)}>
          {file.name}
        </Button>
      ))}
      {(errors.errors.path ?? errors.errors.caseId ?? errors.errors.form) && <Alert severity="error">{errors.errors.path ?? errors.errors.caseId ?? errors.errors.form}</Alert>}
    </Stack>
  );
}
