import { parseDate } from '../members/csv/dates.js';
import { prefectureCodeOf } from '../members/csv/prefecture-lookup.js';
import { cleanCell, headerKey, longerThan } from '../members/csv/text.js';
import { prefectures } from '../organizations/prefectures.js';
import { localGovernment, localGovernments, type LocalGovernment } from '../programmes/local-governments.js';
import { DomainError, type FieldError } from '../shared/errors.js';
import { campaignTextLimits, checkTransition, stages, type Stage, type TargetKind } from './campaign.js';

/**
 * Targets' stages as CSV (運動の進捗の一括取り込み): one row per target, named by its local-government code (6 digits,
 * or 5 without the check digit) or by its name (with the prefecture where the name is not unique: 府中市 is in 東京都
 * and 広島県). Stages in Japanese (採択（意見書可決）) or as codes (adopted). A row may move a target several steps
 * forward at once (one history entry, the stage reached); a step back, or a date before the current stage's, is a
 * correction and is refused unless the row's 訂正 column says so.
 */
export const targetCsvFields = ['code', 'name', 'prefecture', 'stage', 'date', 'person', 'note', 'correction'] as const;
export type TargetCsvField = (typeof targetCsvFields)[number];

export const targetCsvHeaders: Record<TargetCsvField, readonly string[]> = {
  code: ['団体コード', '地方公共団体コード', '自治体コード', 'コード', 'code', 'local_government_code'],
  name: ['団体名', '自治体名', '名称', '議会', 'name', 'name_ja'],
  prefecture: ['都道府県', '都道府県名', 'prefecture'],
  stage: ['段階', '状況', '進捗', 'stage'],
  date: ['日付', '年月日', '段階の日付', 'date', 'stage_on', 'on'],
  person: ['担当者', '担当', 'person', 'responsible_person'],
  note: ['メモ', '備考', 'note', 'notes'],
  correction: ['訂正', 'correction'],
};

/** The stages as the Japanese campaign's papers call them. */
export const stageLabelsJa: Record<Stage, string> = {
  'not-contacted': '未接触',
  contacted: '接触済み',
  'petition-submitted': '請願・陳情提出',
  'under-deliberation': '審議中',
  adopted: '採択（意見書可決）',
  rejected: '不採択',
};

const fieldByKey = new Map<string, TargetCsvField>(targetCsvFields.flatMap((field) => targetCsvHeaders[field].map((h) => [headerKey(h), field] as const)));

// Matched like headers: width, brackets, 「・」 and spaces do not matter, so 採択(意見書可決) and 請願陳情提出 read too.
const stageByKey = new Map<string, Stage>([
  ...stages.map((s) => [headerKey(s), s] as const),
  ...stages.map((s) => [headerKey(stageLabelsJa[s]), s] as const),
  ['接触', 'contacted'], ['接触済', 'contacted'], ['請願提出', 'petition-submitted'], ['陳情提出', 'petition-submitted'],
  ['審議', 'under-deliberation'], ['継続審議', 'under-deliberation'], ['採択', 'adopted'], ['可決', 'adopted'], ['意見書可決', 'adopted'], ['否決', 'rejected'],
]);

/** The stage a cell names (a Japanese label or a code), or null. */
export const parseStage = (text: string): Stage | null => stageByKey.get(headerKey(text)) ?? null;

const yes = new Set(['訂正', 'はい', 'yes', 'y', 'true', '1', '○', '◯', '✓']);
const no = new Set(['', 'いいえ', 'no', 'n', 'false', '0', '-']);

/** Whether a 訂正 cell says the row is a correction; undefined when it says neither. */
const parseCorrection = (text: string): boolean | undefined => {
  const key = text.toLowerCase();
  return yes.has(key) ? true : no.has(key) ? false : undefined;
};

/** A target of the campaign as it stands, for matching rows to it and comparing. */
export interface ImportTarget {
  id: string;
  kind: TargetKind;
  localGovernmentCode: string | null;
  prefectureCode: string | null;
  nameJa: string;
  nameEn: string | null;
  stage: Stage;
  stageOn: string | null;
  responsiblePerson: string | null;
  notes: string | null;
  version: number;
}

/** What a row changes: a new stage (with its date), the person responsible, the notes; null where it keeps them. */
export interface TargetChange {
  row: number;
  target: ImportTarget;
  stage: { stage: Stage; on: string; correction: boolean } | null;
  responsiblePerson: string | null;
  notes: string | null;
}

/** Why a row was refused: its row number as Excel shows it, the column's header as written ('' for the row). */
export interface TargetCsvError {
  row: number;
  column: string;
  code: string;
  message: string;
}

export interface TargetImportPlan {
  changes: TargetChange[];
  /** Rows that say what the campaign says already (a re-imported file). */
  unchanged: number;
  errors: TargetCsvError[];
}

/** The columns of the file, by field; the first column naming a field wins. */
export function targetColumnsOf(headers: readonly string[]): Partial<Record<TargetCsvField, number>> {
  const columns: Partial<Record<TargetCsvField, number>> = {};
  headers.forEach((header, index) => {
    const field = fieldByKey.get(headerKey(header));
    if (field !== undefined && columns[field] === undefined) columns[field] = index;
  });
  return columns;
}

let byFiveDigits: Map<string, LocalGovernment> | null = null;

/** The official entry a code cell names: 6 digits, 5 without the check digit, or either with Excel's leading zero lost. */
function officialEntry(digits: string): { entry: LocalGovernment } | { code: 'invalid_check_digit' | 'unknown_local_government' } {
  byFiveDigits ??= new Map(localGovernments().map((g) => [g.code.slice(0, 5), g]));
  const candidates = digits.length === 6 ? [digits] : digits.length === 5 ? [digits, `0${digits}`] : [`0${digits}`];
  for (const candidate of candidates) {
    const entry = candidate.length === 6 ? localGovernment(candidate) : byFiveDigits.get(candidate);
    if (entry) return { entry };
  }
  if (digits.length === 6 && byFiveDigits.has(digits.slice(0, 5))) return { code: 'invalid_check_digit' };
  return { code: 'unknown_local_government' };
}

const prefectureName = new Map(prefectures.map((p) => [p.code, p.nameJa]));

interface Lookups {
  byCode: Map<string, ImportTarget>;
  byName: Map<string, ImportTarget[]>;
}

function lookupsOf(targets: readonly ImportTarget[]): Lookups {
  const byCode = new Map(targets.flatMap((t) => (t.localGovernmentCode === null ? [] : [[t.localGovernmentCode, t] as const])));
  const byName = new Map<string, ImportTarget[]>();
  const addName = (name: string, target: ImportTarget) => byName.set(name, [...(byName.get(name) ?? []), target]);
  for (const t of targets) {
    addName(t.nameJa.normalize('NFKC'), t);
    if (t.nameEn) addName(t.nameEn.normalize('NFKC').toLowerCase(), t);
    // 東京都府中市: the prefecture's name written before a municipality's.
    const prefecture = t.prefectureCode === null ? undefined : prefectureName.get(t.prefectureCode);
    if (t.kind === 'local-government' && prefecture !== undefined && t.nameJa !== prefecture) addName(`${prefecture}${t.nameJa}`.normalize('NFKC'), t);
  }
  return { byCode, byName };
}

type Fail = (field: TargetCsvField, code: string, message: string) => void;

const named = (lookups: Lookups, name: string): ImportTarget[] => lookups.byName.get(name) ?? lookups.byName.get(name.toLowerCase()) ?? [];

/** The one target a row names, by its code (checked against its name and prefecture when given) or by its name. */
function matchTarget(cells: { code: string; name: string; prefecture: string }, lookups: Lookups, fail: Fail, hasCodeColumn: boolean): ImportTarget | null {
  const code = cells.code.replace(/[-\s]/g, '');
  const { name } = cells;
  const prefectureCode = cells.prefecture === '' ? null : prefectureCodeOf(cells.prefecture);
  if (cells.prefecture !== '' && prefectureCode === null) {
    fail('prefecture', 'unknown_prefecture', `${cells.prefecture} is not a prefecture`);
    return null;
  }
  if (code !== '') {
    if (!/^\d{4,6}$/.test(code)) {
      fail('code', 'invalid_local_government_code', `${code}: a local government's 6-digit code (or 5 digits without the check digit)`);
      return null;
    }
    const official = officialEntry(code);
    if ('code' in official) {
      fail('code', official.code, official.code === 'invalid_check_digit' ? `${code}: the check digit is wrong` : `${code} is not on the official list of local governments`);
      return null;
    }
    const target = lookups.byCode.get(official.entry.code);
    if (!target) {
      fail('code', 'not_a_target', `${official.entry.nameJa} (${official.entry.prefectureJa}) is not a target of the campaign`);
      return null;
    }
    if (prefectureCode !== null && prefectureCode !== target.prefectureCode) {
      fail('prefecture', 'prefecture_mismatch', `${official.entry.nameJa} is in ${official.entry.prefectureJa}`);
      return null;
    }
    if (name !== '' && !named(lookups, name).includes(target)) {
      fail('name', 'code_name_mismatch', `${code} is ${target.nameJa}, not ${name}`);
      return null;
    }
    return target;
  }
  if (name === '') {
    fail(hasCodeColumn ? 'code' : 'name', 'required', 'the target: its code or its name');
    return null;
  }
  const candidates = named(lookups, name).filter((t) => prefectureCode === null || t.prefectureCode === prefectureCode);
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) {
    fail('name', 'unknown_target', `no target of the campaign is named ${name}${prefectureCode === null ? '' : ` in ${prefectureName.get(prefectureCode)}`}`);
  } else {
    const where = candidates.map((t) => (t.prefectureCode === null ? t.kind : prefectureName.get(t.prefectureCode))).join(', ');
    fail('name', 'ambiguous_name', `${name} names ${candidates.length} targets (${where}): add the prefecture or the code`);
  }
  return null;
}

/**
 * Reads the file against the campaign's targets: every row matched to one target and checked (the stage, its date,
 * the step from the current stage), every problem by row and column. Nothing is written here: the import writes
 * `changes` only when `errors` is empty.
 */
export function planTargetImport(headers: readonly string[], records: readonly (readonly string[])[], targets: readonly ImportTarget[]): TargetImportPlan {
  const columns = targetColumnsOf(headers);
  const missing: FieldError[] = [];
  if (columns.code === undefined && columns.name === undefined) missing.push({ field: 'code', code: 'required', message: 'a column headed 団体コード (code) or 団体名 (name)' });
  if (columns.stage === undefined) missing.push({ field: 'stage', code: 'required', message: 'a column headed 段階 (stage)' });
  if (columns.date === undefined) missing.push({ field: 'date', code: 'required', message: 'a column headed 日付 (date)' });
  if (missing.length > 0) throw new DomainError('invalid', 'incomplete_mapping', `the file needs columns for ${missing.map((m) => m.field).join(', ')}`, missing);

  const lookups = lookupsOf(targets);

  const changes: TargetChange[] = [];
  const errors: TargetCsvError[] = [];
  const seen = new Map<string, number>();
  let unchanged = 0;
  records.forEach((record, i) => {
    const row = i + 2;
    if (record.every((cell) => cell.trim() === '')) return;
    const cell = (field: TargetCsvField): string => (columns[field] === undefined ? '' : cleanCell(record[columns[field]] ?? ''));
    const before = errors.length;
    const fail: Fail = (field, code, message) => errors.push({ row, column: columns[field] === undefined ? '' : (headers[columns[field]] ?? ''), code, message });

    const target = matchTarget({ code: cell('code'), name: cell('name'), prefecture: cell('prefecture') }, lookups, fail, columns.code !== undefined);
    const stage = parseStage(cell('stage'));
    if (cell('stage') === '') fail('stage', 'required', 'the stage: 未接触, 接触済み, 請願・陳情提出, 審議中, 採択（意見書可決）, 不採択 or a code');
    else if (stage === null) fail('stage', 'invalid_stage', `${cell('stage')} is not a stage`);
    const on = cell('date') === '' ? null : parseDate(cell('date'));
    if (cell('date') !== '' && on === null) fail('date', 'invalid_date', `${cell('date')} is not a date`);
    const correction = parseCorrection(cell('correction'));
    if (correction === undefined) fail('correction', 'invalid_value', `${cell('correction')}: 訂正 (yes) or empty`);
    const person = cell('person');
    if (longerThan(person, campaignTextLimits.person)) fail('person', 'too_long', `at most ${campaignTextLimits.person} characters`);
    const note = cell('note');
    if (longerThan(note, campaignTextLimits.note)) fail('note', 'too_long', `at most ${campaignTextLimits.note} characters`);
    if (target === null || stage === null || errors.length > before) return;

    const first = seen.get(target.id);
    if (first !== undefined) {
      fail(columns.code !== undefined && cell('code') !== '' ? 'code' : 'name', 'duplicate_in_file', `row ${first} names the same target`);
      return;
    }
    seen.set(target.id, row);

    let change: TargetChange['stage'] = null;
    if (stage === target.stage) {
      if (on !== null && on !== target.stageOn) fail('date', 'same_stage', `the target is at ${stage} since ${target.stageOn ?? '-'}: the file changes only the date`);
    } else if (on === null) {
      fail('date', 'required', `the date the target reached ${stage}`);
    } else {
      try {
        checkTransition(target.stage, stage, on, target.stageOn, correction === true);
        change = { stage, on, correction: correction === true };
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        for (const e of error.errors) fail(e.field === 'on' ? 'date' : 'stage', e.code, e.message);
      }
    }
    if (errors.length > before) return;
    // An empty cell keeps what is recorded: a file of stages alone does not wipe the people responsible.
    const responsiblePerson = person !== '' && person !== target.responsiblePerson ? person : null;
    const notes = note !== '' && note !== target.notes ? note : null;
    if (change === null && responsiblePerson === null && notes === null) unchanged += 1;
    else changes.push({ row, target, stage: change, responsiblePerson, notes });

  });
  return { changes, unchanged, errors };
}
