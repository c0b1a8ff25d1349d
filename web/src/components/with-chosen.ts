/** An option of a select: the value chosen and the text shown. */
export interface SearchOption {
  value: string;
  label: string;
}

/** The options a search found, with the chosen one kept among them (first) while a search shows others. */
export function withChosen(chosen: SearchOption | null, options: SearchOption[]): SearchOption[] {
  return chosen && !options.some((o) => o.value === chosen.value) ? [chosen, ...options] : options;
}
