import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addKey, formatKeyring, loadKeyring, seal, sealedKeyId, unseal, type Keyring } from '../../src/app/crypto/keyring.js';
import { sealContext } from '../../src/app/crypto/sealed-columns.js';
import { issueCodes } from '../../src/app/portal/one-time-codes.js';
import { newId, type AppContext } from '../../src/app/shared/context.js';
import { loadConfig } from '../../src/config.js';
import { openRuntime } from '../../src/runtime.js';
import { kyodo as runKyodo } from '../support/cli.js';

const at = '2026-11-27T00:00:00.000Z';

/** The keys come only from what each step sets, never from the environment the tests run in. */
const kyodo = (args: string[], env: NodeJS.ProcessEnv) => runKyodo(args, { KYODO_DATA_KEYS: '', KYODO_DATA_KEY_FILE: '', ...env });

/** Three participants, each with a sealed identity and a sealed plan, on the fewest rows the foreign keys need. */
async function addParticipants(ctx: AppContext, keyring: Keyring): Promise<string[]> {
  const organizationId = newId();
  await ctx.db.insertInto('organizations').values({
    id: organizationId, code: 'wc-cli-keys', kind: 'cooperative', name_ja: 'ワーカーズコープ', legal_form: 'worker-cooperative', law_profile: 'workers-coop-act',
    fiscal_year_start_month: 4, status: 'active', version: 1, created_at: at, updated_at: at,
  }).execute();
  const siteId = newId();
  await ctx.db.insertInto('sites').values({ id: siteId, organization_id: organizationId, name_ja: 'サポステ', business_line: 'employment-support', operation: 'commissioned', version: 1, created_at: at, updated_at: at }).execute();
  const commissionerId = newId();
  await ctx.db.insertInto('commissioners').values({ id: commissionerId, kind: 'municipality', name_ja: '千葉市', version: 1, created_at: at, updated_at: at }).execute();
  const contractId = newId();
  await ctx.db.insertInto('programme_contracts').values({
    id: contractId, organization_id: organizationId, commissioner_id: commissionerId, programme_ja: 'サポステ事業', period_from: '2026-04-01', period_until: '2027-03-31',
    amount: 1_000_000, retention_months: 60, version: 1, created_at: at, updated_at: at,
  }).execute();
  const ids: string[] = [];
  for (const n of [1, 2, 3]) {
    const id = newId();
    await ctx.db.insertInto('participants').values({
      id, organization_id: organizationId, contract_id: contractId, site_id: siteId, reference: `P-2026-000${n}`, intake_on: '2026-05-01', age_band: '20-24', status: 'active',
      sealed: seal(keyring, `{"familyName":"佐藤","givenName":"太郎${n}"}`, sealContext('participants', 'sealed', id)), version: 1, created_at: at, updated_at: at,
    }).execute();
    const planId = newId();
    await ctx.db.insertInto('support_plans').values({ id: planId, participant_id: id, starts_on: '2026-05-10', sealed: seal(keyring, '生活リズムを整える', sealContext('support_plans', 'sealed', planId)), created_at: at }).execute();
    ids.push(id);
  }
  return ids;
}

// Every step starts the real command in a new process: generous limits.
describe('kyodo keys on the embedded SQLite default', { timeout: 180_000 }, () => {
  let dataDir: string;
  const keyFile = () => path.join(dataDir, 'data-keys.json');
  const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: '' });
  const readKeys = () => loadKeyring({ dataKeys: null, dataKeyFile: null, dataDir, create: false })!;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyodo-cli-keys-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('makes the key file on the first start and shows where the keys come from', async () => {
    const status = await kyodo(['keys', 'status'], env());
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);
    const keys = readKeys();
    expect(fs.statSync(keyFile()).mode & 0o777).toBe(0o600);
    expect(status.stdout).toContain(`keys from:  file ${keyFile()}`);
    expect(status.stdout).toContain(`active key: ${keys.activeId}`);
    expect(status.stdout).toMatch(new RegExp(`${keys.activeId}\\s+0  \\(active\\)`));
  });

  it('rotates the key file: everything resealed under a new key, the old key retired, figures printed', async () => {
    const runtime = await openRuntime(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: '', KYODO_DATA_KEYS: '', KYODO_DATA_KEY_FILE: '' }));
    const old = runtime.ctx.keyring!;
    const ids = await addParticipants(runtime.ctx, old);
    await runtime.close();

    const before = await kyodo(['keys', 'status'], env());
    expect(before.stdout).toMatch(new RegExp(`${old.activeId}\\s+6  \\(active\\)`));

    const rotate = await kyodo(['keys', 'rotate'], env());
    expect(rotate.code).toBe(0);
    const keys = readKeys();
    expect(keys.activeId).not.toBe(old.activeId);
    expect([...keys.keys.keys()]).toEqual([keys.activeId]);
    expect(fs.statSync(keyFile()).mode & 0o777).toBe(0o600);
    expect(rotate.stdout).toContain(`new active key ${keys.activeId}`);
    expect(rotate.stdout).toMatch(/participants\s+3\n\s+support_plans\s+3\n/);
    expect(rotate.stdout).toMatch(/total\s+6\n/);
    expect(rotate.stdout).toContain(`retired ${old.activeId}`);
    expect(fs.readdirSync(dataDir).filter((f) => f.includes('data-keys'))).toEqual(['data-keys.json']);

    const reopened = await openRuntime(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: '', KYODO_DATA_KEYS: '', KYODO_DATA_KEY_FILE: '' }));
    try {
      const rows = await reopened.ctx.db.selectFrom('participants').select(['id', 'sealed']).orderBy('reference').execute();
      expect(rows.map((r) => r.id)).toEqual(ids);
      expect(rows.map((r) => sealedKeyId(r.sealed!))).toEqual([keys.activeId, keys.activeId, keys.activeId]);
      expect(unseal(keys, rows[0]!.sealed!, sealContext('participants', 'sealed', ids[0]!))).toBe('{"familyName":"佐藤","givenName":"太郎1"}');
    } finally {
      await reopened.close();
    }
    const after = await kyodo(['keys', 'status'], env());
    expect(after.stdout).toMatch(new RegExp(`${keys.activeId}\\s+6  \\(active\\)`));
    expect(after.stdout).not.toContain(old.activeId);
  });

  it('keeps a key while sign-in codes digested under it can still be used, and retires it once they cannot', async () => {
    const runtime = await openRuntime(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: '', KYODO_DATA_KEYS: '', KYODO_DATA_KEY_FILE: '' }));
    const current = runtime.ctx.keyring!.activeId;
    let invitationId: string;
    try {
      const { id: organizationId } = await runtime.ctx.db.selectFrom('organizations').select('id').where('code', '=', 'wc-cli-keys').executeTakeFirstOrThrow();
      const personId = newId();
      await runtime.ctx.db.insertInto('people').values({
        id: personId, family_name: '佐藤', given_name: '花子', family_kana: 'さとう', given_kana: 'はなこ', version: 1, created_at: at, updated_at: at,
      }).execute();
      const membershipId = newId();
      await runtime.ctx.db.insertInto('memberships').values({
        id: membershipId, organization_id: organizationId, person_id: personId, member_number: 'K-1', member_number_key: 'K-1', kind: 'worker', status: 'admitted', admitted_on: '2026-04-01', ended_on: null,
        last_event_on: '2026-04-01', version: 1, created_at: at, updated_at: at,
      }).execute();
      const [issued] = await issueCodes(runtime.ctx, runtime.ctx.db, [{ membershipId, channel: 'letter' }], { organizationId, batchId: null, createdBy: null, at: new Date() });
      invitationId = issued!.invitationId;
    } finally {
      await runtime.close();
    }

    const rotate = await kyodo(['keys', 'rotate'], env());
    expect(rotate.code, rotate.stderr).toBe(0);
    const keys = readKeys();
    expect([...keys.keys.keys()].sort()).toEqual([current, keys.activeId].sort());
    expect(rotate.stdout).toContain(`kept ${current} for 1 sign-in code(s) not used yet`);
    expect(rotate.stdout).not.toContain('retired');

    // The letter is used: the next rotation retires both older keys.
    const reopened = await openRuntime(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: '', KYODO_DATA_KEYS: '', KYODO_DATA_KEY_FILE: '' }));
    try {
      await reopened.ctx.db.updateTable('member_invitations').set({ used_at: new Date().toISOString() }).where('id', '=', invitationId!).execute();
    } finally {
      await reopened.close();
    }
    const again = await kyodo(['keys', 'rotate'], env());
    expect(again.code, again.stderr).toBe(0);
    const retired = /retired ([^\n]+)\./.exec(again.stdout)?.[1]?.split(', ').sort();
    expect(retired).toEqual([current, keys.activeId].sort());
    expect([...readKeys().keys.keys()]).toHaveLength(1);
  });

  it('refuses to rotate keys kept in KYODO_DATA_KEYS, and reseals once a new key is made active there', async () => {
    const held = readKeys();
    const refused = await kyodo(['keys', 'rotate'], { ...env(), KYODO_DATA_KEYS: formatKeyring(held) });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('KYODO_DATA_KEYS');
    expect(refused.stderr).toContain('kyodo keys reseal');
    expect(readKeys().activeId).toBe(held.activeId);

    const next = addKey(held);
    const resealed = await kyodo(['keys', 'reseal'], { ...env(), KYODO_DATA_KEYS: formatKeyring(next) });
    expect(resealed.stderr).not.toContain('kyodo:');
    expect(resealed.code).toBe(0);
    expect(resealed.stdout).toMatch(/total\s+6\n/);
    expect(resealed.stdout).toContain(`every sealed value is under ${next.activeId}`);
    const status = await kyodo(['keys', 'status'], { ...env(), KYODO_DATA_KEYS: formatKeyring(next) });
    expect(status.stdout).toContain('keys from:  KYODO_DATA_KEYS');
    expect(status.stdout).toMatch(new RegExp(`${next.activeId}\\s+6  \\(active\\)`));
    expect(status.stdout).toMatch(new RegExp(`${held.activeId}\\s+0\\n`));
  });

  it('makes no new key when the key file is missing but the database holds sealed values', async () => {
    fs.renameSync(keyFile(), path.join(dataDir, 'moved-keys.json'));
    const status = await kyodo(['keys', 'status'], env());
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('active key: — (no keys loaded');
    expect(status.stdout).toMatch(/\s+6  NOT HELD: these values cannot be read/);
    expect(fs.existsSync(keyFile())).toBe(false);
    const rotate = await kyodo(['keys', 'rotate'], env());
    expect(rotate.code).toBe(2);
    expect(rotate.stderr).toContain('restore the key file');
    expect(fs.existsSync(keyFile())).toBe(false);
  });
});
