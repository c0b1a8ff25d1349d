import { headerKey } from '../members/csv/text.js';
import { businessLines, type BusinessLine } from '../organizations/reference.js';

/**
 * The business lines by the names people write in a time clock's 事業 column, in Japanese and English, besides
 * their codes. The web app's own labels are in its locale files; these are the names an import understands.
 */
const names: Record<BusinessLine, readonly string[]> = {
  eldercare: ['高齢者介護', '介護', 'Eldercare'],
  childcare: ['子育て支援', '子育て', 'Childcare'],
  'disability-support': ['障害者の支援・ケア', '障害者支援', 'Disability support'],
  'employment-support': ['就労支援（委託事業）', '就労支援', 'Employment support'],
  'building-maintenance': ['建物管理・緑化・物流', '建物管理', 'Building maintenance'],
  'public-facilities': ['公共施設の運営', '公共施設運営', '公共施設', 'Public facilities'],
  'disaster-recovery': ['東日本大震災被災地での仕事おこし', '被災地の仕事おこし', '震災復興', 'Disaster recovery'],
  'agriculture-biodiesel': ['農林業・バイオディーゼル燃料', '農林業', 'バイオディーゼル', 'Agriculture', 'Biodiesel'],
};

const byKey = new Map<string, BusinessLine>();
for (const line of businessLines) {
  for (const name of [line, ...names[line]]) byKey.set(headerKey(name), line);
}

/** A line of the federation's list (business_lines) by the names it was given. */
export interface NamedBusinessLine {
  code: string;
  nameJa: string;
  nameEn: string;
}

/**
 * The business line a cell names (its code or a name, case, width and punctuation aside), or null. `lines` are the
 * federation's: a line it added is known only by its code and the two names stored with it.
 */
export function businessLineNamed(text: string, lines: readonly NamedBusinessLine[]): string | null {
  const key = headerKey(text);
  const builtIn = byKey.get(key);
  if (builtIn !== undefined) return builtIn;
  return lines.find((line) => [line.code, line.nameJa, line.nameEn].some((name) => headerKey(name) === key))?.code ?? null;
}
