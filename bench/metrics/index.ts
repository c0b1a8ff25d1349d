import type { Metric } from '../metric.js';
import { apiRead } from './api-read.js';
import { membersImport } from './members-import.js';
import { membersSearch } from './members-search.js';

/**
 * Every metric, in the order they run. A new metric is one module here. The search runs before the import, so
 * that it measures the seed-scale data as loaded rather than with the imported organizations added.
 */
export const metrics: Metric[] = [apiRead, membersSearch, membersImport];
