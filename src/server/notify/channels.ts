/**
 * The ways a notification leaves: e-mail (SMTP, or an .eml file when nothing is configured) and a
 * Standard Webhooks POST. Each send is keyed by the receipt, so a receiver can drop a repeat.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { Webhook } from 'standardwebhooks';
import { mailMode, type NotifyConfig } from './config.js';
import { isPlainMailAddress, visibleAddress } from './mail-address.js';
import { messageIdOf, renderReturnMail } from './return-mail.js';
import { renderShippedMail, shippedMessageIdOf } from './shipped-mail.js';
import type { NotificationKind } from '../db/tables/returns.js';
import type { ReturnNotice } from './return-notice.js';
import type { ShippedNotice } from './shipped-notice.js';

/** A failure that no retry can fix (no e-mail address): the row goes dead at once. */
export class PermanentNotifyError extends Error {}

/** One way out. `send` (a return receipt) and `sendShipped` resolve once the receiver has accepted the message. */
export interface Channel {
  name: 'mail' | 'webhook';
  send(notice: ReturnNotice, signal?: AbortSignal): Promise<void>;
  /** Present on the channels that carry parcel.shipped (the shop's webhook). */
  sendShipped?(notice: ShippedNotice, signal?: AbortSignal): Promise<void>;
}

/**
 * Who hears of each kind, and how: a return receipt goes to the customer (mail) and the shop (webhook);
 * a shipped parcel to the shop only (the shop sends its own 出荷完了 mail with the tracking number).
 */
export const CHANNELS_OF_KIND: Record<NotificationKind, readonly Channel['name'][]> = {
  'return.received': ['mail', 'webhook'],
  'parcel.shipped': ['webhook', 'mail'],
};

/** SMTP timeouts (ms): well inside the claim lease, so a hung server cannot outlive our claim. */
const SMTP_TIMEOUT_MS = 30_000;
/** The webhook receiver must answer within this. */
const WEBHOOK_TIMEOUT_MS = 15_000;

/** The channels the configuration enables, in sending order (mail first). */
export function channelsOf(config: NotifyConfig): Channel[] {
  const channels: Channel[] = [];
  const mode = mailMode(config);
  if (mode !== 'none') channels.push(mode === 'smtp' ? smtpChannel(config) : fileChannel(config));
  if (config.webhookUrl) channels.push(webhookChannel(config));
  return channels;
}

/**
 * The one mailbox a receipt goes to, as an object nodemailer never re-parses: a string would be read
 * as a list with display names. An address the import would refuse today (stored before the import
 * checked it) is never sent to: the notification dies with the reason, shown in the console.
 */
function recipientOf(notice: ReturnNotice, email: string): { name: string; address: string } {
  if (!isPlainMailAddress(email)) {
    throw new PermanentNotifyError(
      `customer ${notice.customerId}'s e-mail address "${visibleAddress(email)}" is not one plain address; nothing was sent (fix it in the back office and import the shipment again)`,
    );
  }
  // A control character in the name could only break the header; the name is a courtesy, the address decides.
  return { name: notice.customerName.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim(), address: email };
}

function mailOptions(notice: ReturnNotice, config: NotifyConfig, email: string) {
  const mail = renderReturnMail(notice);
  return {
    from: config.mailFrom,
    to: recipientOf(notice, email),
    subject: mail.subject,
    text: mail.text,
    messageId: messageIdOf(notice.receiptId, config.mailFrom),
    date: new Date(notice.receivedAt),
    headers: { 'Content-Language': mail.lang },
  };
}

/** The shipped mail to the shop's list, each address as an object nodemailer never re-parses. */
function shippedMailOptions(notice: ShippedNotice, config: NotifyConfig) {
  const mail = renderShippedMail(notice);
  return {
    from: config.mailFrom,
    to: (config.shippedMailTo ?? []).map((address) => ({ name: '', address })),
    subject: mail.subject,
    text: mail.text,
    messageId: shippedMessageIdOf(notice.shipmentId, config.mailFrom),
    headers: { 'Content-Language': 'ja' },
  };
}

function smtpChannel(config: NotifyConfig): Channel {
  const transport = nodemailer.createTransport({
    url: config.smtpUrl!,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    name: 'mail',
    async send(notice) {
      if (!notice.email) throw new PermanentNotifyError(`customer ${notice.customerId} has no e-mail address`);
      await transport.sendMail(mailOptions(notice, config, notice.email));
    },
    ...(config.shippedMailTo?.length ? { sendShipped: async (notice: ShippedNotice) => void (await transport.sendMail(shippedMailOptions(notice, config))) } : {}),
  };
}

function fileChannel(config: NotifyConfig): Channel {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    name: 'mail',
    async send(notice) {
      // The file shows what the customer would receive, even one with no address (it is named by the receipt).
      const info = await transport.sendMail(mailOptions(notice, config, notice.email ?? 'no-address@customer.invalid'));
      mkdirSync(config.mailDir!, { recursive: true });
      // Named by the receipt and written by rename: a resend replaces the same file, never adds one.
      const file = path.join(config.mailDir!, `return-${notice.receiptId}.eml`);
      writeFileSync(`${file}.tmp`, info.message as Buffer);
      renameSync(`${file}.tmp`, file);
    },
    ...(config.shippedMailTo?.length
      ? {
          async sendShipped(notice: ShippedNotice) {
            const info = await transport.sendMail(shippedMailOptions(notice, config));
            mkdirSync(config.mailDir!, { recursive: true });
            const file = path.join(config.mailDir!, `shipped-${encodeURIComponent(notice.shipmentId)}.eml`);
            writeFileSync(`${file}.tmp`, info.message as Buffer);
            renameSync(`${file}.tmp`, file);
          },
        }
      : {}),
  };
}

/** The webhook-id of a receipt: the same on every retry, so the receiver can drop repeats. */
function webhookIdOf(receiptId: string): string {
  return `msg_return_${receiptId}`;
}

/** The JSON body sent to the webhook (no e-mail address: the platform knows its customers). */
function webhookBodyOf(notice: ReturnNotice, at: Date): string {
  const { email: _email, locale: _locale, ...data } = notice;
  return JSON.stringify({ type: 'return.received', timestamp: at.toISOString(), data });
}

function webhookChannel(config: NotifyConfig): Channel {
  const signer = new Webhook(config.webhookSecret!);
  return {
    name: 'webhook',
    async send(notice, signal) {
      const at = new Date();
      await postSigned(config, signer, webhookIdOf(notice.receiptId), at, webhookBodyOf(notice, at), signal);
    },
    async sendShipped(notice, signal) {
      const at = new Date();
      // Keyed by the parcel: a repeat after a crash carries the same webhook-id, so the shop can drop it.
      const body = JSON.stringify({ type: 'parcel.shipped', timestamp: at.toISOString(), data: notice });
      await postSigned(config, signer, `msg_shipped_${notice.shipmentId}`, at, body, signal);
    },
  };
}

/** One Standard Webhooks POST; resolves when the receiver answered 2xx. */
async function postSigned(config: NotifyConfig, signer: Webhook, id: string, at: Date, body: string, signal: AbortSignal | undefined): Promise<void> {
  const res = await fetch(config.webhookUrl!, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': signer.sign(id, at, body),
    },
    body,
    signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)]) : AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  });
  await res.body?.cancel();
  if (!res.ok) throw new Error(`webhook answered ${res.status}`);
}
