/** Capabilities whose pages are still being built; each gets a route that says so (none at present). */
export const PENDING_SECTIONS: readonly string[] = [];

export type PendingSection = (typeof PENDING_SECTIONS)[number];
