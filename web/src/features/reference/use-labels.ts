import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n';
import { useReference } from './reference-context';

/** Code lists translated into the current language. */
export type CodeList =
  | 'legalForm'
  | 'lawProfile'
  | 'businessLine'
  | 'status'
  | 'role'
  | 'kind'
  | 'action'
  | 'entity'
  | 'membershipStatus'
  | 'memberKind'
  | 'membershipEvent'
  | 'exemption';

export interface Labels {
  code: (list: CodeList, code: string) => string;
  prefecture: (code: string) => string;
  organizationName: (organization: { nameJa: string; nameEn: string | null }) => string;
}

/** Translates codes the server sends; an unknown code is shown as it is rather than hidden. */
export function useLabels(): Labels {
  const { t } = useTranslation();
  const { prefectures, businessLines } = useReference();
  const english = useLocale() === 'en';

  return useMemo(
    () => ({
      code: (list, code) => {
        // A line the federation added has no locale key: it is shown by the names it was given.
        const added = list === 'businessLine' ? businessLines.find((line) => line.code === code && !line.builtIn) : undefined;
        if (added) return english ? added.nameEn : added.nameJa;
        return t(`${list}.${code}`, { defaultValue: code });
      },
      prefecture: (code) => {
        const prefecture = prefectures.find((p) => p.code === code);
        if (!prefecture) return code;
        return english ? prefecture.nameEn : prefecture.nameJa;
      },
      organizationName: ({ nameJa, nameEn }) => (english && nameEn ? nameEn : nameJa),
    }),
    [t, prefectures, businessLines, english],
  );
}
