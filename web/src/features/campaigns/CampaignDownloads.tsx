import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { apiHref } from '../../api';
import { campaignPaths } from './campaigns';

/**
 * The campaign's report: its targets as CSV for Excel (UTF-8 with a BOM, or Shift_JIS) in either language, and as
 * PDF in either language. Plain links: the session cookie goes along.
 */
export function CampaignDownloads({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const links = [
    { key: 'csvUtf8Ja', href: campaignPaths.reportCsv(campaignId, 'utf-8', 'ja'), file: 'campaign-ja.csv' },
    { key: 'csvCp932Ja', href: campaignPaths.reportCsv(campaignId, 'cp932', 'ja'), file: 'campaign-ja.csv' },
    { key: 'csvUtf8En', href: campaignPaths.reportCsv(campaignId, 'utf-8', 'en'), file: 'campaign-en.csv' },
    { key: 'csvCp932En', href: campaignPaths.reportCsv(campaignId, 'cp932', 'en'), file: 'campaign-en.csv' },
    { key: 'pdfJa', href: campaignPaths.reportPdf(campaignId, 'ja'), file: 'campaign-ja.pdf' },
    { key: 'pdfEn', href: campaignPaths.reportPdf(campaignId, 'en'), file: 'campaign-en.pdf' },
  ] as const;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
          {t('campaigns.downloads.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {links.map((link) => (
          <Menu.Item key={link.key} component="a" href={apiHref(link.href)} download={link.file}>
            {t(`campaigns.downloads.${link.key}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
