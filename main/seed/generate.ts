// Deterministic, realistic support-center data. Pure: no I/O, no clock, no Math.random.
// Used by the benchmark (test/bench) and the desk's `seed` command.
import type { Level } from '../../shared/domain/ownership.js';
import {
  CASE_TYPES,
  CHANNELS,
  OUT_OF_SCOPE_CATEGORIES,
  SEVERITIES,
  type CaseRecord,
  type CaseType,
  type Category,
  type Channel,
  type Customer,
  type Severity,
} from '../../shared/domain/case.js';

export interface GenerateOptions {
  customers: number;
  cases: number;
  seed?: number;
  /** The generated year ends here (ISO). Default 2026-06-30T00:00:00Z — fixed for determinism. */
  until?: string;
}

export interface GeneratedDesk {
  customers: Customer[];
  cases: CaseRecord[];
}

/** mulberry32: small, fast, good enough for test data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CN_PREFIX = ['杭州', '上海', '北京', '深圳', '广州', '成都', '南京', '苏州', '武汉', '西安', '厦门', '青岛'];
const CN_CORE = ['云帆', '星辰', '远航', '青禾', '鼎盛', '华信', '数智', '锦程', '瑞丰', '天衡', '博远', '恒通', '优品', '海纳', '智联', '新象'];
const CN_SUFFIX = ['科技有限公司', '网络科技有限公司', '信息技术有限公司', '电子商务有限公司', '数据服务有限公司', '传媒有限公司'];
const EN_CORE = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Wingtip', 'Litware', 'Adventure', 'Blue Yonder', 'Proseware', 'Lucerne', 'Trey', 'Woodgrove'];
const EN_SUFFIX = ['Ltd', 'Inc', 'Technologies', 'Games', 'Logistics', 'Media', 'Retail', 'Labs'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '朱', '马', '胡', '郭'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞', '平', '刚', '婷', '强'];
const EN_FIRST = ['Alice', 'Ben', 'Chloe', 'David', 'Emma', 'Frank', 'Grace', 'Henry', 'Ivy', 'Jack', 'Karen', 'Leo'];
const EN_LAST = ['Smith', 'Chen', 'Wong', 'Brown', 'Lee', 'Taylor', 'Lin', 'Walker', 'Young', 'Hall'];
const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen', 'cn-guangzhou', 'cn-chengdu', 'cn-qingdao', 'cn-zhangjiakou', 'cn-hongkong', 'ap-southeast-1'];
const MOBILE_PREFIX = ['138', '139', '137', '136', '135', '150', '151', '158', '186', '187', '189', '177', '199'];

interface Problem {
  service: string;
  /** The in-scope categories this service's problems are filed under. */
  categories: Category[];
  zh: string[];
  en: string[];
  codes: string[];
  notesZh: string[];
  notesEn: string[];
}

const PROBLEMS: Problem[] = [
  {
    service: 'ECS',
    categories: ['technical-issue', 'system-fault', 'operation-fault'],
    zh: ['云服务器无法连接', 'ECS实例远程登录失败', '云服务器CPU占用率持续100%', '实例重启后无法启动', '云服务器磁盘空间不足'],
    en: ['ECS instance unreachable over SSH', 'Cannot log in to ECS instance via VNC', 'ECS instance stuck in Starting state', 'High CPU steal time on ECS instance', 'ECS system disk full after update'],
    codes: ['ECS-5003', 'InvalidInstanceId.NotFound', 'IncorrectInstanceStatus', 'ECS-4001', 'OperationDenied.NoStock'],
    notesZh: ['客户反馈从今天上午开始无法通过SSH登录，安全组规则未变更。', '已指导客户检查安全组和防火墙配置，等待客户回复。', '已确认为宿主机故障，已热迁移实例。'],
    notesEn: ['Customer reports SSH timeouts since this morning; security group unchanged.', 'Asked customer to check sshd status through the VNC console.', 'Host hardware fault confirmed; instance live-migrated.'],
  },
  {
    service: 'OSS',
    categories: ['technical-issue', 'product-function', 'console'],
    zh: ['对象存储上传失败', 'OSS文件下载速度慢', 'OSS跨域访问报错', 'Bucket被误删除需要恢复'],
    en: ['OSS upload fails with 403', 'Slow OSS downloads from overseas', 'CORS error when accessing OSS bucket', 'Bucket policy denies access unexpectedly'],
    codes: ['AccessDenied', 'OSS-403', 'NoSuchBucket', 'RequestTimeTooSkewed', 'SignatureDoesNotMatch'],
    notesZh: ['客户使用SDK上传时提示签名不匹配，已确认AccessKey已轮换。', '建议客户开启传输加速。'],
    notesEn: ['Signature mismatch after AccessKey rotation; customer updating SDK config.', 'Recommended transfer acceleration for overseas clients.'],
  },
  {
    service: 'SLB',
    categories: ['technical-issue', 'system-fault'],
    zh: ['负载均衡健康检查失败', 'SLB监听端口无法访问', '负载均衡证书过期', '后端服务器权重配置异常'],
    en: ['SLB health check failing on all backends', 'SLB listener returns 502', 'Expired certificate on HTTPS listener', 'Uneven traffic across SLB backends'],
    codes: ['SLB-502', 'SLB-504', 'HealthCheckFailed', 'CertificateExpired'],
    notesZh: ['健康检查路径返回404，已建议客户修改检查路径。', '客户证书已于昨日过期，已协助更新。'],
    notesEn: ['Health check path returns 404; customer to change check URL.', 'Certificate expired yesterday; helped customer upload the renewal.'],
  },
  {
    service: 'RDS',
    categories: ['technical-issue', 'system-fault', 'operation-fault'],
    zh: ['数据库连接数满', 'RDS实例只读', '数据库主从延迟过高', 'RDS备份恢复失败', '慢查询导致数据库卡顿'],
    en: ['RDS connections exhausted', 'RDS instance switched to read-only', 'High replication lag on RDS', 'Point-in-time restore failed', 'Slow queries locking RDS tables'],
    codes: ['RDS-1040', 'RDS-1290', 'Too many connections', 'InvalidDBInstanceStatus', 'RDS-2013'],
    notesZh: ['存储空间已满导致实例只读，已建议扩容。', '已提供慢查询分析报告。'],
    notesEn: ['Storage full so instance went read-only; advised scaling up.', 'Shared slow query analysis with the customer.'],
  },
  {
    service: 'CDN',
    categories: ['technical-issue', 'console'],
    zh: ['CDN加速域名访问报错', 'CDN缓存刷新不生效', 'CDN回源失败', '域名解析异常'],
    en: ['CDN domain returns 504', 'CDN cache purge not taking effect', 'CDN origin fetch failing', 'CNAME not resolving for CDN domain'],
    codes: ['CDN-504', 'CDN-403', 'OriginFetchFailed', 'DomainNotRegistered'],
    notesZh: ['源站防火墙拦截了CDN回源IP，已提供回源IP段。', '刷新任务已提交，预计10分钟生效。'],
    notesEn: ['Origin firewall blocks CDN fetch IPs; sent the IP ranges.', 'Purge task submitted; propagates within 10 minutes.'],
  },
  {
    service: 'Billing',
    categories: ['product-function', 'console'],
    zh: ['账单金额与预期不符', '申请退款', '欠费停机需要恢复', '发票抬头修改'],
    en: ['Unexpected charges on monthly bill', 'Refund request for unused subscription', 'Service suspended for overdue payment', 'Change invoice title'],
    codes: ['Billing-001', 'InsufficientBalance', 'OrderNotFound'],
    notesZh: ['已核对账单明细，费用来自按量付费的公网流量。', '退款申请已提交审核。'],
    notesEn: ['Charges come from pay-as-you-go internet traffic; explained to customer.', 'Refund submitted for approval.'],
  },
  {
    service: 'ICP',
    categories: ['product-function', 'console'],
    zh: ['ICP备案审核被驳回', '备案信息变更', '网站因未备案被拦截'],
    en: ['ICP filing rejected', 'Update ICP filing details', 'Website blocked: no ICP filing'],
    codes: ['ICP-1001', 'ICP-2002'],
    notesZh: ['驳回原因：主体证件照片不清晰。', '已告知客户所需材料清单。'],
    notesEn: ['Rejected because the licence photo was unreadable.', 'Sent the customer the list of documents required.'],
  },
];

/** Requests outside the service scope (policy section 1), as customers put them. */
const OUT_OF_SCOPE: Record<(typeof OUT_OF_SCOPE_CATEGORIES)[number], { zh: string[]; en: string[] }> = {
  'third-party-deployment': {
    zh: ['请帮忙在云服务器上部署WordPress插件', '帮忙安装配置第三方宝塔面板', '请协助部署开源ERP系统'],
    en: ['Please deploy and debug my WordPress plugin', 'Install a third-party control panel on my server', 'Help us deploy an open-source ERP'],
  },
  'third-party-fault': {
    zh: ['第三方支付插件报错', '自建的Redis集群频繁崩溃', '第三方CMS后台打不开'],
    en: ['Third-party payment plugin throws errors', 'Self-managed Redis cluster keeps crashing', 'Third-party CMS admin page fails'],
  },
  'code-development': {
    zh: ['请帮忙修改网站前端代码', '帮忙写一个数据迁移脚本', '请优化我们的SQL语句'],
    en: ['Please fix our website front-end code', 'Write a data migration script for us', 'Optimise our application SQL queries'],
  },
  'routine-om': {
    zh: ['请帮忙每天检查服务器日志', '代为定期备份网站数据', '帮忙升级操作系统补丁'],
    en: ['Check our server logs every day for us', 'Back up our website data regularly for us', 'Apply operating system patches for us'],
  },
};

/** Statuses a case of each type moves through (refunds and compensation follow their review workflow). */
const REVIEWED_STATUSES: [string, number][] = [
  ['submitted', 0.2],
  ['approved', 0.2],
  ['rejected', 0.15],
  ['completed', 0.45],
];

const STATUSES: [string, number][] = [
  ['new', 0.08],
  ['open', 0.2],
  ['pending-customer', 0.12],
  ['escalated', 0.05],
  ['resolved', 0.25],
  ['closed', 0.3],
];

const TYPE_FOR_SERVICE: Record<string, CaseType[]> = {
  Billing: ['billing', 'refund', 'compensation', 'complaint'],
  ICP: ['icp-reward', 'work-order', 'call'],
};

/** The agents seeded cases belong to; the seed command registers them as operators. */
export const SEED_AGENTS = Array.from({ length: 20 }, (_, i) => `agent${String(i + 1).padStart(2, '0')}`);
/** Their levels: agent01–12 L1 agents, agent13–17 L2 duty engineers, agent18–20 L3 product experts. */
export const seedAgentLevel = (username: string): Level => {
  const n = Number(username.slice(-2));
  return n >= 18 ? 'L3' : n >= 13 ? 'L2' : 'L1';
};

export function generateDesk(options: GenerateOptions): GeneratedDesk {
  const rnd = mulberry32(options.seed ?? 20260623);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(arr: readonly T[]): T => arr[int(arr.length)]!;
  const weighted = (list: [string, number][]): string => {
    let r = rnd();
    for (const [v, w] of list) {
      if ((r -= w) < 0) return v;
    }
    return list[list.length - 1]![0];
  };
  const untilMs = Date.parse(options.until ?? '2026-06-30T00:00:00Z');
  const yearMs = 365 * 24 * 3600_000;

  const customers: Customer[] = [];
  const usedIds = new Map<string, number>();
  for (let i = 0; i < options.customers; i++) {
    const chinese = rnd() < 0.7;
    const enCore = pick(EN_CORE);
    const name = chinese ? `${pick(CN_PREFIX)}${pick(CN_CORE)}${pick(CN_SUFFIX)}` : `${enCore} ${pick(EN_SUFFIX)}`;
    const slugBase = chinese ? `cn${pick(['yf', 'xc', 'yh', 'qh', 'ds', 'hx', 'sz', 'jc', 'rf', 'th'])}` : enCore.toLowerCase().replace(/[^a-z]/g, '');
    const n = (usedIds.get(slugBase) ?? 0) + 1;
    usedIds.set(slugBase, n);
    const id = `${slugBase}-${String(n).padStart(2, '0')}`;
    const contacts = [];
    const nContacts = 1 + int(2);
    for (let c = 0; c < nContacts; c++) {
      const cnPerson = chinese || rnd() < 0.3;
      const person = cnPerson ? `${pick(SURNAMES)}${pick(GIVEN)}${rnd() < 0.5 ? pick(GIVEN) : ''}` : `${pick(EN_FIRST)} ${pick(EN_LAST)}`;
      const phone = rnd() < 0.9 ? `+86${pick(MOBILE_PREFIX)}${String(int(1e8)).padStart(8, '0')}` : undefined;
      const email = `${cnPerson ? `user${int(10000)}` : person.split(' ')[0]!.toLowerCase()}@${id.replace(/-\d+$/, '')}${n}.com`;
      contacts.push({ name: person, ...(phone ? { phone } : {}), email });
    }
    customers.push({
      id,
      name,
      vip: rnd() < 0.1,
      region: pick(REGIONS),
      contacts,
      createdAt: new Date(untilMs - yearMs * 2 + int(yearMs)).toISOString(),
    });
  }

  const cases: CaseRecord[] = [];
  // openedAt: spread over the last year, in increasing order with jitter
  for (let i = 0; i < options.cases; i++) {
    const customer = customers.length ? customers[int(customers.length)]! : null;
    const problem = pick(PROBLEMS);
    const zh = rnd() < 0.6;
    const type: CaseType = TYPE_FOR_SERVICE[problem.service] ? pick(TYPE_FOR_SERVICE[problem.service]!) : pick(CASE_TYPES.filter((t) => t !== 'refund' && t !== 'icp-reward'));
    const reviewed = type === 'refund' || type === 'compensation';
    const outOfScope = !reviewed && rnd() < 0.1 ? pick(OUT_OF_SCOPE_CATEGORIES) : undefined;
    const category: Category = outOfScope ?? pick(problem.categories);
    const channel: Channel = type === 'call' ? 'hotline' : pick(CHANNELS);
    const severity: Severity | undefined = type === 'call' || type === 'work-order' || rnd() < 0.3 ? pick(SEVERITIES) : undefined;
    const opened = untilMs - yearMs + Math.floor(((i + rnd()) / Math.max(1, options.cases)) * yearMs);
    const status = weighted(reviewed ? REVIEWED_STATUSES : STATUSES);
    const codes = !outOfScope && rnd() < 0.75 ? [pick(problem.codes), ...(rnd() < 0.15 ? [pick(problem.codes)] : [])] : [];
    const errorCodes = [...new Set(codes)];
    // Money in minor units, so the demo amounts are exact decimal strings.
    const cents = reviewed ? 1000 + int(500_000) : 0;
    const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    const faultMinutes = 10 + int(600);
    const code = errorCodes[0];
    const summary = outOfScope
      ? pick(OUT_OF_SCOPE[outOfScope][zh ? 'zh' : 'en'])
      : type === 'refund'
        ? zh ? `${problem.service} 五天无理由退款 ¥${amount}` : `Five-day refund of ¥${amount} for ${problem.service}`
        : type === 'compensation'
          ? zh ? `${problem.service} 故障 ${faultMinutes} 分钟赔偿 ¥${amount}` : `Compensation ¥${amount} for ${faultMinutes} min ${problem.service} outage`
          : zh ? `${pick(problem.zh)}${code ? `（${code}）` : ''}` : `${pick(problem.en)}${code ? ` (${code})` : ''}`;
    const region = customer?.region ?? pick(REGIONS);
    const notes = [
      zh ? pick(problem.notesZh) : pick(problem.notesEn),
      zh ? `地域：${region}，实例ID：i-${(int(2 ** 31)).toString(36)}${(int(2 ** 31)).toString(36)}。` : `Region ${region}, resource i-${(int(2 ** 31)).toString(36)}${(int(2 ** 31)).toString(36)}.`,
      ...(rnd() < 0.5 ? [zh ? pick(problem.notesZh) : pick(problem.notesEn)] : []),
    ].join('\n');
    const rejection = reviewed && status === 'rejected' ? { review: { outcome: 'rejected' as const, reason: zh ? '材料不全' : 'documents missing' } } : {};
    const agent = pick(SEED_AGENTS);
    const base = {
      id: `C-${String(i + 1).padStart(6, '0')}`,
      channel,
      customerAccount: customer?.id ?? 'unknown',
      customerName: customer?.name ?? 'Unknown',
      vip: customer?.vip ?? false,
      category,
      inScope: !outOfScope,
      ...(severity ? { severity } : {}),
      status,
      summary,
      notes,
      errorCodes,
      agent,
      // Every tenth case waits unclaimed in its level's queue; the rest are their agent's.
      owner: i % 10 === 9 ? null : agent,
      level: seedAgentLevel(agent),
      openedAt: new Date(opened).toISOString(),
      updatedAt: new Date(Math.min(untilMs, opened + int(7 * 24 * 3600_000))).toISOString(),
    };
    const imported = { service: problem.service, region };
    cases.push(
      type === 'refund'
        ? { ...base, type, details: { ...imported, amount, ...rejection } }
        : type === 'compensation'
          ? { ...base, type, details: { ...imported, amount, faultMinutes, ...rejection } }
          : { ...base, type, details: imported },
    );
  }
  return { customers, cases };
}
