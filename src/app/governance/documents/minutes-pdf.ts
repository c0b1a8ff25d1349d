import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { baseDefinition, creationDate, gridLayout, HEADER_FILL, headerCell, numberCell, parseDate, renderPdf, type DocumentLocale } from '../../documents/pdf-kit.js';
import {
  calendarDate,
  count,
  dateTime,
  itemLabel,
  kindLabel,
  organizationName,
  parseInstant,
  people,
  timeOfDay,
  wordsForBody,
  type BodyWords,
} from './wording.js';

/**
 * The minutes of a meeting (議事録) as PDF, drafted from what Kyodo recorded: when and where, who attended and
 * whether the quorum was met, the chair, and for each agenda item its motions, their amendments (voted before the
 * motion they amend), the counts and the rule that decided each result, written out as a sentence. The Act has
 * minutes record the proceedings and their results; they end with the lines the chair and the members chosen to
 * sign the minutes (議事録署名人) sign and seal.
 */

export type MinutesBodyKind = 'general_assembly' | 'delegate_assembly' | 'board' | 'federation_assembly';

export interface MinutesData {
  locale: 'ja' | 'en';
  organization: { nameJa: string; nameEn: string | null; address: string | null };
  meeting: {
    title: string;
    bodyKind: MinutesBodyKind;
    /** UTC ISO date-times of the chair's opening and closing; shown in Japan time. */
    openedAt: string;
    closedAt: string;
    place: string | null;
    onlineUrl: string | null;
  };
  attendance: MinutesAttendance;
  /** The chair's name (議長). */
  chair: string;
  /** Who drew up the minutes (議事録作成者), or null. */
  recorder: string | null;
  items: MinutesItem[];
  /** The signature lines, in order: the chair, the minutes signers (議事録署名人). Roles in the document's language. */
  signers: { role: string; name: string }[];
  /** YYYY-MM-DD the minutes were drawn up; also the PDF's creation date, so the same data gives the same bytes. */
  draftedOn: string;
}

export interface MinutesAttendance {
  /** Members (delegates, directors) entitled to vote on the record date. */
  entitled: number;
  inPerson: number;
  online: number;
  /** Voted in writing (書面) before the meeting. */
  written: number;
  /** Voted electronically (電磁的方法) before the meeting. */
  electronic: number;
  /** Represented by a proxy (代理人). */
  proxy: number;
  /** Everyone counted as present: all of the above but `entitled`, each person once. */
  present: number;
  quorumNeeded: number;
  quorumMet: boolean;
}

export interface MinutesItem {
  position: number;
  title: string;
  kind: 'ordinary' | 'special' | 'election';
  /** What was explained and asked, in the document's language (議事の経過の要領), or null. */
  proceedings: string | null;
  motions: MinutesMotion[];
}

export interface MinutesMotion {
  /** The motion as put: the board's proposal (原案) or one from the floor. */
  title: string;
  proposer: string | null;
  /** Amendments to this motion, in the order they were voted, all before the motion itself. */
  amendments: MinutesAmendment[];
  /** Null when the motion was not put to the vote (withdrawn, or moot after an amendment). */
  result: MinutesResult | null;
}

export interface MinutesAmendment {
  title: string;
  proposer: string | null;
  result: MinutesResult | null;
}

export type MinutesResult = MinutesResolutionResult | MinutesElectionResult;

/** A resolution as decided by decideResolution (domain/governance/resolutions.ts). */
export interface MinutesResolutionResult {
  type: 'resolution';
  votes: { for: number; against: number; abstain: number; invalid: number };
  outcome: 'adopted' | 'rejected' | 'no_quorum' | 'tie_for_chair';
  rule: 'quorum_not_met' | 'majority_of_present' | 'two_thirds_of_present' | 'tie_chair_decides' | 'tie_rejected';
  /** The figures the rule compared: votes (or members present) needed, and those there were. */
  needed: number;
  got: number;
  /** How the chair decided a tie put to them; null when the result was not a tie, or the chair has not decided. */
  chairDecision: 'adopted' | 'rejected' | null;
}

export interface MinutesElectionResult {
  type: 'election';
  /** Approval voting, or single transferable vote counted by Meek's method or the Scottish STV rules. */
  method: 'approval' | 'stv_meek' | 'stv_scottish';
  seats: number;
  ballots: number;
  invalid: number;
  /** The STV quota (it may be fractional under Meek); null for approval voting. */
  quota: number | null;
  /** Approvals, or first preferences under STV; elected candidates first is usual but not required. */
  candidates: { name: string; votes: number; elected: boolean }[];
  outcome: 'elected';
  rule: 'approval_most_votes' | 'stv_quota';
}

// ---------------------------------------------------------------------------------------------------------------
// Wording

/** What a sentence decides: the motion as proposed, the motion once amended, or an amendment. */
type Subject = 'motion' | 'amended_motion' | 'amendment';

interface MinutesWording {
  title: (meetingTitle: string) => string;
  sections: { opened: string; place: string; body: string; attendance: string; chair: string; proceedings: string };
  opened: (opened: Date, closed: Date) => string;
  online: (url: string) => string;
  attendance: {
    entitled: (body: BodyWords) => string;
    inPerson: string;
    online: string;
    written: string;
    electronic: string;
    proxy: string;
    present: string;
    quorum: string;
    quorumState: (needed: number, met: boolean) => string;
    constituted: (body: BodyWords, present: number, needed: number, met: boolean) => string;
  };
  chairOpened: (chair: string, opened: Date) => string;
  chairClosed: (closed: Date) => string;
  item: (label: string, title: string, kind: string) => string;
  motion: (title: string) => string;
  amendment: (index: number, title: string) => string;
  proposer: (name: string) => string;
  votes: (votes: MinutesResolutionResult['votes']) => string;
  notVoted: string;
  decided: (result: MinutesResolutionResult, body: BodyWords, subject: Subject) => string;
  candidate: string;
  candidateVotes: (method: MinutesElectionResult['method']) => string;
  electedMark: string;
  ballots: (ballots: number, invalid: number) => string;
  elected: (result: MinutesElectionResult, names: string[]) => string;
  closing: string;
  recorder: (name: string) => string;
  seal: string;
  page: (current: number, total: number) => string;
}

/** 原案どおり可決 · 修正のとおり可決 · 可決 */
function jaAdopted(subject: Subject): string {
  return subject === 'motion' ? '原案どおり可決' : subject === 'amended_motion' ? '修正のとおり可決' : '可決';
}

function enAdopted(subject: Subject): string {
  return subject === 'amended_motion' ? 'Adopted as amended' : 'Adopted';
}

const stvNames: Record<DocumentLocale, Record<'stv_meek' | 'stv_scottish', string>> = {
  ja: { stv_meek: 'Meek方式', stv_scottish: 'スコットランド方式' },
  en: { stv_meek: "Meek's method", stv_scottish: 'Scottish STV rules' },
};

const wordings: Record<DocumentLocale, MinutesWording> = {
  ja: {
    title: (meetingTitle) => (meetingTitle.endsWith('議事録') ? meetingTitle : `${meetingTitle} 議事録`),
    sections: { opened: '開催日時', place: '開催場所', body: '会議の種類', attendance: '出席状況', chair: '議長', proceedings: '議事の経過の要領及びその結果' },
    opened: (opened, closed) => `${dateTime('ja', opened)} 開会　${sameJapanDay(opened, closed) ? timeOfDay('ja', closed) : dateTime('ja', closed)} 閉会`,
    online: (url) => `オンライン：${url}`,
    attendance: {
      entitled: (body) => `議決権を有する${body.voter}の数`,
      inPerson: '本人出席（会場）',
      online: '本人出席（オンライン）',
      written: '書面による議決権行使',
      electronic: '電磁的方法による議決権行使',
      proxy: '代理人による議決権行使',
      present: '出席者合計',
      quorum: '定足数',
      quorumState: (needed, met) => `${people('ja', needed)}（${met ? '充足' : '不足'}）`,
      constituted: (body, present, needed, met) =>
        met
          ? `以上のとおり、出席者数${people('ja', present)}は定足数${people('ja', needed)}以上であり、本${body.meeting}は適法に成立した。`
          : `出席者数${people('ja', present)}が定足数${people('ja', needed)}に満たないため、本${body.meeting}は議決することができない。`,
    },
    chairOpened: (chair, opened) => `${chair}が議長となり、${timeOfDay('ja', opened)}、開会を宣言した。`,
    chairClosed: (closed) => `議長は、以上をもって全議案の審議を終了した旨を述べ、${timeOfDay('ja', closed)}、閉会を宣言した。`,
    item: (label, title, kind) => `${label}　${title}（${kind}）`,
    motion: (title) => `議案：${title}`,
    amendment: (index, title) => `修正動議${index}：${title}`,
    proposer: (name) => `提出者：${name}`,
    votes: (votes) => `賛成 ${count(votes.for)}　反対 ${count(votes.against)}　棄権 ${count(votes.abstain)}　無効 ${count(votes.invalid)}`,
    notVoted: '採決は行われなかった。',
    decided: (result, body, subject) => {
      const figures = `（必要数 ${count(result.needed)}、賛成 ${count(result.got)}）`;
      const tie = `賛否同数（賛成 ${count(result.votes.for)}、反対 ${count(result.votes.against)}）`;
      switch (result.rule) {
        case 'quorum_not_met':
          return `出席${body.voter}が定足数に達しなかった（必要数 ${count(result.needed)}、出席 ${count(result.got)}）ため、議決できず`;
        case 'majority_of_present':
          return result.outcome === 'adopted'
            ? `出席${body.voter}の議決権の過半数の賛成${figures}により${jaAdopted(subject)}`
            : `賛成が出席${body.voter}の議決権の過半数に達しなかった${figures}ため否決`;
        case 'two_thirds_of_present':
          return result.outcome === 'adopted'
            ? `出席${body.voter}の議決権の3分の2以上の賛成${figures}により${jaAdopted(subject)}`
            : `賛成が出席${body.voter}の議決権の3分の2に達しなかった${figures}ため否決`;
        case 'tie_chair_decides':
          if (result.chairDecision === null) return `${tie}のため、議長の決するところに委ねられた`;
          return `${tie}のため、議長の決するところにより${result.chairDecision === 'adopted' ? jaAdopted(subject) : '否決'}`;
        case 'tie_rejected':
          return `${tie}のため否決`;
      }
    },
    candidate: '候補者',
    candidateVotes: (method) => (method === 'approval' ? '得票数' : '第1順位票'),
    electedMark: '当選',
    ballots: (ballots, invalid) => `投票総数 ${count(ballots)}（うち無効 ${count(invalid)}）`,
    elected: (result, names) => {
      const who = names.length === 0 ? '当選者なし' : `${names.join('、')}が当選`;
      return result.rule === 'approval_most_votes'
        ? `承認投票により、得票の多い順に定数 ${count(result.seats)} 名まで当選者を定め、${who}`
        : `単記移譲式投票（${result.method === 'approval' ? '' : stvNames.ja[result.method]}）により、当選基数 ${count(result.quota ?? 0)} 票に達した者を当選者と定め（定数 ${count(result.seats)} 名）、${who}`;
    },
    closing: '以上の議事の経過の要領及びその結果を明確にするため、この議事録を作成し、議長及び議事録署名人が次に記名押印する。',
    recorder: (name) => `議事録作成者　${name}`,
    seal: '印',
    page: (current, total) => `${current} / ${total}`,
  },
  en: {
    title: (meetingTitle) => (/^minutes\b/i.test(meetingTitle) ? meetingTitle : `Minutes of the ${meetingTitle.replace(/^the\s+/i, '')}`),
    sections: { opened: 'Date and time', place: 'Place', body: 'Body', attendance: 'Attendance', chair: 'Chair', proceedings: 'Proceedings and results' },
    opened: (opened, closed) => `Opened ${dateTime('en', opened)}; closed ${sameJapanDay(opened, closed) ? timeOfDay('en', closed) : dateTime('en', closed)}`,
    online: (url) => `Online: ${url}`,
    attendance: {
      entitled: (body) => `${capitalized(body.voter)} entitled to vote`,
      inPerson: 'Present in person',
      online: 'Present online',
      written: 'Voted in writing',
      electronic: 'Voted electronically',
      proxy: 'Represented by proxy',
      present: 'Total present',
      quorum: 'Quorum',
      quorumState: (needed, met) => `${count(needed)} (${met ? 'met' : 'not met'})`,
      constituted: (body, present, needed, met) =>
        met
          ? `With ${count(present)} present and a quorum of ${count(needed)}, the ${body.meeting} was duly constituted.`
          : `With ${count(present)} present and a quorum of ${count(needed)}, the ${body.meeting} could not decide.`,
    },
    chairOpened: (chair, opened) => `${chair} took the chair and declared the meeting open at ${timeOfDay('en', opened)}.`,
    chairClosed: (closed) => `All items having been dealt with, the chair declared the meeting closed at ${timeOfDay('en', closed)}.`,
    item: (label, title, kind) => `${label}: ${title} (${kind})`,
    motion: (title) => `Motion: ${title}`,
    amendment: (index, title) => `Amendment ${index}: ${title}`,
    proposer: (name) => `Proposed by ${name}`,
    votes: (votes) => `For ${count(votes.for)}, against ${count(votes.against)}, abstentions ${count(votes.abstain)}, invalid ${count(votes.invalid)}`,
    notVoted: 'Not put to the vote.',
    decided: (result, body, subject) => {
      const figures = `(needed ${count(result.needed)}, for ${count(result.got)})`;
      const tie = `The votes were tied (for ${count(result.votes.for)}, against ${count(result.votes.against)})`;
      switch (result.rule) {
        case 'quorum_not_met':
          return `Not decided: the ${body.voter} present did not make the quorum (needed ${count(result.needed)}, present ${count(result.got)})`;
        case 'majority_of_present':
          return result.outcome === 'adopted'
            ? `${enAdopted(subject)} by a majority of the votes of the ${body.voter} present ${figures}`
            : `Rejected: fewer than a majority of the votes of the ${body.voter} present were for it ${figures}`;
        case 'two_thirds_of_present':
          return result.outcome === 'adopted'
            ? `${enAdopted(subject)} by at least two thirds of the votes of the ${body.voter} present ${figures}`
            : `Rejected: fewer than two thirds of the votes of the ${body.voter} present were for it ${figures}`;
        case 'tie_chair_decides':
          if (result.chairDecision === null) return `${tie}; the decision was left to the chair`;
          return `${tie}; ${result.chairDecision === 'adopted' ? enAdopted(subject).toLowerCase() : 'rejected'} on the chair's casting decision`;
        case 'tie_rejected':
          return `Rejected: the votes were tied (for ${count(result.votes.for)}, against ${count(result.votes.against)})`;
      }
    },
    candidate: 'Candidate',
    candidateVotes: (method) => (method === 'approval' ? 'Votes' : 'First preferences'),
    electedMark: 'Elected',
    ballots: (ballots, invalid) => `Ballots cast ${count(ballots)} (invalid ${count(invalid)})`,
    elected: (result, names) => {
      const who = names.length === 0 ? 'nobody was elected' : `elected: ${names.join(', ')}`;
      return result.rule === 'approval_most_votes'
        ? `By approval voting, the candidates with the most votes up to the ${count(result.seats)} seats were declared elected; ${who}`
        : `By single transferable vote (${result.method === 'approval' ? '' : stvNames.en[result.method]}), the candidates reaching the quota of ${count(result.quota ?? 0)} were declared elected to the ${count(result.seats)} seats; ${who}`;
    },
    closing: 'These minutes record the proceedings of the meeting and their results; the chair and the minutes signers sign them below.',
    recorder: (name) => `Minutes drawn up by ${name}`,
    seal: 'Seal',
    page: (current, total) => `Page ${current} of ${total}`,
  },
};

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sameJapanDay(a: Date, b: Date): boolean {
  const day = (date: Date): string => new Date(date.getTime() + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return day(a) === day(b);
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

type Margins = [number, number, number, number];

function section(number: number, heading: string, body: Content[]): Content {
  return { stack: [{ text: `${number}. ${heading}`, bold: true, fontSize: 11, margin: [0, 0, 0, 3] as Margins }, { stack: body, margin: [14, 0, 0, 0] as Margins }], margin: [0, 0, 0, 10] };
}

function resultBlock(words: MinutesWording, body: BodyWords, result: MinutesResult | null, subject: Subject): Content[] {
  if (result === null) return [{ text: words.notVoted }];
  if (result.type === 'resolution') {
    return [{ text: words.votes(result.votes) }, { text: words.decided(result, body, subject), bold: true }];
  }
  const rows: TableCell[][] = [
    [headerCell(words.candidate), headerCell(words.candidateVotes(result.method), 'right'), headerCell(words.electedMark)],
    ...result.candidates.map((candidate): TableCell[] => [{ text: candidate.name }, numberCell(count(candidate.votes)), { text: candidate.elected ? words.electedMark : '' }]),
  ];
  return [
    { table: { headerRows: 1, dontBreakRows: true, widths: ['*', 90, 60], body: rows }, layout: gridLayout, margin: [0, 2, 0, 3] as Margins },
    { text: words.ballots(result.ballots, result.invalid) },
    { text: words.elected(result, result.candidates.filter((candidate) => candidate.elected).map((candidate) => candidate.name)), bold: true },
  ];
}

function motionBlock(words: MinutesWording, body: BodyWords, motion: MinutesMotion): Content {
  const amendments: Content[] = motion.amendments.map((amendment, index) => ({
    stack: [
      { text: words.amendment(index + 1, amendment.title) },
      ...(amendment.proposer === null ? [] : [{ text: words.proposer(amendment.proposer), fontSize: 9 }]),
      ...resultBlock(words, body, amendment.result, 'amendment'),
    ],
    unbreakable: true,
    // Under their motion, and before its own vote: amendments are decided first.
    margin: [18, 2, 0, 4] as Margins,
  }));
  const amended = motion.amendments.some((amendment) => amendment.result?.type === 'resolution' && amendmentCarried(amendment.result));
  return {
    stack: [
      { text: words.motion(motion.title) },
      ...(motion.proposer === null ? [] : [{ text: words.proposer(motion.proposer), fontSize: 9 }]),
      ...amendments,
      ...resultBlock(words, body, motion.result, amended ? 'amended_motion' : 'motion'),
    ],
    margin: [0, 0, 0, 6] as Margins,
  };
}

function amendmentCarried(result: MinutesResolutionResult): boolean {
  return result.outcome === 'adopted' || (result.outcome === 'tie_for_chair' && result.chairDecision === 'adopted');
}

export async function minutesPdf(data: MinutesData): Promise<Buffer> {
  const { locale, meeting, attendance } = data;
  const words = wordings[locale];
  const body = wordsForBody(locale, meeting.bodyKind);
  parseDate(data.draftedOn);
  const opened = parseInstant(meeting.openedAt, 'openedAt');
  const closed = parseInstant(meeting.closedAt, 'closedAt');
  if (closed.getTime() < opened.getTime()) throw new RangeError('a meeting closes after it opens');
  const title = words.title(meeting.title);

  const place: Content[] = [];
  if (meeting.place !== null) place.push({ text: meeting.place });
  if (meeting.onlineUrl !== null) place.push({ text: words.online(meeting.onlineUrl) });

  const a = words.attendance;
  const attendanceRows: [string, string][] = [
    [a.entitled(body), people(locale, attendance.entitled)],
    [a.inPerson, people(locale, attendance.inPerson)],
    [a.online, people(locale, attendance.online)],
    [a.written, people(locale, attendance.written)],
    [a.electronic, people(locale, attendance.electronic)],
    [a.proxy, people(locale, attendance.proxy)],
    [a.present, people(locale, attendance.present)],
    [a.quorum, a.quorumState(attendance.quorumNeeded, attendance.quorumMet)],
  ];
  const attendanceTable: Content = {
    table: {
      widths: [200, 110],
      body: attendanceRows.map(([label, value], index): TableCell[] => [
        { text: label, bold: index >= attendanceRows.length - 2 },
        numberCell(value, index >= attendanceRows.length - 2),
      ]),
    },
    layout: { ...gridLayout, fillColor: (_row, _node, column) => (column === 0 ? HEADER_FILL : null) },
    margin: [0, 0, 0, 4],
  };

  const items: Content[] = [...data.items]
    .sort((x, y) => x.position - y.position)
    .map((item) => ({
      stack: [
        { text: words.item(itemLabel(locale, item.position), item.title, kindLabel(locale, item.kind)), bold: true, headlineLevel: 1, margin: [0, 0, 0, 2] as Margins },
        ...(item.proceedings === null ? [] : [{ text: item.proceedings, margin: [0, 0, 0, 3] as Margins }]),
        ...item.motions.map((motion) => motionBlock(words, body, motion)),
      ],
      margin: [0, 0, 0, 8] as Margins,
    }));

  const signatures: Content = data.signers.length === 0 ? '' : {
    table: {
      widths: [110, '*', 36],
      heights: 30,
      dontBreakRows: true,
      body: data.signers.map((signer): TableCell[] => [
        { text: signer.role, margin: [0, 8, 0, 0] },
        { text: signer.name, fontSize: 12, margin: [0, 6, 0, 0] },
        // The blank for the seal (押印欄): a box with a faint 印 for where it goes.
        { text: words.seal, color: '#bbbbbb', fontSize: 8, alignment: 'center', margin: [0, 9, 0, 0] },
      ]),
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: (line) => (line === 2 || line === 3 ? 0.5 : 0),
      hLineColor: () => '#555555',
      vLineColor: () => '#555555',
      paddingLeft: () => 4,
      paddingRight: () => 4,
    },
    margin: [0, 8, 0, 0],
  };

  const sections: [string, Content[]][] = [
    [words.sections.opened, [{ text: words.opened(opened, closed) }]],
    [words.sections.place, place],
    [words.sections.body, [{ text: body.body }]],
    [words.sections.attendance, [attendanceTable, { text: a.constituted(body, attendance.present, attendance.quorumNeeded, attendance.quorumMet) }]],
    [words.sections.chair, [{ text: data.chair }]],
    [words.sections.proceedings, [{ text: words.chairOpened(data.chair, opened), margin: [0, 0, 0, 6] }, ...items, { text: words.chairClosed(closed) }]],
  ];

  const content: Content = [
    { text: title, fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
    { text: organizationName(data.organization, locale), alignment: 'center', margin: [0, 0, 0, 16] },
    ...sections.filter(([, lines]) => lines.length > 0).map(([heading, lines], index) => section(index + 1, heading, lines)),
    {
      stack: [
        { text: words.closing, margin: [0, 0, 0, 8] },
        { text: calendarDate(locale, data.draftedOn) },
        { text: organizationName(data.organization, locale), margin: [0, 0, 0, 4] },
        ...(data.recorder === null ? [] : [{ text: words.recorder(data.recorder) }]),
        signatures,
      ],
      unbreakable: true,
      margin: [0, 8, 0, 0],
    },
  ];
  const definition = baseDefinition({ locale, title, created: creationDate(data.draftedOn), page: words.page, content });
  // An agenda item's heading is not left at the foot of a page: in the last eighth it starts the next one instead.
  definition.pageBreakBefore = (node) => node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.875;
  return renderPdf(definition);
}
