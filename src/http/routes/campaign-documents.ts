import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { addTargetDocument, deleteTargetDocument, readTargetDocument } from '../../app/advocacy/target-documents.js';
import { actorOf } from '../auth.js';
import { acceptDocumentBodies, attachmentDisposition, documentBytes, documentContentType, DocumentUploadQuery } from '../document-body.js';
import type { RouteDeps } from '../route-deps.js';
import { Id, problemResponses } from '../schemas.js';
import { TargetDocument } from './campaigns.js';

const tags = ['campaigns'];
const DocumentParams = Type.Object({ documentId: Id });

/**
 * A campaign target's documents (the petition, the adopted letter 意見書, minutes), kept like a meeting's: the
 * file is the request body (application/pdf or application/octet-stream, at most 20 MB), its name in the query.
 */
export const campaignDocumentRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { ctx }) => {
  acceptDocumentBodies(app);

  app.post('/targets/:id/documents', {
    schema: {
      tags, summary: 'Attach a document to a target (the body is the file: application/pdf or application/octet-stream, at most 20 MB; the name in the query)',
      params: Type.Object({ id: Id }), querystring: DocumentUploadQuery, response: { 201: TargetDocument, ...problemResponses },
    },
  }, async (request, reply) => {
    const content = documentBytes(request.body);
    return reply.status(201).send(await addTargetDocument(ctx, actorOf(request), request.params.id, {
      fileName: request.query.fileName, contentType: documentContentType(request.headers['content-type']), content,
    }));
  });

  app.get('/campaign-documents/:documentId', {
    schema: { tags, summary: "Download a target's document", params: DocumentParams },
  }, async (request, reply) => {
    const doc = await readTargetDocument(ctx, actorOf(request), request.params.documentId);
    return reply.type(doc.contentType).header('content-disposition', attachmentDisposition(doc.fileName)).send(doc.content);
  });

  app.delete('/campaign-documents/:documentId', {
    schema: { tags, summary: "Remove a target's document", params: DocumentParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await deleteTargetDocument(ctx, actorOf(request), request.params.documentId);
    return reply.status(204).send(null);
  });
};
