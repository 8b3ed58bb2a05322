// The workspace's panels, in navigation order. A panel: an id, a label key, an icon, and who may see it.
// Each panel but the call log (the first screen) is its own chunk, loaded when first opened.
import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import { lazy, type ComponentType, type ReactNode } from 'react';
import type { Role } from '../../../shared/domain/case.js';
import { CallLogPanel } from './calls/CallLogPanel.js';
import AssignmentIcon from '@mui/icons-material/Assignment';
import ViewListIcon from '@mui/icons-material/ViewList';
import CurrencyYuanIcon from '@mui/icons-material/CurrencyYuan';
import BoltIcon from '@mui/icons-material/Bolt';
import VerifiedIcon from '@mui/icons-material/Verified';
import FeedbackIcon from '@mui/icons-material/Feedback';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import InsightsIcon from '@mui/icons-material/Insights';
import PolicyIcon from '@mui/icons-material/Policy';

import FactCheckIcon from '@mui/icons-material/FactCheck';
import HistoryIcon from '@mui/icons-material/History';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import AdminPanelSettingsIcon from '@mui/icons-material/AdminPanelSettings';
import ContactsIcon from '@mui/icons-material/Contacts';
import SyncProblemIcon from '@mui/icons-material/SyncProblem';
import MailIcon from '@mui/icons-material/Mail';
import SettingsPhoneIcon from '@mui/icons-material/SettingsPhone';

/** A panel module loaded on first use (React.lazy wants a default export). */
function lazyPanel<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ComponentType {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<object> }));
}

export interface PanelEntry {
  id: string;
  /** i18n key of the navigation label. */
  label: string;
  icon: ReactNode;
  /** The least role that sees the panel. */
  role: Role;
  /** Keyboard shortcut shown in the help overlay, e.g. 'Alt+1'. */
  shortcut?: string;
  component: ComponentType;
  /** Shown only on a desk that joined a team. */
  teamOnly?: boolean;
}

export const PANELS: PanelEntry[] = [
  { id: 'calls', label: 'app.nav.calls', icon: <PhoneInTalkIcon />, role: 'agent', component: CallLogPanel },
  { id: 'work-orders', label: 'workOrders.nav', icon: <AssignmentIcon />, role: 'agent', component: lazyPanel(() => import('./work-orders/WorkOrderPanel.js'), 'WorkOrderPanel') },
  { id: 'queue', label: 'queue.nav', icon: <ViewListIcon />, role: 'agent', component: lazyPanel(() => import('./queue/QueuePanel.js'), 'QueuePanel') },
  { id: 'refunds', label: 'refunds.nav', icon: <CurrencyYuanIcon />, role: 'agent', component: lazyPanel(() => import('./refunds/RefundsPanel.js'), 'RefundsPanel') },
  { id: 'compensation', label: 'compensation.nav', icon: <BoltIcon />, role: 'agent', component: lazyPanel(() => import('./compensation/CompensationPanel.js'), 'CompensationPanel') },
  { id: 'icp-reward', label: 'icp.nav', icon: <VerifiedIcon />, role: 'agent', component: lazyPanel(() => import('./icp/IcpRewardPanel.js'), 'IcpRewardPanel') },
  { id: 'complaints', label: 'complaints.nav', icon: <FeedbackIcon />, role: 'agent', component: lazyPanel(() => import('./complaints/ComplaintsPanel.js'), 'ComplaintsPanel') },
  { id: 'billing', label: 'billing.nav', icon: <ReceiptLongIcon />, role: 'agent', component: lazyPanel(() => import('./billing/BillingPanel.js'), 'BillingPanel') },
  { id: 'access-recovery', label: 'accessRecovery.nav', icon: <AdminPanelSettingsIcon />, role: 'agent', component: lazyPanel(() => import('./access-recovery/AccessRecoveryPanel.js'), 'AccessRecoveryPanel') },
  { id: 'customers', label: 'customers.nav', icon: <ContactsIcon />, role: 'agent', component: lazyPanel(() => import('./customers/CustomersPanel.js'), 'CustomersPanel') },
  { id: 'mail', label: 'mail.nav', icon: <MailIcon />, role: 'agent', component: lazyPanel(() => import('./mail/MailPanel.js'), 'MailPanel') },
  { id: 'approvals', label: 'approvals.nav', icon: <FactCheckIcon />, role: 'supervisor', component: lazyPanel(() => import('./approvals/ApprovalsPanel.js'), 'ApprovalsPanel') },
  { id: 'audit', label: 'audit.nav', icon: <HistoryIcon />, role: 'supervisor', component: lazyPanel(() => import('./audit/AuditPanel.js'), 'AuditPanel') },
  { id: 'operators', label: 'operators.nav', icon: <ManageAccountsIcon />, role: 'manager', component: lazyPanel(() => import('./operators/OperatorsPanel.js'), 'OperatorsPanel') },
  { id: 'dashboard', label: 'dashboard.nav', icon: <InsightsIcon />, role: 'manager', component: lazyPanel(() => import('./dashboard/DashboardPanel.js'), 'DashboardPanel') },
  { id: 'channels', label: 'channels.nav', icon: <SettingsPhoneIcon />, role: 'manager', component: lazyPanel(() => import('./mail/ChannelsPanel.js'), 'ChannelsPanel') },
  { id: 'policy', label: 'policy.nav', icon: <PolicyIcon />, role: 'manager', component: lazyPanel(() => import('./policy/PolicyPanel.js'), 'PolicyPanel') },
  { id: 'team-conflicts', label: 'team.nav', icon: <SyncProblemIcon />, role: 'agent', component: lazyPanel(() => import('./team/ConflictsPanel.js'), 'ConflictsPanel'), teamOnly: true },
];
