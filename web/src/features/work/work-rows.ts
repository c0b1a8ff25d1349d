import { personName } from '../members/member';
import type { WorkRecord } from './work';

/** What the table and the cards share: the records, which are chosen, and what can be done to each. */
export interface WorkRowsProps {
  records: WorkRecord[];
  /** Records chosen for approval. */
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], chosen: boolean) => void;
  /** The coordinator's: choose and approve, take an approval back. */
  canApprove: boolean;
  /** The record whose action is running. */
  busyId: string | null;
  onEdit: (record: WorkRecord) => void;
  onDelete: (record: WorkRecord) => void;
  onUnapprove: (record: WorkRecord) => void;
  labelledBy: string;
  busy: boolean;
}

/** Entered records of open months are corrected or deleted; approved ones only after the coordinator takes the approval back. */
export const canChange = (record: WorkRecord): boolean => record.status === 'entered' && !record.periodClosed;
export const canUnapprove = (record: WorkRecord, canApprove: boolean): boolean => canApprove && record.status === 'approved' && !record.periodClosed;
export const canChoose = (record: WorkRecord, canApprove: boolean): boolean => canApprove && canChange(record);

/** 0001 山田 花子, or the name alone for a worker who is not a member. */
export const workerLabel = (record: WorkRecord): string => (record.memberNumber ? `${record.memberNumber} ${personName(record)}` : personName(record));
