import { cleanup, render } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { i18n } from '../../i18n/index.js';
import { ChangesInBrief } from './ChangesInBrief.js';

afterEach(cleanup);

const brief = async (language: string, changes: Record<string, unknown>) => {
  await i18n.changeLanguage(language);
  const { container } = render(<ChangesInBrief changes={changes} />);
  return container.textContent;
};

it('names the fields an event changed in words, in both languages, and counts the rest of a long list', async () => {
  const escalation = { status: 'escalated', owner: null, level: 'L2', details: {}, updatedAt: 'x' };
  expect(await brief('zh-CN', escalation)).toBe('状态 → 已升级 · 处理人、级别和详情');
  expect(await brief('en', escalation)).toBe('status → Escalated · owner, level, and details');
  const opening = { id: 'C-1', type: 'refund', channel: 'hotline', customerAccount: 'a', summary: 's', notes: '', status: 'submitted' };
  // Six fields besides the status: four named, then 6 in all (zh) / 2 more (en).
  expect(await brief('zh-CN', opening)).toBe('状态 → 已提交 · 案件编号、类型、渠道、客户等 6 项');
  expect(await brief('en', opening)).toBe('status → Submitted · case id, type, channel, customer and 2 more fields');
  expect(await brief('en', { status: 'closed', mystery: 1 })).toBe('status → Closed · another field');
});
