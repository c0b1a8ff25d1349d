import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXEMPTIONS, MEMBER_KINDS, MEMBERSHIP_EVENT_TYPES, MEMBERSHIP_STATUSES } from '../features/members/member';
import { allowedEvents } from '../features/members/transitions';
import en from './en.json';
import ja from './ja.json';

/** Every key of a nested translation object, dotted: `members.sort.kana`. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

/** i18next plural keys (`summary_one`, `summary_other`) answer to the key without the suffix. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('translations', () => {
  const jaKeys = new Set(keys(ja).map(base));
  const enKeys = new Set(keys(en).map(base));

  it('have the same keys in Japanese and English', () => {
    expect([...jaKeys].filter((key) => !enKeys.has(key))).toEqual([]);
    expect([...enKeys].filter((key) => !jaKeys.has(key))).toEqual([]);
  });

  it('have a text for every key written out in the code', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const used = sourceFiles(root).flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z]+(?:\.[a-zA-Z_-]+)+)'/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(100);
    expect([...new Set(used)].filter((key) => !jaKeys.has(key) || !enKeys.has(key))).toEqual([]);
  });

  it('name every membership status, event, action, kind and exemption', () => {
    const needed = [
      ...MEMBERSHIP_STATUSES.map((status) => `membershipStatus.${status}`),
      ...MEMBERSHIP_EVENT_TYPES.map((type) => `membershipEvent.${type}`),
      ...MEMBERSHIP_STATUSES.flatMap(allowedEvents).flatMap((type) => [`membershipAction.${type}`, `memberEvent.hint.${type}`]),
      ...MEMBER_KINDS.map((kind) => `memberKind.${kind}`),
      ...EXEMPTIONS.map((exemption) => `exemption.${exemption}`),
      ...['memberNumber', 'kana', 'admittedOn'].map((column) => `members.sort.${column}`),
      ...['first', 'previous', 'next', 'last'].map((control) => `members.${control}Page`),
    ];
    expect(needed.filter((key) => !jaKeys.has(key) || !enKeys.has(key))).toEqual([]);
  });
});
