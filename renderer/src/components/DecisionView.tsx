// A decision of the rules engine as the agent reads it: the outcome, the amount and every rule
// with its passed / failed / not-applicable icon and the engine's reason.
import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../shared/rules/decision.js';
import { formatMoney } from './money.js';
import { RuleList } from './RuleList.js';
import { useCurrency } from './workspace.js';
import { decisionNote } from '../i18n/rule-reasons.js';


export function DecisionView({ decision, children, label }: { decision: Decision; children?: ReactNode; label?: string }) {
  const { t, i18n } = useTranslation();
  const currency = useCurrency();
  const eligible = decision.outcome === 'eligible';
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="decision" data-outcome={decision.outcome}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip color={eligible ? 'success' : 'error'} label={t(eligible ? 'decision.eligible' : 'decision.ineligible')} data-testid="outcome" />
        <Typography variant="h6" component="p" data-testid="amount">
          {label ?? t('decision.amount')}: {formatMoney(decision.amount, currency, i18n.language)}
        </Typography>
        {children}
        <Box sx={{ flex: 1 }} />
        <Typography variant="caption" color="text.secondary">
          {t('decision.policy', { version: decision.policyVersion })}
        </Typography>
      </Stack>
      <RuleList rules={decision.rules} />
      {decision.notes.map((note) => (
        <Typography key={note} variant="caption" color="text.secondary" component="p">
          {decisionNote(note, i18n.language)}
        </Typography>
      ))}
    </Paper>
  );
}
