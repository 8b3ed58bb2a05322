// A decision of the rules engine as the agent reads it: the outcome, the amount and every rule
// with its passed / failed / not-applicable icon and the engine's reason.
import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RemoveCircleOutlineIcon from '@mui/icons-material/Block';
import { Box, Chip, List, ListItem, ListItemIcon, ListItemText, Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision, RuleOutcome } from '../../../shared/rules/decision.js';
import { ruleReason } from '../i18n/rule-reasons.js';
import { formatMoney } from './money.js';
import { useCurrency } from './workspace.js';

const ICON: Record<RuleOutcome, ReactNode> = {
  passed: <CheckCircleIcon color="success" fontSize="small" />,
  failed: <CancelIcon color="error" fontSize="small" />,
  'not-applicable': <RemoveCircleOutlineIcon color="disabled" fontSize="small" />,
};

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
      <List dense disablePadding aria-label={t('decision.rules')}>
        {decision.rules.map((rule, index) => (
          <ListItem key={`${rule.id}-${rule.subject ?? ''}-${index}`} disableGutters data-rule={rule.id} data-result={rule.result} data-subject={rule.subject}>
            <ListItemIcon sx={{ minWidth: 30 }} aria-label={t(`decision.result.${rule.result}`)}>
              {ICON[rule.result]}
            </ListItemIcon>
            <ListItemText
              sx={{ my: 0 }}
              primary={
                <>
                  <strong>{rule.id}</strong> {t(`decision.rule.${rule.id}`, { defaultValue: '' })}
                  {rule.subject ? ` · ${rule.subject}` : ''} — {t(`decision.result.${rule.result}`)}
                </>
              }
              secondary={ruleReason(rule, i18n.language)}
            />
          </ListItem>
        ))}
      </List>
      {decision.notes.map((note) => (
        <Typography key={note} variant="caption" color="text.secondary" component="p">
          {note}
        </Typography>
      ))}
    </Paper>
  );
}
