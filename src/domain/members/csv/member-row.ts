/**
 * One member as a row of an import or export CSV (組合員名簿の CSV の一行), after normalisation: the values
 * the importer hands to the caller and the exporter writes.
 */
export interface MemberImportRow {
  /** 組合員番号: unique within the file; NFKC (full-width digits → ASCII), trimmed. */
  memberNumber: string;
  /** 姓 */
  familyName: string;
  /** 名 */
  givenName: string;
  /** セイ: full-width katakana; words separated by one ASCII space. */
  familyKana: string;
  /** メイ */
  givenKana: string;
  /** 組合員の種類: 'worker' (労働者組合員), 'user' (利用者組合員) or a code of the organization's own. */
  kind: string;
  /** 加入日, YYYY-MM-DD */
  admittedOn: string;
  /** 生年月日, YYYY-MM-DD */
  birthDate: string | null;
  email: string | null;
  phone: string | null;
  /** 郵便番号: seven ASCII digits, no hyphen. */
  postalCode: string | null;
  /** 都道府県: JIS X 0401 code '01'..'47'. */
  prefectureCode: string | null;
  /** 住所 below the prefecture (市区町村・番地・建物). */
  address: string | null;
  /** 従事: whether the member works in the co-operative's business. */
  engagedInWork: boolean | null;
  /** 労働契約開始日, YYYY-MM-DD */
  labourContractFrom: string | null;
  /** 労働契約終了日, YYYY-MM-DD; not before the start. */
  labourContractUntil: string | null;
}

export type MemberField = keyof MemberImportRow;

/** What an export writes: the same shape as an imported row, so an export re-imports unchanged. */
export type MemberExportRow = MemberImportRow;

export interface MemberFieldDefinition {
  field: MemberField;
  required: boolean;
  /** Longest accepted value in characters (code points), where there is a limit. */
  maxLength: number | null;
  /** The header an export writes in Japanese; the importer accepts it. */
  ja: string;
  /** The header an export writes in English; the importer accepts it. */
  en: string;
  /** Other headers seen in the wild (Excel templates of other systems), matched loosely. */
  aliases: readonly string[];
}

/** The columns, in the order an export writes them. */
export const memberFields: readonly MemberFieldDefinition[] = [
  {
    field: 'memberNumber', required: true, maxLength: 50, ja: '組合員番号', en: 'Member number',
    aliases: ['会員番号', '組合員No', '組合員コード', '会員No', '会員コード', 'member no', 'member_no', 'member id', 'membership number', 'member code'],
    // Not 「番号」 or 'No.': Japanese sheets often start with a running row number under those headers.
  },
  {
    field: 'familyName', required: true, maxLength: 50, ja: '姓', en: 'Family name',
    aliases: ['氏', '名字', '苗字', '姓（漢字）', 'last name', 'surname', 'family_name', 'lastname'],
  },
  {
    field: 'givenName', required: true, maxLength: 50, ja: '名', en: 'Given name',
    aliases: ['名（漢字）', 'first name', 'given_name', 'firstname', 'forename'],
  },
  {
    field: 'familyKana', required: true, maxLength: 50, ja: 'セイ', en: 'Family name kana',
    aliases: ['フリガナ（姓）', 'ふりがな（姓）', 'カナ（姓）', '姓（フリガナ）', '姓（ふりがな）', '姓（カナ）', '姓カナ', 'カナ姓', 'せい', 'family kana', 'last name kana', 'family_kana', 'surname kana'],
  },
  {
    field: 'givenKana', required: true, maxLength: 50, ja: 'メイ', en: 'Given name kana',
    aliases: ['フリガナ（名）', 'ふりがな（名）', 'カナ（名）', '名（フリガナ）', '名（ふりがな）', '名（カナ）', '名カナ', 'カナ名', 'めい', 'given kana', 'first name kana', 'given_kana', 'forename kana'],
  },
  {
    field: 'kind', required: true, maxLength: 50, ja: '組合員の種類', en: 'Kind',
    aliases: ['種類', '組合員種別', '組合員区分', '種別', '区分', 'member kind', 'member type', 'membership type', 'type', 'kind of member'],
  },
  {
    field: 'admittedOn', required: true, maxLength: null, ja: '加入日', en: 'Admitted on',
    aliases: ['加入年月日', '入会日', '加入承諾日', 'admitted', 'admission date', 'admitted_on', 'joined', 'joined on', 'join date', 'date joined'],
  },
  {
    field: 'birthDate', required: false, maxLength: null, ja: '生年月日', en: 'Birth date',
    aliases: ['誕生日', 'date of birth', 'birthday', 'birth_date', 'dob', 'born'],
  },
  {
    field: 'email', required: false, maxLength: 254, ja: 'メールアドレス', en: 'Email',
    aliases: ['メール', '電子メール', 'Eメール', 'e-mail', 'mail', 'email address', 'mail address'],
  },
  {
    field: 'phone', required: false, maxLength: 30, ja: '電話番号', en: 'Phone',
    aliases: ['電話', 'TEL', '携帯電話', '携帯電話番号', '連絡先電話番号', 'phone number', 'telephone', 'tel no', 'mobile'],
  },
  {
    field: 'postalCode', required: false, maxLength: null, ja: '郵便番号', en: 'Postal code',
    aliases: ['〒', '郵便', 'postcode', 'post code', 'zip', 'zip code', 'zipcode'],
  },
  {
    field: 'prefectureCode', required: false, maxLength: null, ja: '都道府県', en: 'Prefecture',
    aliases: ['都道府県名', '都道府県コード', 'prefecture code', 'prefecture_code'],
  },
  {
    field: 'address', required: false, maxLength: 200, ja: '住所', en: 'Address',
    aliases: ['所在地', '住所（市区町村以下）', '市区町村以下', '市区町村・番地', 'street address', 'address line'],
  },
  {
    field: 'engagedInWork', required: false, maxLength: null, ja: '従事', en: 'Engaged in work',
    aliases: ['従事の有無', '事業従事', '事業に従事', '従事する', 'engaged', 'works in the cooperative', 'engaged_in_work'],
  },
  {
    field: 'labourContractFrom', required: false, maxLength: null, ja: '労働契約開始日', en: 'Labour contract from',
    aliases: ['労働契約の開始日', '契約開始日', 'labor contract from', 'labour contract start', 'labor contract start', 'contract start', 'contract from'],
  },
  {
    field: 'labourContractUntil', required: false, maxLength: null, ja: '労働契約終了日', en: 'Labour contract until',
    aliases: ['労働契約の終了日', '契約終了日', 'labor contract until', 'labour contract end', 'labor contract end', 'contract end', 'contract until'],
  },
];

/** Codes Excel would turn into numbers or dates (0012 → 12, 4-1 → 1 April) unless written as text. */
export const identifierFields: ReadonlySet<MemberField> = new Set(['memberNumber', 'phone', 'postalCode']);

export const memberFieldByName: ReadonlyMap<MemberField, MemberFieldDefinition> = new Map(memberFields.map((d) => [d.field, d]));

/** The definition of a field; every MemberField has one. */
export const fieldDefinition = (field: MemberField): MemberFieldDefinition => {
  const definition = memberFieldByName.get(field);
  if (!definition) throw new Error(`no definition for ${field}`);
  return definition;
};
