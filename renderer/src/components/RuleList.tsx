// The rules behind a decision, each with its passed / failed / not-applicable icon and the
// engine's reason in the reader's language.
import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RemoveCircleOutlineIcon from '@mui/icons-material/Block';
import { List, ListItem, ListItemIcon, ListItemText } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleOutcome, RuleResult } from '../../../shared/rules/decision.js';
import { ruleReason } from '../i18n/rule-reasons.js';

const ICON: Record<RuleOutcome, ReactNode> = {
  passed: <CheckCircleIcon color="success" fontSize="small" />,
  failed: <CancelIcon color="error" fontSize="small" />,
  'not-applicable': <RemoveCircleOutlineIcon color="disabled" fontSize="small" />,
};

export function RuleList({ rules }: { rules: readonly RuleResult[] }) {
  const { t, i18n } = useTranslation();
  return (
    <List dense disablePadding aria-label={t('decision.rules')}>
      {rules.map((rule, index) => (
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
  );
}
