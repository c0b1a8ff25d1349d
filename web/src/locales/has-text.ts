/** Whether one language has a text at a dotted key, or at its plural form (`_other`): for the locale tests. */
export function hasText(translations: unknown, key: string): boolean {
  const parts = key.split('.');
  const last = parts.pop()!;
  let node: unknown = translations;
  for (const part of parts) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node !== 'object' || node === null) return false;
  const record = node as Record<string, unknown>;
  return typeof record[last] === 'string' || typeof record[`${last}_other`] === 'string';
}
