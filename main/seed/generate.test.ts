import { describe, expect, it } from 'vitest';
import { CASE_TYPES, CHANNELS, OUT_OF_SCOPE_CATEGORIES, SEVERITIES } from '../../shared/domain/case.js';
import { generateDesk, seedAgentLevel } from './generate.js';

describe('generateDesk', () => {
  const a = generateDesk({ customers: 300, cases: 3000, seed: 11 });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateDesk({ customers: 300, cases: 3000, seed: 11 })).toEqual(a);
    expect(generateDesk({ customers: 300, cases: 3000, seed: 12 }).cases[0]).not.toEqual(a.cases[0]);
  });

  it('gives agents levels and cases an owner at the owner’s level, every tenth waiting unclaimed', () => {
    // agent01–12 L1, agent13–17 L2, agent18–20 L3 (the seed's staffing).
    expect(['agent01', 'agent12', 'agent13', 'agent17', 'agent18', 'agent20'].map(seedAgentLevel)).toEqual(['L1', 'L1', 'L2', 'L2', 'L3', 'L3']);
    a.cases.forEach((c, i) => {
      expect(c.level).toBe(seedAgentLevel(c.agent));
      expect(c.owner).toBe(i % 10 === 9 ? null : c.agent);
    });
  });

  it('makes realistic customers', () => {
    expect(new Set(a.customers.map((c) => c.id)).size).toBe(300);
    for (const c of a.customers) {
      expect(c.id).toMatch(/^[a-z]+-\d{2,}$/);
      expect(c.region).toMatch(/^(cn|ap)-[a-z0-9-]+$/);
      for (const p of c.contacts) {
        if (p.phone) expect(p.phone).toMatch(/^\+861[3-9]\d{9}$/);
        expect(p.email).toMatch(/^[^@\s]+@[a-z0-9-]+\.com$/);
      }
    }
    const vip = a.customers.filter((c) => c.vip).length / a.customers.length;
    expect(vip).toBeGreaterThan(0.05);
    expect(vip).toBeLessThan(0.16);
    expect(a.customers.some((c) => /有限公司$/.test(c.name))).toBe(true);
    expect(a.customers.some((c) => /^[A-Z][a-z]+/.test(c.name))).toBe(true);
  });

  it('makes realistic cases spread over the last year', () => {
    const until = Date.parse('2026-06-30T00:00:00Z');
    a.cases.forEach((c, i) => {
      expect(c.id).toBe(`C-${String(i + 1).padStart(6, '0')}`);
      expect(CASE_TYPES).toContain(c.type);
      expect(CHANNELS).toContain(c.channel);
      if (c.severity) expect(SEVERITIES).toContain(c.severity);
      expect(c.agent).toMatch(/^agent(0[1-9]|1\d|20)$/);
      const t = Date.parse(c.openedAt);
      expect(t).toBeGreaterThanOrEqual(until - 366 * 86400_000);
      expect(t).toBeLessThanOrEqual(until);
      expect(a.customers.find((x) => x.id === c.customerAccount)?.name).toBe(c.customerName);
    });
    expect(a.cases.some((c) => /[\u4e00-\u9fff]/.test(c.summary))).toBe(true);
    expect(a.cases.some((c) => /^[A-Z]/.test(c.summary))).toBe(true);
    expect(a.cases.some((c) => /ECS|OSS|SLB|RDS|CDN/.test(c.summary + c.notes + c.errorCodes.join(' ')))).toBe(true);
    expect(new Set(a.cases.map((c) => c.status)).size).toBeGreaterThan(3);
  });

  it('files summaries under a category that fits them, and puts amounts on refunds and compensation', () => {
    const outOfScope = a.cases.filter((c) => !c.inScope);
    expect(outOfScope.length).toBeGreaterThan(50);
    for (const c of outOfScope) {
      expect(OUT_OF_SCOPE_CATEGORIES).toContain(c.category);
      expect(c.errorCodes).toEqual([]);
    }
    // A deployment request reads as one, in either language.
    const deployment = outOfScope.filter((c) => c.category === 'third-party-deployment');
    expect(deployment.length).toBeGreaterThan(0);
    for (const c of deployment) expect(c.summary).toMatch(/部署|安装|deploy|install/i);
    for (const c of a.cases.filter((x) => x.inScope)) expect(OUT_OF_SCOPE_CATEGORIES).not.toContain(c.category);

    const money = a.cases.filter((c) => c.type === 'refund' || c.type === 'compensation');
    expect(money.length).toBeGreaterThan(50);
    for (const c of money) {
      const amount = String(c.details?.amount);
      expect(amount).toMatch(/^\d+\.\d{2}$/);
      expect(c.summary).toContain(`¥${amount}`);
      expect(['submitted', 'approved', 'rejected', 'completed']).toContain(c.status);
      if (c.type === 'compensation') expect(c.details?.faultMinutes).toBeGreaterThan(0);
    }
  });
});
