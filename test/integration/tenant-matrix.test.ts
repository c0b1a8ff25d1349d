import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/accounts/api-tokens.js';
import { createSite } from '../../src/app/business/sites.js';
import { subscribeShares } from '../../src/app/capital/capital-movements.js';
import { setCapitalRules } from '../../src/app/capital/capital-rules.js';
import { addSeat, establishBody } from '../../src/app/governance/bodies.js';
import { addDocument, addMotion, createMeeting } from '../../src/app/governance/meetings.js';
import { conveneMeeting } from '../../src/app/governance/notice.js';
import { closeMeeting, closeMotion, openSession } from '../../src/app/governance/room.js';
import { recordWrittenBallot } from '../../src/app/governance/voting.js';
import { registerMember } from '../../src/app/members/register-member.js';
import { createInvitationBatch, runInvitationBatch } from '../../src/app/portal/invitations.js';
import { systemActor } from '../../src/app/audit/record-audit.js';
import { newId } from '../../src/app/shared/context.js';
import { proposeClosing } from '../../src/app/surplus/close-year.js';
import { settleSurplusClosing, submitClosing } from '../../src/app/surplus/settle-closing.js';
import { closeWorkMonth } from '../../src/app/surplus/work-months.js';
import { monthsBetween } from '../../src/domain/shared/fiscal-year.js';
import { actorFor, buildTenants, testPassword } from '../factories.js';
import { dialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Tenants = Awaited<ReturnType<typeof buildTenants>>;

interface Probe {
  /** Path with {id} filled in; always aimed at organization B or its data where the route takes one. */
  url: string;
  body?: unknown;
  /** Whether the route reaches organization B's data (a federation administrator must then succeed). */
  targetsB: boolean;
  /** A CSV body instead of JSON. */
  csv?: string;
  /** A file body (a meeting document). */
  file?: { content: string; type: string };
  /**
   * What the federation administrator gets when the setup cannot let the request succeed, though it reaches B's data
   * (422 `body_exists` when B has the body already); by default any 2xx.
   */
  federationAdminStatus?: number;
}

const csvRow = `組合員番号,姓,名,セイ,メイ,組合員の種類,加入日\r\nM-${Date.now() % 100000},侵入,次郎,シンニュウ,ジロウ,worker,2026-04-01\r\n`;

/** The request a probe makes, JSON or CSV. */
const requestOf = (probe: Probe) =>
  probe.csv !== undefined
    ? { payload: probe.csv, contentType: 'text/csv' }
    : probe.file !== undefined ? { payload: probe.file.content, contentType: probe.file.type }
    : probe.body === undefined ? {} : { payload: probe.body as object };

/**
 * One probe per route of the OpenAPI document. A route without a probe fails the test, so every route added later
 * must say how it is aimed at another organization's data.
 */
interface MemberOfB {
  membershipId: string;
  personId: string;
  /** A second member of B with three paid shares: subscribes, pays, transfers, withdraws and writes down. */
  otherMembershipId: string;
  /** A third member of B, to receive a transfer. */
  thirdMembershipId: string;
  /** A payment of the third member, to reverse (which leaves them owing, for the payroll probe). */
  entryId: string;
  /** B's governance: the board (B-0001..3 directors), a fourth member, and board meetings in each state. */
  governance: {
    boardId: string;
    fourthMembershipId: string;
    otherPersonId: string;
    thirdPersonId: string;
    draftMeetingId: string;
    documentId: string;
    convenedMeetingId: string;
    convenedMotionId: string;
    closedMotionId: string;
    rollCallMotionId: string;
    receipt: string;
  };
  /** B's fiscal-year closes: 2025 posted (B-0001 worked in May), 2024 and 2023 drafts, a general assembly in draft. */
  surplus: { postedClosingId: string; submitClosingId: string; withdrawClosingId: string; assemblyId: string };
  /** B-0001's October work: entered records to correct and to delete, and an approved one to take back. */
  work: { editId: string; deleteId: string; approvedId: string };
  /** B's site 本部 (own, opened 2020-04-01), to change, record a result for and close. */
  siteId: string;
}

function probes(t: Tenants, tokenOfB: string, memberOfB: MemberOfB): Record<string, Probe> {
  const b = t.orgB.id;
  const person = { familyName: '侵入', givenName: '太郎', familyKana: 'シンニュウ', givenKana: 'タロウ' };
  return {
    'GET /api/v1/health': { url: '/api/v1/health', targetsB: false },
    'GET /api/v1/reference': { url: '/api/v1/reference', targetsB: false },
    'POST /api/v1/auth/sign-in': { url: '/api/v1/auth/sign-in', body: { email: t.users.orgAdminB.email, password: 'wrong password!' }, targetsB: false },
    'POST /api/v1/auth/sign-out': { url: '/api/v1/auth/sign-out', targetsB: false },
    'GET /api/v1/auth/session': { url: '/api/v1/auth/session', targetsB: false },
    'PATCH /api/v1/me': { url: '/api/v1/me', body: { locale: 'en' }, targetsB: false },
    'PUT /api/v1/me/password': { url: '/api/v1/me/password', body: { currentPassword: 'wrong password!', newPassword: 'another long password' }, targetsB: false },
    'GET /api/v1/organizations': { url: '/api/v1/organizations', targetsB: true },
    'POST /api/v1/organizations': {
      url: '/api/v1/organizations', targetsB: true,
      body: { code: `wc-${Math.random().toString(36).slice(2, 8)}`, nameJa: '労働者協同組合シー', parentId: t.federation.id, legalForm: 'worker-cooperative' },
    },
    'GET /api/v1/organizations/{id}': { url: `/api/v1/organizations/${b}`, targetsB: true },
    'PATCH /api/v1/organizations/{id}': { url: `/api/v1/organizations/${b}`, body: { version: 1, address: 'matrix' }, targetsB: true },
    'GET /api/v1/organizations/{id}/history': { url: `/api/v1/organizations/${b}/history`, targetsB: true },
    'GET /api/v1/users': { url: `/api/v1/users?organizationId=${b}`, targetsB: true },
    'POST /api/v1/users': {
      url: '/api/v1/users', targetsB: true,
      body: { email: `x${Math.random().toString(36).slice(2, 8)}@test.example`, displayName: 'x', password: testPassword, role: 'clerk', organizationId: b },
    },
    'PATCH /api/v1/users/{id}': { url: `/api/v1/users/${t.users.orgAdminB.id}`, body: { displayName: 'taken over' }, targetsB: true },
    'GET /api/v1/tokens': { url: '/api/v1/tokens', targetsB: false },
    'POST /api/v1/tokens': { url: '/api/v1/tokens', body: { name: 'mine' }, targetsB: false },
    'DELETE /api/v1/tokens/{id}': { url: `/api/v1/tokens/${tokenOfB}`, targetsB: true },
    'GET /api/v1/audit': { url: '/api/v1/audit', targetsB: true },
    'GET /api/v1/audit/verify': { url: '/api/v1/audit/verify', targetsB: false },
    'GET /api/v1/organizations/{id}/members': { url: `/api/v1/organizations/${b}/members?q=%E3%81%B3%E3%83%BC`, targetsB: true },
    'GET /api/v1/members': { url: '/api/v1/members?q=bee', targetsB: false },
    'GET /api/v1/member-counts': { url: '/api/v1/member-counts', targetsB: false },
    'POST /api/v1/organizations/{id}/members': {
      url: `/api/v1/organizations/${b}/members`, targetsB: true,
      body: { person, memberNumber: `X-${Math.random().toString(36).slice(2, 8)}`, kind: 'worker', firstEvent: 'admit', effectiveDate: '2026-04-01' },
    },
    'PATCH /api/v1/memberships/{membershipId}/person': {
      url: `/api/v1/memberships/${memberOfB.membershipId}/person`, targetsB: true, body: { version: 1, phone: '000-0000-0000' },
    },
    'GET /api/v1/organizations/{id}/member-kinds': { url: `/api/v1/organizations/${b}/member-kinds`, targetsB: true },
    'POST /api/v1/organizations/{id}/member-kinds': {
      url: `/api/v1/organizations/${b}/member-kinds`, targetsB: true, body: { code: `k${Math.random().toString(36).slice(2, 8)}`, nameJa: '賛助組合員' },
    },
    'GET /api/v1/memberships/{membershipId}': { url: `/api/v1/memberships/${memberOfB.membershipId}`, targetsB: true },
    'POST /api/v1/memberships/{membershipId}/events': {
      url: `/api/v1/memberships/${memberOfB.membershipId}/events`, targetsB: true, body: { type: 'die', effectiveDate: '2026-11-01' },
    },
    'POST /api/v1/organizations/{id}/engagements': {
      url: `/api/v1/organizations/${b}/engagements`, targetsB: true, body: { personId: memberOfB.personId, engagement: { startedOn: '2026-04-01' } },
    },
    'POST /api/v1/organizations/{id}/member-imports/preview': { url: `/api/v1/organizations/${b}/member-imports/preview`, csv: csvRow, targetsB: true },
    'POST /api/v1/organizations/{id}/member-imports': { url: `/api/v1/organizations/${b}/member-imports`, csv: csvRow, targetsB: true },
    'POST /api/v1/organizations/{id}/member-imports/report': { url: `/api/v1/organizations/${b}/member-imports/report?report=errors`, csv: csvRow, targetsB: true },
    'GET /api/v1/organizations/{id}/members/export': { url: `/api/v1/organizations/${b}/members/export`, targetsB: true },
    'GET /api/v1/organizations/{id}/workers': { url: `/api/v1/organizations/${b}/workers`, targetsB: true },
    'POST /api/v1/organizations/{id}/non-member-workers': {
      url: `/api/v1/organizations/${b}/non-member-workers`, targetsB: true, body: { person, engagement: { startedOn: '2026-04-01' } },
    },
    'GET /api/v1/organizations/{id}/capital-rules': { url: `/api/v1/organizations/${b}/capital-rules`, targetsB: true },
    'POST /api/v1/organizations/{id}/capital-rules': { url: `/api/v1/organizations/${b}/capital-rules`, targetsB: true, body: { effectiveFrom: '2031-04-01', sharePrice: 1000 } },
    'GET /api/v1/memberships/{membershipId}/capital': { url: `/api/v1/memberships/${memberOfB.membershipId}/capital`, targetsB: true },
    'POST /api/v1/memberships/{membershipId}/capital/subscriptions': {
      url: `/api/v1/memberships/${memberOfB.otherMembershipId}/capital/subscriptions`, targetsB: true, body: { date: '2026-04-01', shares: 1 },
    },
    'POST /api/v1/memberships/{membershipId}/capital/payments': {
      url: `/api/v1/memberships/${memberOfB.otherMembershipId}/capital/payments`, targetsB: true, body: { date: '2026-04-01', amount: 1000, method: 'bank' },
    },
    'POST /api/v1/memberships/{membershipId}/capital/transfers': {
      url: `/api/v1/memberships/${memberOfB.otherMembershipId}/capital/transfers`, targetsB: true,
      body: { date: '2026-05-01', toMembershipId: memberOfB.thirdMembershipId, shares: 1, approval: 'board 2026-04-20' },
    },
    'POST /api/v1/memberships/{membershipId}/capital/withdrawals': {
      url: `/api/v1/memberships/${memberOfB.otherMembershipId}/capital/withdrawals`, targetsB: true, body: { date: '2026-06-01', shares: 1 },
    },
    'POST /api/v1/memberships/{membershipId}/capital/refunds': {
      url: `/api/v1/memberships/${memberOfB.otherMembershipId}/capital/refunds`, targetsB: true, body: { date: '2027-04-10' },
    },
    'POST /api/v1/memberships/{membershipId}/capital/write-downs': {
      url: `/api/v1/memberships/${memberOfB.otherMembershipId}/capital/write-downs`, targetsB: true, body: { date: '2027-05-01', amount: 100, reason: 'loss covered' },
    },
    'POST /api/v1/capital/entries/{entryId}/reversal': {
      url: `/api/v1/capital/entries/${memberOfB.entryId}/reversal`, targetsB: true, body: { date: '2026-04-02', reason: 'entered twice' },
    },
    'GET /api/v1/organizations/{id}/capital/register': { url: `/api/v1/organizations/${b}/capital/register`, targetsB: true },
    'GET /api/v1/organizations/{id}/capital/register.csv': { url: `/api/v1/organizations/${b}/capital/register.csv`, targetsB: true },
    'GET /api/v1/memberships/{membershipId}/capital/certificate.pdf': { url: `/api/v1/memberships/${memberOfB.otherMembershipId}/capital/certificate.pdf`, targetsB: true },
    'GET /api/v1/organizations/{id}/capital/register.pdf': { url: `/api/v1/organizations/${b}/capital/register.pdf`, targetsB: true },
    'GET /api/v1/capital/by-fiscal-year': { url: '/api/v1/capital/by-fiscal-year', targetsB: false },
    'GET /api/v1/organizations/{id}/capital/journal.hledger': { url: `/api/v1/organizations/${b}/capital/journal.hledger`, targetsB: true },
    'POST /api/v1/organizations/{id}/capital/payroll-deductions': {
      url: `/api/v1/organizations/${b}/capital/payroll-deductions?date=2027-06-25`, targetsB: true, csv: '組合員番号,控除額\r\nB-0003,1\r\n',
    },
    'GET /api/v1/organizations/{id}/compliance': { url: `/api/v1/organizations/${b}/compliance`, targetsB: true },
    // The federation's board adds up every organization, B among them: the federation administrator's alone.
    'GET /api/v1/compliance': { url: '/api/v1/compliance', targetsB: true },
    ...governanceProbes(t, memberOfB),
    ...workProbes(t, memberOfB),
    ...businessProbes(t, memberOfB),
    ...reportingProbes(t, memberOfB),
    ...programmeProbes(t),
    ...participantProbes(t, memberOfB),
    ...campaignProbes(t),
    ...campaignReportProbes(),
    ...passkeyProbes(),
    ...portalProbes(t),
    ...invitationProbes(t, memberOfB),
  };
}

/**
 * The member portal: a member's own routes reach only the account's own person (none of B's); B's change requests are
 * listed for B's staff, and deciding one that is not there is refused to A's people before anything is read.
 */
function portalProbes(t: Tenants): Record<string, Probe> {
  const request = '/api/v1/change-requests/no-such-request';
  return {
    'GET /api/v1/me/portal': { url: '/api/v1/me/portal', targetsB: false },
    'PATCH /api/v1/me/contact': { url: '/api/v1/me/contact', body: { phone: '03-0000-0000' }, targetsB: false },
    'POST /api/v1/me/change-requests': { url: '/api/v1/me/change-requests', body: { address: 'matrix' }, targetsB: false },
    'DELETE /api/v1/me/change-requests/{id}': { url: '/api/v1/me/change-requests/no-such-request', targetsB: false },
    'GET /api/v1/organizations/{id}/change-requests': { url: `/api/v1/organizations/${t.orgB.id}/change-requests`, targetsB: true },
    'POST /api/v1/change-requests/{id}/confirm': { url: `${request}/confirm`, targetsB: true, federationAdminStatus: 404 },
    'POST /api/v1/change-requests/{id}/reject': { url: `${request}/reject`, body: { reason: 'matrix' }, targetsB: true, federationAdminStatus: 404 },
  };
}

/**
 * B's site and its results: changed, a year recorded, the year read, a results file imported, and the site closed
 * last (the federation administrator's probes run in this order). Business lines are the federation's own.
 */
function businessProbes(t: Tenants, memberOfB: MemberOfB): Record<string, Probe> {
  const b = t.orgB.id;
  const site = memberOfB.siteId;
  return {
    'GET /api/v1/business-lines': { url: '/api/v1/business-lines', targetsB: false },
    'POST /api/v1/business-lines': { url: '/api/v1/business-lines', targetsB: true, body: { code: `line-${Math.random().toString(36).slice(2, 8)}`, nameJa: '新事業', nameEn: 'New line' } },
    'GET /api/v1/organizations/{id}/sites': { url: `/api/v1/organizations/${b}/sites`, targetsB: true },
    'POST /api/v1/organizations/{id}/sites': {
      url: `/api/v1/organizations/${b}/sites`, targetsB: true, body: { nameJa: `支所${Math.random().toString(36).slice(2, 8)}`, businessLine: 'eldercare', operation: 'own' },
    },
    'PATCH /api/v1/sites/{siteId}': { url: `/api/v1/sites/${site}`, targetsB: true, body: { version: 1, capacity: 30 } },
    'GET /api/v1/sites/{siteId}/results': { url: `/api/v1/sites/${site}/results`, targetsB: true },
    'PUT /api/v1/sites/{siteId}/results/{fiscalYear}': { url: `/api/v1/sites/${site}/results/2025`, targetsB: true, body: { turnover: 1000, expenses: 900 } },
    'GET /api/v1/organizations/{id}/site-results': { url: `/api/v1/organizations/${b}/site-results?fiscalYear=2025`, targetsB: true },
    'POST /api/v1/organizations/{id}/site-results/import': { url: `/api/v1/organizations/${b}/site-results/import`, targetsB: true, csv: '事業所,年度,事業高,経費\r\n本部,2024,500,400\r\n' },
    'POST /api/v1/sites/{siteId}/close': { url: `/api/v1/sites/${site}/close`, targetsB: true, body: { closedOn: '2026-11-30', version: 2 } },
  };
}

/**
 * Programmes: the list of local governments and of commissioners is shared by the federation's staff (it reveals
 * no organization); B's contracts are B's. The contract probes name no known commissioner: refused to A's people
 * before anything is read, and refused as invalid to the federation administrator, so nothing of B's is written.
 */
function programmeProbes(t: Tenants): Record<string, Probe> {
  const b = t.orgB.id;
  return {
    'GET /api/v1/local-governments': { url: `/api/v1/local-governments?q=${encodeURIComponent('千葉')}`, targetsB: false },
    'GET /api/v1/commissioners': { url: '/api/v1/commissioners', targetsB: false },
    'POST /api/v1/commissioners': { url: '/api/v1/commissioners', targetsB: false, body: { kind: 'other', nameJa: `委託元${Math.random().toString(36).slice(2, 8)}`, nameEn: null, localGovernmentCode: null, prefectureCode: null } },
    'GET /api/v1/organizations/{id}/contracts': { url: `/api/v1/organizations/${b}/contracts`, targetsB: true },
    'POST /api/v1/organizations/{id}/contracts': {
      url: `/api/v1/organizations/${b}/contracts`, targetsB: true, federationAdminStatus: 400,
      body: { programmeJa: '事業', programmeEn: null, commissionerId: 'none', periodFrom: '2026-04-01', periodUntil: '2027-03-31', amount: 1, siteIds: [], indicators: [], retentionMonths: 60 },
    },
    'GET /api/v1/contracts/{contractId}': { url: '/api/v1/contracts/no-such-contract', targetsB: true, federationAdminStatus: 404 },
    'PUT /api/v1/contracts/{contractId}': {
      url: '/api/v1/contracts/no-such-contract', targetsB: true, federationAdminStatus: 404,
      body: { programmeJa: '事業', programmeEn: null, commissionerId: 'none', periodFrom: '2026-04-01', periodUntil: '2027-03-31', amount: 1, siteIds: [], indicators: [], retentionMonths: 60, version: 1 },
    },
    ...programmeReportProbes(),
  };
}

/**
 * Reports on programmes: a contract's report (JSON, CSV, PDF) is its organization's, aimed at a contract that is not
 * there (404 to everyone, the federation administrator included); the federation's overview sums every organization's
 * programmes, B's included, so only its administrator reads it.
 */
function programmeReportProbes(): Record<string, Probe> {
  return {
    'GET /api/v1/contracts/{contractId}/report': { url: '/api/v1/contracts/no-such-contract/report', targetsB: true, federationAdminStatus: 404 },
    'GET /api/v1/contracts/{contractId}/report.csv': { url: '/api/v1/contracts/no-such-contract/report.csv?encoding=cp932', targetsB: true, federationAdminStatus: 404 },
    'GET /api/v1/contracts/{contractId}/report.pdf': { url: '/api/v1/contracts/no-such-contract/report.pdf?lang=en', targetsB: true, federationAdminStatus: 404 },
    'GET /api/v1/reports/programmes': { url: '/api/v1/reports/programmes?fromYear=2025&untilYear=2026', targetsB: true },
  };
}

/** B's batch of invitations (its letters sealed, waiting): made in beforeAll. */
const invitationsOfB = { batchId: '' };

/**
 * Invitations to the portal: B's are its staff's (the batch, its letters, a reprint for B-0001); signing in with a
 * code names no organization (a wrong code is refused to everyone).
 */
function invitationProbes(t: Tenants, memberOfB: MemberOfB): Record<string, Probe> {
  const batch = `/api/v1/invitation-batches/${invitationsOfB.batchId}`;
  return {
    'POST /api/v1/organizations/{id}/invitations': {
      url: `/api/v1/organizations/${t.orgB.id}/invitations`, targetsB: true, body: { membershipIds: [memberOfB.membershipId], channel: 'letter', language: 'ja' },
    },
    'GET /api/v1/invitation-batches/{id}': { url: batch, targetsB: true },
    'GET /api/v1/invitation-batches/{id}/letters.pdf': { url: `${batch}/letters.pdf`, targetsB: true },
    'POST /api/v1/memberships/{membershipId}/invitations/letter': { url: `/api/v1/memberships/${memberOfB.membershipId}/invitations/letter`, targetsB: true, body: {} },
    'POST /api/v1/auth/code-sign-in': { url: '/api/v1/auth/code-sign-in', targetsB: false, body: { code: 'AAAA-AAAA-AAAA' } },
  };
}

/**
 * Passkeys are each user's own (/me): no route names another organization, so none reaches B. The answers are well
 * formed but answer no challenge (refused); the removal names a passkey that is not the caller's (404). That no user
 * reaches another's passkeys is tested in passkeys.test.ts.
 */
function passkeyProbes(): Record<string, Probe> {
  const credential = { id: 'AAAA', rawId: 'AAAA', type: 'public-key', clientExtensionResults: {} };
  const clientDataJSON = Buffer.from('{}').toString('base64url');
  return {
    'POST /api/v1/me/passkeys/registration-options': { url: '/api/v1/me/passkeys/registration-options', targetsB: false },
    'POST /api/v1/me/passkeys': { url: '/api/v1/me/passkeys', targetsB: false, body: { response: { ...credential, response: { clientDataJSON, attestationObject: 'oA' } }, name: 'matrix' } },
    'GET /api/v1/me/passkeys': { url: '/api/v1/me/passkeys', targetsB: false },
    'DELETE /api/v1/me/passkeys/{id}': { url: '/api/v1/me/passkeys/no-such-passkey', targetsB: false },
    'POST /api/v1/auth/passkey/options': { url: '/api/v1/auth/passkey/options', targetsB: false },
    'POST /api/v1/auth/passkey/sign-in': {
      url: '/api/v1/auth/passkey/sign-in', targetsB: false, body: { response: { ...credential, response: { clientDataJSON, authenticatorData: 'AA', signature: 'AA' } } },
    },
  };
}

/**
 * A campaign's reports (CSV, PDF) are its organization's, aimed at a campaign that is not there (404 to everyone, the
 * federation administrator included).
 */
function campaignReportProbes(): Record<string, Probe> {
  return {
    'GET /api/v1/campaigns/{id}/report.csv': { url: '/api/v1/campaigns/no-such-campaign/report.csv?encoding=cp932&lang=en', targetsB: true, federationAdminStatus: 404 },
    'GET /api/v1/campaigns/{id}/report.pdf': { url: '/api/v1/campaigns/no-such-campaign/report.pdf?lang=en', targetsB: true, federationAdminStatus: 404 },
  };
}

/**
 * Participants: only staff with a case role at the participant's office read or write them — the federation
 * administrator has none, so it is refused (404) like everyone of A; it may see and change who works cases at B.
 */
function participantProbes(t: Tenants, memberOfB: MemberOfB): Record<string, Probe> {
  const site = memberOfB.siteId;
  const identity = { familyName: '試験', givenName: '一', familyNameKana: 'シケン', givenNameKana: 'ハジメ', birthDate: null, phone: null, email: null, postalCode: null, address: null };
  const participant = '/api/v1/participants/no-such-participant';
  return {
    'GET /api/v1/organizations/{id}/case-assignments': { url: `/api/v1/organizations/${t.orgB.id}/case-assignments`, targetsB: true },
    'PUT /api/v1/sites/{siteId}/case-assignments/{userId}': { url: `/api/v1/sites/${site}/case-assignments/no-such-user`, targetsB: true, federationAdminStatus: 400, body: { caseRole: 'caseworker' } },
    'DELETE /api/v1/sites/{siteId}/case-assignments/{userId}': { url: `/api/v1/sites/${site}/case-assignments/no-such-user`, targetsB: true, federationAdminStatus: 404 },
    'GET /api/v1/me/case-sites': { url: '/api/v1/me/case-sites', targetsB: false },
    'GET /api/v1/sites/{siteId}/participants': { url: `/api/v1/sites/${site}/participants`, targetsB: true, federationAdminStatus: 404 },
    'POST /api/v1/sites/{siteId}/participants': {
      url: `/api/v1/sites/${site}/participants`, targetsB: true, federationAdminStatus: 404,
      body: { contractId: 'none', intakeOn: '2026-06-01', ageBand: '20-24', identity, circumstances: null, consents: [{ purpose: 'support', method: 'written', givenOn: '2026-06-01' }] },
    },
    'GET /api/v1/participants/{id}': { url: participant, targetsB: true, federationAdminStatus: 404 },
    'PUT /api/v1/participants/{id}': { url: participant, targetsB: true, federationAdminStatus: 404, body: { version: 1, ageBand: '20-24', identity, circumstances: null } },
    'POST /api/v1/participants/{id}/consents': { url: `${participant}/consents`, targetsB: true, federationAdminStatus: 404, body: { purpose: 'registry-link', method: 'oral', givenOn: '2026-06-01' } },
    'POST /api/v1/participants/{id}/consents/{consentId}/withdraw': { url: `${participant}/consents/none/withdraw`, targetsB: true, federationAdminStatus: 404, body: { withdrawnOn: '2026-06-01' } },
    'POST /api/v1/participants/{id}/plans': { url: `${participant}/plans`, targetsB: true, federationAdminStatus: 404, body: { startsOn: '2026-06-01', reviewOn: null, goals: '目標' } },
    'POST /api/v1/participants/{id}/activities': { url: `${participant}/activities`, targetsB: true, federationAdminStatus: 404, body: { kind: 'counselling', on: '2026-06-01', minutes: 30, note: null } },
    'POST /api/v1/participants/{id}/outcomes': { url: `${participant}/outcomes`, targetsB: true, federationAdminStatus: 404, body: { kind: 'employment', on: '2026-06-01', coopOrganizationId: null, note: null } },
    'PUT /api/v1/participants/{id}/follow-ups/{followUpId}': { url: `${participant}/follow-ups/none`, targetsB: true, federationAdminStatus: 404, body: { doneOn: '2026-06-01', status: 'in-work', note: null } },
    'PUT /api/v1/participants/{id}/person': { url: `${participant}/person`, targetsB: true, federationAdminStatus: 404, body: { personId: memberOfB.personId } },
    'DELETE /api/v1/participants/{id}/person': { url: `${participant}/person`, targetsB: true, federationAdminStatus: 404 },
    'POST /api/v1/participants/{id}/close': { url: `${participant}/close`, targetsB: true, federationAdminStatus: 404, body: { closedOn: '2026-06-01' } },
    'GET /api/v1/participants/{id}/export': { url: `${participant}/export`, targetsB: true, federationAdminStatus: 404 },
    'POST /api/v1/participants/{id}/erase': { url: `${participant}/erase`, targetsB: true, federationAdminStatus: 404, body: { confirm: 'P-2026-0001' } },
    'GET /api/v1/sites/{siteId}/participant-reads': { url: `/api/v1/sites/${site}/participant-reads`, targetsB: true, federationAdminStatus: 404 },
  };
}

/**
 * Campaigns: B's list and a new campaign of B's (without local governments) reach B; every other probe aims at a
 * campaign or target that is not there, refused to A's people before anything is read and 404 to the federation
 * administrator, so nothing of B's is written.
 */
function campaignProbes(t: Tenants): Record<string, Probe> {
  const b = t.orgB.id;
  const campaign = '/api/v1/campaigns/no-such-campaign';
  const target = '/api/v1/targets/no-such-target';
  const fields = { nameJa: '運動', nameEn: null, goalJa: '目標', goalEn: null, periodFrom: '2026-04-01', periodUntil: null };
  return {
    'GET /api/v1/organizations/{id}/campaigns': { url: `/api/v1/organizations/${b}/campaigns`, targetsB: true },
    'POST /api/v1/organizations/{id}/campaigns': { url: `/api/v1/organizations/${b}/campaigns`, targetsB: true, body: { ...fields, includeLocalGovernments: false } },
    'GET /api/v1/campaigns/{id}': { url: campaign, targetsB: true, federationAdminStatus: 404 },
    'PUT /api/v1/campaigns/{id}': { url: campaign, targetsB: true, federationAdminStatus: 404, body: { ...fields, version: 1 } },
    'GET /api/v1/campaigns/{id}/targets': { url: `${campaign}/targets?prefecture=13&q=${encodeURIComponent('千代田')}`, targetsB: true, federationAdminStatus: 404 },
    'POST /api/v1/campaigns/{id}/targets': { url: `${campaign}/targets`, targetsB: true, federationAdminStatus: 404, body: { kind: 'party', nameJa: '政党', nameEn: null } },
    'POST /api/v1/campaigns/{id}/targets/import': { url: `${campaign}/targets/import`, targetsB: true, federationAdminStatus: 404, csv: '団体コード,段階,日付\r\n131016,採択,2026-06-01\r\n' },
    'POST /api/v1/campaigns/{id}/milestones': {
      url: `${campaign}/milestones`, targetsB: true, federationAdminStatus: 404, body: { kind: 'other', on: '2026-06-01', titleJa: '集会', titleEn: null, description: null },
    },
    'DELETE /api/v1/campaigns/{id}/milestones/{milestoneId}': { url: `${campaign}/milestones/none`, targetsB: true, federationAdminStatus: 404 },
    'GET /api/v1/targets/{id}': { url: target, targetsB: true, federationAdminStatus: 404 },
    'PUT /api/v1/targets/{id}': { url: target, targetsB: true, federationAdminStatus: 404, body: { version: 1, responsibleOrganizationId: null, responsiblePerson: null, notes: null } },
    'POST /api/v1/targets/{id}/stage': { url: `${target}/stage`, targetsB: true, federationAdminStatus: 404, body: { stage: 'contacted', on: '2026-06-01', note: null, correction: false, version: 1 } },
    'POST /api/v1/targets/{id}/links': { url: `${target}/links`, targetsB: true, federationAdminStatus: 404, body: { title: '意見書', url: 'https://example.jp/ikensho.pdf' } },
    'DELETE /api/v1/targets/{id}/links/{linkId}': { url: `${target}/links/none`, targetsB: true, federationAdminStatus: 404 },
    'POST /api/v1/targets/{id}/documents': {
      url: `${target}/documents?fileName=${encodeURIComponent('意見書.pdf')}`, targetsB: true, federationAdminStatus: 404, file: { content: '%PDF-1.4 ikensho', type: 'application/pdf' },
    },
    'GET /api/v1/campaign-documents/{documentId}': { url: '/api/v1/campaign-documents/no-such-document', targetsB: true, federationAdminStatus: 404 },
    'DELETE /api/v1/campaign-documents/{documentId}': { url: '/api/v1/campaign-documents/no-such-document', targetsB: true, federationAdminStatus: 404 },
  };
}

/** The dashboards and the federation's reporting: the federation's sums include B, so only its administrator sees them. */
function reportingProbes(t: Tenants, memberOfB: MemberOfB): Record<string, Probe> {
  const b = t.orgB.id;
  return {
    'GET /api/v1/federation/dashboard': { url: '/api/v1/federation/dashboard', targetsB: true },
    'GET /api/v1/organizations/{id}/dashboard': { url: `/api/v1/organizations/${b}/dashboard?fiscalYear=2025`, targetsB: true },
    'GET /api/v1/fx-rates': { url: '/api/v1/fx-rates', targetsB: true },
    'PUT /api/v1/fx-rates/{fiscalYear}': { url: '/api/v1/fx-rates/2025', targetsB: true, body: { yenPerUsd: 150.25, source: 'probe' } },
    'DELETE /api/v1/fx-rates/{fiscalYear}': { url: '/api/v1/fx-rates/2025', targetsB: true },
    'GET /api/v1/sdg/catalogue': { url: '/api/v1/sdg/catalogue', targetsB: false },
    'GET /api/v1/sdg/tags': { url: `/api/v1/sdg/tags?organizationId=${b}`, targetsB: true },
    'PUT /api/v1/business-lines/{code}/sdg': { url: '/api/v1/business-lines/eldercare/sdg', targetsB: true, body: { codes: ['3', '8.5'] } },
    'PUT /api/v1/sites/{siteId}/sdg': { url: `/api/v1/sites/${memberOfB.siteId}/sdg`, targetsB: true, body: { codes: ['3.8'] } },
    'PUT /api/v1/contracts/{contractId}/sdg': { url: '/api/v1/contracts/no-such-contract/sdg', targetsB: true, federationAdminStatus: 404, body: { codes: ['8.6'] } },
    'GET /api/v1/federation/sdg': { url: '/api/v1/federation/sdg', targetsB: true },
    'POST /api/v1/federation/annual-report': { url: '/api/v1/federation/annual-report', targetsB: true, body: { fiscalYear: 2025, language: 'ja' } },
    'GET /api/v1/organizations/{id}/sdg': { url: `/api/v1/organizations/${b}/sdg?fiscalYear=2025`, targetsB: true },
  };
}

/**
 * B's work records, in the order the federation administrator's probes run: October's records corrected, deleted,
 * un-approved, one more recorded (by B-0002: B-0001 dies on 1 November in the registry's probe), all approved and the
 * month closed; then November's time-clock file checked, imported and reported on.
 */
function workProbes(t: Tenants, memberOfB: MemberOfB): Record<string, Probe> {
  const b = t.orgB.id;
  const w = memberOfB.work;
  const timeClock = '組合員番号,日付,時間\r\nB-0002,2026-11-02,8\r\n';
  return {
    'GET /api/v1/organizations/{id}/work-records': { url: `/api/v1/organizations/${b}/work-records?from=2025-04-01&until=2026-11-30`, targetsB: true },
    'POST /api/v1/organizations/{id}/work-records': {
      url: `/api/v1/organizations/${b}/work-records`, targetsB: true, body: { personId: memberOfB.governance.otherPersonId, date: '2026-10-06', entries: [{ minutes: 60 }] },
    },
    'PATCH /api/v1/work-records/{recordId}': { url: `/api/v1/work-records/${w.editId}`, targetsB: true, body: { version: 1, minutes: 420 } },
    'DELETE /api/v1/work-records/{recordId}': { url: `/api/v1/work-records/${w.deleteId}?version=1`, targetsB: true },
    'POST /api/v1/work-records/{recordId}/unapprove': { url: `/api/v1/work-records/${w.approvedId}/unapprove`, targetsB: true, body: { version: 1 } },
    'POST /api/v1/organizations/{id}/work-records/approve': { url: `/api/v1/organizations/${b}/work-records/approve`, targetsB: true, body: { from: '2026-10-01', until: '2026-10-31' } },
    'GET /api/v1/organizations/{id}/work-periods': { url: `/api/v1/organizations/${b}/work-periods?from=2025-04&until=2026-11`, targetsB: true },
    'POST /api/v1/organizations/{id}/work-periods/{period}/close': { url: `/api/v1/organizations/${b}/work-periods/2026-10/close`, targetsB: true },
    'POST /api/v1/organizations/{id}/work-imports/preview': { url: `/api/v1/organizations/${b}/work-imports/preview`, targetsB: true, csv: timeClock },
    'POST /api/v1/organizations/{id}/work-imports': { url: `/api/v1/organizations/${b}/work-imports`, targetsB: true, csv: timeClock },
    'POST /api/v1/organizations/{id}/work-imports/report': { url: `/api/v1/organizations/${b}/work-imports/report`, targetsB: true, csv: timeClock },
  };
}

/** Assemblies and ballots of B: each probe aims at a board meeting in the state the route needs. */
function governanceProbes(t: Tenants, memberOfB: MemberOfB): Record<string, Probe> {
  const b = t.orgB.id;
  const g = memberOfB.governance;
  const sp = memberOfB.surplus;
  const closing = (id: string, rest = '') => `/api/v1/closings/${id}${rest}`;
  const meeting = (id: string, rest = '') => `/api/v1/meetings/${id}${rest}`;
  return {
    'GET /api/v1/organizations/{id}/bodies': { url: `/api/v1/organizations/${b}/bodies`, targetsB: true },
    // B's general assembly exists already (its fiscal-year close went to it): reaching it says so.
    'POST /api/v1/organizations/{id}/bodies': { url: `/api/v1/organizations/${b}/bodies`, targetsB: true, body: { kind: 'general_assembly' }, federationAdminStatus: 422 },
    'GET /api/v1/bodies/{bodyId}/seats': { url: `/api/v1/bodies/${g.boardId}/seats`, targetsB: true },
    'POST /api/v1/bodies/{bodyId}/seats': {
      url: `/api/v1/bodies/${g.boardId}/seats`, targetsB: true, body: { membershipId: g.fourthMembershipId, role: 'auditor', termFrom: '2026-04-01', termUntil: '2030-03-31' },
    },
    'GET /api/v1/organizations/{id}/bylaws': { url: `/api/v1/organizations/${b}/bylaws`, targetsB: true },
    'POST /api/v1/organizations/{id}/bylaws': { url: `/api/v1/organizations/${b}/bylaws`, targetsB: true, body: { title: '定款変更案', text: '…', settings: { proxyCapPerHolder: 2 } } },
    'GET /api/v1/organizations/{id}/bylaws/settings': { url: `/api/v1/organizations/${b}/bylaws/settings`, targetsB: true },
    'GET /api/v1/organizations/{id}/meetings': { url: `/api/v1/organizations/${b}/meetings`, targetsB: true },
    'POST /api/v1/organizations/{id}/meetings': {
      url: `/api/v1/organizations/${b}/meetings`, targetsB: true, body: { bodyKind: 'board', title: '理事会', startsAt: '2027-02-01T01:00:00Z', place: '事務所', recordDate: '2026-11-01' },
    },
    'GET /api/v1/meetings/{meetingId}': { url: meeting(g.draftMeetingId), targetsB: true },
    'PATCH /api/v1/meetings/{meetingId}': { url: meeting(g.draftMeetingId), targetsB: true, body: { version: 1, title: '第3回理事会' } },
    'POST /api/v1/meetings/{meetingId}/motions': { url: meeting(g.draftMeetingId, '/motions'), targetsB: true, body: { kind: 'ordinary', title: '予算の件' } },
    'POST /api/v1/meetings/{meetingId}/documents': { url: meeting(g.draftMeetingId, '/documents?fileName=plan.pdf'), targetsB: true, file: { content: '%PDF-1.4 plan', type: 'application/pdf' } },
    'GET /api/v1/meeting-documents/{documentId}': { url: `/api/v1/meeting-documents/${g.documentId}`, targetsB: true },
    'POST /api/v1/meetings/{meetingId}/convene': { url: meeting(g.draftMeetingId, '/convene'), targetsB: true, body: { sendEmail: false } },
    'GET /api/v1/meetings/{meetingId}/notice.pdf': { url: meeting(g.convenedMeetingId, '/notice.pdf'), targetsB: true },
    'GET /api/v1/meetings/{meetingId}/invitation.ics': { url: meeting(g.convenedMeetingId, '/invitation.ics'), targetsB: true },
    // Only a member's own account votes; nobody of A (nor the federation's administrator) is one of B's voters.
    'POST /api/v1/motions/{motionId}/ballots': { url: `/api/v1/motions/${g.convenedMotionId}/ballots`, targetsB: false, body: { choice: 'for', forPersonId: memberOfB.personId } },
    'POST /api/v1/motions/{motionId}/written-ballots': { url: `/api/v1/motions/${g.convenedMotionId}/written-ballots`, targetsB: true, body: { personId: memberOfB.personId, choice: 'for' } },
    'GET /api/v1/motions/{motionId}/receipts/{receipt}': { url: `/api/v1/motions/${g.closedMotionId}/receipts/${g.receipt}`, targetsB: true },
    'GET /api/v1/motions/{motionId}/tally': { url: `/api/v1/motions/${g.closedMotionId}/tally`, targetsB: true },
    'GET /api/v1/motions/{motionId}/roll-call': { url: `/api/v1/motions/${g.rollCallMotionId}/roll-call`, targetsB: true },
    'POST /api/v1/meetings/{meetingId}/proxies': { url: meeting(g.convenedMeetingId, '/proxies'), targetsB: true, body: { grantorPersonId: g.otherPersonId, holderPersonId: g.thirdPersonId } },
    'DELETE /api/v1/meetings/{meetingId}/proxies': { url: meeting(g.convenedMeetingId, `/proxies?grantorPersonId=${g.otherPersonId}`), targetsB: true },
    'GET /api/v1/meetings/{meetingId}/participation': { url: meeting(g.convenedMeetingId, '/participation'), targetsB: true },
    'GET /api/v1/meetings/{meetingId}/voters': { url: meeting(g.convenedMeetingId, '/voters?q=B'), targetsB: true },
    'GET /api/v1/my/meetings': { url: '/api/v1/my/meetings', targetsB: false },
    'POST /api/v1/meetings/{meetingId}/session': { url: meeting(g.convenedMeetingId, '/session'), targetsB: true, body: {} },
    'POST /api/v1/meetings/{meetingId}/attendance': { url: meeting(g.convenedMeetingId, '/attendance'), targetsB: true, body: { personId: g.otherPersonId, mode: 'in_person' } },
    'DELETE /api/v1/meetings/{meetingId}/attendance/{personId}': { url: meeting(g.convenedMeetingId, `/attendance/${g.otherPersonId}`), targetsB: true },
    'POST /api/v1/motions/{motionId}/teller-counts': { url: `/api/v1/motions/${g.convenedMotionId}/teller-counts`, targetsB: true, body: { counts: { abstain: 0 } } },
    'POST /api/v1/motions/{motionId}/close': { url: `/api/v1/motions/${g.convenedMotionId}/close`, targetsB: true, body: {} },
    'POST /api/v1/meetings/{meetingId}/close': { url: meeting(g.convenedMeetingId, '/close'), targetsB: true },
    'GET /api/v1/meetings/{meetingId}/live': { url: meeting(g.convenedMeetingId, '/live'), targetsB: true },
    'GET /api/v1/meetings/{meetingId}/minutes.pdf': { url: meeting(g.convenedMeetingId, '/minutes.pdf'), targetsB: true },
    'GET /api/v1/organizations/{id}/closings': { url: `/api/v1/organizations/${b}/closings`, targetsB: true },
    'POST /api/v1/organizations/{id}/closings': { url: `/api/v1/organizations/${b}/closings`, targetsB: true, body: { fiscalYear: 2022, surplus: -1 } },
    'GET /api/v1/closings/{closingId}': { url: closing(sp.postedClosingId), targetsB: true },
    'GET /api/v1/closings/{closingId}/dividends': { url: closing(sp.postedClosingId, '/dividends'), targetsB: true },
    'GET /api/v1/closings/{closingId}/dividends.csv': { url: closing(sp.postedClosingId, '/dividends.csv'), targetsB: true },
    'POST /api/v1/closings/{closingId}/submit': { url: closing(sp.submitClosingId, '/submit'), targetsB: true, body: { meetingId: sp.assemblyId, version: 1 } },
    'POST /api/v1/closings/{closingId}/withdraw': { url: closing(sp.withdrawClosingId, '/withdraw'), targetsB: true, body: { version: 1 } },
    'GET /api/v1/closings/{closingId}/dividends/{membershipId}': { url: closing(sp.postedClosingId, `/dividends/${memberOfB.membershipId}`), targetsB: true },
    'GET /api/v1/closings/{closingId}/dividends/{membershipId}/statement.pdf': { url: closing(sp.postedClosingId, `/dividends/${memberOfB.membershipId}/statement.pdf`), targetsB: true },
    'POST /api/v1/closings/{closingId}/statements/send': { url: closing(sp.postedClosingId, '/statements/send'), targetsB: true },
    'GET /api/v1/my/dividends': { url: '/api/v1/my/dividends', targetsB: false },
  };
}

describe.each(dialects)('role and tenant matrix over every OpenAPI route (%s)', (dialect) => {
  let t: TestApp;
  let tenants: Tenants;
  let routes: { method: string; path: string }[];
  let tokenOfB: { id: string; token: string };
  let memberOfB: MemberOfB;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tenants = await buildTenants(t.ctx);
    tokenOfB = await createApiToken(t.ctx, { userId: null, email: 'test' }, { userId: tenants.users.orgAdminB.id, organizationId: tenants.orgB.id }, 'b');
    const registered = await registerMember(t.ctx, actorFor(tenants.users.orgAdminB), tenants.orgB.id, {
      person: { familyName: '美絵', givenName: '秘密', familyKana: 'ビー', givenKana: 'ヒミツ', birthDate: null, email: null, phone: null, postalCode: null, prefectureCode: null, address: null },
      memberNumber: 'B-0001', kind: 'worker', firstEvent: 'admit', effectiveDate: '2025-04-01',
    });
    // B's capital: rules, and a second member holding three fully paid shares (to transfer, withdraw and write down).
    const adminB = actorFor(tenants.users.orgAdminB);
    await setCapitalRules(t.ctx, adminB, tenants.orgB.id, { effectiveFrom: '2025-04-01', sharePrice: 1000 });
    const other = await registerMember(t.ctx, adminB, tenants.orgB.id, {
      person: { familyName: '別', givenName: '組合員', familyKana: 'ベツ', givenKana: 'クミアイイン', birthDate: null, email: null, phone: null, postalCode: null, prefectureCode: null, address: null },
      memberNumber: 'B-0002', kind: 'worker', firstEvent: 'admit', effectiveDate: '2025-04-01',
    });
    await subscribeShares(t.ctx, adminB, other.membership.id, { date: '2025-04-01', shares: 3, firstPayment: { amount: 3000, method: 'bank', founding: false } });
    const third = await registerMember(t.ctx, adminB, tenants.orgB.id, {
      person: { familyName: '三', givenName: '組合員', familyKana: 'サン', givenKana: 'クミアイイン', birthDate: null, email: null, phone: null, postalCode: null, prefectureCode: null, address: null },
      memberNumber: 'B-0003', kind: 'worker', firstEvent: 'admit', effectiveDate: '2025-04-01',
    });
    await subscribeShares(t.ctx, adminB, registered.membership.id, { date: '2025-04-01', shares: 1, firstPayment: { amount: 1000, method: 'bank', founding: false } });
    const [, payment] = await subscribeShares(t.ctx, adminB, third.membership.id, { date: '2025-04-01', shares: 1, firstPayment: { amount: 1000, method: 'bank', founding: false } });
    // B's governance: the three members sit on the board; a fourth stands apart (to become auditor).
    const fourth = await registerMember(t.ctx, adminB, tenants.orgB.id, {
      person: { familyName: '四', givenName: '組合員', familyKana: 'ヨン', givenKana: 'クミアイイン', birthDate: null, email: null, phone: null, postalCode: null, prefectureCode: null, address: null },
      memberNumber: 'B-0004', kind: 'worker', firstEvent: 'admit', effectiveDate: '2025-04-01',
    });
    const board = await establishBody(t.ctx, adminB, tenants.orgB.id, { kind: 'board' });
    for (const m of [registered, other, third]) {
      await addSeat(t.ctx, adminB, board.id, { membershipId: m.membership.id, role: 'director', termFrom: '2025-04-01', termUntil: '2027-03-31' });
    }
    const boardMeeting = (title: string) => createMeeting(t.ctx, adminB, tenants.orgB.id, { bodyKind: 'board', title, startsAt: '2027-01-20T01:00:00Z', place: '事務所', recordDate: '2026-11-01' });
    const mail = { mailer: null, from: 'x@test.example' };
    const draft = await boardMeeting('第2回理事会');
    await addMotion(t.ctx, adminB, draft.id, { kind: 'ordinary', title: '事業計画の件' });
    const document = await addDocument(t.ctx, adminB, draft.id, { fileName: '事業計画.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 plan') });
    const convened = await boardMeeting('臨時理事会');
    const convenedMotion = await addMotion(t.ctx, adminB, convened.id, { kind: 'ordinary', title: '借入の件' });
    await conveneMeeting(t.ctx, adminB, mail, convened.id, { sendEmail: false });
    const held = await boardMeeting('第1回理事会');
    const heldMotion = await addMotion(t.ctx, adminB, held.id, { kind: 'ordinary', title: '規程の件' });
    const heldRollCall = await addMotion(t.ctx, adminB, held.id, { kind: 'ordinary', title: '役員報酬の件', voting: 'roll_call' });
    await conveneMeeting(t.ctx, adminB, mail, held.id, { sendEmail: false });
    const { receipt } = await recordWrittenBallot(t.ctx, adminB, heldMotion.id, { personId: other.person.id, choice: 'for' });
    await openSession(t.ctx, adminB, held.id, {});
    await closeMotion(t.ctx, adminB, heldMotion.id, {});
    await closeMotion(t.ctx, adminB, heldRollCall.id, {});
    await closeMeeting(t.ctx, adminB, held.id);
    // B's closes: fiscal 2025 (B-0001 worked a day in May) posted with a zero surplus, so its statement exists but the
    // ledger gains no entry; 2024 and 2023 as drafts, to put to the assembly and to withdraw; every month closed.
    await t.ctx.db.insertInto('work_records').values({
      id: newId(), organization_id: tenants.orgB.id, person_id: registered.person.id, work_date: '2025-05-12', site: '', business_line: '', role: '', minutes: 480,
      status: 'approved', source: 'app', import_batch_id: null, note: null, approved_at: '2025-05-13T00:00:00Z', approved_by: 'b', version: 1, created_at: '2025-05-12T00:00:00Z',
      updated_at: '2025-05-12T00:00:00Z', recorded_by: 'b',
    }).execute();
    const october = (day: string, status: 'entered' | 'approved') => ({
      id: newId(), organization_id: tenants.orgB.id, person_id: registered.person.id, work_date: `2026-10-${day}`, site: '本部', business_line: '', role: '', minutes: 480,
      status, source: 'app', import_batch_id: null, note: null, approved_at: status === 'approved' ? '2026-11-01T00:00:00Z' : null, approved_by: status === 'approved' ? 'b' : null,
      version: 1, created_at: '2026-10-31T00:00:00Z', updated_at: '2026-10-31T00:00:00Z', recorded_by: 'b',
    });
    const work = { edit: october('01', 'entered'), remove: october('02', 'entered'), approved: october('05', 'approved') };
    await t.ctx.db.insertInto('work_records').values(Object.values(work)).execute();
    await t.ctx.db.transaction().execute(async (trx) => {
      for (const period of monthsBetween('2022-04-01', '2026-03-31')) await closeWorkMonth(trx, dialect, tenants.orgB.id, period, { at: '2026-04-15T00:00:00Z', by: 'b' });
    });
    const assembly = await createMeeting(t.ctx, adminB, tenants.orgB.id, { bodyKind: 'general_assembly', title: '通常総会', startsAt: '2027-06-20T01:00:00Z', place: '事務所', recordDate: '2027-05-01' });
    const posted = await proposeClosing(t.ctx, adminB, tenants.orgB.id, { fiscalYear: 2025, surplus: 0 });
    const submitted = await submitClosing(t.ctx, adminB, posted.id, { meetingId: assembly.id, version: posted.version });
    await t.ctx.db.transaction().execute((trx) => settleSurplusClosing(trx, t.ctx, adminB, submitted.motionId!, true, '2026-06-20T00:00:00Z'));
    const toSubmit = await proposeClosing(t.ctx, adminB, tenants.orgB.id, { fiscalYear: 2024, surplus: 0 });
    const toWithdraw = await proposeClosing(t.ctx, adminB, tenants.orgB.id, { fiscalYear: 2023, surplus: 0 });
    const siteOfB = await createSite(t.ctx, adminB, tenants.orgB.id, {
      nameJa: '本部', nameEn: null, businessLine: 'eldercare', postalCode: null, prefectureCode: null, address: null, openedOn: '2020-04-01', closedOn: null,
      operation: 'own', commissionerName: null, commissionerCode: null, capacity: null,
    });
    memberOfB = {
      siteId: siteOfB.id,
      surplus: { postedClosingId: posted.id, submitClosingId: toSubmit.id, withdrawClosingId: toWithdraw.id, assemblyId: assembly.id },
      work: { editId: work.edit.id, deleteId: work.remove.id, approvedId: work.approved.id },
      membershipId: registered.membership.id, personId: registered.person.id, otherMembershipId: other.membership.id, thirdMembershipId: third.membership.id, entryId: payment!.id,
      governance: {
        boardId: board.id, fourthMembershipId: fourth.membership.id, otherPersonId: other.person.id, thirdPersonId: third.person.id, draftMeetingId: draft.id,
        documentId: document.id, convenedMeetingId: convened.id, convenedMotionId: convenedMotion.id, closedMotionId: heldMotion.id, rollCallMotionId: heldRollCall.id, receipt,
      },
    };
    const invitationDeps = { mail: { mailer: null, from: 'test' }, signInUrl: `${t.config.publicUrl}/sign-in/code` };
    invitationsOfB.batchId = (await createInvitationBatch(t.ctx, adminB, systemActor('test'), invitationDeps, tenants.orgB.id, { channel: 'letter', language: 'ja' }, { keepLetters: true })).batchId;
    await runInvitationBatch(t.ctx, invitationDeps, invitationsOfB.batchId, { keepLetters: true });
    const spec = (await t.app.inject({ url: '/api/v1/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    routes = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path })));
  });
  afterAll(() => t.close());

  it('has a probe for every route in the OpenAPI document', () => {
    const known = probes(tenants, tokenOfB.id, memberOfB);
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.map((r) => `${r.method} ${r.path}`).filter((key) => !known[key])).toEqual([]);
  });

  it('never shows or changes organization B to anyone of organization A, nor to anyone signed out', async () => {
    const b = tenants.orgB;
    const secrets = [b.id, b.code, b.nameJa, tenants.users.orgAdminB.email, tenants.users.orgAdminB.id, memberOfB.membershipId, memberOfB.personId, '美絵', 'B-0001'];
    const callers: Record<string, string | null> = {
      'signed out': null,
      'org-admin of A': await t.bearer(tenants.users.orgAdminA),
      'clerk of A': await t.bearer(tenants.users.clerkA),
      'member of A': await t.bearer(tenants.users.memberA),
    };
    const leaks: string[] = [];
    for (const [who, authorization] of Object.entries(callers)) {
      const table = probes(tenants, tokenOfB.id, memberOfB);
      for (const { method, path } of routes) {
        const probe = table[`${method} ${path}`]!;
        const { contentType, ...payload } = { contentType: undefined, ...requestOf(probe) };
        const response = await t.app.inject({
          method: method as 'GET', url: probe.url, headers: { ...(authorization ? { authorization } : {}), ...(contentType ? { 'content-type': contentType } : {}) }, ...payload,
        });
        const ok = response.statusCode >= 200 && response.statusCode < 300;
        if (ok && probe.targetsB && !['GET /api/v1/organizations'].includes(`${method} ${path}`)) leaks.push(`${who}: ${method} ${path} answered ${response.statusCode}`);
        for (const secret of secrets) if (response.body.includes(secret)) leaks.push(`${who}: ${method} ${path} revealed ${secret}`);
      }
    }
    expect(leaks).toEqual([]);

    const after = await t.ctx.db.selectFrom('organizations').select(['version', 'address']).where('id', '=', b.id).executeTakeFirstOrThrow();
    expect(Number(after.version)).toBe(1);
    const victim = await t.ctx.db.selectFrom('users').select('display_name').where('id', '=', tenants.users.orgAdminB.id).executeTakeFirstOrThrow();
    expect(victim.display_name).toBe(tenants.users.orgAdminB.displayName);
    const stillValid = await t.app.inject({ url: `/api/v1/organizations/${b.id}`, headers: { authorization: `Bearer ${tokenOfB.token}` } });
    expect(stillValid.statusCode).toBe(200);
    const usersOfB = await t.ctx.db.selectFrom('users').select('id').where('organization_id', '=', b.id).execute();
    expect(usersOfB).toHaveLength(1);
    const registryOfB = await t.ctx.db.selectFrom('memberships').select(['id', 'status']).where('organization_id', '=', b.id).execute();
    const expectedRegistry = [memberOfB.membershipId, memberOfB.otherMembershipId, memberOfB.thirdMembershipId, memberOfB.governance.fourthMembershipId].map((id) => ({ id, status: 'admitted' }));
    expect([...registryOfB].sort((x, y) => x.id.localeCompare(y.id))).toEqual(expectedRegistry.sort((x, y) => x.id.localeCompare(y.id)));
    // B's ledger as beforeAll left it: three subscriptions and three payments, nothing more.
    expect(await t.ctx.db.selectFrom('journal_entries').select('type').where('organization_id', '=', b.id).execute()).toHaveLength(6);
    expect(await t.ctx.db.selectFrom('engagements').select('id').where('organization_id', '=', b.id).execute()).toEqual([]);
    // B's work as beforeAll left it: the day of fiscal 2025 and October's three records, unchanged.
    const workOfB = await t.ctx.db.selectFrom('work_records').select(['status', 'version']).where('organization_id', '=', b.id).execute();
    expect(workOfB.map((r) => `${r.status}:${Number(r.version)}`).sort()).toEqual(['approved:1', 'approved:1', 'entered:1', 'entered:1']);
    expect(await t.ctx.db.selectFrom('work_period_closes').select('period').where('organization_id', '=', b.id).where('period', '>=', '2026-04').execute()).toEqual([]);
    // B's sites as beforeAll left them: 本部 alone, unchanged, without results; and no business line added.
    expect((await t.ctx.db.selectFrom('sites').select(['name_ja', 'version']).where('organization_id', '=', b.id).execute()).map((r) => `${r.name_ja}:${Number(r.version)}`)).toEqual(['本部:1']);
    expect(await t.ctx.db.selectFrom('site_results').select('fiscal_year').execute()).toEqual([]);
    expect(await t.ctx.db.selectFrom('business_lines').select('code').where('built_in', '=', 0).execute()).toEqual([]);
  });

  it('lets the federation administrator reach organization B through the same probes (so the refusals above mean something)', async () => {
    const authorization = await t.bearer(tenants.users.federationAdmin);
    const table = probes(tenants, tokenOfB.id, memberOfB);
    const failures: string[] = [];
    for (const { method, path } of routes) {
      const probe = table[`${method} ${path}`]!;
      if (!probe.targetsB || probe.url.includes('/tokens/')) continue; // tokens are personal, even for administrators
      const { contentType, ...payload } = { contentType: undefined, ...requestOf(probe) };
      const response = await t.app.inject({ method: method as 'GET', url: probe.url, headers: { authorization, ...(contentType ? { 'content-type': contentType } : {}) }, ...payload });
      const reached = probe.federationAdminStatus === undefined ? response.statusCode < 300 : response.statusCode === probe.federationAdminStatus;
      if (!reached) failures.push(`${method} ${path}: ${response.statusCode} ${response.body}`);
    }
    expect(failures).toEqual([]);
  });
});
