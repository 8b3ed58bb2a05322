// Which cases the queue shows: all, my open cases, or the unowned cases waiting at my level.
import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { QUEUE_VIEWS, type QueueView } from '../../../../shared/contract/work-orders.js';
import { levelLabel } from '../../components/ownership.js';
import { useSession } from '../../state/session.js';

export function QueueViews({ value, onChange }: { value: QueueView; onChange(view: QueueView): void }) {
  const { t } = useTranslation();
  const level = useSession((s) => s.operator?.level ?? 'L1');
  return (
    <ToggleButtonGroup size="small" exclusive value={value} onChange={(_e, view: QueueView | null) => view && onChange(view)} aria-label={t('queue.title')}>
      {QUEUE_VIEWS.map((view) => (
        <ToggleButton key={view} value={view} data-testid={`queue-view-${view}`} sx={{ textTransform: 'none', py: 0.5 }}>
          {t(`queue.views.${view}`, { level: levelLabel(t, level) })}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
