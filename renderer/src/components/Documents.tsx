// Files kept on a case (verification documents, attachments): name and size, each one opened
// as a document.
import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { AttachmentRef } from '../../../shared/domain/work-order.js';

const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export function Documents({ caseId, documents }: { caseId: string; documents: readonly AttachmentRef[] }) {
  const { t } = useTranslation();
  if (documents.length === 0) return null;
  return (
    <>
      <Typography variant="subtitle2">{t('approvals.pane.documents')}</Typography>
      <List dense disablePadding aria-label={t('approvals.pane.documents')} data-case-id={caseId}>
        {documents.map((d) => (
          <ListItem key={d.path} disableGutters data-document={d.name}>
            <ListItemText primary={d.name} secondary={size(d.bytes)} />
          </ListItem>
        ))}
      </List>
    </>
  );
}
