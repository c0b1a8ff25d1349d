import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type { MailConfig } from '../../config.js';

/**
 * Outgoing mail over SMTP: notices of meetings (招集通知) with their PDF and a calendar invitation, one message per
 * recipient. Subjects, bodies and file names are UTF-8 throughout; nodemailer encodes headers as RFC 2047 words.
 */

export interface MailAttachment {
  filename: string;
  content: Buffer | string;
  contentType: string;
}

export interface OutgoingMail {
  /** One recipient: `kazuko@example.jp` or `髙橋 和子 <kazuko@example.jp>`. */
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  /** An iCalendar object (meetingIcs) sent as the text/calendar alternative, so calendar clients offer to accept it. */
  icalEvent?: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; content: string; filename?: string };
}

export interface SendResult {
  accepted: string[];
  rejected: string[];
  /** What the server answered for each rejected address, when it said. */
  rejectedResponses?: Record<string, string>;
}

export interface Mailer {
  /** Resolves with the addresses the server accepted and refused; rejects only when the message could not be handed over at all. */
  send(message: OutgoingMail): Promise<SendResult>;
  /** Closes the pooled connections. */
  close(): Promise<void>;
}

export interface MailerOptions {
  /** Simultaneous SMTP connections of the pool. */
  maxConnections?: number;
  connectionTimeoutMs?: number;
  socketTimeoutMs?: number;
}

/**
 * The mailer for the configured SMTP server, or null when SMTP_URL is not set: the caller then knows that nothing
 * can be sent, and says so, rather than failing later.
 */
export function createMailer(config: MailConfig, options: MailerOptions = {}): Mailer | null {
  if (config.smtpUrl === null) return null;
  const transportOptions: SMTPPool.Options = {
    // The URL's own settings (host, port, user, password, ?tls.* parameters) win over these.
    url: config.smtpUrl,
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: 100,
    connectionTimeout: options.connectionTimeoutMs ?? 10_000,
    greetingTimeout: options.connectionTimeoutMs ?? 10_000,
    socketTimeout: options.socketTimeoutMs ?? 30_000,
  };
  const transport = nodemailer.createTransport(transportOptions);

  return {
    async send(message) {
      try {
        const info = await transport.sendMail({
          from: config.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html === undefined ? {} : { html: message.html }),
          attachments: (message.attachments ?? []).map((attachment) => ({ ...attachment })),
          ...(message.icalEvent === undefined
            ? {}
            : { icalEvent: { method: message.icalEvent.method, content: message.icalEvent.content, filename: message.icalEvent.filename ?? 'invitation.ics' } }),
          // Notices are sent by the system: vacation responders should not answer them (RFC 3834).
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
        return { accepted: info.accepted.map(addressOf), rejected: info.rejected.map(addressOf), rejectedResponses: responsesOf(info.rejectedErrors) };
      } catch (error) {
        // Every recipient refused: nodemailer fails the message, but for the caller that is an answer, not a breakdown.
        if (isEnvelopeRejection(error)) return { accepted: [], rejected: error.rejected.map(addressOf), rejectedResponses: responsesOf(error.rejectedErrors) };
        throw error;
      }
    },
    async close() {
      transport.close();
    },
  };
}

export type MailOutcome =
  | { to: string; status: 'sent' }
  | { to: string; status: 'rejected'; reason: string }
  /** Not handed over: the server could not be reached, refused the login, or the connection broke. */
  | { to: string; status: 'failed'; reason: string };

/**
 * Sends each message with at most `concurrency` in flight, and tells for each recipient, in the order given, whether
 * the server took it. Never throws for one message: a refused address is `rejected`, a connection failure `failed`.
 * Once the server proves unreachable (or refuses the login), the messages not yet tried fail with the same reason
 * instead of each waiting for its own timeout.
 */
export async function sendMany(mailer: Mailer, messages: OutgoingMail[], options: { concurrency?: number } = {}): Promise<MailOutcome[]> {
  const concurrency = Math.max(1, options.concurrency ?? 5);
  const outcomes: MailOutcome[] = new Array<MailOutcome>(messages.length);
  let next = 0;
  let unreachable: string | null = null;

  async function worker(): Promise<void> {
    while (next < messages.length) {
      const index = next++;
      const message = messages[index];
      if (message === undefined) continue;
      if (unreachable !== null) {
        outcomes[index] = { to: message.to, status: 'failed', reason: unreachable };
        continue;
      }
      try {
        const result = await mailer.send(message);
        outcomes[index] =
          result.accepted.length > 0
            ? { to: message.to, status: 'sent' }
            : { to: message.to, status: 'rejected', reason: Object.values(result.rejectedResponses ?? {})[0] ?? 'refused by the mail server' };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (isConnectionFailure(error)) unreachable = reason;
        outcomes[index] = { to: message.to, status: 'failed', reason };
      }
    }
  }

  await Promise.all(Array.from({ length: Math.min(concurrency, messages.length) }, () => worker()));
  return outcomes;
}

// ---------------------------------------------------------------------------------------------------------------
// What nodemailer reports

type Address = string | { address: string };

function addressOf(address: Address): string {
  return typeof address === 'string' ? address : address.address;
}

function responsesOf(errors: unknown): Record<string, string> {
  const responses: Record<string, string> = {};
  if (!Array.isArray(errors)) return responses;
  for (const error of errors as unknown[]) {
    if (typeof error === 'object' && error !== null && 'recipient' in error && typeof error.recipient === 'string') {
      responses[error.recipient] = 'response' in error && typeof error.response === 'string' ? error.response : 'refused by the mail server';
    }
  }
  return responses;
}

function errorCode(error: unknown): string | null {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : null;
}

function isEnvelopeRejection(error: unknown): error is Error & { rejected: Address[]; rejectedErrors?: unknown } {
  return errorCode(error) === 'EENVELOPE' && typeof error === 'object' && error !== null && 'rejected' in error && Array.isArray(error.rejected);
}

/** nodemailer's codes for a server that cannot be reached, spoken to securely, or logged in to. */
const connectionCodes = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EAUTH', 'ECONNREFUSED']);

function isConnectionFailure(error: unknown): boolean {
  const code = errorCode(error);
  return code !== null && connectionCodes.has(code);
}
