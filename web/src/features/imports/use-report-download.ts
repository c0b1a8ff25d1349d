import { useState } from 'react';
import { useErrorText } from '../../errors';
import { notifyError } from '../../notify';
import { saveFile } from './csv-import';

/** Downloads a report the server writes about a file (its errors, its rejected rows) under a name. */
export function useReportDownload() {
  const errorText = useErrorText();
  const [downloading, setDownloading] = useState(false);

  async function save(report: () => Promise<Blob>, name: string) {
    setDownloading(true);
    try {
      saveFile(await report(), name);
    } catch (error) {
      notifyError(errorText(error));
    }
    setDownloading(false);
  }

  return { downloading, download: (report: () => Promise<Blob>, name: string) => void save(report, name) };
}
