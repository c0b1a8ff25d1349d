import { canRunCampaigns, type Actor } from '../../domain/access/policy.js';
import { forbidden, invalid, notFound } from '../../domain/shared/errors.js';
import { storedFileName } from '../../domain/shared/file-name.js';
import { recordAudit } from '../audit/record-audit.js';
import { inTransaction, isoNow, newId, type AppContext, type Tx } from '../shared/context.js';
import { targetInReach } from './campaign-access.js';
import type { TargetDocumentView } from '../../domain/advocacy/views.js';

export type { TargetDocumentView };

/** A target's documents, oldest first. */
export async function targetDocuments(db: Tx, targetId: string): Promise<TargetDocumentView[]> {
  const rows = await db.selectFrom('campaign_target_documents').select(['id', 'file_name', 'content_type', 'size', 'uploaded_at'])
    .where('target_id', '=', targetId).orderBy('uploaded_at').orderBy('id').execute();
  return rows.map((d) => ({ id: d.id, fileName: d.file_name, contentType: d.content_type, size: Number(d.size), uploadedAt: d.uploaded_at }));
}

/** Attaches a file to a target; the bytes are kept in the database like a meeting's documents. */
export async function addTargetDocument(
  ctx: AppContext, actor: Actor, targetId: string, upload: { fileName: string; contentType: string; content: Buffer },
): Promise<TargetDocumentView> {
  const fileName = storedFileName(upload.fileName);
  if (fileName === null) throw invalid([{ field: 'fileName', code: 'required', message: 'the document needs a file name' }]);
  return inTransaction(ctx, async (trx) => {
    const target = await targetInReach(trx, actor, targetId);
    const at = isoNow(ctx);
    const id = newId();
    const size = upload.content.length;
    await trx.insertInto('campaign_target_documents').values({
      id, target_id: targetId, campaign_id: target.campaign_id, file_name: fileName, content_type: upload.contentType, size, content: upload.content,
      uploaded_at: at, uploaded_by: actor.email,
    }).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: target.organization_id, entityType: 'campaign-target', entityId: targetId, action: 'add-document', before: null,
      after: { id, fileName, contentType: upload.contentType, size },
    }, at);
    return { id, fileName, contentType: upload.contentType, size, uploadedAt: at };
  });
}

/**
 * A document with its campaign's organization, when the actor reaches that campaign: a member of the organization is
 * told no, anyone else hears of no such document (as for the campaign itself, see campaign-access.ts).
 */
async function documentInReach(db: Tx, actor: Actor, documentId: string) {
  const doc = await db.selectFrom('campaign_target_documents as d').innerJoin('campaigns as c', 'c.id', 'd.campaign_id')
    .selectAll('d').select('c.organization_id').where('d.id', '=', documentId).executeTakeFirst();
  if (doc && canRunCampaigns(actor, doc.organization_id)) return doc;
  if (doc && actor.organizationId === doc.organization_id) throw forbidden();
  throw notFound('document');
}

/** A target's document, for download. */
export async function readTargetDocument(ctx: AppContext, actor: Actor, documentId: string): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  const doc = await documentInReach(ctx.db, actor, documentId);
  return { fileName: doc.file_name, contentType: doc.content_type, content: Buffer.from(doc.content) };
}

/** Removes a document from its target; the audit log keeps its name and size. */
export async function deleteTargetDocument(ctx: AppContext, actor: Actor, documentId: string): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const doc = await documentInReach(trx, actor, documentId);
    await trx.deleteFrom('campaign_target_documents').where('id', '=', documentId).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: doc.organization_id, entityType: 'campaign-target', entityId: doc.target_id, action: 'remove-document',
      before: { id: doc.id, fileName: doc.file_name, contentType: doc.content_type, size: Number(doc.size) }, after: null,
    }, isoNow(ctx));
  });
}
