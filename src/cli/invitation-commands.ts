import fs from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import { systemActor } from '../app/audit/record-audit.js';
import { createMailer } from '../app/mail/mailer.js';
import { createInvitationBatch, runInvitationBatch, type ChannelChoice, type LanguageChoice } from '../app/portal/invitations.js';
import { loadConfig } from '../config.js';
import { cliActor, organizationIdOf, withRuntime } from './commands.js';

/**
 * `kyodo members invite`: invites an organization's current members to the portal at once, e-mailing those with an
 * address (when SMTP_URL is set) and writing the sign-in letters of the others to one PDF, with a progress bar on
 * standard error. The letters go straight to the file as they are drawn: the command keeps no copy in the database
 * nor in memory.
 */
export const runMembersInvite = (options: { organization: string; channel: ChannelChoice; language: LanguageChoice; out: string }) =>
  withRuntime(async (runtime) => {
    const config = loadConfig();
    const organizationId = await organizationIdOf(runtime, options.organization);
    const mailer = createMailer(config.mail);
    try {
      const deps = { mail: { mailer, from: config.mail.from }, signInUrl: `${config.publicUrl}/sign-in/code` };
      const { batchId, total } = await createInvitationBatch(runtime.ctx, cliActor(), systemActor('cli'), deps, organizationId, { channel: options.channel, language: options.language }, { keepLetters: false });
      if (!mailer && options.channel === 'auto') console.error('No mail server is configured (SMTP_URL): every member gets a printed letter.');
      const bar = new SingleBar({ format: 'invitations {bar} {percentage}% | {value}/{total}', stream: process.stderr }, Presets.shades_classic);
      bar.start(total, 0);
      const started = Date.now();
      await runInvitationBatch(runtime.ctx, deps, batchId, { keepLetters: false, outFile: options.out, onProgress: (done) => bar.update(done) });
      bar.stop();
      const batch = await runtime.ctx.db.selectFrom('invitation_batches').select(['emailed', 'lettered']).where('id', '=', batchId).executeTakeFirstOrThrow();
      const lettered = Number(batch.lettered);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`invited ${total.toLocaleString('en')} members in ${seconds} s: ${Number(batch.emailed).toLocaleString('en')} by e-mail, ${lettered.toLocaleString('en')} by letter` +
        (lettered > 0 ? ` (wrote ${options.out}, ${fs.statSync(options.out).size.toLocaleString('en')} bytes)` : ''));
    } finally {
      await mailer?.close();
    }
  });
