// The workspace's panels: each navigation entry (panel-nav.tsx) with its screen. Each panel but
// the call log (the first screen) is its own chunk, loaded when first opened.
import { lazy, useState, type ComponentType } from 'react';
import { CallLogPanel } from './calls/CallLogPanel.js';
import { PANEL_NAV, type PanelNav } from './panel-nav.js';
import { askFirstPage } from './queue/queue-pages.js';

/**
 * A panel module loaded on first use (React.lazy wants a default export), or before it with
 * `preload`. Once loaded it is drawn at once: a lazy component suspends even then, and React
 * shows what it suspended for no sooner than 300 ms later.
 */
function lazyPanel<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K, prefetch?: () => void): PanelEntry['component'] {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const once = () => (loading ??= load().then((m) => (loaded = m[name])));
  const Lazy = lazy(async () => ({ default: (await once()) as ComponentType<object> }));
  function Panel() {
    const [Loaded] = useState(() => loaded); // one kind per mount: a switch would redraw the panel afresh
    return Loaded ? <Loaded /> : <Lazy />;
  }
  return Object.assign(Panel, { preload: () => void once().catch(() => undefined), ...(prefetch ? { prefetch } : {}) });
}

export interface PanelEntry extends PanelNav {
  /** `prefetch`: asks for what the panel first shows, called as it is opened (before it is drawn). */
  component: ComponentType & { preload?: () => void; prefetch?: () => void };
}

/** The agents' screen of the day: its code is fetched once the workspace shows, so its first opening waits for its rows only. */
export const PRELOADED_PANEL = 'queue';

const SCREENS: Record<string, PanelEntry['component']> = {
  'calls': CallLogPanel,
  'work-orders': lazyPanel(() => import('./work-orders/WorkOrderPanel.js'), 'WorkOrderPanel'),
  'queue': lazyPanel(() => import('./queue/QueuePanel.js'), 'QueuePanel', askFirstPage),
  'refunds': lazyPanel(() => import('./refunds/RefundsPanel.js'), 'RefundsPanel'),
  'compensation': lazyPanel(() => import('./compensation/CompensationPanel.js'), 'CompensationPanel'),
  'icp-reward': lazyPanel(() => import('./icp/IcpRewardPanel.js'), 'IcpRewardPanel'),
  'complaints': lazyPanel(() => import('./complaints/ComplaintsPanel.js'), 'ComplaintsPanel'),
  'billing': lazyPanel(() => import('./billing/BillingPanel.js'), 'BillingPanel'),
  'access-recovery': lazyPanel(() => import('./access-recovery/AccessRecoveryPanel.js'), 'AccessRecoveryPanel'),
  'customers': lazyPanel(() => import('./customers/CustomersPanel.js'), 'CustomersPanel'),
  'mail': lazyPanel(() => import('./mail/MailPanel.js'), 'MailPanel'),
  'approvals': lazyPanel(() => import('./approvals/ApprovalsPanel.js'), 'ApprovalsPanel'),
  'audit': lazyPanel(() => import('./audit/AuditPanel.js'), 'AuditPanel'),
  'operators': lazyPanel(() => import('./operators/OperatorsPanel.js'), 'OperatorsPanel'),
  'dashboard': lazyPanel(() => import('./dashboard/DashboardPanel.js'), 'DashboardPanel'),
  'channels': lazyPanel(() => import('./mail/ChannelsPanel.js'), 'ChannelsPanel'),
  'policy': lazyPanel(() => import('./policy/PolicyPanel.js'), 'PolicyPanel'),
  'team-conflicts': lazyPanel(() => import('./team/ConflictsPanel.js'), 'ConflictsPanel'),
};

export const PANELS: PanelEntry[] = PANEL_NAV.map((nav) => ({ ...nav, component: SCREENS[nav.id]! }));
