/**
 * Closed vocabularies of the organization registry. The server sends these codes; the web app translates them.
 */

/** Legal forms JWCU members use (domain.md §1): worker co-operatives since the 2022 Act, and earlier forms. */
export const legalForms = [
  'worker-cooperative', // 労働者協同組合 (Worker Cooperatives Act, Act No. 78 of 2020)
  'specified-nonprofit', // 特定非営利活動法人 (NPO法人)
  'enterprise-cooperative', // 事業協同組合 / 企業組合
  'general-incorporated-association', // 一般社団法人
  'consumer-cooperative', // 生活協同組合 — e.g. older persons' co-ops (高齢者生活協同組合)
  'other',
] as const;
export type LegalForm = (typeof legalForms)[number];

/** The eight business areas of the seed (ILO interview, 2017). */
export const businessLines = [
  'eldercare', // 高齢者介護
  'childcare', // 子育て支援
  'disability-support', // 障害者支援
  'employment-support', // 就労支援（委託事業）
  'building-maintenance', // 建物管理・緑化・物流
  'public-facilities', // 公共施設運営
  'disaster-recovery', // 東日本大震災被災地での仕事おこし
  'agriculture-biodiesel', // 農林業・バイオディーゼル燃料
] as const;
export type BusinessLine = (typeof businessLines)[number];

export const organizationStatuses = ['active', 'converting', 'dissolved'] as const;
export type OrganizationStatus = (typeof organizationStatuses)[number];

/** A federation (連合会) is an organization whose members are organizations. */
export const organizationKinds = ['federation', 'organization'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];
