import type { Generated } from 'kysely';

/** Table types for Kysely. Times are UTC ISO-8601 text in both dialects; money (later) is integer yen. */
export interface OrganizationTable {
  id: string;
  code: string;
  kind: string;
  parent_id: string | null;
  name_ja: string;
  name_en: string | null;
  legal_form: string;
  law_profile: string;
  registration_date: string | null;
  fiscal_year_start_month: number;
  prefecture_code: string | null;
  postal_code: string | null;
  address: string | null;
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface OrganizationBusinessLineTable {
  organization_id: string;
  business_line: string;
}

export interface UserTable {
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  role: string;
  organization_id: string | null;
  /** A member's own account: the person it belongs to (null for staff accounts). */
  person_id: string | null;
  /** A member's login id when the registry has no e-mail for them (the organization's code and member number). */
  login_id: Generated<string | null>;
  locale: string;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie value: a stolen database does not yield live sessions. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface RateLimitTable {
  key: string;
  hits: number;
  window_start: string;
  reset_at: string;
}

export interface JobTable {
  id: string;
  kind: string;
  payload: string;
  status: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_user_id: string | null;
  actor_email: string | null;
  organization_id: string | null;
  entity_type: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/** One row that serializes appends to the audit chain and holds its head. */
export interface AuditHeadTable {
  id: Generated<number>;
  seq: number;
  hash: string;
}

export interface PersonTable {
  id: string;
  family_name: string;
  given_name: string;
  family_kana: string;
  given_kana: string;
  birth_date: string | null;
  email: string | null;
  phone: string | null;
  postal_code: string | null;
  prefecture_code: string | null;
  address: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MembershipTable {
  id: string;
  organization_id: string;
  person_id: string;
  member_number: string;
  /** What the registry sorts member numbers by: digits as numbers (see memberNumberSortKey). */
  member_number_key: string;
  kind: string;
  /** The status now; the events are the history. */
  status: string;
  admitted_on: string | null;
  ended_on: string | null;
  last_event_on: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MembershipEventTable {
  id: string;
  membership_id: string;
  seq: number;
  type: string;
  effective_date: string;
  reason: string | null;
  recorded_at: string;
  recorded_by: string | null;
}

export interface EngagementTable {
  id: string;
  organization_id: string;
  person_id: string;
  site: string | null;
  started_on: string;
  ended_on: string | null;
  labour_contract_from: string | null;
  labour_contract_until: string | null;
  exemption: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MemberKindTable {
  organization_id: string;
  code: string;
  name_ja: string;
  name_en: string | null;
  /** 1 when members of this kind are expected to work in the co-operative (as worker members are). */
  engaged_in_work: number;
  created_at: string;
}

export interface CapitalRulesTable {
  organization_id: string;
  effective_from: string;
  share_price: number;
  minimum_shares: number;
  cap_percent: number | null;
  takeover_cap_percent: number | null;
  cap_exempt_up_to: number;
  refund_notice_days: number;
  recorded_at: string;
  recorded_by: string | null;
}

/** An entry of the capital journal; append-only (database triggers refuse updates and deletes). */
export interface JournalEntryTable {
  id: string;
  organization_id: string;
  entry_date: string;
  type: string;
  description: string | null;
  reason: string | null;
  reverses_entry_id: string | null;
  batch_id: string | null;
  recorded_at: string;
  recorded_by: string | null;
}

export interface JournalLineTable {
  entry_id: string;
  line_no: number;
  organization_id: string;
  entry_date: string;
  account: string;
  membership_id: string | null;
  /** Integer yen, debit positive and credit negative (bigint on PostgreSQL, read back as a string). */
  amount: number | string;
  shares: number;
}

export interface BodyTable {
  id: string;
  organization_id: string;
  kind: string;
  name_ja: string;
  name_en: string | null;
  created_at: string;
}

export interface BodySeatTable {
  id: string;
  body_id: string;
  person_id: string;
  membership_id: string | null;
  represents_organization_id: string;
  constituency: string | null;
  role: string;
  term_from: string;
  term_until: string | null;
  elected_by_motion_id: string | null;
  created_at: string;
  recorded_by: string | null;
}

export interface BylawVersionTable {
  id: string;
  organization_id: string;
  version_no: number;
  title: string;
  text: string;
  settings_json: string;
  status: string;
  founding: number;
  effective_from: string | null;
  adopted_by_motion_id: string | null;
  created_at: string;
  recorded_by: string | null;
}

export interface MeetingTable {
  id: string;
  organization_id: string;
  body_id: string;
  title: string;
  starts_at: string;
  ends_at: string | null;
  place: string | null;
  online_url: string | null;
  record_date: string;
  voting_deadline: string | null;
  written_voting: number;
  electronic_voting: number;
  proxy_allowed: number;
  status: string;
  notice_date: string | null;
  chair_person_id: string | null;
  minutes_signers: string | null;
  opened_at: string | null;
  closed_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ElectorateTable {
  meeting_id: string;
  person_id: string;
  membership_id: string | null;
  organization_id: string;
  email: string | null;
}

export interface MeetingDocumentTable {
  id: string;
  meeting_id: string;
  file_name: string;
  content_type: string;
  size: number;
  content: Buffer;
  uploaded_at: string;
  uploaded_by: string | null;
}

export interface MeetingNoticeTable {
  id: string;
  meeting_id: string;
  notice_date: string;
  in_time: number;
  recipients: number;
  sent: number;
  without_email: number;
  failures_json: string;
  sent_at: string;
  sent_by: string | null;
}

export interface MotionTable {
  id: string;
  meeting_id: string;
  position: number;
  amends_motion_id: string | null;
  kind: string;
  title: string;
  body: string | null;
  voting: string;
  election_method: string | null;
  office: string | null;
  seats: number | null;
  bylaw_version_id: string | null;
  status: string;
  result_json: string | null;
  chair_decision: string | null;
  opened_at: string | null;
  closed_at: string | null;
  created_at: string;
}

export interface CandidateTable {
  id: string;
  motion_id: string;
  person_id: string;
  name: string;
  statement: string | null;
  position: number;
}

export interface ProxyTable {
  meeting_id: string;
  grantor_person_id: string;
  holder_person_id: string;
  appointed_at: string;
  recorded_by: string | null;
}

export interface AttendanceTable {
  meeting_id: string;
  person_id: string;
  mode: string;
  checked_in_at: string;
  checked_out_at: string | null;
  recorded_by: string | null;
}

/** Who voted, and how (in person, in writing, by proxy) — never what; kept apart from the ballots. */
export interface VoteCastTable {
  motion_id: string;
  person_id: string;
  channel: string;
  proxy_person_id: string | null;
  open_choice: string | null;
  recorded_by: string | null;
}

/** A secret ballot: the voter's receipt and the choice, nothing else. */
export interface BallotTable {
  motion_id: string;
  receipt: string;
  choice: string;
}

export interface TellerCountTable {
  id: string;
  motion_id: string;
  counts_json: string;
  ballots: number;
  entered_at: string;
  entered_by: string | null;
}

/** One person's work on one day at one site in one business line. '' stands for no site, line or role. */
export interface WorkRecordTable {
  id: string;
  organization_id: string;
  person_id: string;
  work_date: string;
  site: string;
  business_line: string;
  role: string;
  minutes: number;
  status: string;
  source: string;
  import_batch_id: string | null;
  note: string | null;
  approved_at: string | null;
  approved_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  recorded_by: string | null;
}

export interface WorkPeriodCloseTable {
  organization_id: string;
  period: string;
  records: number;
  minutes: number | string;
  closed_at: string;
  closed_by: string | null;
}

/** A closed month's work of one person: the year-end close reads these. */
export interface WorkMonthTotalTable {
  organization_id: string;
  period: string;
  person_id: string;
  minutes: number | string;
  minutes_by_role: string;
  days: number;
}

/** A fiscal-year close. Big amounts come back from PostgreSQL as strings (bigint). */
export interface SurplusClosingTable {
  id: string;
  organization_id: string;
  fiscal_year: number;
  period_from: string;
  period_until: string;
  status: string;
  surplus: number | string;
  facts_json: string;
  measure_json: string;
  allocation_json: string;
  withhold_against_unpaid: number;
  total_work: number | string;
  members: number;
  motion_id: string | null;
  journal_entry_id: string | null;
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  posted_at: string | null;
  posted_by: string | null;
  statements_sent_at: string | null;
  statements_sent: number | null;
  statements_without_email: number | null;
  statements_failures_json: string | null;
}

export interface SurplusDividendTable {
  closing_id: string;
  membership_id: string;
  person_id: string;
  minutes: number | string;
  days: number;
  work: number | string;
  exact_yen: number | string;
  exact_remainder: number | string;
  rounded_up: number;
  remainder_rank: number | null;
  amount: number | string;
  unpaid_capital: number | string;
  withheld: number | string;
  payment: number | string;
}

export interface Schema {
  organizations: OrganizationTable;
  organization_business_lines: OrganizationBusinessLineTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  rate_limits: RateLimitTable;
  jobs: JobTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  people: PersonTable;
  memberships: MembershipTable;
  capital_rules: CapitalRulesTable;
  journal_entries: JournalEntryTable;
  journal_lines: JournalLineTable;
  membership_events: MembershipEventTable;
  engagements: EngagementTable;
  member_kinds: MemberKindTable;
  bodies: BodyTable;
  body_seats: BodySeatTable;
  bylaw_versions: BylawVersionTable;
  meetings: MeetingTable;
  electorate: ElectorateTable;
  meeting_documents: MeetingDocumentTable;
  meeting_notices: MeetingNoticeTable;
  motions: MotionTable;
  candidates: CandidateTable;
  proxies: ProxyTable;
  attendance: AttendanceTable;
  votes_cast: VoteCastTable;
  ballots: BallotTable;
  teller_counts: TellerCountTable;
  work_records: WorkRecordTable;
  work_period_closes: WorkPeriodCloseTable;
  work_month_totals: WorkMonthTotalTable;
  surplus_closings: SurplusClosingTable;
  surplus_dividends: SurplusDividendTable;
  business_lines: BusinessLineTable;
  sites: SiteTable;
  site_results: SiteResultTable;
  fx_rates: FxRateTable;
  sdg_tags: SdgTagTable;
  commissioners: CommissionerTable;
  programme_contracts: ProgrammeContractTable;
  contract_sites: ContractSiteTable;
  contract_indicators: ContractIndicatorTable;
  case_assignments: CaseAssignmentTable;
  participants: ParticipantTable;
  participant_consents: ParticipantConsentTable;
  support_plans: SupportPlanTable;
  participant_activities: ParticipantActivityTable;
  participant_outcomes: ParticipantOutcomeTable;
  participant_follow_ups: ParticipantFollowUpTable;
  campaigns: CampaignTable;
  campaign_targets: CampaignTargetTable;
  campaign_target_events: CampaignTargetEventTable;
  campaign_target_links: CampaignTargetLinkTable;
  campaign_target_documents: CampaignTargetDocumentTable;
  campaign_milestones: CampaignMilestoneTable;
  invitation_batches: InvitationBatchTable;
  invitation_letter_parts: InvitationLetterPartTable;
  member_invitations: MemberInvitationTable;
  passkeys: PasskeyTable;
  webauthn_challenges: WebauthnChallengeTable;
  contact_change_requests: ContactChangeRequestTable;
}

export interface BusinessLineTable {
  code: string;
  name_ja: string;
  name_en: string;
  built_in: number;
  position: number;
  created_at: string;
}

export interface SiteTable {
  id: string;
  organization_id: string;
  name_ja: string;
  name_en: string | null;
  business_line: string;
  postal_code: string | null;
  prefecture_code: string | null;
  address: string | null;
  opened_on: string | null;
  closed_on: string | null;
  operation: string;
  commissioner_name: string | null;
  commissioner_code: string | null;
  capacity: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SiteResultTable {
  site_id: string;
  fiscal_year: number;
  turnover: number | string;
  expenses: number | string;
  surplus: number | string;
  people_served: number | null;
  workers_members: number | null;
  workers_non_members: number | null;
  source: string;
  version: number;
  recorded_at: string;
  recorded_by: string | null;
}

export interface FxRateTable {
  fiscal_year: number;
  /** Yen per US dollar in hundredths of a yen (10879 is 108.79 円/USD). */
  yen_per_usd_centi: number;
  source: string | null;
  recorded_at: string;
  recorded_by: string | null;
}

export interface SdgTagTable {
  subject_type: string;
  subject_id: string;
  code: string;
  organization_id: string | null;
  created_at: string;
}

export interface CommissionerTable {
  id: string;
  kind: string;
  name_ja: string;
  name_en: string | null;
  local_government_code: string | null;
  prefecture_code: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ProgrammeContractTable {
  id: string;
  organization_id: string;
  commissioner_id: string;
  programme_ja: string;
  programme_en: string | null;
  period_from: string;
  period_until: string;
  amount: number | string;
  retention_months: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ContractSiteTable {
  contract_id: string;
  site_id: string;
}

export interface ContractIndicatorTable {
  contract_id: string;
  code: string;
  name_ja: string;
  name_en: string | null;
  target: number | null;
  position: number;
}

export interface CaseAssignmentTable {
  user_id: string;
  site_id: string;
  organization_id: string;
  case_role: string;
  created_at: string;
}

export interface ParticipantTable {
  id: string;
  organization_id: string;
  contract_id: string;
  site_id: string;
  reference: string;
  intake_on: string;
  age_band: string;
  status: string;
  closed_on: string | null;
  person_id: string | null;
  sealed: string | null;
  erased_at: string | null;
  erasure_reason: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ParticipantConsentTable {
  id: string;
  participant_id: string;
  purpose: string;
  method: string;
  given_on: string;
  withdrawn_on: string | null;
  recorded_by: string | null;
  created_at: string;
}

export interface SupportPlanTable {
  id: string;
  participant_id: string;
  starts_on: string;
  review_on: string | null;
  sealed: string | null;
  created_at: string;
}

export interface ParticipantActivityTable {
  id: string;
  participant_id: string;
  kind: string;
  on_date: string;
  minutes: number | null;
  sealed: string | null;
  created_at: string;
}

export interface ParticipantOutcomeTable {
  id: string;
  participant_id: string;
  kind: string;
  on_date: string;
  coop_organization_id: string | null;
  sealed: string | null;
  created_at: string;
}

export interface ParticipantFollowUpTable {
  id: string;
  participant_id: string;
  outcome_id: string;
  months: number;
  due_on: string;
  done_on: string | null;
  status: string;
  sealed: string | null;
  created_at: string;
}

export interface CampaignTable {
  id: string;
  organization_id: string;
  name_ja: string;
  name_en: string | null;
  goal_ja: string;
  goal_en: string | null;
  period_from: string;
  period_until: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CampaignTargetTable {
  id: string;
  campaign_id: string;
  kind: string;
  local_government_code: string | null;
  prefecture_code: string | null;
  name_ja: string;
  name_en: string | null;
  stage: string;
  stage_on: string | null;
  responsible_organization_id: string | null;
  responsible_person: string | null;
  notes: string | null;
  version: number;
  updated_at: string;
}

export interface CampaignTargetEventTable {
  id: string;
  target_id: string;
  campaign_id: string;
  stage: string;
  on_date: string;
  correction: number;
  note: string | null;
  recorded_by: string | null;
  created_at: string;
}

export interface CampaignTargetLinkTable {
  id: string;
  target_id: string;
  title: string;
  url: string;
  created_at: string;
}

export interface CampaignTargetDocumentTable {
  id: string;
  target_id: string;
  campaign_id: string;
  file_name: string;
  content_type: string;
  size: number;
  content: Buffer;
  uploaded_at: string;
  uploaded_by: string | null;
}

export interface CampaignMilestoneTable {
  id: string;
  campaign_id: string;
  kind: string;
  on_date: string;
  title_ja: string;
  title_en: string | null;
  description: string | null;
  created_at: string;
}

export interface InvitationBatchTable {
  id: string;
  organization_id: string;
  status: string;
  total: number;
  done: number;
  emailed: number;
  lettered: number;
  request_json: string;
  /** No longer written (0017): the letters are kept in invitation_letter_parts. */
  letters_sealed: string | null;
  letters_expire_at: string | null;
  /** How many parts make the letters' PDF once complete; null while drawing, once taken, or without letters. */
  letters_parts: number | null;
  letters_bytes: number | null;
  error: string | null;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
  /** When the batch last moved: its start and every thousand members (0018); null for a batch not started yet. */
  progress_at: string | null;
}

export interface InvitationLetterPartTable {
  batch_id: string;
  part: number;
  sealed: string;
  bytes: number;
}

export interface MemberInvitationTable {
  id: string;
  organization_id: string;
  membership_id: string;
  batch_id: string | null;
  channel: string;
  code_hash: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
  created_by: string | null;
  created_at: string;
}

export interface PasskeyTable {
  id: string;
  user_id: string;
  credential_id: string;
  public_key: Uint8Array;
  counter: number;
  transports: string | null;
  name: string | null;
  created_at: string;
  last_used_at: string | null;
}

export interface WebauthnChallengeTable {
  id: string;
  user_id: string | null;
  challenge: string;
  purpose: string;
  expires_at: string;
}

export interface ContactChangeRequestTable {
  id: string;
  organization_id: string;
  person_id: string;
  requested_by: string;
  changes_json: string;
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
  created_at: string;
}
