import fs from 'node:fs';
import { importSiteResults } from '../app/business/import-site-results.js';
import { DomainError } from '../domain/shared/errors.js';
import { cliActor, organizationIdOf, withRuntime } from './commands.js';

/**
 * Imports sites' fiscal-year results from a CSV (UTF-8 or CP932), all or nothing, as the Businesses page does; a
 * refused file prints each problem with its row and column, and exits 2.
 */
export const runResultsImport = (file: string, options: { org: string; encoding: 'auto' | 'utf-8' | 'cp932' }) =>
  withRuntime(async (runtime) => {
    const organizationId = await organizationIdOf(runtime, options.org);
    try {
      const result = await importSiteResults(runtime.ctx, cliActor(), organizationId, { bytes: new Uint8Array(fs.readFileSync(file)), encoding: options.encoding });
      console.log(`imported ${file}: ${result.created} result(s) recorded, ${result.replaced} replaced, fiscal year(s) ${result.fiscalYears.join(', ')}`);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'import_rejected') {
        for (const e of error.errors.slice(0, 50)) console.error(`  ${e.field} ${e.code} (${e.message})`);
      }
      throw error;
    }
  });
