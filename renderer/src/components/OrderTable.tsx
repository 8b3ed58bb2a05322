// Orders as the customer registry and the approval pane list them: id, product, billing, when
// bought (in the desk's zone) and what was paid.
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { RefundedOrder } from '../../../shared/domain/refund.js';
import { formatDateTime } from '../i18n/index.js';
import { useSession } from '../state/session.js';
import { formatMoney } from './money.js';
import { useCurrency } from './workspace.js';

const COLUMNS = ['id', 'product', 'billingMode', 'purchasedAt', 'paid'] as const;

export function OrderTable({ orders, label, empty }: { orders: readonly RefundedOrder[]; label: string; empty?: string }) {
  const { t, i18n } = useTranslation();
  const timeZone = useSession((s) => s.settings?.timeZone ?? 'Asia/Shanghai');
  const currency = useCurrency();
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          {COLUMNS.map((c) => (
            <TableCell key={c} align={c === 'paid' ? 'right' : 'left'}>
              {t(`customers.order.${c}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {orders.length === 0 && empty && (
          <TableRow>
            <TableCell colSpan={COLUMNS.length}>{empty}</TableCell>
          </TableRow>
        )}
        {orders.map((o) => (
          <TableRow key={o.id} data-order-id={o.id}>
            <TableCell>{o.id}</TableCell>
            <TableCell>{o.product}</TableCell>
            <TableCell>{o.billingMode ? t(`customers.billingMode.${o.billingMode}`, { defaultValue: o.billingMode }) : ''}</TableCell>
            <TableCell>{o.purchasedAt ? formatDateTime(o.purchasedAt, i18n.language, timeZone) : ''}</TableCell>
            <TableCell align="right">{o.paid ? formatMoney(o.paid, currency, i18n.language) : ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
