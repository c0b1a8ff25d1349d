import { describe, expect, it } from 'vitest';
import type { Participant, ParticipantSummary } from './casework';
import {
  canReadLog,
  checkIdentity,
  checkIntake,
  contractCovering,
  contractsForSite,
  emptyIntake,
  erasureConfirmed,
  filterParticipants,
  followUpsOf,
  hasConsent,
  identityValues,
  intakeField,
  isPlacement,
  namesCoop,
  parseMinutes,
  participantKana,
  participantName,
  toIntakeInput,
  type IntakeValues,
} from './casework-values';

function buildSummary(overrides: Partial<ParticipantSummary> = {}): ParticipantSummary {
  return {
    id: 'p1',
    reference: 'P-2026-0001',
    organizationId: 'o1',
    siteId: 's1',
    contractId: 'c1',
    intakeOn: '2026-04-01',
    ageBand: '20-24',
    status: 'active',
    closedOn: null,
    familyName: '山田',
    givenName: '花子',
    familyNameKana: 'ヤマダ',
    givenNameKana: 'ハナコ',
    personId: null,
    latestOutcome: null,
    nextFollowUpOn: null,
    version: 1,
    ...overrides,
  };
}

function buildIntake(overrides: Partial<IntakeValues> = {}): IntakeValues {
  const empty = emptyIntake('2026-05-01', 'c1');
  return {
    ...empty,
    familyName: '山田',
    givenName: '花子',
    familyNameKana: 'やまだ',
    givenNameKana: 'ハナコ',
    ageBand: '20-24',
    consents: { ...empty.consents, support: { given: true, method: 'written', givenOn: '2026-05-01' } },
    ...overrides,
  };
}

describe('participant names', () => {
  it('puts the family name first, and shows only the reference once erased', () => {
    expect(participantName(buildSummary())).toBe('山田 花子');
    expect(participantKana(buildSummary())).toBe('ヤマダ ハナコ');
    const erased = buildSummary({ familyName: null, givenName: null, familyNameKana: null, givenNameKana: null, status: 'erased' });
    expect(participantName(erased)).toBe('P-2026-0001');
    expect(participantKana(erased)).toBe('');
  });
});

describe('searching an office list', () => {
  const items = [
    buildSummary(),
    buildSummary({ id: 'p2', reference: 'P-2026-0002', familyName: '佐藤', givenName: '健', familyNameKana: 'サトウ', givenNameKana: 'ケン' }),
    buildSummary({ id: 'p3', reference: 'P-2026-0003', familyName: null, givenName: null, familyNameKana: null, givenNameKana: null, status: 'erased' }),
  ];
  const ids = (query: string) => filterParticipants(items, query).map((p) => p.id);

  it('finds by name, by kana in hiragana or katakana, and by reference', () => {
    expect(ids('山田 花子')).toEqual(['p1']);
    expect(ids('さとう')).toEqual(['p2']);
    expect(ids('ｻﾄｳ')).toEqual(['p2']);
    expect(ids('はなこ')).toEqual(['p1']);
    expect(ids('p-2026-0003')).toEqual(['p3']);
  });

  it('shows everyone for an empty search and no one for an unknown name', () => {
    expect(ids('  ')).toEqual(['p1', 'p2', 'p3']);
    expect(ids('鈴木')).toEqual([]);
  });
});

describe('access and vocabulary', () => {
  it('shows the read log to office leads and supervisors only', () => {
    expect(canReadLog('office-lead')).toBe(true);
    expect(canReadLog('supervisor')).toBe(true);
    expect(canReadLog('caseworker')).toBe(false);
  });

  it('offers at intake the contracts that name the office', () => {
    const contracts = [
      { id: 'a', siteIds: ['s1', 's2'] },
      { id: 'b', siteIds: ['s3'] },
      { id: 'c', siteIds: [] },
    ];
    expect(contractsForSite(contracts, 's1').map((c) => c.id)).toEqual(['a']);
    expect(contractsForSite(contracts, 's9')).toEqual([]);
  });

  it('proposes at intake the contract whose period holds the day', () => {
    const contracts = [
      { id: 'fy2026', periodFrom: '2026-04-01', periodUntil: '2027-03-31' },
      { id: 'fy2025', periodFrom: '2025-04-01', periodUntil: '2026-03-31' },
    ];
    expect(contractCovering(contracts, '2026-03-31')?.id).toBe('fy2025');
    expect(contractCovering(contracts, '2026-04-01')?.id).toBe('fy2026');
    expect(contractCovering(contracts, '2027-04-01')).toBeUndefined();
  });

  it('counts a consent only until it is withdrawn', () => {
    const consent = { id: 'k', purpose: 'registry-link' as const, method: 'written' as const, givenOn: '2026-05-01' };
    expect(hasConsent({ consents: [{ ...consent, withdrawnOn: null }] }, 'registry-link')).toBe(true);
    expect(hasConsent({ consents: [{ ...consent, withdrawnOn: '2026-06-01' }] }, 'registry-link')).toBe(false);
    expect(hasConsent({ consents: [{ ...consent, withdrawnOn: null }] }, 'support')).toBe(false);
  });

  it('treats work, school, training and co-op work as placements, not joining a co-op as a member', () => {
    expect(isPlacement('employment')).toBe(true);
    expect(isPlacement('coop-worker')).toBe(true);
    expect(isPlacement('coop-member')).toBe(false);
    expect(isPlacement('other')).toBe(false);
    expect(namesCoop('coop-member')).toBe(true);
    expect(namesCoop('employment')).toBe(false);
  });

  it('lists the follow-ups of one outcome by month', () => {
    const followUp = (id: string, outcomeId: string, months: number) => ({ id, outcomeId, months, dueOn: '2026-06-01', doneOn: null, status: 'pending' as const, note: null });
    const all: Participant['followUps'] = [followUp('f6', 'o1', 6), followUp('f1', 'o1', 1), followUp('x', 'o2', 3), followUp('f3', 'o1', 3)];
    expect(followUpsOf(all, 'o1').map((f) => f.id)).toEqual(['f1', 'f3', 'f6']);
  });

  it('confirms an erasure only with the reference, forgiving full-width letters and case', () => {
    expect(erasureConfirmed('P-2026-0001', 'P-2026-0001')).toBe(true);
    expect(erasureConfirmed(' ｐ－２０２６－０００１ ', 'P-2026-0001')).toBe(true);
    expect(erasureConfirmed('P-2026-0002', 'P-2026-0001')).toBe(false);
    expect(erasureConfirmed('', 'P-2026-0001')).toBe(false);
  });

  it('reads minutes as a whole number or none', () => {
    expect(parseMinutes('')).toBeNull();
    expect(parseMinutes('９０')).toBe(90);
    expect(parseMinutes('0')).toBe('invalid');
    expect(parseMinutes('1.5')).toBe('invalid');
    expect(parseMinutes('1440')).toBe(1440);
    expect(parseMinutes('1441')).toBe('invalid');
  });
});

describe('the intake form', () => {
  it('needs names with kana, a contract, a date, an age band and the consent to support', () => {
    const errors = checkIntake({ ...emptyIntake('2026-05-01', ''), familyNameKana: 'Yamada' });
    expect(errors).toMatchObject({
      familyName: 'required',
      givenName: 'required',
      familyNameKana: 'invalid_kana',
      givenNameKana: 'required',
      contractId: 'required',
      ageBand: 'required',
      consents: 'consent_required',
    });
    expect(checkIntake(buildIntake())).toEqual({});
  });

  it('refuses circumstances without the consent to collect special-care data', () => {
    expect(checkIntake(buildIntake({ circumstances: '発達障害の診断あり' })).circumstances).toBe('consent_required');
    const consents = { ...buildIntake().consents, 'sensitive-data': { given: true, method: 'oral' as const, givenOn: '2026-05-01' } };
    expect(checkIntake(buildIntake({ circumstances: '発達障害の診断あり', consents })).circumstances).toBeUndefined();
  });

  it('sends the ticked consents, katakana, half-width contact and seven-digit postal code', () => {
    const input = toIntakeInput(buildIntake({ phone: '０３－１２３４－５６７８', postalCode: '１２３－４５６７', email: '', circumstances: '書いたが同意なし' }));
    expect(input.consents).toEqual([{ purpose: 'support', method: 'written', givenOn: '2026-05-01' }]);
    expect(input.identity).toMatchObject({ familyNameKana: 'ヤマダ', phone: '03-1234-5678', postalCode: '1234567', email: null, birthDate: null });
    // Without the consent, circumstances are never sent.
    expect(input.circumstances).toBeNull();
  });

  it('checks the identity when it is corrected, and shows a stored one as typed', () => {
    const values = identityValues({ familyName: '山田', givenName: '花子', familyNameKana: 'ヤマダ', givenNameKana: 'ハナコ', birthDate: null, phone: null, email: null, postalCode: '1234567', address: null });
    expect(values.postalCode).toBe('123-4567');
    expect(checkIdentity(values)).toEqual({});
    expect(checkIdentity({ ...values, email: 'x@', postalCode: '12' })).toEqual({ email: 'invalid_email', postalCode: 'invalid_postal_code' });
  });

  it('places the server’s field problems on the form’s fields', () => {
    expect(intakeField('identity.givenNameKana')).toBe('givenNameKana');
    expect(intakeField('consents.1.givenOn')).toBe('consents');
    expect(intakeField('circumstances')).toBe('circumstances');
  });
});
