import type { Metric } from '../metric.js';
import { apiRead } from './api-read.js';
import { capitalPost } from './capital-post.js';
import { capitalRegister } from './capital-register.js';
import { membersImport } from './members-import.js';
import { membersSearch } from './members-search.js';

/**
 * Every metric, in the order they run. A new metric is one module here. The search runs before the import, so
 * that it measures the seed-scale data as loaded rather than with the imported organizations added; the capital
 * register runs before the payments are posted, for the same reason.
 */
export const metrics: Metric[] = [apiRead, membersSearch, capitalRegister, capitalPost, membersImport];
