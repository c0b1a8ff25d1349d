// The one-time code printed on a sign-in letter or sent by e-mail: 12 characters, shown grouped XXXX-XXXX-XXXX.
// Older members type it from paper on a phone: spaces, hyphens, lowercase and full-width characters (ＡＢＣ１２３,
// as a Japanese keyboard may give) are all accepted; the server decides whether it is a code.

export const CODE_LENGTH = 12;
const GROUP = 4;

/** Full-width letters and digits to ASCII (NFKC), upper case, and nothing but letters and digits. */
export function normalizeCode(input: string): string {
  return input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** A code as it is printed: ABCD-EFGH-JKMN; a partial one grouped as far as it goes (ABCD-EF). */
export function formatCode(input: string): string {
  const code = normalizeCode(input).slice(0, CODE_LENGTH);
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += GROUP) groups.push(code.slice(i, i + GROUP));
  return groups.join('-');
}

/** The problem code of what was typed, for the field's error: '' is `required`, too few or many characters `invalid_format`. */
export function checkCode(input: string): string | undefined {
  const code = normalizeCode(input);
  if (code.length === 0) return 'required';
  if (code.length !== CODE_LENGTH) return 'invalid_format';
  return undefined;
}
