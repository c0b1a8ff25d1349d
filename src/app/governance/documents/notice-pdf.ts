import type { Content } from 'pdfmake/interfaces.js';
import type { Meeting } from '../../../domain/governance/views.js';
import { baseDefinition, creationDate, parseDate, renderPdf, type DocumentLocale } from '../../documents/pdf-kit.js';
import {
  alternatives,
  calendarDate,
  dateTime,
  dateTimeRange,
  itemLabel,
  kindLabel,
  organizationName,
  parseInstant,
  wordsForBody,
  type AgendaKind,
  type BodyWords,
} from './wording.js';

/**
 * The notice of a meeting (招集通知) as PDF, laid out as Japanese co-operatives send it: date and addressee, the
 * sender, the title, a greeting, then 「記」 with the date and place, the agenda, how to vote without attending,
 * the record date and the documents attached, closed by 「以上」. The Worker Cooperatives Act has the notice name
 * the date, place and purpose of the meeting; the bylaws set how many days ahead it goes out.
 */

export interface NoticeData {
  locale: 'ja' | 'en';
  organization: { nameJa: string; nameEn: string | null; address: string | null; representative: string | null };
  /** The meeting as the API shows it (startsAt in UTC, shown in Japan time; recordDate fixes who may vote). */
  meeting: Pick<Meeting, 'title' | 'bodyKind' | 'startsAt' | 'endsAt' | 'place' | 'onlineUrl' | 'recordDate' | 'votingDeadline' | 'electronicVoting' | 'writtenVoting' | 'proxyAllowed'> & {
    /** How many others one proxy may vote for. */
    proxyCap: number;
  };
  /** YYYY-MM-DD; also the PDF's creation date, so the same data gives the same bytes. */
  noticeDate: string;
  agenda: { position: number; title: string; kind: 'ordinary' | 'special' | 'election'; description: string | null }[];
  /** File names of the documents sent with the notice. */
  documents: string[];
}

interface NoticeWording {
  title: (meetingTitle: string) => string;
  representative: (name: string) => string;
  /** An agenda item's number and its title. */
  item: (label: string, title: string) => string;
  greeting: (meetingTitle: string) => string[];
  votingInvitation: (methods: string, deadline: string) => string;
  closing: string | null;
  record: string | null;
  sections: { when: string; where: string; agenda: string; voting: string; recordDate: string; documents: string };
  online: (url: string) => string;
  onlineOnly: string;
  methods: { written: string; electronic: string; proxy: string };
  beforeOpening: string;
  written: (deadline: string) => string;
  electronic: (deadline: string) => string;
  proxy: (body: BodyWords, cap: number) => string;
  deemedPresent: (body: BodyWords) => string;
  inPersonOnly: string;
  recordDate: (date: string, body: BodyWords) => string;
  kind: (kind: AgendaKind) => string;
  bullet: string;
  end: string | null;
  page: (current: number, total: number) => string;
}

const wordings: Record<DocumentLocale, NoticeWording> = {
  ja: {
    title: (meetingTitle) => (meetingTitle.includes('招集') ? meetingTitle : `${meetingTitle} 招集ご通知`),
    representative: (name) => `代表理事　${name}`,
    item: (label, title) => `${label}　${title}`,
    greeting: (meetingTitle) => [
      '拝啓　時下ますますご清祥のこととお慶び申し上げます。平素は当組合の事業運営に格別のご協力を賜り、厚く御礼申し上げます。',
      `　さて、${meetingTitle}を下記のとおり開催いたしますので、ご出席くださいますようご通知申し上げます。`,
    ],
    votingInvitation: (methods, deadline) =>
      `　なお、当日ご出席いただけない場合は、${methods}により議決権を行使することができますので、後記「議決権の行使について」をご参照のうえ、${deadline}までに議決権を行使してくださいますようお願い申し上げます。`,
    closing: '敬具',
    record: '記',
    sections: { when: '日時', where: '場所', agenda: '会議の目的事項', voting: '議決権の行使について', recordDate: '基準日', documents: '添付書類' },
    online: (url) => `オンライン参加：${url}`,
    onlineOnly: 'オンライン開催',
    methods: { written: '書面', electronic: '電磁的方法', proxy: '代理人' },
    beforeOpening: '開会の時',
    written: (deadline) => `書面による議決権の行使：同封の議決権行使書に議案ごとの賛否をご記入のうえ、${deadline}までに到着するようご提出ください。`,
    electronic: (deadline) => `電磁的方法による議決権の行使：組合の議決権行使サイトにログインし、${deadline}までに議案ごとの賛否をご入力ください。`,
    proxy: (body, cap) =>
      `代理人による議決権の行使：他の${body.voter}を代理人として議決権を行使することができます。代理人は委任状を開会までにご提出ください。代理人1名が代理できる${body.voter}は${cap}名までです。`,
    deemedPresent: (body) => `書面、電磁的方法または代理人により議決権を行使した${body.voter}は、${body.meeting}に出席したものとみなします。`,
    inPersonOnly: '議決権は、会議に出席して行使してください。',
    recordDate: (date, body) => `${date}現在の${body.voter}名簿に記載された${body.voter}が議決権を行使することができます。`,
    kind: (kind) => `（${kindLabel('ja', kind)}）`,
    bullet: '・',
    end: '以上',
    page: (current, total) => `${current} / ${total}`,
  },
  en: {
    title: (meetingTitle) => (/^notice\b/i.test(meetingTitle) ? meetingTitle : `Notice of the ${meetingTitle.replace(/^the\s+/i, '')}`),
    representative: (name) => `${name}, Representative Director`,
    item: (label, title) => `${label}: ${title}`,
    greeting: (meetingTitle) => [`We hereby give notice that the ${meetingTitle.replace(/^the\s+/i, '')} will be held as set out below, and invite you to attend.`],
    votingInvitation: (methods, deadline) =>
      `If you cannot attend, you may vote ${methods}, as explained under "How to vote" below, by ${deadline}.`,
    closing: null,
    record: null,
    sections: { when: 'Date and time', where: 'Place', agenda: 'Agenda', voting: 'How to vote', recordDate: 'Record date', documents: 'Documents enclosed' },
    online: (url) => `Online: ${url}`,
    onlineOnly: 'Held online',
    methods: { written: 'in writing', electronic: 'electronically', proxy: 'by proxy' },
    beforeOpening: 'the time the meeting opens',
    written: (deadline) => `In writing: mark your vote on each item on the enclosed voting form and return it so that it arrives by ${deadline}.`,
    electronic: (deadline) => `Electronically: sign in to the co-operative's voting site and cast your vote on each item by ${deadline}.`,
    proxy: (body, cap) =>
      `By proxy: you may appoint another of the ${body.voter} as your proxy, who hands in your signed form of proxy before the meeting opens. One proxy may vote for at most ${cap} ${body.voter}.`,
    deemedPresent: (body) => `${capitalized(body.voter)} who vote in writing, electronically or by proxy are counted as present at the ${body.meeting}.`,
    inPersonOnly: 'Votes are cast at the meeting.',
    recordDate: (date, body) => `${capitalized(body.voter)} on the register on ${date} may vote.`,
    kind: (kind) => ` (${kindLabel('en', kind)})`,
    bullet: '•\u00a0',
    end: null,
    page: (current, total) => `Page ${current} of ${total}`,
  },
};

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A numbered section of the particulars: the heading on the left, what it says beside it. */
function section(number: number, heading: string, body: Content[]): Content {
  return {
    columns: [
      { text: `${number}. ${heading}`, width: 118, bold: true },
      { stack: body, width: '*' },
    ],
    columnGap: 8,
    margin: [0, 0, 0, 6],
  };
}

export async function noticePdf(data: NoticeData): Promise<Buffer> {
  const { locale, meeting } = data;
  const words = wordings[locale];
  const body = wordsForBody(locale, meeting.bodyKind);
  parseDate(data.noticeDate);
  parseDate(meeting.recordDate);
  const start = parseInstant(meeting.startsAt, 'startsAt');
  const end = meeting.endsAt === null ? null : parseInstant(meeting.endsAt, 'endsAt');
  const deadline = meeting.votingDeadline === null ? words.beforeOpening : dateTime(locale, parseInstant(meeting.votingDeadline, 'votingDeadline'));
  const title = words.title(meeting.title);
  const organization = data.organization;

  const methods = [
    meeting.writtenVoting ? words.methods.written : null,
    meeting.electronicVoting ? words.methods.electronic : null,
    meeting.proxyAllowed ? words.methods.proxy : null,
  ].filter((method): method is string => method !== null);

  const sender: Content[] = [];
  if (organization.address !== null) sender.push({ text: organization.address });
  sender.push({ text: organizationName(organization, locale), bold: true, fontSize: 11 });
  if (organization.representative !== null) sender.push({ text: words.representative(organization.representative) });

  const greeting: Content[] = words.greeting(meeting.title).map((line) => ({ text: line, preserveLeadingSpaces: true, margin: [0, 0, 0, 4] }));
  if (methods.length > 0) greeting.push({ text: words.votingInvitation(alternatives(locale, methods), deadline), preserveLeadingSpaces: true, margin: [0, 0, 0, 4] });
  if (words.closing !== null) greeting.push({ text: words.closing, alignment: 'right' });

  const where: Content[] = [];
  if (meeting.place !== null) where.push({ text: meeting.place });
  else if (meeting.onlineUrl !== null) where.push({ text: words.onlineOnly });
  if (meeting.onlineUrl !== null) where.push({ text: words.online(meeting.onlineUrl) });

  const agenda: Content[] = [...data.agenda]
    .sort((a, b) => a.position - b.position)
    .map((item) => ({
      stack: [
        { text: `${words.item(itemLabel(locale, item.position), item.title)}${words.kind(item.kind)}` },
        ...(item.description === null ? [] : [{ text: item.description, fontSize: 9, color: '#333333', margin: [16, 0, 0, 0] as [number, number, number, number] }]),
      ],
      margin: [0, 0, 0, 3],
    }));

  const voting: Content[] = [];
  const votingLines = [
    meeting.writtenVoting ? words.written(deadline) : null,
    meeting.electronicVoting ? words.electronic(deadline) : null,
    meeting.proxyAllowed ? words.proxy(body, meeting.proxyCap) : null,
  ].filter((line): line is string => line !== null);
  votingLines.forEach((line, index) => voting.push({ text: `(${index + 1}) ${line}`, margin: [0, 0, 0, 3] }));
  voting.push({ text: votingLines.length > 0 ? words.deemedPresent(body) : words.inPersonOnly });

  const sections: [string, Content[]][] = [
    [words.sections.when, [{ text: dateTimeRange(locale, start, end) }]],
    [words.sections.where, where],
    [words.sections.agenda, agenda],
    [words.sections.voting, voting],
    [words.sections.recordDate, [{ text: words.recordDate(calendarDate(locale, meeting.recordDate), body) }]],
  ];
  if (data.documents.length > 0) sections.push([words.sections.documents, data.documents.map((file) => ({ text: `${words.bullet}${file}` }))]);

  const content: Content = [
    { text: calendarDate(locale, data.noticeDate), alignment: 'right' },
    { text: body.addressee, fontSize: 11, margin: [0, 8, 0, 0] },
    { stack: sender, margin: [240, 4, 0, 0] },
    { text: title, fontSize: 16, bold: true, alignment: 'center', margin: [0, 12, 0, 10] },
    { stack: greeting },
    words.record === null ? { text: '', margin: [0, 0, 0, 10] } : { text: words.record, alignment: 'center', margin: [0, 8, 0, 8] },
    ...sections.filter(([, lines]) => lines.length > 0).map(([heading, lines], index) => section(index + 1, heading, lines)),
    ...(words.end === null ? [] : [{ text: words.end, alignment: 'right' as const, margin: [0, 4, 0, 0] as [number, number, number, number] }]),
  ];
  const definition = baseDefinition({ locale, title, created: creationDate(data.noticeDate), page: words.page, content });
  // A little tighter than the capital documents, so that a notice with a usual agenda keeps to one sheet.
  definition.defaultStyle = { ...definition.defaultStyle, lineHeight: 1.15 };
  definition.pageMargins = [48, 40, 48, 40];
  return renderPdf(definition);
}
