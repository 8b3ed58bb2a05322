// What a supervisor reads before deciding a case: the rules engine's decision explained rule by
// rule, the orders and amounts, the dispute figures, the access change and its verification
// documents, and the agent's notes.
import { Box, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../../../shared/domain/case.js';
import { DecisionView } from '../../components/DecisionView.js';
import { FileLinks } from '../../components/FileLinks.js';
import { formatMoney } from '../../components/money.js';
import { OrderTable } from '../../components/OrderTable.js';
import { RuleList } from '../../components/RuleList.js';
import { useCurrency } from '../../components/workspace.js';

function Facts({ record }: { record: CaseRecord }) {
  const { t, i18n } = useTranslation();
  const currency = useCurrency();
  const money = (amount: string) => formatMoney(amount, currency, i18n.language);
  switch (record.type) {
    case 'refund':
      return (
        <>
          {record.details.decision && <DecisionView decision={record.details.decision} />}
          {record.details.orders && <OrderTable orders={record.details.orders} label={t('approvals.pane.orders')} />}
        </>
      );
    case 'compensation':
    case 'icp-reward':
      return record.details.decision ? <DecisionView decision={record.details.decision} /> : null;
    case 'billing': {
      const dispute = record.details.dispute;
      if (!dispute) return null;
      return (
        <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="dispute">
          <Typography variant="body2">{t('billing.disputeFigures', { expected: money(dispute.expected), billed: money(dispute.billed), difference: money(dispute.difference) })}</Typography>
          <Typography variant="body2" color="text.secondary">
            {dispute.reason}
          </Typography>
          <RuleList rules={dispute.rules} />
        </Paper>
      );
    }
    case 'access-recovery': {
      const d = record.details;
      return (
        <Paper variant="outlined" sx={{ p: 1.5 }}>
          <Typography variant="body2">{t('accessRecovery.change', { role: d.role ?? '', from: d.previousHolder ?? '', to: d.newHolder ?? '' })}</Typography>
          {d.reason && <Typography variant="body2">{t(`accessRecovery.reasons.${d.reason}`, { defaultValue: d.reason })}</Typography>}
          {d.documents && d.documents.length > 0 && (
            <>
              <Typography variant="subtitle2" sx={{ mt: 1 }}>
                {t('approvals.pane.documents')}
              </Typography>
              <FileLinks caseId={record.id} files={d.documents} />
            </>
          )}
        </Paper>
      );
    }
    default:
      return null;
  }
}

export function CaseFacts({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Facts record={record} />
      {record.notes && (
        <Box>
          <Typography variant="subtitle2">{t('approvals.pane.notes')}</Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }} data-testid="case-notes">
            {record.notes}
          </Typography>
        </Box>
      )}
    </Box>
  );
}
