import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect-name.js';

/**
 * Documents of a campaign target, kept in the database like a meeting's: the petition as submitted, the adopted
 * letter (意見書) as PDF, the assembly's minutes. Links to the assembly's own pages stay in campaign_target_links.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const blob = dialect === 'postgresql' ? 'bytea' : 'blob';
  await db.schema
    .createTable('campaign_target_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('target_id', 'text', (c) => c.notNull().references('campaign_targets.id'))
    // The campaign too, so that a document's access is checked without reading its target first.
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', blob, (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .execute();
  await db.schema.createIndex('campaign_target_documents_target').on('campaign_target_documents').columns(['target_id', 'uploaded_at']).execute();
}
