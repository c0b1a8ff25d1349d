import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { DomainError } from '../../domain/shared/errors.js';

/**
 * The data keys that seal participants' personal data (APPI special-care information among it) at rest:
 * AES-256-GCM under a 32-byte key kept outside the database, so a copy of the database alone (a backup, a dump)
 * reveals nothing. New values are sealed under the active key; the others stay only to read what they sealed
 * until `kyodo keys reseal` (or `rotate`) has moved everything to the active one.
 */
export interface Keyring {
  activeId: string;
  keys: ReadonlyMap<string, Buffer>;
}

const version = 'kg1';
const keyBytes = 32;
const ivBytes = 12;
const tagBytes = 16;
/** Letters, digits and hyphens: a key id sits between dots in a sealed value and inside a LIKE pattern. */
const keyIdPattern = /^[A-Za-z0-9-]{1,64}$/;

/** A key id that says when the key was made: `k20261127-3f9a`. */
const newKeyId = (now: Date): string => `k${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(2).toString('hex')}`;

export function generateKeyring(now: Date = new Date()): Keyring {
  const id = newKeyId(now);
  return { activeId: id, keys: new Map([[id, randomBytes(keyBytes)]]) };
}

/** A new active key; the old keys stay to read what they sealed. */
export function addKey(keyring: Keyring, now: Date = new Date()): Keyring {
  let id = newKeyId(now);
  while (keyring.keys.has(id)) id = newKeyId(now);
  return { activeId: id, keys: new Map([...keyring.keys, [id, randomBytes(keyBytes)]]) };
}

/** The keyring without the keys not named; the active key is always kept. */
export function retainOnly(keyring: Keyring, ids: Iterable<string>): Keyring {
  const kept = new Set(ids);
  kept.add(keyring.activeId);
  return { activeId: keyring.activeId, keys: new Map([...keyring.keys].filter(([id]) => kept.has(id))) };
}

/** The use cases that read or write sealed data refuse without keys rather than store personal data in the clear. */
export function requireKeyring(ctx: { keyring?: Keyring }): Keyring {
  if (!ctx.keyring) {
    throw new DomainError('rule_violation', 'data_key_missing', 'no data keys are loaded (KYODO_DATA_KEYS or the key file): sealed data can be neither written nor read');
  }
  return ctx.keyring;
}

/**
 * Seals `plaintext` under the active key as `kg1.<keyId>.<base64url(iv | ciphertext | tag)>`. `context` (the
 * place the value is stored, `table.column:rowId`) is authenticated with it, so a value copied to another row or
 * column does not open there.
 */
export function seal(keyring: Keyring, plaintext: string, context: string): string {
  const key = keyOf(keyring, keyring.activeId);
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${version}.${keyring.activeId}.${Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64url')}`;
}

/** Opens a sealed value stored at `context`; a changed, moved or truncated value fails with `data_unreadable`. */
export function unseal(keyring: Keyring, sealed: string, context: string): string {
  const { keyId, payload } = parseSealed(sealed);
  const key = keyOf(keyring, keyId);
  if (payload.length < ivBytes + tagBytes) throw unreadable(keyId);
  const decipher = createDecipheriv('aes-256-gcm', key, payload.subarray(0, ivBytes), { authTagLength: tagBytes });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(payload.subarray(payload.length - tagBytes));
  try {
    return Buffer.concat([decipher.update(payload.subarray(ivBytes, payload.length - tagBytes)), decipher.final()]).toString('utf8');
  } catch {
    throw unreadable(keyId);
  }
}

/** What a keyed digest is for: each purpose has a key of its own, derived from the data key. */
export type DigestPurpose = 'one-time-code';

const digestVersion = 'kh1';
const derivedKeys = new WeakMap<Buffer, Map<DigestPurpose, Buffer>>();

/** The data key's subkey for one purpose (HKDF-SHA256), so that a digest never uses the sealing key itself. */
function purposeKey(key: Buffer, purpose: DigestPurpose): Buffer {
  let byPurpose = derivedKeys.get(key);
  if (!byPurpose) {
    byPurpose = new Map();
    derivedKeys.set(key, byPurpose);
  }
  let derived = byPurpose.get(purpose);
  if (!derived) {
    derived = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `kyodo ${purpose}`, keyBytes));
    byPurpose.set(purpose, derived);
  }
  return derived;
}

const digestUnder = (keyring: Keyring, keyId: string, secret: string, purpose: DigestPurpose): string =>
  `${digestVersion}.${keyId}.${createHmac('sha256', purposeKey(keyOf(keyring, keyId), purpose)).update(secret, 'utf8').digest('base64url')}`;

/**
 * A keyed digest of a short secret (a one-time code of some 60 bits) under the active key, as
 * `kh1.<keyId>.<base64url(HMAC-SHA256)>`. A plain hash of such a secret can be searched for offline by anyone with a
 * copy of the database, for all the stored codes at once; this one cannot be checked without the key, which is kept
 * outside the database. The digest is how the secret is found again: see `keyedDigests`.
 */
export function keyedDigest(keyring: Keyring, secret: string, purpose: DigestPurpose): string {
  return digestUnder(keyring, keyring.activeId, secret, purpose);
}

/** The digests of a secret under every loaded key: what was stored under an older key is found too. */
export function keyedDigests(keyring: Keyring, secret: string, purpose: DigestPurpose): string[] {
  return [...keyring.keys.keys()].map((id) => digestUnder(keyring, id, secret, purpose));
}

/** The LIKE pattern of the digests made under one key (key ids hold no wildcard). */
export const keyedDigestPattern = (keyId: string): string => `${digestVersion}.${keyId}.%`;

/** The id of the key a value was sealed under (without opening it). */
export function sealedKeyId(sealed: string): string {
  return parseSealed(sealed).keyId;
}

function parseSealed(sealed: string): { keyId: string; payload: Buffer } {
  const parts = sealed.split('.');
  if (parts.length !== 3 || parts[0] !== version || !keyIdPattern.test(parts[1]!) || !/^[A-Za-z0-9_-]+$/.test(parts[2]!)) {
    throw new DomainError('rule_violation', 'data_unreadable', 'the stored value is not a sealed value (kg1.<key id>.<data>)');
  }
  return { keyId: parts[1]!, payload: Buffer.from(parts[2]!, 'base64url') };
}

function keyOf(keyring: Keyring, keyId: string): Buffer {
  const key = keyring.keys.get(keyId);
  if (!key) throw new DomainError('rule_violation', 'data_key_unknown', `the data key "${keyId}" is not among the loaded keys: add it back to the key file or KYODO_DATA_KEYS`);
  return key;
}

const unreadable = (keyId: string): DomainError =>
  new DomainError('rule_violation', 'data_unreadable', `a value sealed under key "${keyId}" does not open: it was changed, truncated or moved from another record`);

// ——— Where the keys are kept: outside the database ———

/** Where the keys come from: config's `dataKeys` (KYODO_DATA_KEYS), `dataKeyFile` (KYODO_DATA_KEY_FILE), `dataDir`. */
export interface KeySettings {
  /** Inline keys, `{"active":"id","keys":{"id":"base64"}}`; they win over any file. */
  dataKeys: string | null;
  /** The key file; null for `<dataDir>/data-keys.json`. */
  dataKeyFile: string | null;
  dataDir: string;
}

export interface KeySource {
  kind: 'environment' | 'file';
  /** The key file; null when the keys come from KYODO_DATA_KEYS. */
  path: string | null;
  /** For status output: `KYODO_DATA_KEYS` or `file /srv/kyodo/data-keys.json`. */
  description: string;
}

export const keyFilePath = (settings: Pick<KeySettings, 'dataKeyFile' | 'dataDir'>): string =>
  path.resolve(settings.dataKeyFile ?? path.join(settings.dataDir, 'data-keys.json'));

export function keySource(settings: KeySettings): KeySource {
  if (settings.dataKeys !== null) return { kind: 'environment', path: null, description: 'KYODO_DATA_KEYS (environment)' };
  const file = keyFilePath(settings);
  return { kind: 'file', path: file, description: `file ${file}` };
}

/**
 * The keyring from KYODO_DATA_KEYS, else from the key file. When there is no file and `create` is set, a first key
 * is generated and written (mode 600); otherwise null. Malformed keys fail with `data_keys_invalid`, never quoting
 * key material.
 */
export function loadKeyring(options: KeySettings & { create: boolean; now?: Date }): Keyring | null {
  if (options.dataKeys !== null) return parseKeyring(options.dataKeys, 'KYODO_DATA_KEYS');
  const file = keyFilePath(options);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw invalidKeys(`the key file ${file} cannot be read: ${(error as Error).message}`);
    if (!options.create) return null;
    const keyring = generateKeyring(options.now);
    saveKeyringFile(file, keyring);
    return keyring;
  }
  return parseKeyring(text, `the key file ${file}`);
}

/** Writes the keyring atomically (a temporary file in the same folder, then a rename), readable by its owner only. */
export function saveKeyringFile(file: string, keyring: Keyring): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temporary = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temporary, 'wx', 0o600);
  try {
    fs.writeFileSync(fd, formatKeyring(keyring));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** The file's text, which is also what KYODO_DATA_KEYS takes. */
export const formatKeyring = (keyring: Keyring): string =>
  JSON.stringify({ active: keyring.activeId, keys: Object.fromEntries([...keyring.keys].map(([id, key]) => [id, key.toString('base64')])) }, null, 2) + '\n';

function parseKeyring(text: string, where: string): Keyring {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidKeys(`${where} is not JSON of the form {"active":"<key id>","keys":{"<key id>":"<32 bytes in base64>"}}`);
  }
  const { active, keys } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as { active?: unknown; keys?: unknown };
  if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) throw invalidKeys(`${where} has no "keys" object`);
  const ring = new Map<string, Buffer>();
  for (const [id, value] of Object.entries(keys)) {
    if (!keyIdPattern.test(id)) throw invalidKeys(`${where}: the key id "${id}" may hold only letters, digits and hyphens (at most 64)`);
    const key = typeof value === 'string' && /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) ? Buffer.from(value, 'base64') : null;
    if (key === null || key.length !== keyBytes) throw invalidKeys(`${where}: the key "${id}" must be ${keyBytes} bytes in base64`);
    ring.set(id, key);
  }
  if (typeof active !== 'string' || active === '') throw invalidKeys(`${where} names no "active" key`);
  if (!ring.has(active)) throw invalidKeys(`${where}: the active key "${active}" is not among its keys`);
  return { activeId: active, keys: ring };
}

const invalidKeys = (message: string): DomainError => new DomainError('invalid', 'data_keys_invalid', message);
