import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { apiHref } from '../../api';
import { useLocale } from '../../i18n';
import { capitalPaths } from './capital';

/**
 * The register at the page's date as CSV for Excel (UTF-8 with a BOM, or Shift_JIS) and as PDF, in the page's
 * language, and the whole journal for hledger: plain links, the session cookie goes along.
 */
export function CapitalDownloads({ organizationId, date }: { organizationId: string; date: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const links = [
    { key: 'csvUtf8', href: capitalPaths.registerCsv(organizationId, date, 'utf-8', locale), file: `capital-register-${date}.csv` },
    { key: 'csvCp932', href: capitalPaths.registerCsv(organizationId, date, 'cp932', locale), file: `capital-register-${date}.csv` },
    { key: 'pdf', href: capitalPaths.registerPdf(organizationId, date, locale), file: `capital-register-${date}.pdf` },
    { key: 'journal', href: capitalPaths.journal(organizationId), file: 'capital.journal' },
  ] as const;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
          {t('capital.downloads.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {links.map((link) => (
          <Menu.Item key={link.key} component="a" href={apiHref(link.href)} download={link.file}>
            {t(`capital.downloads.${link.key}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
