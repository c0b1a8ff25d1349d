import type { AppContext } from '../app/shared/context.js';
import type { MailDeps } from '../app/governance/notice.js';
import type { Config } from '../config.js';

/** What every route plugin receives. */
export interface RouteDeps {
  ctx: AppContext;
  config: Config;
  /** Outgoing mail: the mailer is null when no SMTP server is configured. */
  mail: MailDeps;
}
