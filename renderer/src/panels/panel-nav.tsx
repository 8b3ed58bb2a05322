// The workspace's panels as the navigation lists them, in its order: an id, a label key, an icon,
// and who may see it. Their screens are in registry.tsx; a panel that links to another (the call
// log's "convert to") reads this list, not the registry, so no panel imports the registry.
import type { ReactNode } from 'react';
import type { Role } from '../../../shared/domain/case.js';
import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
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

export interface PanelNav {
  id: string;
  /** i18n key of the navigation label. */
  label: string;
  icon: ReactNode;
  /** The least role that sees the panel. */
  role: Role;
  /** Keyboard shortcut shown in the help overlay, e.g. 'Alt+1'. */
  shortcut?: string;
  /** Shown only on a desk that joined a team. */
  teamOnly?: boolean;
}

export const PANEL_NAV: PanelNav[] = [
  { id: 'calls', label: 'app.nav.calls', icon: <PhoneInTalkIcon />, role: 'agent' },
  { id: 'work-orders', label: 'workOrders.nav', icon: <AssignmentIcon />, role: 'agent' },
  { id: 'queue', label: 'queue.nav', icon: <ViewListIcon />, role: 'agent' },
  { id: 'refunds', label: 'refunds.nav', icon: <CurrencyYuanIcon />, role: 'agent' },
  { id: 'compensation', label: 'compensation.nav', icon: <BoltIcon />, role: 'agent' },
  { id: 'icp-reward', label: 'icp.nav', icon: <VerifiedIcon />, role: 'agent' },
  { id: 'complaints', label: 'complaints.nav', icon: <FeedbackIcon />, role: 'agent' },
  { id: 'billing', label: 'billing.nav', icon: <ReceiptLongIcon />, role: 'agent' },
  { id: 'access-recovery', label: 'accessRecovery.nav', icon: <AdminPanelSettingsIcon />, role: 'agent' },
  { id: 'customers', label: 'customers.nav', icon: <ContactsIcon />, role: 'agent' },
  { id: 'mail', label: 'mail.nav', icon: <MailIcon />, role: 'agent' },
  { id: 'approvals', label: 'approvals.nav', icon: <FactCheckIcon />, role: 'supervisor' },
  { id: 'audit', label: 'audit.nav', icon: <HistoryIcon />, role: 'supervisor' },
  { id: 'operators', label: 'operators.nav', icon: <ManageAccountsIcon />, role: 'supervisor' },
  { id: 'dashboard', label: 'dashboard.nav', icon: <InsightsIcon />, role: 'manager' },
  { id: 'channels', label: 'channels.nav', icon: <SettingsPhoneIcon />, role: 'manager' },
  { id: 'policy', label: 'policy.nav', icon: <PolicyIcon />, role: 'manager' },
  { id: 'team-conflicts', label: 'team.nav', icon: <SyncProblemIcon />, role: 'agent', teamOnly: true },
];
