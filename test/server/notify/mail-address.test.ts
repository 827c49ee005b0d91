/** The one rule for a customer's e-mail address, at its edges. */
import { describe, expect, it } from 'vitest';
import { isPlainMailAddress, normaliseMailAddress, visibleAddress } from '../../../src/server/notify/mail-address.js';

describe('isPlainMailAddress', () => {
  it.each([
    'c100130@example.jp',
    'taro.yamada+returns@mail.example.co.jp',
    "o'brien@example.com",
    'a!#$%&*/=?^_`{|}~-@example.com',
    'x@localhost',
    `${'a'.repeat(64)}@example.jp`,
    `a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(60)}`,
  ])('accepts %s', (address) => {
    expect(isPlainMailAddress(address)).toBe(true);
  });

  it.each([
    ['a list', 'victim@example.com, attacker@evil.example'],
    ['a list with ;', 'victim@example.com;attacker@evil.example'],
    ['a smuggled header', 'victim@example.com\r\nBcc: attacker@evil.example'],
    ['a bare line feed', 'victim@example.com\nattacker@evil.example'],
    ['a tab', 'victim@example.com\t'],
    ['a NUL', 'victim\u0000@example.com'],
    ['a display name', 'Victim <victim@example.com>'],
    ['angle brackets only', '<victim@example.com>'],
    ['a comment', 'victim@example.com (Victim)'],
    ['a quoted local part', '"victim attacker"@example.com'],
    ['a group', 'list: victim@example.com, attacker@evil.example;'],
    ['two @', 'victim@attacker@evil.example'],
    ['no @', 'victim.example.com'],
    ['no local part', '@example.com'],
    ['no domain', 'victim@'],
    ['a leading dot', '.victim@example.com'],
    ['a trailing dot', 'victim.@example.com'],
    ['two dots', 'vic..tim@example.com'],
    ['a dot-ended domain', 'victim@example.com.'],
    ['a hyphen-started label', 'victim@-example.com'],
    ['a space', 'vic tim@example.com'],
    ['non-ASCII', 'たろう@example.jp'],
    ['a 65-octet local part', `${'a'.repeat(65)}@example.jp`],
    ['a 255-octet address', `a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(61)}`],
    ['a 64-octet label', `a@${'b'.repeat(64)}.jp`],
    ['empty', ''],
  ])('refuses %s', (_what, address) => {
    expect(isPlainMailAddress(address)).toBe(false);
  });
});

describe('normaliseMailAddress and visibleAddress', () => {
  it('folds full-width letters and spaces around, and keeps what is inside', () => {
    expect(normaliseMailAddress('　ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ ')).toBe('taro@example.jp');
    expect(normaliseMailAddress(' a@x.jp\r\nBcc: b@y.jp\r\n')).toBe('a@x.jp\r\nBcc: b@y.jp');
  });

  it('shows a smuggled line break instead of breaking the line', () => {
    expect(visibleAddress('a@x.jp\r\nBcc: b@y.jp')).toBe('a@x.jp\\r\\nBcc: b@y.jp');
  });
});
