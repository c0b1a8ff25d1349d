/** A column that holds sealed values (`kg1.<key id>.<data>`), one per row, keyed by the row's id. */
export interface SealedColumn {
  table: SealedTable;
  idColumn: 'id';
  column: 'sealed';
}

export type SealedTable = 'participants' | 'support_plans' | 'participant_activities' | 'participant_outcomes' | 'participant_follow_ups';

/** Every sealed column in the schema (migration 0012): what `kyodo keys reseal` re-encrypts and `status` counts. */
export const sealedColumns: SealedColumn[] = [
  { table: 'participants', idColumn: 'id', column: 'sealed' },
  { table: 'support_plans', idColumn: 'id', column: 'sealed' },
  { table: 'participant_activities', idColumn: 'id', column: 'sealed' },
  { table: 'participant_outcomes', idColumn: 'id', column: 'sealed' },
  { table: 'participant_follow_ups', idColumn: 'id', column: 'sealed' },
];

/** What a sealed value is bound to (its AAD): the place it is stored, so a value moved elsewhere does not open. */
export const sealContext = (table: string, column: string, id: string): string => `${table}.${column}:${id}`;
