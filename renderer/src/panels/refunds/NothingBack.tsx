// R5: an eligible refund of 0.00 passes every rule, so the agent must be told in plain words that
// the customer gets nothing back, with the engine's own figures.
import { Alert } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { RefundDecision } from '../../../../shared/rules/decision.js';
import { formatMoney } from '../../components/money.js';
import { useCurrency } from '../../components/workspace.js';

export function NothingBack({ decision }: { decision: RefundDecision }) {
  const { t, i18n } = useTranslation();
  const currency = useCurrency();
  const r5 = decision.rules.find((r) => r.id === 'R5');
  if (decision.outcome !== 'eligible' || decision.amount !== '0.00' || !r5?.params) return null;
  const show = (name: string) => formatMoney(r5.params?.[name] ?? '0.00', currency, i18n.language);
  return (
    <Alert severity="warning" data-testid="nothing-back">
      {t('refunds.nothingBack', { paid: show('paid'), deducted: show('deducted'), refund: show('refund') })}
    </Alert>
  );
}
