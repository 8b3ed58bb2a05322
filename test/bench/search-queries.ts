// The search benchmarks' query shapes: Chinese, English, codes, filters, date ranges, paging.
import type { CaseSearchQuery } from '../../main/store/types.js';

export const SEARCH_QUERIES: readonly CaseSearchQuery[] = [
  { text: '服务器' },
  { text: '云服务器无法连接' },
  { text: 'ECS-5003' },
  { text: 'ssh' },
  { text: 'upload 403' },
  { text: '数据库', status: ['open'] },
  { status: ['open', 'escalated'], severity: ['SEV-1'] },
  { channel: ['hotline'], from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' },
  { agent: 'agent07', status: ['pending-customer'] },
  { customerAccount: 'acme-01' },
  { text: 'RDS', type: ['work-order'], limit: 20 },
  { text: '负载均衡 SLB-502' },
  {},
  { text: '杭州' },
  { text: 'refund', offset: 50 },
];
