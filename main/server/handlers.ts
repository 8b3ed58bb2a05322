// Every call of the contract, mapped to its domain's handler. The type makes a missing one an error.
import { caseHandlers } from './cases/app.js';
import { assignmentHandlers } from './cases/assignment.js';
import type { Handlers, Services } from './context.js';
import { customerDirectory } from './customers/directory.js';
import { customerHandlers } from './customers/app.js';
import { importHandlers } from './customers/import.js';
import { operatorHandlers } from './operators/app.js';
import { ResumeTokens } from './operators/resume-tokens.js';
import { policyHandlers } from './policy/app.js';
import { settingsHandlers } from './settings/app.js';
import { workOrderHandlers } from './work-orders/app.js';
import { orderHandlers } from './orders/app.js';
import { refundHandlers } from './refunds/app.js';
import { compensationHandlers } from './compensation/app.js';
import { icpRewardHandlers } from './icp-reward/app.js';
import { complaintHandlers } from './complaints/app.js';
import { approvalHandlers } from './approvals/app.js';
import { dashboardHandlers } from './dashboard/app.js';
import { policyEditorHandlers } from './policy-editor/app.js';
import { billingHandlers } from './billing/app.js';
import { accessRecoveryHandlers } from './access-recovery/app.js';
import { uploadHandlers } from './uploads/app.js';
import { fileLinkHandlers } from './uploads/file-links.js';
import { mailHandlers } from './mail/app.js';
import { phoneHandlers } from './cti/app.js';
import { teamHandlers } from './team/app.js';

export function handlers(services: Services): Handlers {
  return {
    ...operatorHandlers(new ResumeTokens()),
    ...settingsHandlers,
    ...customerHandlers(customerDirectory(services.store)),
    ...importHandlers,
    ...caseHandlers,
    ...assignmentHandlers,
    ...policyHandlers,
    ...workOrderHandlers,
    ...orderHandlers,
    ...refundHandlers,
    ...compensationHandlers,
    ...icpRewardHandlers,
    ...complaintHandlers,
    ...approvalHandlers,
    ...dashboardHandlers,
    ...policyEditorHandlers,
    ...billingHandlers,
    ...accessRecoveryHandlers,
    ...uploadHandlers,
    ...fileLinkHandlers,
    ...mailHandlers,
    ...phoneHandlers,
    ...teamHandlers,
  };
}
