import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/shared/errors.js';
import {
  addKey, formatKeyring, generateKeyring, keyFilePath, keySource, loadKeyring, retainOnly, saveKeyringFile, seal, sealedKeyId, unseal,
} from './keyring.js';
import { sealContext } from './sealed-columns.js';

const identity = JSON.stringify({ familyName: '山田', givenName: '花子', familyNameKana: 'ヤマダ', givenNameKana: 'ハナコ', address: '千葉県千葉市中央区１－２－３' });
const here = sealContext('participants', 'sealed', '0195f0a2-0000-7000-8000-000000000001');

/** The error a call throws, as DomainError, or null when it returns. */
function failure(call: () => unknown): DomainError | null {
  try {
    call();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

describe('seal and unseal', () => {
  const keyring = generateKeyring(new Date('2026-11-27T00:00:00Z'));

  it('names keys by the day they were made and a random part', () => {
    expect(keyring.activeId).toMatch(/^k20261127-[0-9a-f]{4}$/);
    expect(keyring.keys.get(keyring.activeId)).toHaveLength(32);
  });

  it('gives Japanese text back as it was, under the active key, without showing it', () => {
    const sealed = seal(keyring, identity, here);
    expect(sealed).toMatch(new RegExp(`^kg1\\.${keyring.activeId}\\.[A-Za-z0-9_-]+$`));
    expect(sealed).not.toContain('山田');
    expect(Buffer.from(sealed.split('.')[2]!, 'base64url').toString('utf8')).not.toContain('山田');
    expect(sealedKeyId(sealed)).toBe(keyring.activeId);
    expect(unseal(keyring, sealed, here)).toBe(identity);
    expect(unseal(keyring, seal(keyring, '', here), here)).toBe('');
  });

  it('seals the same text differently each time (a fresh IV)', () => {
    const a = seal(keyring, identity, here);
    const b = seal(keyring, identity, here);
    expect(a).not.toBe(b);
    expect(unseal(keyring, a, here)).toBe(unseal(keyring, b, here));
  });

  it('does not open a value moved to another row or column', () => {
    const sealed = seal(keyring, identity, here);
    for (const elsewhere of [sealContext('participants', 'sealed', '0195f0a2-0000-7000-8000-000000000002'), sealContext('support_plans', 'sealed', '0195f0a2-0000-7000-8000-000000000001')]) {
      const error = failure(() => unseal(keyring, sealed, elsewhere));
      expect(error?.code).toBe('data_unreadable');
      expect(error?.message).not.toContain('山田');
    }
  });

  it('refuses a changed or truncated value', () => {
    const sealed = seal(keyring, identity, here);
    const bytes = Buffer.from(sealed.split('.')[2]!, 'base64url');
    for (const at of [0, 12, bytes.length - 1]) {
      const tampered = Buffer.from(bytes);
      tampered[at] = tampered[at]! ^ 0x01;
      expect(failure(() => unseal(keyring, `kg1.${keyring.activeId}.${tampered.toString('base64url')}`, here))?.code).toBe('data_unreadable');
    }
    expect(failure(() => unseal(keyring, `kg1.${keyring.activeId}.${bytes.subarray(0, 20).toString('base64url')}`, here))?.code).toBe('data_unreadable');
    expect(failure(() => unseal(keyring, '山田花子', here))?.code).toBe('data_unreadable');
  });

  it('names the key a value needs when the keyring does not hold it', () => {
    const sealed = seal(keyring, identity, here);
    const other = generateKeyring();
    const error = failure(() => unseal(other, sealed, here));
    expect(error?.code).toBe('data_key_unknown');
    expect(error?.message).toContain(keyring.activeId);
    expect(error?.message).not.toContain('山田');
  });

  it('keeps old keys for reading after a new one is added, until they are retired', () => {
    const sealed = seal(keyring, identity, here);
    const rotated = addKey(keyring);
    expect(rotated.activeId).not.toBe(keyring.activeId);
    expect(rotated.keys.size).toBe(2);
    expect(unseal(rotated, sealed, here)).toBe(identity);
    expect(sealedKeyId(seal(rotated, identity, here))).toBe(rotated.activeId);
    const retired = retainOnly(rotated, []);
    expect([...retired.keys.keys()]).toEqual([rotated.activeId]);
    expect(failure(() => unseal(retired, sealed, here))?.code).toBe('data_key_unknown');
    expect(keyring.keys.size).toBe(1);
  });
});

describe('loading the keys', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyodo-keys-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('makes the key file on first use, readable by its owner only, and reads the same keys back', () => {
    const settings = { dataKeys: null, dataKeyFile: null, dataDir };
    expect(loadKeyring({ ...settings, create: false })).toBeNull();
    const made = loadKeyring({ ...settings, create: true })!;
    const file = path.join(dataDir, 'data-keys.json');
    expect(keyFilePath(settings)).toBe(file);
    expect(keySource(settings)).toEqual({ kind: 'file', path: file, description: `file ${file}` });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dataDir)).toEqual(['data-keys.json']);
    const again = loadKeyring({ ...settings, create: true })!;
    expect(again.activeId).toBe(made.activeId);
    expect(again.keys.get(made.activeId)!.equals(made.keys.get(made.activeId)!)).toBe(true);
  });

  it('saves a rotated keyring in place and honours KYODO_DATA_KEY_FILE', () => {
    const file = path.join(dataDir, 'secrets', 'kyodo-keys.json');
    const settings = { dataKeys: null, dataKeyFile: file, dataDir };
    const first = loadKeyring({ ...settings, create: true })!;
    const rotated = addKey(first);
    saveKeyringFile(file, rotated);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['kyodo-keys.json']);
    const loaded = loadKeyring({ ...settings, create: false })!;
    expect(loaded.activeId).toBe(rotated.activeId);
    expect([...loaded.keys.keys()].sort()).toEqual([first.activeId, rotated.activeId].sort());
  });

  it('takes KYODO_DATA_KEYS over any file, in the file format', () => {
    const keyring = addKey(generateKeyring());
    const settings = { dataKeys: formatKeyring(keyring), dataKeyFile: null, dataDir };
    const loaded = loadKeyring({ ...settings, create: true })!;
    expect(loaded.activeId).toBe(keyring.activeId);
    expect(loaded.keys.size).toBe(2);
    expect(keySource(settings)).toMatchObject({ kind: 'environment', path: null });
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('refuses malformed keys clearly, without quoting key material', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const load = (dataKeys: string) => failure(() => loadKeyring({ dataKeys, dataKeyFile: null, dataDir, create: false }));
    expect(load('not json')?.code).toBe('data_keys_invalid');
    expect(load(JSON.stringify({ active: 'k1', keys: {} }))?.message).toMatch(/active key "k1" is not among/);
    expect(load(JSON.stringify({ keys: { k1: key } }))?.message).toMatch(/names no "active" key/);
    const short = Buffer.alloc(16, 7).toString('base64');
    const error = load(JSON.stringify({ active: 'k1', keys: { k1: short } }));
    expect(error?.message).toMatch(/"k1" must be 32 bytes/);
    expect(error?.message).not.toContain(short);
    expect(load(JSON.stringify({ active: 'k.1', keys: { 'k.1': key } }))?.message).toMatch(/letters, digits and hyphens/);
    expect(load(JSON.stringify({ active: 'k1', keys: { k1: key } }))).toBeNull();
    fs.writeFileSync(path.join(dataDir, 'data-keys.json'), '{"active":');
    expect(failure(() => loadKeyring({ dataKeys: null, dataKeyFile: null, dataDir, create: true }))?.message).toContain('data-keys.json');
  });
});
