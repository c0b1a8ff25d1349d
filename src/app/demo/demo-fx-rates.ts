import type { Tx } from '../shared/context.js';

/**
 * The demo's exchange rates: approximate annual averages of yen per US dollar over each Japanese fiscal year
 * (April–March), fiscal 2007 to 2025, rounded to a tenth of a yen. Illustrative figures for the demo's US-dollar view,
 * not official rates: an organization records the rate it reports at (for example its bank's yearly average TTM).
 * Fiscal 2016 at about 108.4 yen puts the seed's USD 300 million at about 32.5 billion yen.
 */
export const demoYenPerUsd: Readonly<Record<number, number>> = {
  2007: 114.3, 2008: 100.5, 2009: 92.8, 2010: 85.7, 2011: 79.0, 2012: 83.1, 2013: 100.2, 2014: 109.9, 2015: 120.1,
  2016: 108.4, 2017: 110.8, 2018: 110.9, 2019: 108.7, 2020: 106.0, 2021: 112.4, 2022: 135.5, 2023: 144.6, 2024: 152.6,
  2025: 149.5,
};

export const demoFxSource = 'approximate annual average (April–March), demo figure';

/** Writes the demo's rates (one per fiscal year) into an empty fx_rates table; both demos call it. */
export async function loadDemoFxRates(db: Tx, at: string): Promise<void> {
  await db.insertInto('fx_rates').values(Object.entries(demoYenPerUsd).map(([year, rate]) => ({
    fiscal_year: Number(year), yen_per_usd_centi: Math.round(rate * 100), source: demoFxSource, recorded_at: at, recorded_by: 'system:demo',
  }))).execute();
}
