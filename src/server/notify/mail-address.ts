/**
 * What a customer's e-mail address must be before anything is sent to it: one plain addr-spec
 * (local@domain), no display name, no list, no comment, no quotes, no control characters. nodemailer
 * reads a `to` string as an address list with display names, so "a@x.jp, b@evil.example" reaches
 * both and an embedded line break turns the rest into a group of other recipients.
 */
import addressparser from 'nodemailer/lib/addressparser';
import { z } from 'zod';

/** RFC 5321's limits: a path of 256 octets, brackets included; a local part of 64. */
const MAX_ADDRESS_LENGTH = 254;
const MAX_LOCAL_PART_LENGTH = 64;

/**
 * Whether `text` is exactly one sendable address. The shape is the WHATWG one (input type=email: an
 * RFC 5322 dot-atom local part and a host name, ASCII only, nothing quoted), with RFC 5322's rule
 * that the local part's dots separate atoms; nodemailer must then read the same single mailbox back.
 */
export function isPlainMailAddress(text: string): boolean {
  if (text.length > MAX_ADDRESS_LENGTH || !z.regexes.html5Email.test(text)) return false;
  const local = text.slice(0, text.lastIndexOf('@'));
  if (local.length > MAX_LOCAL_PART_LENGTH || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  const parsed = addressparser(text);
  return parsed.length === 1 && parsed[0].group === undefined && parsed[0].name === '' && parsed[0].address === text;
}

/** An address cell as the back office may type it: full-width letters and surrounding spaces folded. */
export function normaliseMailAddress(text: string): string {
  return text.normalize('NFKC').trim();
}

/** A value shown in a message: control characters (a smuggled line break) made visible, quotes kept. */
export function visibleAddress(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
