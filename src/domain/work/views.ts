import type { WorkRecordSource, WorkRecordStatus } from './work-record.js';

// Work records (就労記録) as the API shows and takes them: one definition for the server and the web app. Types only
// (no Node, no database), so the web bundle can read it.

/** A record of work as the API shows it: with the person's name and member number, and whether its month is closed. */
export interface WorkRecordView {
  id: string;
  organizationId: string;
  personId: string;
  familyName: string;
  givenName: string;
  /** The person's member number here; null for a worker who is not a member. */
  memberNumber: string | null;
  date: string;
  site: string;
  businessLine: string;
  role: string;
  minutes: number;
  status: WorkRecordStatus;
  source: WorkRecordSource;
  importBatchId: string | null;
  note: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  periodClosed: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  recordedBy: string | null;
}

/** A change to one record, at the version the editor saw; the fields left out stay as they are. */
export interface WorkRecordChange {
  version: number;
  date?: string;
  site?: string;
  businessLine?: string;
  role?: string;
  minutes?: number;
  note?: string | null;
}

/** What an import of a time clock's file did: the records it created and replaced, and what they add up to. */
export interface WorkImportResult {
  batchId: string;
  created: number;
  replaced: number;
  minutes: number;
  people: number;
  days: number;
  from: string | null;
  until: string | null;
}
