// The workspace's panels, in navigation order. A panel: an id, a label key, an icon, and who may see it.
import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import type { ComponentType, ReactNode } from 'react';
import type { Role } from '../../../shared/domain/case.js';
import { CallLogPanel } from './calls/CallLogPanel.js';
import AssignmentIcon from '@mui/icons-material/Assignment';
import ViewListIcon from '@mui/icons-material/ViewList';
import { QueuePanel } from './queue/QueuePanel.js';
import { WorkOrderPanel } from './work-orders/WorkOrderPanel.js';
import CurrencyYuanIcon from '@mui/icons-material/CurrencyYuan';
import BoltIcon from '@mui/icons-material/Bolt';
import VerifiedIcon from '@mui/icons-material/Verified';
import FeedbackIcon from '@mui/icons-material/Feedback';
import { RefundsPanel } from './refunds/RefundsPanel.js';
import { CompensationPanel } from './compensation/CompensationPanel.js';
import { IcpRewardPanel } from './icp/IcpRewardPanel.js';
import { ComplaintsPanel } from './complaints/ComplaintsPanel.js';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import { OperatorsPanel } from './operators/OperatorsPanel.js';
import InsightsIcon from '@mui/icons-material/Insights';
import PolicyIcon from '@mui/icons-material/Policy';
import { DashboardPanel } from './dashboard/DashboardPanel.js';
import { PolicyPanel } from './policy/PolicyPanel.js';

import FactCheckIcon from '@mui/icons-material/FactCheck';
import HistoryIcon from '@mui/icons-material/History';
import { ApprovalsPanel } from './approvals/ApprovalsPanel.js';
import { AuditPanel } from './audit/AuditPanel.js';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import AdminPanelSettingsIcon from '@mui/icons-material/AdminPanelSettings';
import { BillingPanel } from './billing/BillingPanel.js';
import { AccessRecoveryPanel } from './access-recovery/AccessRecoveryPanel.js';
import ContactsIcon from '@mui/icons-material/Contacts';
import { CustomersPanel } from './customers/CustomersPanel.js';
import SyncProblemIcon from '@mui/icons-material/SyncProblem';
import { ConflictsPanel } from './team/ConflictsPanel.js';
import MailIcon from '@mui/icons-material/Mail';
import SettingsPhoneIcon from '@mui/icons-material/SettingsPhone';
import { MailPanel } from './mail/MailPanel.js';
import { ChannelsPanel } from './mail/ChannelsPanel.js';

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
  { id: 'work-orders', label: 'workOrders.nav', icon: <AssignmentIcon />, role: 'agent', component: WorkOrderPanel },
  { id: 'queue', label: 'queue.nav', icon: <ViewListIcon />, role: 'agent', component: QueuePanel },
  { id: 'refunds', label: 'refunds.nav', icon: <CurrencyYuanIcon />, role: 'agent', component: RefundsPanel },
  { id: 'compensation', label: 'compensation.nav', icon: <BoltIcon />, role: 'agent', component: CompensationPanel },
  { id: 'icp-reward', label: 'icp.nav', icon: <VerifiedIcon />, role: 'agent', component: IcpRewardPanel },
  { id: 'complaints', label: 'complaints.nav', icon: <FeedbackIcon />, role: 'agent', component: ComplaintsPanel },
  { id: 'billing', label: 'billing.nav', icon: <ReceiptLongIcon />, role: 'agent', component: BillingPanel },
  { id: 'access-recovery', label: 'accessRecovery.nav', icon: <AdminPanelSettingsIcon />, role: 'agent', component: AccessRecoveryPanel },
  { id: 'customers', label: 'customers.nav', icon: <ContactsIcon />, role: 'agent', component: CustomersPanel },
  { id: 'mail', label: 'mail.nav', icon: <MailIcon />, role: 'agent', component: MailPanel },
  { id: 'approvals', label: 'approvals.nav', icon: <FactCheckIcon />, role: 'supervisor', component: ApprovalsPanel },
  { id: 'audit', label: 'audit.nav', icon: <HistoryIcon />, role: 'supervisor', component: AuditPanel },
  { id: 'operators', label: 'operators.nav', icon: <ManageAccountsIcon />, role: 'manager', component: OperatorsPanel },
  { id: 'dashboard', label: 'dashboard.nav', icon: <InsightsIcon />, role: 'manager', component: DashboardPanel },
  { id: 'channels', label: 'channels.nav', icon: <SettingsPhoneIcon />, role: 'manager', component: ChannelsPanel },
  { id: 'policy', label: 'policy.nav', icon: <PolicyIcon />, role: 'manager', component: PolicyPanel },
  { id: 'team-conflicts', label: 'team.nav', icon: <SyncProblemIcon />, role: 'agent', component: ConflictsPanel, teamOnly: true },
];
