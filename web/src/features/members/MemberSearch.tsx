import { TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const DEBOUNCE_MS = 300;

interface MemberSearchProps {
  /** The search the list shows. */
  value: string;
  onSearch: (query: string) => void;
}

/**
 * Searches as the person types, a moment after they stop, and not while a Japanese input method is still
 * composing (やまd is not a search yet). Enter searches at once.
 */
export function MemberSearch({ value, onSearch }: MemberSearchProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [query, setQuery] = useState(value);
  const [composing, setComposing] = useState(false);
  const [debounced] = useDebouncedValue(query, DEBOUNCE_MS);
  // The last search this box sent, to tell its own change of the list from another (back, a link).
  const sent = useRef(value.trim());

  const search = (next: string) => {
    if (next.trim() === value.trim()) return;
    sent.current = next.trim();
    onSearch(next);
  };

  // Only a new search is sent; the list changing by other means does not send it again.
  useEffect(() => search(debounced), [debounced]);

  useEffect(() => {
    if (value.trim() === sent.current) return;
    // The list changed under the box: show its search.
    sent.current = value.trim();
    setText(value);
    setQuery(value);
  }, [value]);

  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        setQuery(text);
        search(text);
      }}
    >
      <TextInput
        type="search"
        label={t('members.search')}
        description={t('members.searchHint')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={text}
        maw={520}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setText(next);
          if (!composing) setQuery(next);
        }}
        onCompositionStart={() => setComposing(true)}
        onCompositionEnd={(event) => {
          setComposing(false);
          setQuery(event.currentTarget.value);
        }}
      />
    </form>
  );
}
