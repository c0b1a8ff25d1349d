import type { Fraction } from './governance';

/** The Act's default: half of all members present (written votes and proxies count as present). */
const HALF: Fraction = { numerator: 1, denominator: 2 };

const isFraction = (value: unknown): value is Fraction =>
  typeof value === 'object' && value !== null && Number.isInteger((value as Fraction).numerator) && Number.isInteger((value as Fraction).denominator);

/**
 * Members who must be present for a meeting to decide (定足数): the share the bylaws set (or the Act's half) of those
 * entitled, rounded up, and never fewer than one — as the server decides it.
 */
export function quorumNeeded(eligible: number, quorum: unknown): number {
  const { numerator, denominator } = isFraction(quorum) && quorum.denominator > 0 ? quorum : HALF;
  return Math.max(1, Math.ceil((eligible * numerator) / denominator));
}
