import type { AppContext } from '../app/shared/context.js';
import type { Config } from '../config.js';

/** What every route plugin receives. */
export interface RouteDeps {
  ctx: AppContext;
  config: Config;
}
