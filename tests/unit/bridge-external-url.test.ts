import { describe, expect, it } from 'vitest';
import { channels } from '../../shared/bridge';
import { externalWebUrl, isExternalWebUrl } from '../../shared/bridge/external-url';

const allowed = [
  'https://example.org/help',
  'http://example.org:8080/a?b=c#d',
  'https://例子.测试/路径',
  'https://10.0.0.5/', // another computer on the LAN is not this one
  'https://[2001:db8::1]/',
  'https://localhost.example.com/', // only the localhost name itself and its subdomains are local
  'https://127.0.0.1.example.com/',
];

const refused = [
  // Not the web.
  'mailto:help@example.org',
  'file:///C:/Windows/system32/calc.exe',
  'javascript:alert(1)',
  'smb://host/share',
  'wings://app/',
  'ftp://example.org/',
  'data:text/html,hi',
  'not a url',
  '',
  // This computer, by name.
  'http://localhost/',
  'http://LOCALHOST:4455/api/setup',
  'http://localhost./',
  'http://hub.localhost/',
  'http://a.b.localhost./',
  // Loopback and "this host" addresses, in every spelling the parser folds into them.
  'http://127.0.0.1:4455/',
  'http://127.255.255.254/',
  'http://2130706433/',
  'http://0x7f.1/',
  'http://0177.0.0.1/',
  'http://127.1/',
  'http://0.0.0.0:4455/',
  'http://0/',
  'http://[::1]/',
  'http://[0:0:0:0:0:0:0:1]/',
  'http://[::]/',
  'http://[::ffff:127.0.0.1]/',
  'http://[::ffff:7f00:1]/',
  'http://[::ffff:0.0.0.0]/',
  'http://[::127.0.0.1]/',
  // Credentials: `https://bank.example@evil.example/` shows one host and opens another.
  'https://bank.example@evil.example/',
  'https://user:pass@example.org/',
  'https://:pass@example.org/',
];

describe('isExternalWebUrl', () => {
  it.each(allowed)('opens %s', (url) => expect(isExternalWebUrl(url)).toBe(true));
  it.each(refused)('refuses %s', (url) => expect(isExternalWebUrl(url)).toBe(false));

  it('hands on the parsed form, so the OS gets exactly what was checked', () => {
    expect(externalWebUrl('HTTPS://Example.ORG/a b')).toBe('https://example.org/a%20b');
    expect(externalWebUrl('https://exa\nmple.org/')).toBe('https://example.org/');
    expect(externalWebUrl('http://127.0.0.1/')).toBeNull();
  });
});

describe('the shell.openExternal channel', () => {
  const input = channels['shell.openExternal'].input;
  it('accepts exactly what isExternalWebUrl accepts', () => {
    for (const url of allowed) expect(input.safeParse({ url }).success).toBe(true);
    for (const url of refused) expect(input.safeParse({ url }).success).toBe(false);
  });

  it('still caps the length', () => {
    expect(input.safeParse({ url: `https://example.org/${'a'.repeat(3000)}` }).success).toBe(false);
  });
});
