/**
 * One-time sign-in codes for members (マイページの初回コード): printed on a letter or sent by e-mail, typed on a
 * phone by people who may read them off paper. The alphabet leaves out the characters that are misread for one
 * another (0/O, 1/I/L); a code is twelve characters shown in three groups of four (K7QD-3MXV-9RTB).
 */
export const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const codeLength = 12;
/** Entropy of a code: 12 × log2(31) ≈ 59.4 bits. */
export const codeBits = codeLength * Math.log2(codeAlphabet.length);

/** How long a code stays valid: a letter travels by post and waits on a table; an e-mail is read sooner. */
export const codeValidityDays = { letter: 60, email: 14 } as const;
export type InvitationChannel = keyof typeof codeValidityDays;

/**
 * Codes drawn from `random` bytes, uniformly over the alphabet: a byte is used only below the largest multiple of
 * the alphabet's size (248), so no character is likelier than another. `random` is asked for bytes in bulk (one
 * call for thousands of codes), and again only when the rejected bytes leave too few.
 */
export function codesFromBytes(count: number, random: (size: number) => Uint8Array): string[] {
  const limit = 256 - (256 % codeAlphabet.length);
  const codes: string[] = [];
  let pool = random(Math.ceil(count * codeLength * 1.1) + 16);
  let at = 0;
  let current = '';
  while (codes.length < count) {
    if (at >= pool.length) {
      pool = random(Math.ceil((count - codes.length) * codeLength * 1.1) + 16);
      at = 0;
    }
    const byte = pool[at++]!;
    if (byte >= limit) continue;
    current += codeAlphabet[byte % codeAlphabet.length];
    if (current.length === codeLength) {
      codes.push(current);
      current = '';
    }
  }
  return codes;
}

/** The code as printed: XXXX-XXXX-XXXX. */
export const groupCode = (code: string): string => code.match(/.{1,4}/g)!.join('-');

/**
 * The code as typed, made canonical: full-width characters folded (NFKC), lower case raised, spaces and hyphens
 * (any dash a Japanese keyboard produces) dropped. Null when what is left cannot be a code.
 */
export function normalizeCode(typed: string): string | null {
  const code = typed.normalize('NFKC').toUpperCase().replace(/[\s\-‐‑–—―−ー]/g, '');
  if (code.length !== codeLength) return null;
  for (const character of code) if (!codeAlphabet.includes(character)) return null;
  return code;
}

/** When a code given at `issuedAt` over `channel` stops working. */
export const codeExpiry = (issuedAt: Date, channel: InvitationChannel): Date => new Date(issuedAt.getTime() + codeValidityDays[channel] * 86_400_000);

/** A member's login id: the organization's code and the member number, lower case, safe characters only (chiba-00123). */
export function loginIdOf(organizationCode: string, memberNumber: string): string {
  const part = (value: string) => value.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${part(organizationCode)}-${part(memberNumber)}`;
}

/** A login id has no `@`: that is how sign-in tells one from an e-mail address. */
export const isLoginId = (value: string): boolean => !value.includes('@');
