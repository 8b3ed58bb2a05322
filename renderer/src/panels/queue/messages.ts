// Strings of the queue panel, in English and Simplified Chinese.
const en = {
  queue: {
    nav: 'Queue',
    title: 'Queue',
    search: 'Search (case, customer, phone, error code, text) — press / to focus',
    status: 'Status',
    severity: 'Severity',
    channel: 'Channel',
    type: 'Type',
    mine: 'Mine only',
    total: '{{count}} cases',
    empty: 'No cases match',
    indexing: 'Building the search index… the results appear as soon as it is ready',
    breached: 'Breached',
    paused: 'Paused',
    flagged: 'Supervisor',
    columns: { id: 'Case', severity: 'Sev', status: 'Status', customer: 'Customer', summary: 'Summary', due: 'SLA', agent: 'Agent', opened: 'Opened' },
    hint: '↑↓ move · Enter opens the case',
  },
};

const zhCN: typeof en = {
  queue: {
    nav: '案件队列',
    title: '案件队列',
    search: '搜索（案件号、客户、电话、错误码、内容）— 按 / 聚焦',
    status: '状态',
    severity: '级别',
    channel: '渠道',
    type: '类型',
    mine: '只看我的',
    total: '共 {{count}} 个案件',
    empty: '没有匹配的案件',
    indexing: '正在建立搜索索引……建好后立即显示结果',
    breached: '已超时',
    paused: '已暂停',
    flagged: '主管关注',
    columns: { id: '案件', severity: '级别', status: '状态', customer: '客户', summary: '摘要', due: 'SLA', agent: '处理人', opened: '创建时间' },
    hint: '↑↓ 移动 · Enter 打开案件',
  },
};

export const messages = { en, zhCN };
