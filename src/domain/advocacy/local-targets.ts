import { localGovernments, type LocalGovernment } from '../programmes/local-governments.js';

/**
 * The six villages of the Northern Territories (北方領土: 色丹村, 泊村, 留夜別村, 留別村, 紗那村, 蘂取村) are on the
 * official list but have no functioning assembly: no campaign can ask them, so they are not targets.
 */
export const northernTerritoriesVillages: readonly string[] = ['016951', '016969', '016977', '016985', '016993', '017001'];

/**
 * The local governments a campaign can ask: the 47 prefectures and the municipalities with a functioning assembly
 * (the cities, towns and villages and Tokyo's 23 special wards) — 1,788 in all.
 */
export function campaignLocalGovernments(): readonly LocalGovernment[] {
  return localGovernments().filter((g) => !northernTerritoriesVillages.includes(g.code));
}
