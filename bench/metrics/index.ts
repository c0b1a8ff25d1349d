import type { Metric } from '../metric.js';
import { apiRead } from './api-read.js';

/** Every metric, in the order they run. A new metric is one module here. */
export const metrics: Metric[] = [apiRead];
