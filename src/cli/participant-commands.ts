import { eraseExpiredParticipants } from '../app/programmes/participants.js';
import { withRuntime } from './commands.js';

/**
 * Erases every participant whose contract's retention period has run out (the server's daily job does the same):
 * what identified them goes, the counts in the commissioners' reports stay.
 */
export const runEraseExpired = () =>
  withRuntime(async (runtime) => {
    const { erased, contracts } = await eraseExpiredParticipants(runtime.ctx, 'cli');
    console.log(erased === 0 ? 'no participant is past their contract\'s retention period' : `erased ${erased} participant(s) of ${contracts} contract(s) past their retention period`);
  });
