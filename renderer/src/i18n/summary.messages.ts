// The generated summaries' wording (summaries.ts puts them together).
export const messages = {
  en: {
    summary: {
      refund: 'Refund {{amount}} for {{orders}}',
      'refund-rejected': 'Refund for {{orders}} rejected by the rules ({{rules}})',
      compensation_one: 'Compensation {{amount}} for {{count}} fault occurrence, {{minutes}} min',
      compensation_other: 'Compensation {{amount}} for {{count}} fault occurrences, {{minutes}} min',
      'icp-reward': 'ICP filing reward {{amount}}, credit due by {{creditDueBy}}',
      billing: 'Billing {{period}}: {{services}} ({{total}})',
      'access-recovery': 'Access recovery: {{role}} {{from}} → {{to}}',
      'key-event': '{{name}} ({{start}} – {{end}})',
      noOrder: 'no order',
      separator: ', ',
    },
  },
  zhCN: {
    summary: {
      refund: '退款 {{amount}} 元（订单 {{orders}}）',
      'refund-rejected': '订单 {{orders}} 的退款未通过规则（{{rules}}）',
      compensation_one: '故障补偿 {{amount}} 元（{{count}} 次故障，共 {{minutes}} 分钟）',
      compensation_other: '故障补偿 {{amount}} 元（{{count}} 次故障，共 {{minutes}} 分钟）',
      'icp-reward': 'ICP 备案奖励 {{amount}} 元，应于 {{creditDueBy}} 前入账',
      billing: '{{period}} 账单：{{services}}（合计 {{total}} 元）',
      'access-recovery': '权限找回：{{role}} {{from}} → {{to}}',
      'key-event': '{{name}}（{{start}} – {{end}}）',
      noOrder: '无订单',
      separator: '、',
    },
  },
};
