import { useTranslation } from 'react-i18next';
import classes from './SkipLink.module.css';

/** Lets keyboard users jump past the header and navigation. */
export function SkipLink({ target }: { target: string }) {
  const { t } = useTranslation();
  return (
    <a className={classes.skip} href={`#${target}`}>
      {t('nav.skipToMain')}
    </a>
  );
}
