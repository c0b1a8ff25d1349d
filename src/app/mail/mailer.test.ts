import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.js';
import { ConfigError, loadConfig } from '../../config.js';
import { meetingIcs } from '../governance/documents/meeting-ics.js';
import { createMailer, sendMany, type Mailer, type OutgoingMail } from './mailer.js';

const refused = 'nobody@chiba.example.jp';
let server: TestSmtpServer;
let mailer: Mailer;

beforeAll(async () => {
  server = await startSmtpServer({ refuse: (address) => address === refused });
  const configured = createMailer({ smtpUrl: server.url, from: 'ワーカーズコープちば <office@chiba.example.jp>' });
  if (configured === null) throw new Error('a mailer with an SMTP URL');
  mailer = configured;
});

afterAll(async () => {
  await mailer.close();
  await server.stop();
});

afterEach(() => {
  server.received.length = 0;
});

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a]), Buffer.from('%%EOF\n')]);
const ics = meetingIcs(
  {
    meetingId: 'mtg-2027-general',
    title: '第8回通常総会',
    startsAt: '2027-06-20T04:30:00Z',
    endsAt: null,
    place: '千葉市文化センター 5階 会議室',
    onlineUrl: null,
    agenda: ['第1号議案 2026年度事業報告及び決算承認の件'],
    organizerName: '菊地 謙',
    organizerEmail: 'office@chiba.example.jp',
    sequence: 0,
  },
  new Date('2027-06-01T00:00:00Z'),
);

function buildNotice(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    to: '髙橋 和子 <kazuko@chiba.example.jp>',
    subject: '【ワーカーズコープちば】第8回通常総会 招集ご通知',
    text: '組合員各位\n\n第8回通常総会を下記のとおり開催いたします。𠮷田さんもご出席ください。\n',
    html: '<p>組合員各位</p><p>第8回通常総会を下記のとおり開催いたします。</p>',
    attachments: [{ filename: '第8回通常総会_招集通知.pdf', content: pdf, contentType: 'application/pdf' }],
    icalEvent: { method: 'REQUEST', content: ics },
    ...overrides,
  };
}

describe('mail over SMTP', () => {
  it('delivers a Japanese notice with its calendar invitation and PDF intact', async () => {
    const result = await mailer.send(buildNotice());
    expect(result).toMatchObject({ accepted: ['kazuko@chiba.example.jp'], rejected: [] });

    const [mail] = await server.waitFor(1);
    expect(mail?.envelope).toEqual({ from: 'office@chiba.example.jp', to: ['kazuko@chiba.example.jp'] });
    const parsed = mail!.parsed;
    expect(parsed.subject).toBe('【ワーカーズコープちば】第8回通常総会 招集ご通知');
    expect(parsed.from?.value).toEqual([{ name: 'ワーカーズコープちば', address: 'office@chiba.example.jp' }]);
    expect(parsed.text).toContain('𠮷田さんもご出席ください。');
    expect(parsed.html).toContain('第8回通常総会を下記のとおり開催いたします。');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');

    // The headers themselves are plain ASCII (RFC 2047 words), whatever the client.
    const rawHeaders = mail!.raw.toString('latin1').split('\r\n\r\n')[0] ?? '';
    expect(rawHeaders).not.toMatch(/[^\x00-\x7f]/);

    // The invitation travels as a text/calendar part with its method, which is what calendar clients look for.
    expect(mail!.raw.toString('utf8')).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const calendar = parsed.attachments.find((attachment) => attachment.contentType === 'text/calendar');
    expect(calendar).toBeDefined();
    const calendarText = calendar!.content.toString('utf8');
    expect(calendarText).toBe(ics);
    expect(calendarText).toContain('METHOD:REQUEST\r\n');
    expect(calendarText).toContain('UID:mtg-2027-general@kyodo\r\n');
    expect(calendarText).toContain('DTSTART:20270620T043000Z\r\n');

    const attachment = parsed.attachments.find((part) => part.contentType === 'application/pdf');
    expect(attachment?.filename).toBe('第8回通常総会_招集通知.pdf');
    expect(attachment?.content.equals(pdf)).toBe(true);
  });

  it('reports a refused recipient as rejected and goes on with the others', async () => {
    const messages = [
      buildNotice({ to: 'kazuko@chiba.example.jp' }),
      buildNotice({ to: `名無し <${refused}>` }),
      buildNotice({ to: 'hitoshi@chiba.example.jp', icalEvent: undefined, attachments: [] }),
    ];
    const single = await mailer.send(messages[1]!);
    expect(single.accepted).toEqual([]);
    expect(single.rejected).toEqual([refused]);
    expect(single.rejectedResponses?.[refused]).toMatch(/^550 /);

    const outcomes = await sendMany(mailer, messages, { concurrency: 2 });
    expect(outcomes).toEqual([
      { to: 'kazuko@chiba.example.jp', status: 'sent' },
      { to: `名無し <${refused}>`, status: 'rejected', reason: expect.stringMatching(/^550 .*No such user here/) },
      { to: 'hitoshi@chiba.example.jp', status: 'sent' },
    ]);
    const received = await server.waitFor(2);
    expect(received.flatMap((mail) => mail.envelope.to).sort()).toEqual(['hitoshi@chiba.example.jp', 'kazuko@chiba.example.jp']);
  });

  it('sends a batch a few at a time, each recipient once, in the order given', async () => {
    const addresses = Array.from({ length: 23 }, (_, i) => `member${String(i + 1).padStart(3, '0')}@chiba.example.jp`);
    let inFlight = 0;
    let most = 0;
    const counting: Mailer = {
      async send(message) {
        inFlight++;
        most = Math.max(most, inFlight);
        try {
          return await mailer.send(message);
        } finally {
          inFlight--;
        }
      },
      close: () => mailer.close(),
    };
    const outcomes = await sendMany(counting, addresses.map((to) => buildNotice({ to })));
    expect(outcomes.map((outcome) => outcome.to)).toEqual(addresses);
    expect(outcomes.every((outcome) => outcome.status === 'sent')).toBe(true);
    expect(most).toBeLessThanOrEqual(5);
    expect(most).toBeGreaterThan(1);
    const received = await server.waitFor(addresses.length);
    expect(received.flatMap((mail) => mail.envelope.to).sort()).toEqual(addresses);
  });

  it('reports a server that cannot be reached for every recipient, without throwing', async () => {
    const gone = await startSmtpServer();
    await gone.stop();
    const unreachable = createMailer({ smtpUrl: gone.url, from: 'office@chiba.example.jp' }, { connectionTimeoutMs: 2_000 })!;
    try {
      await expect(unreachable.send(buildNotice())).rejects.toThrow();
      const outcomes = await sendMany(unreachable, [buildNotice({ to: 'a@chiba.example.jp' }), buildNotice({ to: 'b@chiba.example.jp' }), buildNotice({ to: 'c@chiba.example.jp' })], {
        concurrency: 1,
      });
      expect(outcomes.map((outcome) => [outcome.to, outcome.status])).toEqual([
        ['a@chiba.example.jp', 'failed'],
        ['b@chiba.example.jp', 'failed'],
        ['c@chiba.example.jp', 'failed'],
      ]);
      for (const outcome of outcomes) expect(outcome).toMatchObject({ reason: expect.stringMatching(/ECONNREFUSED|connect/i) });
    } finally {
      await unreachable.close();
    }
  });

  it('is off without SMTP_URL: there is no mailer, and the caller knows it', () => {
    expect(createMailer({ smtpUrl: null, from: 'Kyodo <no-reply@localhost>' })).toBeNull();
  });
});

describe('mail settings', () => {
  it('are off by default, with a local sender', () => {
    expect(loadConfig({}).mail).toEqual({ smtpUrl: null, from: 'Kyodo <no-reply@localhost>' });
  });

  it('take an smtp:// or smtps:// URL and a sender', () => {
    const mail = loadConfig({ SMTP_URL: ' smtps://office%40chiba:p%40ss@mail.example.jp:465 ', MAIL_FROM: 'ワーカーズコープちば <office@chiba.example.jp>' }).mail;
    expect(mail).toEqual({ smtpUrl: 'smtps://office%40chiba:p%40ss@mail.example.jp:465', from: 'ワーカーズコープちば <office@chiba.example.jp>' });
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }).mail.smtpUrl).toBe('smtp://127.0.0.1:2525');
  });

  it('refuse another scheme, a URL without a host, and a sender that is not one address', () => {
    expect(() => loadConfig({ SMTP_URL: 'https://mail.example.jp' })).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_URL: 'mail.example.jp:587' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://' })).toThrow(ConfigError);
    expect(() => loadConfig({ MAIL_FROM: 'Kyodo' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ MAIL_FROM: 'a@example.jp\r\nBcc: all@example.jp' })).toThrow(ConfigError);
  });

  it('never repeat the password of a URL they refuse', () => {
    expect(() => loadConfig({ SMTP_URL: 'ftp://office:s3cret@mail.example.jp' })).toThrow(/^(?!.*s3cret)/);
  });
});
