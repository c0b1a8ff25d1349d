import type { Metric } from '../metric.js';
import { apiRead } from './api-read.js';
import { ballotsCast } from './ballots-cast.js';
import { ballotsStv, ballotsTallyPure } from './ballots-stv.js';
import { ballotsTally } from './ballots-tally.js';
import { capitalPost } from './capital-post.js';
import { capitalRegister } from './capital-register.js';
import { complianceBoard } from './compliance-board.js';
import { dashboardFederation } from './dashboard-federation.js';
import { lettersPrint } from './letters-print.js';
import { membersImport } from './members-import.js';
import { membersSearch } from './members-search.js';
import { portalHome } from './portal-home.js';
import { surplusAllocate } from './surplus-allocate.js';

/**
 * Every metric, in the order they run. A new metric is one module here. The search runs before the import, so
 * that it measures the seed-scale data as loaded rather than with the imported organizations added; the capital
 * register and the compliance board run before the payments are posted, for the same reason. The ballots are cast before the import too, so
 * that the electorate is the dataset's 64,626 members; the tally counts the ballots the cast wrote. The STV count and the pure
 * tally need no database. The portal home runs after the compliance board and the dashboard (it records work for its worker members)
 * and before the payments and the vote, so that its members' pages show the data as loaded; the sign-in letters run late and revoke
 * the codes they issue.
 */
export const metrics: Metric[] = [apiRead, membersSearch, capitalRegister, complianceBoard, dashboardFederation, portalHome, capitalPost, ballotsCast, ballotsTally, ballotsTallyPure, ballotsStv, surplusAllocate, lettersPrint, membersImport];
