import fs from 'node:fs';
import { findReceipt, verifyPublishedTally, type PublishedTally, type TallyResult } from '../domain/governance/bulletin.js';

/**
 * `kyodo verify-tally <file|url>`: recounts a published tally (kyodo-tally/1) from its own ballots, without the
 * database or the server that produced it, and says whether the declared result, the digest and the receipts hold.
 * With --receipt, also shows the choice recorded under a voter's receipt. Exits 0 when everything holds, 1 when not.
 */
export async function runVerifyTally(source: string, options: { receipt?: string; json?: boolean }): Promise<void> {
  const text = /^https?:\/\//.test(source) ? await fetchText(source) : fs.readFileSync(source, 'utf8');
  let document: unknown;
  try {
    document = JSON.parse(text) as unknown;
  } catch (error) {
    console.error(`kyodo verify-tally: ${source} is not JSON (${(error as Error).message})`);
    process.exit(1);
  }
  const verification = verifyPublishedTally(document);
  if (options.json) {
    console.log(JSON.stringify(verification, null, 2));
  } else if (verification.ok) {
    const doc = document as PublishedTally;
    console.log(`OK: ${doc.question.title}`);
    console.log(`  digest ${doc.digest}`);
    console.log(`  ${doc.ballots.length} ballot(s) with receipts, ${doc.attendance.present} of ${doc.attendance.eligible} members present`);
    console.log(`  result recounted: ${describe(verification.recomputed!)}`);
  } else {
    console.error(`NOT VERIFIED: ${source}`);
    for (const problem of verification.problems) console.error(`  - ${problem}`);
  }
  if (options.receipt) {
    const ballot = verification.recomputed ? findReceipt(document as PublishedTally, options.receipt.trim().toUpperCase()) : undefined;
    if (ballot) console.log(`receipt ${ballot.receipt}: ${JSON.stringify(ballot.choice)}`);
    else {
      console.error(`receipt ${options.receipt} is not in this tally`);
      process.exitCode = 1;
    }
  }
  if (!verification.ok) process.exitCode = 1;
}

async function fetchText(url: string): Promise<string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (process.env.KYODO_TOKEN) headers.authorization = `Bearer ${process.env.KYODO_TOKEN}`;
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
  if (!response.ok) {
    console.error(`kyodo verify-tally: ${url} answered ${response.status}`);
    process.exit(1);
  }
  return response.text();
}

function describe(result: TallyResult): string {
  if (result.kind === 'motion') {
    const { votes, decision } = result;
    return `${decision.outcome} by ${decision.rule} (needed ${decision.needed}, got ${decision.got}); for ${votes.for}, against ${votes.against}, abstain ${votes.abstain}, invalid ${votes.invalid}`;
  }
  return `elected ${result.elected.join(', ')}${result.kind === 'stv' ? ` by ${result.method} STV` : ' by approval voting'}`;
}
