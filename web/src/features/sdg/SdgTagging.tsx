import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Items } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useLocale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { useResource } from '../../use-resource';
import { useLabels } from '../reference/use-labels';
import { sdgPaths, type SdgGoal, type SdgSubjectType, type SdgTag } from './sdg';
import { sortSdgCodes, subjectKey, tagsBySubject } from './sdg-codes';
import { SdgBadges } from './SdgBadges';
import { SdgTagsForm, type SdgSubject } from './SdgTagsForm';
import { useSdgCatalogue } from './use-sdg-catalogue';

/** What the tagging needs of a site. */
export interface SdgSite {
  id: string;
  nameJa: string;
  nameEn: string | null;
  businessLine: string;
}

/** What is being tagged: a subject, and for a site the business line it serves through. */
export interface SdgOpening extends SdgSubject {
  businessLine?: string;
}

export interface SdgTagging {
  /** The catalogue's goals, once loaded. */
  goals: SdgGoal[] | undefined;
  /** The subject's codes, catalogue order (none until the tags are loaded). */
  codesOf: (subjectType: SdgSubjectType, subjectId: string) => string[];
  /** Opens the dialog for a subject. */
  open: (subject: SdgOpening) => void;
  /** Opens the dialog for a site, named in the language shown. */
  openSite: (site: SdgSite) => void;
  /** A site's goals as badges. */
  siteBadges: (site: SdgSite) => ReactNode;
  /** The dialog, to render once on the page. */
  dialog: ReactNode;
}

/**
 * The SDG tags of the business lines and of one organization's sites (every organization's while none is chosen),
 * and the dialog that sets a subject's.
 */
export function useSdgTagging(organizationId: string | null): SdgTagging {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLocale();
  const catalogue = useSdgCatalogue();
  const tags = useResource<Items<SdgTag>>(sdgPaths.tags(organizationId), { keepPrevious: true });
  const [editing, setEditing] = useState<SdgOpening | null>(null);
  const [openings, setOpenings] = useState(0);
  // What was just saved shows at once, before the tags are loaded again.
  const [saved, setSaved] = useState<ReadonlyMap<string, string[]>>(new Map());
  const bySubject = tagsBySubject(tags.data?.items ?? []);
  const codesOf = (subjectType: SdgSubjectType, subjectId: string) => {
    const key = subjectKey(subjectType, subjectId);
    return saved.get(key) ?? bySubject.get(key) ?? [];
  };
  const goals = catalogue.data?.goals;
  const close = () => setEditing(null);
  const inherited =
    editing?.subjectType === 'site' && editing.businessLine
      ? { name: labels.code('businessLine', editing.businessLine), codes: codesOf('business-line', editing.businessLine) }
      : undefined;

  const dialog = (
    <Dialog opened={editing !== null} onClose={close} title={editing ? t('sdg.tags.title', { name: editing.name }) : ''}>
      {editing !== null && goals && (
        <SdgTagsForm
          key={openings}
          subject={editing}
          codes={codesOf(editing.subjectType, editing.subjectId)}
          goals={goals}
          inherited={inherited}
          onCancel={close}
          onSaved={(items) => {
            const key = subjectKey(editing.subjectType, editing.subjectId);
            setSaved((current) => new Map(current).set(key, sortSdgCodes(items.map((tag) => tag.code))));
            close();
            notifySuccess(t('sdg.tags.saved', { name: editing.name }));
            tags.reload();
          }}
        />
      )}
      {editing !== null && !goals && (catalogue.error ? t('errors.unknown') : t('common.loading'))}
    </Dialog>
  );

  const open = (subject: SdgOpening) => {
    setOpenings((n) => n + 1);
    setEditing(subject);
  };
  return {
    goals,
    codesOf,
    open,
    openSite: (site) =>
      open({ subjectType: 'site', subjectId: site.id, name: locale === 'en' && site.nameEn ? site.nameEn : site.nameJa, businessLine: site.businessLine }),
    siteBadges: (site) => <SdgBadges codes={codesOf('site', site.id)} goals={goals} />,
    dialog,
  };
}
