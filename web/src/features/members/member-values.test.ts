import { describe, expect, it } from 'vitest';
import { checkEngagement, EMPTY_ENGAGEMENT, toEngagementInput } from './engagement-values';
import { countsByOrganization, totalCounts } from './member-counts';
import { checkPerson, EMPTY_PERSON, memberFormField, normalizePhone, toKatakana, toPersonInput } from './person-values';
import { checkNewMember, newMemberValues, toNewMemberInput } from './register-member-values';

const person = { ...EMPTY_PERSON, familyName: '山田', givenName: '花子', familyKana: 'やまだ', givenKana: 'ﾊﾅｺ' };

describe('person fields', () => {
  it('writes フリガナ in katakana, leaving half-width katakana for the server', () => {
    expect(toKatakana('やまだ はなこ')).toBe('ヤマダ ハナコ');
    expect(toKatakana('ヤマダ')).toBe('ヤマダ');
    expect(toPersonInput(person)).toMatchObject({ familyKana: 'ヤマダ', givenKana: 'ﾊﾅｺ' });
  });

  it('accepts full-width digits, hyphens and ＠ as typed with a Japanese input method', () => {
    expect(normalizePhone('０３－１２３４ー５６７８')).toBe('03-1234-5678');
    const input = toPersonInput({ ...person, phone: '０４３－２２２－１１１１', postalCode: '２８９－１６２４', email: 'ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ' });
    expect(input).toMatchObject({ phone: '043-222-1111', postalCode: '2891624', email: 'hanako@example.jp' });
    expect(checkPerson({ ...person, phone: '０４３－２２２－１１１１', email: 'ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ' })).toEqual({});
  });

  it('sends empty optional fields as null', () => {
    expect(toPersonInput(person)).toMatchObject({ birthDate: null, email: null, phone: null, postalCode: null, prefectureCode: null, address: null });
  });

  it('asks for the four names, kana in kana, and well-formed contact details', () => {
    expect(checkPerson(EMPTY_PERSON)).toEqual({ familyName: 'required', givenName: 'required', familyKana: 'required', givenKana: 'required' });
    expect(checkPerson({ ...person, familyKana: 'Yamada', phone: '03-1234-abcd', email: 'hanako', postalCode: '12-34' })).toEqual({
      familyKana: 'invalid_kana',
      phone: 'invalid_phone',
      email: 'invalid_email',
      postalCode: 'invalid_postal_code',
    });
  });

  it('puts the server’s nested fields on the form’s inputs', () => {
    expect(memberFormField('person.familyKana')).toBe('familyKana');
    expect(memberFormField('engagement.endedOn')).toBe('endedOn');
    expect(memberFormField('memberNumber')).toBe('memberNumber');
    expect(memberFormField('endedOn')).toBe('endedOn');
  });
});

describe('registering a member', () => {
  it('starts as a worker member admitted today', () => {
    expect(newMemberValues('org', '2026-11-26')).toMatchObject({ organizationId: 'org', kind: 'worker', firstEvent: 'admit', effectiveDate: '2026-11-26' });
  });

  it('needs an organization, a member number and a date', () => {
    const values = { ...newMemberValues('', ''), ...person, memberNumber: ' ' };
    expect(checkNewMember(values)).toEqual({ organizationId: 'required', memberNumber: 'required', effectiveDate: 'required' });
  });

  it('sends the member number in half-width characters, with the person nested', () => {
    const input = toNewMemberInput({ ...newMemberValues('org', '2026-04-01'), ...person, memberNumber: ' Ａ－００１ ', firstEvent: 'apply' });
    expect(input).toMatchObject({ memberNumber: 'A-001', kind: 'worker', firstEvent: 'apply', effectiveDate: '2026-04-01' });
    expect(input.person).toMatchObject({ familyName: '山田' });
    expect(input).not.toHaveProperty('organizationId');
  });

  it('registers a person already in the registry by id, without asking for their fields again', () => {
    const values = { ...newMemberValues('org', '2026-04-01', 'person-1'), memberNumber: '0007' };
    expect(checkNewMember(values)).toEqual({});
    const input = toNewMemberInput(values);
    expect(input.person).toEqual({ id: 'person-1' });
    expect(input).not.toHaveProperty('personId');
  });
});

describe('engagement in the work', () => {
  const engagement = { ...EMPTY_ENGAGEMENT, startedOn: '2026-04-01' };

  it('needs a start, and periods that run forwards', () => {
    expect(checkEngagement(EMPTY_ENGAGEMENT)).toEqual({ startedOn: 'required' });
    expect(checkEngagement({ ...engagement, endedOn: '2026-03-31' })).toEqual({ endedOn: 'end_before_start' });
    expect(checkEngagement({ ...engagement, labourContractFrom: '2026-05-01', labourContractUntil: '2026-04-30' })).toEqual({
      labourContractUntil: 'end_before_start',
    });
    expect(checkEngagement({ ...engagement, labourContractUntil: '2027-03-31' })).toEqual({ labourContractFrom: 'required' });
    expect(checkEngagement({ ...engagement, endedOn: '2026-04-01', labourContractFrom: '2026-04-01' })).toEqual({});
  });

  it('sends empty fields as null and only the exemptions the Act knows', () => {
    expect(toEngagementInput({ ...engagement, site: ' 芝山事業所 ', exemption: 'auditor' })).toEqual({
      site: '芝山事業所', startedOn: '2026-04-01', endedOn: null, labourContractFrom: null, labourContractUntil: null, exemption: 'auditor',
    });
    expect(toEngagementInput({ ...engagement, exemption: 'chair' }).exemption).toBeNull();
  });
});

describe('member counts', () => {
  const items = [
    { organizationId: 'a', kind: 'worker', members: 12 },
    { organizationId: 'a', kind: 'user', members: 30 },
    { organizationId: 'a', kind: 'supporter', members: 2 },
    { organizationId: 'b', kind: 'user', members: 5 },
  ];

  it('adds up worker and user members by organization, every kind in the total', () => {
    const counts = countsByOrganization(items);
    expect(counts.get('a')).toEqual({ worker: 12, user: 30, total: 44 });
    expect(counts.get('b')).toEqual({ worker: 0, user: 5, total: 5 });
    expect(counts.get('c')).toBeUndefined();
  });

  it('adds up all organizations', () => {
    expect(totalCounts(items)).toEqual({ worker: 12, user: 35, total: 49 });
    expect(totalCounts([])).toEqual({ worker: 0, user: 0, total: 0 });
  });
});
