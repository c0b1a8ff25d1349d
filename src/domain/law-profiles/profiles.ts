import { actMinimumRates, type SurplusRates } from '../surplus/allocation.js';

/**
 * A law profile names the statute an organization is checked against and the settings that statute leaves to
 * bylaws or that were not confirmed (domain.md §2 [setting]). Later capabilities read their thresholds here.
 */
export interface LawProfile {
  id: string;
  /** Worker-co-op composition rules (4/5 engaged, 3/4 of workers members, labour-contract majority) apply. */
  workerCoopComposition: boolean;
  /** Days of notice before a general meeting (Worker Cooperatives Act: at least 10 days) [setting]. */
  meetingNoticeDays: number;
  /** Votes one proxy holder may carry [setting, default 5]. */
  proxyCapPerHolder: number;
  electronicVotingAllowed: boolean;
  /** Members above which a delegate assembly (総代会) may replace the general meeting. */
  delegateAssemblyAbove: number;
  /** Largest share of all shares one member may hold, in percent (Act: 25%). */
  shareCapPercent: number | null;
  /** Days before fiscal-year end by which a member gives notice of withdrawal [setting, default 90]. */
  withdrawalNoticeDays: number;
  /** The least share of a year's surplus each reserve takes (the Act: 1/10, 1/20, 1/20, Art. 76). */
  surplusMinimumRates: SurplusRates;
}

export const lawProfiles: readonly LawProfile[] = [
  {
    id: 'jp-worker-coop-2022', // 労働者協同組合法 (令和2年法律第78号), in force 2022-10-01
    workerCoopComposition: true,
    meetingNoticeDays: 10,
    proxyCapPerHolder: 5,
    electronicVotingAllowed: true,
    delegateAssemblyAbove: 200,
    shareCapPercent: 25,
    withdrawalNoticeDays: 90,
    surplusMinimumRates: actMinimumRates,
  },
  {
    id: 'jp-consumer-coop', // 消費生活協同組合法 — older persons' co-ops; members are users, not workers
    workerCoopComposition: false,
    meetingNoticeDays: 10,
    proxyCapPerHolder: 5,
    electronicVotingAllowed: true,
    delegateAssemblyAbove: 500,
    shareCapPercent: 25,
    withdrawalNoticeDays: 90,
    // The Consumer Co-operatives Act has no job-creation fund and divides by use, not work: Kyodo's surplus close
    // follows the worker-co-op rules, and a consumer co-op's own close is not modelled yet.
    surplusMinimumRates: actMinimumRates,
  },
  {
    id: 'ica-generic', // ICA Statement on the Co-operative Identity (1995) and CICOPA declaration (2005)
    workerCoopComposition: true,
    meetingNoticeDays: 14,
    proxyCapPerHolder: 1,
    electronicVotingAllowed: true,
    delegateAssemblyAbove: 200,
    shareCapPercent: null,
    withdrawalNoticeDays: 90,
    surplusMinimumRates: actMinimumRates,
  },
];

export const lawProfileIds = lawProfiles.map((p) => p.id);
export const defaultLawProfile = 'jp-worker-coop-2022';
