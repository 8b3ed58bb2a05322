// The bundled policy version: the defaults of shared/spec/policy.md.
import type { Policy } from '../../shared/rules/policy.js';

const OUT_OF_SCOPE_CLOSING =
  'We have logged your request. Under the shared-responsibility model the platform and its services are ours, while your application code, data handling and access policies are yours.';

export const POLICY_2026_1: Policy = {
  id: '2026.1',
  effectiveFrom: '2026-01-01T00:00:00+08:00',
  currency: 'CNY',
  refund: {
    refundableBillingModes: ['hourly', 'monthly', 'yearly'],
    windowHours: 120,
    maxEarlierRefunds: 3,
    countedRefundStatuses: ['completed', 'in-progress'],
    minOrders: 1,
    maxOrders: 3,
  },
  compensation: {
    multipliers: { 'service-unavailable': '100', 'website-inaccessible': '100', 'delivery-or-charging': '1' },
    compensableCauses: ['platform'],
    causeLabels: {
      platform: 'platform fault',
      'force-majeure': 'force majeure',
      'scheduled-maintenance': 'maintenance, migration or upgrade notified in advance',
      carrier: 'carrier packet loss or delay',
      backbone: 'internet backbone fault',
      'attack-or-virus': "attack on or virus in the user's applications",
      'user-network-or-device': "the user's own network or device performance",
      'user-improper-maintenance': "loss or disclosure through the user's improper maintenance",
      'user-negligence': "the user's negligence or operations they authorised",
      'terms-violation': 'violation of the terms or of laws',
    },
    claimWorkingDays: 7,
  },
  icpReward: {
    hostBillingModes: ['monthly', 'yearly'],
    minRechargeExclusive: '200',
    amounts: { common: '100', vip: '200' },
    abandonedAfterDelayDays: 10,
    creditWithinDays: 7,
    validYears: 1,
  },
  scope: {
    'product-function': { inScope: true, label: 'Product function consultation', explanation: 'Product function questions are covered by after-sales support.' },
    'technical-issue': { inScope: true, label: 'Technical issue consultation', explanation: 'Technical questions about our services are covered by after-sales support.' },
    'operation-fault': { inScope: true, label: 'Operation-related fault diagnosis', explanation: 'Diagnosing faults in operating our services is covered by after-sales support.' },
    'system-fault': { inScope: true, label: 'System-issue-related fault diagnosis', explanation: 'Diagnosing faults of our platform and services is covered by after-sales support.' },
    console: { inScope: true, label: 'Management console consultation and fault diagnosis', explanation: 'Management console questions and faults are covered by after-sales support.' },
    'third-party-deployment': { inScope: false, label: 'Deployment and commissioning of third-party application software', explanation: `Deploying and commissioning third-party software is not covered by after-sales support. ${OUT_OF_SCOPE_CLOSING}` },
    'third-party-fault': { inScope: false, label: 'Fault diagnosis of third-party application software', explanation: `Diagnosing faults in third-party software is not covered by after-sales support; please contact its vendor. ${OUT_OF_SCOPE_CLOSING}` },
    'code-development': { inScope: false, label: 'Code development', explanation: `Writing or fixing application code is not covered by after-sales support. ${OUT_OF_SCOPE_CLOSING}` },
    'routine-om': { inScope: false, label: 'Routine O&M services', explanation: `Routine operation and maintenance of your systems is not covered by after-sales support. ${OUT_OF_SCOPE_CLOSING}` },
  },
  sla: {
    firstResponse: {
      'SEV-1': { common: { minutes: 15 }, vip: { minutes: 10 } },
      'SEV-2': { common: { minutes: 60 }, vip: { minutes: 30 } },
      'SEV-3': { common: { minutes: 240 }, vip: { minutes: 120 } },
    },
    updateInterval: {
      'SEV-1': { minutes: 30 },
      'SEV-2': { minutes: 120 },
      'SEV-3': { workingDays: 1 },
    },
    escalationLevels: ['L1', 'L2', 'L3', 'supervisor'],
    // Every category and severity is supported 24/7 in this version.
    supportHours: { businessHours: { start: '09:00', end: '18:00' }, bySeverity: {}, byCategory: {} },
  },
  quality: {
    elements: [
      { id: 'summary', label: 'summary naming service, symptom and start time', weight: 30 },
      { id: 'impact', label: 'severity and business impact', weight: 20 },
      { id: 'evidence', label: 'evidence (error codes, timestamps, changes, logs, traces)', weight: 20 },
      { id: 'steps', label: 'steps already tried', weight: 15 },
      { id: 'updates', label: 'structured updates (what was done, what was observed)', weight: 15 },
    ],
    incidentTemplate: [
      { id: 'startTime', label: 'incident start time', weight: 5 },
      { id: 'region', label: 'region', weight: 5 },
      { id: 'affectedServices', label: 'affected services', weight: 5 },
      { id: 'symptoms', label: 'symptoms', weight: 5 },
      { id: 'errorCodes', label: 'error codes', weight: 5 },
      { id: 'mitigationAttempted', label: 'mitigation attempted', weight: 5 },
    ],
    services: [
      'ecs', 'oss', 'rds', 'slb', 'clb', 'alb', 'nlb', 'vpc', 'cdn', 'dns', 'eip', 'nas', 'ebs', 'redis', 'kafka', 'kubernetes', 'ack', 'k8s',
      'cloud server', 'instance', 'instances', 'storage', 'bucket', 'database', 'load balancer', 'console', 'network', 'website', 'api', 'vpn', 'nat',
      '云服务器', '实例', '存储', '数据库', '负载均衡', '控制台', '网络', '网站', '域名',
    ],
    symptoms: [
      'unreachable', 'unavailable', 'down', 'error', 'errors', 'fail', 'fails', 'failed', 'failing', 'failure', 'timeout', 'timeouts', 'timed out',
      'slow', 'latency', 'cannot', "can't", 'unable', 'crash', 'crashed', 'crashes', 'refused', 'lost', 'loss', 'degraded', 'intermittent',
      'intermittently', 'hang', 'hangs', 'stuck', 'denied', '5xx', '502', '503', '504', '500', '404', '403',
      '无法', '失败', '超时', '异常', '卡顿', '报错', '不可用', '慢', '中断', '丢包', '宕机', '访问不了',
    ],
  },
  complaint: { acknowledgeHours: 24 },
};
