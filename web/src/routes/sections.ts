/** Capabilities whose pages are still being built; each gets a route that says so. */
export const PENDING_SECTIONS = [
  'advocacy',
] as const;

export type PendingSection = (typeof PENDING_SECTIONS)[number];
