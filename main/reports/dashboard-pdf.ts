// The dashboard's figures as a PDF (pdfkit), with the CJK font the receipts use (receipt-pdf.ts).
import { startPdf } from './pdf-document.js';
import type { Counted, DashboardSummary } from '../../shared/contract/dashboard.js';
import { findCjkFont, type CjkFont } from './cjk-font.js';

/** Renders the figures (bilingual labels) to a PDF buffer. */
export function renderDashboardPdf(s: DashboardSummary, options: { generatedAt: string; filters: string; font?: CjkFont; currency?: string }): Promise<Buffer> {
  const font = options.font ?? findCjkFont();
  const currency = options.currency ?? 'CNY';
  const { doc, finish } = startPdf({ title: `Dashboard ${s.from} – ${s.to}`, margin: 50, font });

  doc.fontSize(18).text('服务保障数据看板 Assurance dashboard');
  doc.moveDown(0.3).fontSize(10).fillColor('#555').text(`${s.from} – ${s.to} · ${options.filters || '全部 all'} · ${options.generatedAt}`);
  doc.fillColor('#000').moveDown();
  const row = (label: string, value: string | number) => doc.fontSize(11).text(`${label}: `, { continued: true }).text(String(value));
  const counts = (title: string, items: Counted[]) => {
    doc.moveDown(0.5).fontSize(13).text(title);
    if (items.length === 0) doc.fontSize(10).text('— none');
    for (const i of items) doc.fontSize(10).text(`${i.key || '(none)'}: ${i.count}`);
  };
  row('工单 Cases', s.totalCases);
  row('首次响应达标率 First-response SLA', `${s.sla.compliancePercent}% (met ${s.sla.met}, breached ${s.sla.breached}, running ${s.sla.pending})`);
  row('升级 Escalations', s.escalations.count);
  row('退款 Refunds', `${s.refunds.count}, ${currency} ${s.refunds.amount}, rejected ${s.refunds.rejected}`);
  row('故障补偿 Compensation', `${s.compensation.claims}, ${s.compensation.minutes} min, ${currency} ${s.compensation.amount}, rejected ${s.compensation.rejected}`);
  row('投诉 Complaints', s.complaints.count);
  counts('渠道 By channel', s.byChannel);
  counts('类别 By category', s.byCategory);
  counts('级别 By severity', s.bySeverity);
  counts('驳回原因 Rejection reasons', s.refunds.rejectionReasons);
  counts('补偿排除 Compensation exclusions', s.compensation.exclusionReasons);
  doc.moveDown(0.5).fontSize(13).text('坐席 Per agent');
  for (const a of s.agents) {
    doc.fontSize(10).text(`${a.agent}: cases ${a.cases}, refunds ${a.refunds}, compensation ${a.compensation}, complaints ${a.complaints}, response met ${a.firstResponseMet} / breached ${a.firstResponseBreached}`);
  }
  return finish();
}
