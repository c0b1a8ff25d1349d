import { describe, expect, it } from 'vitest';
import type { Person } from './member';
import { changedPersonFields, personFormValues } from './person-values';

const person: Person = {
  id: 'p1',
  version: 3,
  familyName: '山田',
  givenName: '花子',
  familyKana: 'ヤマダ',
  givenKana: 'ハナコ',
  birthDate: null,
  email: 'hanako@example.jp',
  phone: null,
  postalCode: '1000001',
  prefectureCode: '13',
  address: null,
};

describe('a correction of a person', () => {
  it('sends nothing when nothing changed', () => {
    expect(changedPersonFields(person, personFormValues(person))).toEqual({});
  });

  it('sends only the fields that changed, as the server takes them', () => {
    const values = { ...personFormValues(person), givenKana: 'はなこ', email: '', phone: '０３－１２３４－５６７８' };
    expect(changedPersonFields(person, values)).toEqual({ email: null, phone: '03-1234-5678' });
  });
});
