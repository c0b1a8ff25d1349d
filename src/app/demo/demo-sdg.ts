import type { Tx } from '../shared/context.js';

/**
 * The goals and targets the seed's eight business lines serve, as a federation would tag them: decent work for all
 * (8.5) in every line, with each line's own goals — health and care (3.8), early childhood (4.2) and unpaid care
 * work (5.4), inclusion of persons with disabilities (10.2), youth employment and training (8.6, 4.4), sustainable
 * cities and public spaces (11.3, 11.7), resilience after disaster (1.5, 11.5), renewable energy (7.2), sustainable
 * agriculture (2.4), waste reduction (12.5) and climate action (13).
 */
export const demoSdgTags: Record<string, string[]> = {
  eldercare: ['3', '3.8', '8.5', '10.2'],
  childcare: ['4', '4.2', '5.4', '8.5'],
  'disability-support': ['8.5', '10', '10.2'],
  'employment-support': ['1.2', '4.4', '8', '8.5', '8.6'],
  'building-maintenance': ['8.5', '11.6'],
  'public-facilities': ['11', '11.3', '11.7', '16.7'],
  'disaster-recovery': ['1.5', '8.3', '11.5'],
  'agriculture-biodiesel': ['2.4', '7', '7.2', '12.5', '13'],
};

/** Tags the business lines (written directly: the demo loads into an empty database, audited as a whole by its caller). */
export async function loadDemoSdgTags(db: Tx, at: string): Promise<void> {
  const rows = Object.entries(demoSdgTags).flatMap(([line, codes]) =>
    codes.map((code) => ({ subject_type: 'business-line', subject_id: line, code, organization_id: null, created_at: at })));
  await db.insertInto('sdg_tags').values(rows).execute();
}
