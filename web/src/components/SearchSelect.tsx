import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withChosen, type SearchOption } from './with-chosen';

const DEBOUNCE_MS = 300;

interface SearchSelectProps {
  label: string;
  description?: string;
  error?: string;
  required: boolean;
  value: string;
  /** The chosen value ('' when cleared) and how it was shown. */
  onChange: (value: string, label: string) => void;
  /**
   * The options the server finds for what was typed; null while there is nothing to search. Another function
   * searches again, so it is kept the same between renders (useCallback) while what it searches does not change.
   */
  search: ((typed: string) => Promise<SearchOption[]>) | null;
  /** Options matched here, after the server's (few, loaded once); given what was typed, '' while the choice is shown. */
  matchHere?: (typed: string) => SearchOption[];
  clearLabel: string;
  notFound: string;
}

/**
 * Chooses one of many (members, voters) by searching on the server as the person types: a large list is never all
 * loaded.
 */
export function SearchSelect({ label, description, error, required, value, onChange, search, matchHere, clearLabel, notFound }: SearchSelectProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [debounced] = useDebouncedValue(typed, DEBOUNCE_MS);
  const [found, setFound] = useState<SearchOption[]>([]);
  const [chosen, setChosen] = useState<SearchOption | null>(null);
  const [loading, setLoading] = useState(false);
  // The label of the chosen option is not a search.
  const showingChosen = chosen !== null && debounced === chosen.label;

  useEffect(() => {
    if (!search || showingChosen) return;
    let current = true;
    setLoading(true);
    search(debounced).then(
      (options) => {
        if (!current) return;
        setFound(options);
        setLoading(false);
      },
      () => {
        if (!current) return;
        setFound([]);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [search, debounced, showingChosen]);

  const options = matchHere ? [...found, ...matchHere(showingChosen ? '' : debounced)] : found;

  return (
    <Select
      label={label}
      description={description}
      required={required}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': clearLabel }}
      searchValue={typed}
      onSearchChange={setTyped}
      // The server has searched already (kana, romaji, member number): every answer is shown as it came.
      filter={({ options: all }) => all}
      data={withChosen(chosen, options)}
      value={value || null}
      onChange={(next, option) => {
        setChosen(next ? option : null);
        onChange(next ?? '', option?.label ?? '');
      }}
      nothingFoundMessage={loading ? t('common.loading') : notFound}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
