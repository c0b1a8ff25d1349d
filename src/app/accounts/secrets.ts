import { createHash, randomBytes } from 'node:crypto';

/** A bearer secret with 256 bits of entropy: cookie values and API tokens. */
export const newSecret = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');

/** Only hashes of bearer secrets are stored; the secrets are high-entropy, so a fast hash is enough. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
