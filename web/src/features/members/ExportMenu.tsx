import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconFileExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { apiHref } from '../../api';
import { useLocale } from '../../i18n';
import { exportPath } from './member-import';

/** Downloads an organization's registry as CSV: UTF-8 with a BOM (Excel) or Shift_JIS, headers in the page's language. */
export function ExportMenu({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconFileExport size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
          {t('memberExport.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={apiHref(exportPath(organizationId, 'utf-8', locale))} download="members.csv">
          {t('memberExport.utf8')}
        </Menu.Item>
        <Menu.Item component="a" href={apiHref(exportPath(organizationId, 'cp932', locale))} download="members.csv">
          {t('memberExport.cp932')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
