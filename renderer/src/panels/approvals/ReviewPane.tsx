// The case behind the selected queue item, beside its approve / reject: what the case says
// (decision, orders, amounts, documents, notes) and its whole history. A key event shows what
// the queue knows of it.
import { Alert, Box, Chip, Divider, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ApprovalItem } from '../../../../shared/contract/approvals.js';
import { useDeskQuery } from '../../api/useDeskQuery.js';
import { CaseHistory } from '../../components/CaseHistory.js';
import { CaseFacts } from './CaseFacts.js';
import { ReviewActions } from './ReviewActions.js';
import { statusLabel } from '../../i18n/labels.js';
import { useSummaryText } from '../../i18n/summaries.js';

export function ReviewPane({ item, onDecided }: { item: ApprovalItem; onDecided(approved: boolean): void }) {
  const { t, i18n } = useTranslation();
  const summaryOf = useSummaryText();
  const isCase = item.kind !== 'keyEvent';
  const query = useDeskQuery('cases.get', isCase ? { id: item.id } : null, { refreshOn: (change) => change.entity === 'cases' && change.ids.includes(item.id) });
  const view = query.data;
  return (
    <Paper variant="outlined" sx={{ p: 1.5, overflow: 'auto', maxHeight: 620 }} aria-label={t('approvals.pane.title', { id: item.id })} data-testid="review-pane" data-item-id={item.id}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {t('approvals.pane.title', { id: item.id })}
        </Typography>
        <Chip size="small" label={t(`approvals.kind.${item.kind}`)} />
        {view && <Chip size="small" variant="outlined" label={statusLabel(view.case.status, i18n.language)} />}
      </Stack>
      <Typography variant="body2" sx={{ mb: 1, overflowWrap: 'anywhere' }}>
        {summaryOf(item)}
      </Typography>
      <Box sx={{ mb: 1.5 }}>
        <ReviewActions key={item.id} item={item} onDecided={onDecided} />
      </Box>
      {query.error && <Alert severity="error">{query.error.message}</Alert>}
      {isCase && !view && !query.error && <Typography variant="body2">{t('workOrders.page.loading')}</Typography>}
      {view && (
        <Stack spacing={1.5} divider={<Divider flexItem />}>
          <CaseFacts record={view.case} />
          <Box>
            <CaseHistory history={view.history} />
          </Box>
        </Stack>
      )}
    </Paper>
  );
}
