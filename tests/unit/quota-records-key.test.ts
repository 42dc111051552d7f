import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCertificate, sealCertificate } from '../../server/quota/certificate-store';
import { loadRecordsKey, recordsKeyFileName, recordsKeyFor } from '../../server/quota/records-key';

const number = '11010519491231002X41';

describe('the records key and sealed certificates', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'wings-records-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('makes the key on first use only, 0600, and reads the same key back', () => {
    const d = dir();
    const key = recordsKeyFor(d);
    expect(() => statSync(join(d, recordsKeyFileName))).toThrow();
    const first = key();
    expect(first).toHaveLength(32);
    if (process.platform !== 'win32') expect(statSync(join(d, recordsKeyFileName)).mode & 0o777).toBe(0o600);
    expect(recordsKeyFor(d)().equals(first)).toBe(true);
  });

  it('refuses a damaged key file rather than making a new key', () => {
    const d = dir();
    writeFileSync(join(d, recordsKeyFileName), 'not a key\n');
    expect(() => loadRecordsKey(join(d, recordsKeyFileName))).toThrow(/damaged/);
    expect(readFileSync(join(d, recordsKeyFileName), 'utf8')).toBe('not a key\n');
  });

  it('seals with a fresh IV, opens only under its key, and refuses an altered value', () => {
    const key = recordsKeyFor(dir())();
    const a = sealCertificate(key, number);
    const b = sealCertificate(key, number);
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64').includes(Buffer.from(number))).toBe(false);
    expect(openCertificate(key, a)).toBe(number);
    expect(() => openCertificate(recordsKeyFor(dir())(), a)).toThrow();
    const bytes = Buffer.from(a, 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => openCertificate(key, bytes.toString('base64'))).toThrow();
    expect(() => openCertificate(key, 'AAAA')).toThrow(/too short/);
  });
});
