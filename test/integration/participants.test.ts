import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/accounts/users.js';
import { systemActor } from '../../src/app/audit/record-audit.js';
import { addKey, generateKeyring, retainOnly } from '../../src/app/crypto/keyring.js';
import { resealAll } from '../../src/app/crypto/reseal.js';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { insertPerson } from '../../src/app/members/member-rows.js';
import { assignCase, mySiteRoles } from '../../src/app/programmes/case-assignments.js';
import { createCommissioner } from '../../src/app/programmes/commissioners.js';
import { createContract } from '../../src/app/programmes/contracts.js';
import {
  addActivity, addConsent, addOutcome, addPlan, createParticipant, eraseExpiredParticipants, eraseParticipant, exportParticipant, getParticipant, linkPerson,
  listParticipants, participantReadLog, recordFollowUp, updateParticipant, withdrawConsent,
} from '../../src/app/programmes/participants.js';
import type { AppContext } from '../../src/app/shared/context.js';
import { openDatabase, type Database, type DialectName } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { Actor } from '../../src/domain/access/policy.js';
import type { IntakeFields } from '../../src/domain/programmes/participant.js';
import { dialects, openTestDatabase, testPostgresUrl } from '../support/databases.js';

const password = 'demo password 1234';
const system = systemActor('test');
const federationAdmin: Actor = { userId: 'fed', email: 'fed@kyodo.example', role: 'federation-admin', organizationId: null };

// Words that must never reach the database in the clear: a name, its reading, a circumstance, a note.
const secretName = '秘密川';
const secretKana = 'ヒミツカワ';
const secretCircumstance = '発達障害の診断あり・生活保護受給中';
const secretNote = '面接練習で緊張が強い';

/** SQLite on a file this test can read byte by byte; PostgreSQL on a scratch database pg_dump can dump. */
async function open(dialect: DialectName): Promise<{ database: Database; file: string | null; dump: () => Buffer }> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyodo-participants-'));
    const file = path.join(dir, 'kyodo.db');
    const database = openDatabase({ databaseUrl: null, sqlitePath: file });
    await migrateToLatest(database.db, 'sqlite');
    const dump = () => Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
    return { database: { ...database, close: async () => { await database.close(); fs.rmSync(dir, { recursive: true, force: true }); } }, file, dump };
  }
  const database = await openTestDatabase('postgresql');
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(database.db);
  const url = new URL(testPostgresUrl);
  url.pathname = `/${rows[0]!.name}`;
  return { database, file: null, dump: () => execFileSync('pg_dump', ['--data-only', '--no-owner', url.toString()], { maxBuffer: 1 << 28 }) };
}

describe.each(dialects)('participants of commissioned programmes (%s)', (dialect) => {
  let database: Database;
  let dump: () => Buffer;
  let ctx: AppContext;
  let centre: string;
  let office: string;
  let otherOffice: string;
  let contractId: string;
  const actors: Record<'caseworker' | 'lead' | 'otherCaseworker' | 'clerk' | 'orgAdmin' | 'member' | 'chibaClerk', Actor> = {} as never;
  let clock = new Date('2026-11-26T01:00:00Z');

  const intake = (overrides: Partial<IntakeFields> = {}): IntakeFields => ({
    contractId, intakeOn: '2026-06-01', ageBand: '20-24',
    identity: { familyName: secretName, givenName: '太郎', familyNameKana: 'ひみつかわ', givenNameKana: 'タロウ', birthDate: '2004-05-05', phone: '090-1234-5678', email: null, postalCode: '１７０－００１３', address: '豊島区東池袋' },
    circumstances: secretCircumstance,
    consents: [{ purpose: 'support', method: 'written', givenOn: '2026-06-01' }, { purpose: 'sensitive-data', method: 'written', givenOn: '2026-06-01' }],
    ...overrides,
  });

  beforeAll(async () => {
    ({ database, dump } = await open(dialect));
    ctx = { db: database.db, dialect: database.dialect, runPrepared: database.runPrepared, runWrites: database.runWrites, now: () => clock, keyring: generateKeyring() };
    await loadDemo(ctx, password);
    const orgs = new Map((await ctx.db.selectFrom('organizations').select(['code', 'id']).execute()).map((o) => [o.code, o.id]));
    centre = orgs.get('center-jigyodan')!;
    const sites = (await ctx.db.selectFrom('sites').select('id').where('organization_id', '=', centre).orderBy('name_ja').execute()).map((s) => s.id);
    [office, otherOffice] = [sites[0]!, sites[1]!];
    const user = async (key: keyof typeof actors, role: Actor['role'], organizationId: string) => {
      const created = await createUser(ctx, null, system, { email: `${key.toLowerCase()}-${dialect}@kyodo.example`, displayName: key, password, role, organizationId });
      actors[key] = { userId: created.id, email: created.email, role, organizationId };
    };
    await user('caseworker', 'clerk', centre);
    await user('lead', 'org-admin', centre);
    await user('otherCaseworker', 'clerk', centre);
    await user('clerk', 'clerk', centre);
    await user('orgAdmin', 'org-admin', centre);
    await user('chibaClerk', 'clerk', orgs.get('wc-chiba')!);
    actors.member = { userId: 'member', email: 'member@kyodo.example', role: 'member', organizationId: centre };
    await assignCase(ctx, federationAdmin, office, actors.caseworker.userId, 'caseworker');
    await assignCase(ctx, actors.orgAdmin, office, actors.lead.userId, 'office-lead');
    await assignCase(ctx, actors.orgAdmin, otherOffice, actors.otherCaseworker.userId, 'caseworker');
    const mhlw = await createCommissioner(ctx, federationAdmin, { kind: 'ministry', nameJa: '厚生労働省', nameEn: null, localGovernmentCode: null, prefectureCode: null });
    contractId = (await createContract(ctx, federationAdmin, centre, {
      programmeJa: '地域若者サポートステーション事業', programmeEn: null, commissionerId: mhlw.id, periodFrom: '2026-04-01', periodUntil: '2027-03-31',
      amount: 28_600_000, siteIds: [office, otherOffice], indicators: [], retentionMonths: 12,
    })).id;
  }, 180_000);
  afterAll(() => database.close());

  it('takes a participant in with their consents, seals who they are, and gives a case number that means nothing', async () => {
    const p = await createParticipant(ctx, actors.caseworker, office, intake());
    expect(p).toMatchObject({
      status: 'active', ageBand: '20-24', familyName: secretName, familyNameKana: secretKana,
      identity: { postalCode: '1700013', givenNameKana: 'タロウ' }, circumstances: secretCircumstance,
      consents: [{ purpose: 'support' }, { purpose: 'sensitive-data' }], erasureOn: '2028-04-01',
    });
    const row = await ctx.db.selectFrom('participants').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row.sealed).toMatch(/^kg1\./);
    expect(row.sealed).not.toContain(secretName);
    // The audit log says what was done, never what the record holds.
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'after_json']).where('entity_id', '=', p.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
    expect(JSON.stringify(audit)).not.toMatch(new RegExp(`${secretName}|${secretKana}|発達障害`));
    expect(p.reference).toMatch(/^P-2026-\d{4}$/);
    const next = `P-2026-${String(Number(p.reference.slice(7)) + 1).padStart(4, '0')}`;
    expect((await createParticipant(ctx, actors.caseworker, office, intake({ intakeOn: '2026-07-01' }))).reference).toBe(next);
  });

  it('refuses special-care information without the participant\'s consent to its collection, and support without consent at all', async () => {
    const before = await ctx.db.selectFrom('participants').select('id').execute();
    await expect(createParticipant(ctx, actors.caseworker, office, intake({ consents: [{ purpose: 'support', method: 'oral', givenOn: '2026-06-01' }] })))
      .rejects.toMatchObject({ kind: 'invalid', errors: [{ field: 'circumstances', code: 'consent_required' }] });
    await expect(createParticipant(ctx, actors.caseworker, office, intake({ consents: [], circumstances: null })))
      .rejects.toMatchObject({ errors: [{ field: 'consents', code: 'consent_required' }] });
    await expect(createParticipant(ctx, actors.caseworker, office, intake({ identity: { ...intake().identity, familyNameKana: 'Himitsu' }, intakeOn: '2027-01-01' })))
      .rejects.toMatchObject({ errors: [{ field: 'intakeOn', code: 'in_future' }, { field: 'identity.familyNameKana', code: 'not_kana' }] });
    expect(await ctx.db.selectFrom('participants').select('id').execute()).toEqual(before);

    // Without the special-care consent the record is kept, but circumstances are refused on an edit too.
    const p = await createParticipant(ctx, actors.caseworker, office, intake({ circumstances: null, consents: [{ purpose: 'support', method: 'oral', givenOn: '2026-06-01' }] }));
    await expect(updateParticipant(ctx, actors.caseworker, p.id, { version: p.version, ageBand: '20-24', identity: p.identity!, circumstances: '通院中' }))
      .rejects.toMatchObject({ errors: [{ field: 'circumstances', code: 'consent_required' }] });
    const consented = await addConsent(ctx, actors.caseworker, p.id, { purpose: 'sensitive-data', method: 'written', givenOn: '2026-11-20' });
    const edited = await updateParticipant(ctx, actors.caseworker, p.id, { version: consented.version, ageBand: '25-29', identity: p.identity!, circumstances: '通院中' });
    expect(edited).toMatchObject({ circumstances: '通院中', ageBand: '25-29' });
    // Withdrawing the consent removes what it allowed.
    const sensitive = edited.consents.find((c) => c.purpose === 'sensitive-data')!;
    expect(await withdrawConsent(ctx, actors.caseworker, p.id, sensitive.id, '2026-11-25')).toMatchObject({ circumstances: null });
  });

  it('records a journey: a plan, activities, a placement with its follow-ups, and the link to the registry once they join the co-op', async () => {
    const p = await createParticipant(ctx, actors.caseworker, office, intake({ intakeOn: '2026-05-10' }));
    await addPlan(ctx, actors.caseworker, p.id, { startsOn: '2026-05-10', reviewOn: '2026-08-10', goals: '生活リズムを整え、職場体験に参加する' });
    await addActivity(ctx, actors.caseworker, p.id, { kind: 'counselling', on: '2026-05-12', minutes: 60, note: secretNote });
    await addActivity(ctx, actors.caseworker, p.id, { kind: 'job-experience', on: '2026-06-20', minutes: 240, note: null });
    await expect(addActivity(ctx, actors.caseworker, p.id, { kind: 'seminar', on: '2026-05-01', minutes: 0, note: null }))
      .rejects.toMatchObject({ errors: [{ field: 'on', code: 'before_intake' }] });
    const placed = await addOutcome(ctx, actors.caseworker, p.id, { kind: 'coop-worker', on: '2026-07-01', coopOrganizationId: centre, note: 'ビル管理の現場' });
    expect(placed.followUps.map((f) => [f.months, f.dueOn, f.status])).toEqual([
      [1, '2026-08-01', 'pending'], [3, '2026-10-01', 'pending'], [6, '2027-01-01', 'pending'], [12, '2027-07-01', 'pending'],
    ]);
    expect(placed).toMatchObject({ latestOutcome: { kind: 'coop-worker', on: '2026-07-01' }, nextFollowUpOn: '2026-08-01' });
    const followed = await recordFollowUp(ctx, actors.caseworker, p.id, placed.followUps[0]!.id, { doneOn: '2026-08-03', status: 'in-work', note: '元気に通勤' });
    expect(followed).toMatchObject({ nextFollowUpOn: '2026-10-01', activities: [{ note: secretNote }, { note: null }], plans: [{ goals: '生活リズムを整え、職場体験に参加する' }] });

    // Linking to the registry needs its own consent, and a person of the organization's registry.
    const person = (await ctx.db.selectFrom('memberships').select('person_id').where('organization_id', '=', centre).executeTakeFirstOrThrow()).person_id;
    await expect(linkPerson(ctx, actors.caseworker, p.id, person)).rejects.toMatchObject({ errors: [{ field: 'personId', code: 'consent_required' }] });
    await addConsent(ctx, actors.caseworker, p.id, { purpose: 'registry-link', method: 'written', givenOn: '2026-07-01' });
    expect(await linkPerson(ctx, actors.caseworker, p.id, person)).toMatchObject({ personId: person });
    const stranger = (await insertPerson(ctx.db, { familyName: '他人', givenName: '一', familyKana: 'タニン', givenKana: 'ハジメ', birthDate: null, email: null, phone: null, postalCode: null, prefectureCode: null, address: null }, '2026-11-26T00:00:00Z')).id;
    await expect(linkPerson(ctx, actors.caseworker, p.id, stranger)).rejects.toMatchObject({ errors: [{ field: 'personId', code: 'not_in_registry' }] });
  });

  it('lets only the caseworkers of the participant\'s office and their supervisors read it: no one else, not even the federation', async () => {
    const [p] = await listParticipants(ctx, actors.caseworker, office);
    expect((await getParticipant(ctx, actors.lead, p!.id)).identity).not.toBeNull();
    for (const actor of [actors.otherCaseworker, actors.clerk, actors.orgAdmin, actors.member, actors.chibaClerk, federationAdmin]) {
      await expect(getParticipant(ctx, actor, p!.id)).rejects.toMatchObject({ kind: 'not_found' });
      await expect(listParticipants(ctx, actor, office)).rejects.toMatchObject({ kind: 'not_found' });
      await expect(exportParticipant(ctx, actor, p!.id)).rejects.toMatchObject({ kind: 'not_found' });
      await expect(addActivity(ctx, actor, p!.id, { kind: 'counselling', on: '2026-11-01', minutes: null, note: null })).rejects.toMatchObject({ kind: 'not_found' });
      await expect(eraseParticipant(ctx, actor, p!.id, p!.reference)).rejects.toMatchObject({ kind: 'not_found' });
    }
    // A clerk cannot hand themselves a case role; a caseworker of another organization cannot be given one.
    await expect(assignCase(ctx, actors.clerk, office, actors.clerk.userId, 'caseworker')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(assignCase(ctx, actors.orgAdmin, office, actors.chibaClerk.userId, 'caseworker')).rejects.toMatchObject({ errors: [{ field: 'userId', code: 'not_staff_of_organization' }] });
    expect(await mySiteRoles(ctx, actors.caseworker)).toEqual([expect.objectContaining({ siteId: office, caseRole: 'caseworker' })]);
  });

  it('writes every read to the audit log, which the office lead sees and the caseworker does not', async () => {
    const [p] = await listParticipants(ctx, actors.caseworker, office);
    await getParticipant(ctx, actors.caseworker, p!.id);
    const log = await participantReadLog(ctx, actors.lead, office);
    expect(log[0]).toMatchObject({ actorEmail: actors.caseworker.email, participantId: p!.id, reference: p!.reference, action: 'read' });
    expect(log[1]).toMatchObject({ actorEmail: actors.caseworker.email, action: 'list' });
    await expect(participantReadLog(ctx, actors.caseworker, office)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('never stores the plain text: neither the database file nor a dump contains it', async () => {
    if (dialect === 'sqlite') await sql`pragma wal_checkpoint(truncate)`.execute(ctx.db);
    const bytes = dump();
    expect(bytes.length).toBeGreaterThan(10_000);
    const reference = (await ctx.db.selectFrom('participants').select('reference').where('contract_id', '=', contractId).executeTakeFirstOrThrow()).reference;
    expect(bytes.includes(Buffer.from(reference))).toBe(true); // the dump holds the participants: the test reads the right thing
    for (const secret of [secretName, secretKana, secretCircumstance, '発達障害', secretNote, '090-1234-5678', '生活リズムを整え']) {
      expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
    }
  });

  it('keeps every record readable through a key rotation, and none under the old key afterwards', async () => {
    const oldId = ctx.keyring!.activeId;
    const [p] = await listParticipants(ctx, actors.caseworker, office, 'all');
    const before = await getParticipant(ctx, actors.caseworker, p!.id);
    const rotated = addKey(ctx.keyring!);
    await resealAll(ctx, rotated);
    ctx.keyring = retainOnly(rotated, [rotated.activeId]);
    const after = await getParticipant(ctx, actors.caseworker, p!.id);
    expect({ ...after, version: 0 }).toEqual({ ...before, version: 0 });
    const sealedValues = await ctx.db.selectFrom('participant_activities').select('sealed').where('sealed', 'is not', null).execute();
    expect(sealedValues.length).toBeGreaterThan(0);
    expect(sealedValues.every((v) => !v.sealed!.includes(`.${oldId}.`))).toBe(true);
  });

  it('exports a participant to themselves and erases them on request, leaving the counts as they were', async () => {
    const [p] = (await listParticipants(ctx, actors.caseworker, office)).filter((x) => x.latestOutcome !== null);
    const exported = await exportParticipant(ctx, actors.caseworker, p!.id);
    expect(exported.document).toMatchObject({ reference: p!.reference, identity: { familyName: secretName }, activities: [{ kind: 'counselling' }, { kind: 'job-experience' }] });
    const counts = async () => ({
      participants: (await ctx.db.selectFrom('participants').select(['intake_on', 'age_band', 'contract_id', 'site_id']).orderBy('id').execute()),
      activities: (await ctx.db.selectFrom('participant_activities').select(['kind', 'on_date', 'minutes']).orderBy('id').execute()),
      outcomes: (await ctx.db.selectFrom('participant_outcomes').select(['kind', 'on_date', 'coop_organization_id']).orderBy('id').execute()),
      followUps: (await ctx.db.selectFrom('participant_follow_ups').select(['months', 'due_on', 'done_on', 'status']).orderBy('id').execute()),
    });
    const before = await counts();
    await expect(eraseParticipant(ctx, actors.caseworker, p!.id, 'P-9999-0000')).rejects.toMatchObject({ errors: [{ field: 'confirm', code: 'confirmation_mismatch' }] });
    const erased = await eraseParticipant(ctx, actors.caseworker, p!.id, p!.reference);
    expect(erased).toMatchObject({ status: 'erased', erasureReason: 'request', identity: null, familyName: null, circumstances: null, personId: null, activities: [{ kind: 'counselling', note: null }, { kind: 'job-experience', note: null }] });
    expect(await counts()).toEqual(before);
    await expect(addActivity(ctx, actors.caseworker, p!.id, { kind: 'counselling', on: '2026-11-01', minutes: null, note: null })).rejects.toMatchObject({ code: 'participant_erased' });
    for (const table of ['support_plans', 'participant_activities', 'participant_outcomes', 'participant_follow_ups'] as const) {
      expect(await ctx.db.selectFrom(table).select('id').where('participant_id', '=', p!.id).where('sealed', 'is not', null).execute()).toEqual([]);
    }
  });

  it('erases everyone of a contract once its retention has run out, and only then', async () => {
    expect(await eraseExpiredParticipants(ctx)).toEqual({ erased: 0, contracts: 0 });
    const before = await ctx.db.selectFrom('participant_activities').select(['kind', 'on_date']).orderBy('id').execute();
    clock = new Date('2028-03-31T16:00:00Z'); // 2028-04-01 in Japan: the erasure day
    try {
      const done = await eraseExpiredParticipants(ctx);
      expect(done.contracts).toBeGreaterThanOrEqual(1); // the demo's contracts run out too
      expect(done.erased).toBeGreaterThan(0);
      expect(await ctx.db.selectFrom('participants').select('id').where('contract_id', '=', contractId).where('status', '!=', 'erased').execute()).toEqual([]);
      expect(await ctx.db.selectFrom('participants').select('id').where('sealed', 'is not', null).where('contract_id', '=', contractId).execute()).toEqual([]);
      expect(await ctx.db.selectFrom('participant_activities').select(['kind', 'on_date']).orderBy('id').execute()).toEqual(before);
    } finally {
      clock = new Date('2026-11-26T01:00:00Z');
    }
  });
});
