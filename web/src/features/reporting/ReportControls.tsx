import { SdgReportLink } from '../sdg/SdgReportLink';
import type { Currency } from './report-format';
import type { Dashboard } from './reporting';
import { YearCurrencyControls } from './YearCurrencyControls';

interface ReportControlsProps {
  dashboard: Dashboard;
  currency: Currency;
  loading: boolean;
  onYear: (fiscalYear: number) => void;
  onCurrency: (currency: Currency) => void;
}

/** The year shown (among the years with results) and the currency of its amounts, with the rate the dollars use. */
export function ReportControls({ dashboard, currency, loading, onYear, onCurrency }: ReportControlsProps) {
  return (
    <YearCurrencyControls years={dashboard.years} fiscalYear={dashboard.fiscalYear} currency={currency} rates={dashboard.fxRates} loading={loading} onYear={onYear} onCurrency={onCurrency}>
      <SdgReportLink dashboard={dashboard} />
    </YearCurrencyControls>
  );
}
