import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import { hasText as has } from '../../locales/has-text';
import ja from '../../locales/ja.json';
import {
  ACTIVITY_KINDS,
  AGE_BANDS,
  CASE_ROLES,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  FOLLOW_UP_STATUSES,
  OUTCOME_KINDS,
  PARTICIPANT_STATUSES,
} from './casework';

describe('the texts of casework', () => {
  it('name every case role, status, age band, consent, activity, outcome and follow-up, and say every problem of a record', () => {
    const actions = ['read', 'list', 'export', 'create', 'update', 'consent', 'consent-withdrawn', 'plan', 'activity', 'outcome', 'follow-up', 'link', 'unlink', 'close', 'erase'];
    // The server's problems of participant records: said as a whole (errors.*) or beside the field (validation.*).
    const problems = ['participant_erased', 'participant_closed', 'consent_withdrawn', 'reference_taken', 'participant_version_conflict'];
    const fieldProblems = [
      'consent_required', 'contract_not_at_site', 'not_staff_of_organization', 'account_disabled', 'not_a_coop_outcome', 'unknown_organization',
      'not_in_registry', 'confirmation_mismatch', 'before_intake', 'in_future', 'not_kana', 'invalid_kana', 'end_before_start', 'out_of_range',
    ];
    const needed = [
      'casework.nav',
      ...CASE_ROLES.flatMap((role) => [`casework.caseRole.${role}`, `casework.caseRoleHint.${role}`]),
      ...PARTICIPANT_STATUSES.map((status) => `casework.status.${status}`),
      ...AGE_BANDS.map((band) => `casework.ageBand.${band}`),
      ...CONSENT_PURPOSES.flatMap((purpose) => [`casework.consentPurpose.${purpose}`, `casework.consentPurposeHint.${purpose}`]),
      ...CONSENT_METHODS.map((method) => `casework.consentMethod.${method}`),
      ...ACTIVITY_KINDS.map((kind) => `casework.activityKind.${kind}`),
      ...OUTCOME_KINDS.map((kind) => `casework.outcomeKind.${kind}`),
      ...FOLLOW_UP_STATUSES.map((status) => `casework.followUpStatus.${status}`),
      ...actions.map((action) => `casework.readAction.${action}`),
      ...['consents', 'circumstances'].map((field) => `casework.fieldError.${field}.consent_required`),
      ...problems.map((code) => `errors.${code}`),
      ...fieldProblems.map((code) => `validation.${code}`),
    ];
    expect(needed.filter((key) => !has(ja, key))).toEqual([]);
    expect(needed.filter((key) => !has(en, key))).toEqual([]);
  });

  it('use the Japanese words of the field for roles, activities and outcomes', () => {
    expect(ja.casework.caseRole).toEqual({ caseworker: '担当支援員', supervisor: 'スーパーバイザー', 'office-lead': '所長' });
    expect(ja.casework.activityKind.counselling).toBe('個別相談');
    expect(ja.casework.outcomeKind['coop-worker']).toBe('協同組合で就労');
    expect(ja.casework.circumstances.badge).toBe('要配慮個人情報');
  });
});
