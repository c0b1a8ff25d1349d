import type { OrganizationFields } from '../../domain/organizations/organization.js';
import { systemActor } from '../audit/record-audit.js';
import { createUser } from '../accounts/users.js';
import { createOrganization } from '../organizations/write-organizations.js';
import { loadDemoBusinesses } from './demo-businesses.js';
import { loadDemoCampaigns } from './demo-campaigns.js';
import { loadDemoFxRates } from './demo-fx-rates.js';
import { loadDemoSdgTags } from './demo-sdg.js';
import { loadDemoGovernance } from './demo-governance.js';
import { demoCaseAccounts, loadDemoProgrammes } from './demo-programmes.js';
import { loadDemoWork } from './demo-work.js';
import { isoNow, type AppContext } from '../shared/context.js';

export interface DemoAccounts {
  adminEmail: string;
  orgAdminEmail: string;
  clerkEmail: string;
  /** The Centre Jigyodan's Youth Support Station: its caseworker and its office lead (demo-programmes.ts). */
  caseworkerEmail: string;
  officeLeadEmail: string;
  password: string;
}

type Member = Omit<OrganizationFields, 'kind' | 'parentId' | 'fiscalYearStartMonth' | 'status'> & Partial<OrganizationFields>;

/**
 * A small federation after the seed (ILO interview, 2017): the national centre and member organizations of the
 * legal forms JWCU members use. Names and addresses are illustrative, not records of real organizations.
 */
const federation: OrganizationFields = {
  code: 'jwcu', kind: 'federation', parentId: null,
  nameJa: '日本労働者協同組合（ワーカーズコープ）連合会', nameEn: "Japan Workers' Co-operative Union (JWCU)",
  legalForm: 'general-incorporated-association', lawProfile: 'ica-generic', registrationDate: '1979-09-01',
  fiscalYearStartMonth: 4, prefectureCode: '13', postalCode: '1700013', address: '豊島区東池袋1-44-3',
  businessLines: [], status: 'active',
};

const members: Member[] = [
  {
    code: 'center-jigyodan', nameJa: '労働者協同組合ワーカーズコープ・センター事業団', nameEn: 'Workers Co-op Centre Jigyodan',
    legalForm: 'worker-cooperative', lawProfile: 'jp-worker-coop-2022', registrationDate: '2022-10-03',
    prefectureCode: '13', postalCode: '1700013', address: '豊島区東池袋1-44-3',
    businessLines: ['building-maintenance', 'childcare', 'eldercare', 'employment-support', 'public-facilities'],
  },
  {
    code: 'wc-chiba', nameJa: '労働者協同組合ワーカーズコープちば', nameEn: 'Workers Co-op Chiba',
    legalForm: 'worker-cooperative', lawProfile: 'jp-worker-coop-2022', registrationDate: '2022-11-01',
    prefectureCode: '12', postalCode: '2891624', address: '山武郡芝山町小池',
    businessLines: ['agriculture-biodiesel', 'disability-support', 'eldercare', 'employment-support'],
  },
  {
    code: 'npo-kitanokaze', nameJa: '特定非営利活動法人 北の風ワーカーズ', nameEn: 'Kita-no-Kaze Workers (NPO)',
    legalForm: 'specified-nonprofit', lawProfile: 'ica-generic', registrationDate: '2009-06-15', status: 'converting',
    prefectureCode: '01', postalCode: '0600001', address: '札幌市中央区北1条西',
    businessLines: ['childcare', 'disability-support'],
  },
  {
    code: 'kigyo-sanriku', nameJa: '企業組合 三陸しごとおこし', nameEn: 'Sanriku Job Creation Enterprise Co-operative',
    legalForm: 'enterprise-cooperative', lawProfile: 'ica-generic', registrationDate: '2012-03-11',
    prefectureCode: '04', postalCode: '9860000', address: '石巻市',
    businessLines: ['agriculture-biodiesel', 'disaster-recovery'],
  },
  {
    code: 'koreikyo-tokyo', nameJa: '東京高齢者生活協同組合', nameEn: "Tokyo Older Persons' Co-operative",
    legalForm: 'consumer-cooperative', lawProfile: 'jp-consumer-coop', registrationDate: '2001-04-01',
    prefectureCode: '13', postalCode: '1600022', address: '新宿区新宿',
    businessLines: ['eldercare'],
  },
];

/** Loads the demo into an empty database; returns null when organizations exist already. */
export async function loadDemo(ctx: AppContext, password: string, options: { governance: boolean; programmes?: boolean } = { governance: true }): Promise<DemoAccounts | null> {
  const existing = await ctx.db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  if (existing) return null;
  const actor = systemActor('demo');
  const root = await createOrganization(ctx, null, actor, federation);
  const created = [];
  for (const member of members) {
    created.push(await createOrganization(ctx, null, actor, {
      kind: 'organization', parentId: root.id, fiscalYearStartMonth: 4, status: 'active', ...member,
    }));
  }
  const chiba = created.find((o) => o.code === 'wc-chiba')!;
  const accounts: DemoAccounts = {
    adminEmail: 'admin@kyodo.example', orgAdminEmail: 'chiba-admin@kyodo.example', clerkEmail: 'chiba-clerk@kyodo.example', ...demoCaseAccounts, password,
  };
  await createUser(ctx, null, actor, { email: accounts.adminEmail, displayName: '連合会 管理者', password, role: 'federation-admin', organizationId: root.id });
  await createUser(ctx, null, actor, { email: accounts.orgAdminEmail, displayName: 'ちば 管理者', password, role: 'org-admin', organizationId: chiba.id });
  await createUser(ctx, null, actor, { email: accounts.clerkEmail, displayName: 'ちば 事務担当', password, role: 'clerk', organizationId: chiba.id });
  // Both demos report in US dollars at the same yearly rates (demo-fx-rates.ts).
  await loadDemoFxRates(ctx.db, isoNow(ctx));
  await loadDemoSdgTags(ctx.db, isoNow(ctx));
  // The seed-scale demo adds its governance once its registry is loaded (see loadScaleDemo). The businesses are the
  // small demo's: their workers by kind are counted from the work records the small demo's members write.
  if (options.governance) {
    const jigyodan = created.find((o) => o.code === 'center-jigyodan')!.id;
    const { adminEmail } = await loadDemoGovernance(ctx, jigyodan, password);
    await loadDemoWork(ctx, jigyodan, adminEmail);
    await loadDemoBusinesses(ctx, new Map(created.map((o) => [o.code, o.id])));
    if (options.programmes !== false) await loadDemoProgrammes(ctx, { scale: 'small', password });
    // The federation's campaign for the Act; the seed-scale demo loads it once its organizations exist (loadScaleDemo).
    await loadDemoCampaigns(ctx);
  }
  return accounts;
}
