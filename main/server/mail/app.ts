// The mail channel's calls: a manager's settings (shared with the phone system's token),
// a fetch on demand, agents' replies from a case, mail kept aside for a supervisor.
import type { CaseRecord } from '../../../shared/domain/case.js';
import type { Handlers } from '../context.js';
import { DeskError, notFound } from '../errors.js';
import type { SetAsideMail } from '../../../shared/contract/channels.js';
import { newCtiToken, readChannelSecrets, toSettingsView, writeChannelSecrets } from './channel-secrets.js';
import { fetchMail, lastFetchOf } from './fetcher.js';
import { mailOf, sendFromCase } from './mail-cases.js';
import { CASES, CHANNEL_SETTINGS, MAIL_SET_ASIDE } from '../../../shared/domain/entities.js';

export const mailHandlers: Pick<Handlers, 'channels.settings' | 'channels.update' | 'mail.fetchNow' | 'mail.reply' | 'mail.setAside'> = {
  'channels.settings': async (_input, { secrets, store }) => toSettingsView(await readChannelSecrets(secrets), lastFetchOf(store)),

  async 'channels.update'(input, ctx) {
    const current = await readChannelSecrets(ctx.secrets);
    const next = { ...current };
    if (input.imap !== undefined) next.imap = input.imap && { ...input.imap, password: input.imap.password ?? current.imap?.password ?? '' };
    if (input.smtp !== undefined) next.smtp = input.smtp && { ...input.smtp, password: input.smtp.password ?? current.smtp?.password ?? '' };
    if (input.newCtiToken) next.ctiToken = newCtiToken();
    await writeChannelSecrets(ctx.secrets, next);
    // The audit says who changed which channel, never the passwords or the token.
    const changed = [input.imap !== undefined && 'mailbox', input.smtp !== undefined && 'smtp', input.newCtiToken && 'cti token'].filter(Boolean);
    const record = { id: 'desk', updatedAt: ctx.now().toISOString(), updatedBy: ctx.operator.username, changed };
    ctx.store.append({ actor: ctx.operator.username, action: 'channels.updated', reason: changed.join(', '), changes: [{ entity: CHANNEL_SETTINGS, id: 'desk', op: 'put', record }] });
    return { ...toSettingsView(next, lastFetchOf(ctx.store)), ...(input.newCtiToken ? { newCtiToken: next.ctiToken! } : {}) };
  },

  async 'mail.fetchNow'(_input, ctx) {
    if (ctx.team) throw new DeskError('conflict', 'this desk is joined to a team server, which fetches the mail');
    try {
      return await fetchMail(ctx);
    } catch (error) {
      throw new DeskError('conflict', `the mailbox could not be read: ${error instanceof Error ? error.message : String(error)}`, 'imap');
    }
  },

  async 'mail.reply'(input, ctx) {
    const record = ctx.store.get<CaseRecord>(CASES, input.id);
    if (!record) throw notFound('case', 'id');
    const subject = mailOf(record)?.messages[0]?.subject ?? record.summary;
    // A mail contact is finished once answered; other case types keep their own workflow.
    const answered = record.type === 'call' && record.status === 'open' ? { status: 'logged' } : {};
    return sendFromCase(ctx, record, { kind: 'reply', subject, text: input.text, actor: ctx.operator.username, action: 'mail.replied', ...answered });
  },

  'mail.setAside': (_input, { store }) => store.all<SetAsideMail & { [k: string]: unknown }>(MAIL_SET_ASIDE).reverse(),
};
