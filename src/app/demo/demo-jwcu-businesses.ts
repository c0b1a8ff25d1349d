import type { Insertable } from 'kysely';
import { bulkInsert } from '../../db/bulk-insert.js';
import type { SiteResultTable, SiteTable } from '../../db/schema.js';
import { checkSite, type SiteFields } from '../../domain/business/site.js';
import { fiscalYearOf } from '../../domain/shared/fiscal-year.js';
import { recordAudit, systemActor } from '../audit/record-audit.js';
import { inTransaction, isoNow, newId, type AppContext } from '../shared/context.js';
import { demoSites } from './demo-businesses.js';
import { demoYenPerUsd } from './demo-fx-rates.js';
import { apportion, demoRandom, type DemoRandom } from './demo-random.js';

/**
 * The seed-scale demo's businesses (domain.md §1): some 500 sites of the 25 member organizations in the seed's eight
 * business lines, and their results for fiscal 2016 (the seed's year) to 2025. Fiscal 2016's turnover over all
 * sites is the seed's USD 300 million at that year's demo rate; later years grow a few per cent a year, some lines
 * faster, some sites open and close. Names, addresses and figures are illustrative, not records of real offices.
 */
export const jwcuYears = { first: 2016, last: 2025 } as const;
export const jwcuTurnoverUsd2016 = 300_000_000;
/** Fiscal 2016's turnover in yen: USD 300 million at the demo's fiscal-2016 rate (about 32.5 billion yen). */
export const jwcuTurnoverYen2016 = Math.round(jwcuTurnoverUsd2016 * demoYenPerUsd[2016]!);
/** The older persons' co-operatives' part of the federation's turnover. */
const consumerShare = 0.12;
/** The seed's five biodiesel plants: Aguriin (2011) and the four that followed it. */
export const biodieselPlants = ['アグリーン', '石巻BDF工房', '八王子BDF工房', '長野BDF工房', '福岡BDF工房'] as const;

/** Each organization's workforce at the end of each fiscal year from 2016 (index 0) to 2025, from the registry. */
export interface Workforce {
  /** Worker members engaged in the work. */
  members: number[];
  nonMembers: number[];
  /** User members (older persons' co-operatives): their sites' staff are employees, counted from turnover. */
  users: number[];
}

const prefectureNames = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県', '埼玉県', '千葉県', '東京都', '神奈川県',
  '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県', '静岡県', '愛知県', '三重県', '滋賀県', '京都府', '大阪府', '兵庫県',
  '奈良県', '和歌山県', '鳥取県', '島根県', '岡山県', '広島県', '山口県', '徳島県', '香川県', '愛媛県', '高知県', '福岡県', '佐賀県', '長崎県',
  '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
];

interface City {
  pref: string;
  ja: string;
  en: string;
  /** The first five digits of the local-government code (the check digit is computed). */
  code: string;
  /** The first three digits of its postal codes. */
  postal: string;
  /** How an address starts: a designated city's ward, a town's district (郡). */
  addr: string;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

const city = (pref: string, ja: string, en: string, code: string, postal: string, addr = ja): City => ({ pref, ja, en, code, postal, addr });

/** Cities, wards and towns the demo's sites are in (the capital first in each prefecture). */
const cities: City[] = [
  city('01', '札幌市', 'Sapporo', '01100', '060', '札幌市中央区'), city('01', '旭川市', 'Asahikawa', '01204', '070'), city('01', '函館市', 'Hakodate', '01202', '040'),
  city('01', '釧路市', 'Kushiro', '01206', '085'), city('01', '帯広市', 'Obihiro', '01207', '080'),
  city('02', '青森市', 'Aomori', '02201', '030'), city('02', '八戸市', 'Hachinohe', '02203', '031'),
  city('03', '盛岡市', 'Morioka', '03201', '020'), city('03', '陸前高田市', 'Rikuzentakata', '03210', '029'), city('03', '釜石市', 'Kamaishi', '03211', '026'),
  city('03', '大船渡市', 'Ofunato', '03203', '022'),
  city('04', '仙台市', 'Sendai', '04100', '980', '仙台市青葉区'), city('04', '石巻市', 'Ishinomaki', '04202', '986'), city('04', '気仙沼市', 'Kesennuma', '04205', '988'),
  city('04', '南三陸町', 'Minamisanriku', '04606', '986', '本吉郡南三陸町'), city('04', '名取市', 'Natori', '04207', '981'),
  city('05', '秋田市', 'Akita', '05201', '010'), city('06', '山形市', 'Yamagata', '06201', '990'),
  city('07', '福島市', 'Fukushima', '07201', '960'), city('07', '郡山市', 'Koriyama', '07203', '963'), city('07', 'いわき市', 'Iwaki', '07204', '970'),
  city('07', '南相馬市', 'Minamisoma', '07212', '975'),
  city('08', '水戸市', 'Mito', '08201', '310'), city('08', 'つくば市', 'Tsukuba', '08220', '305'), city('08', '日立市', 'Hitachi', '08202', '317'),
  city('09', '宇都宮市', 'Utsunomiya', '09201', '320'), city('10', '前橋市', 'Maebashi', '10201', '371'), city('10', '高崎市', 'Takasaki', '10202', '370'),
  city('11', 'さいたま市', 'Saitama', '11100', '330', 'さいたま市浦和区'), city('11', '川口市', 'Kawaguchi', '11203', '332'), city('11', '川越市', 'Kawagoe', '11201', '350'),
  city('11', '越谷市', 'Koshigaya', '11222', '343'), city('11', '所沢市', 'Tokorozawa', '11208', '359'), city('11', '草加市', 'Soka', '11221', '340'),
  city('12', '千葉市', 'Chiba', '12100', '260', '千葉市中央区'), city('12', '船橋市', 'Funabashi', '12204', '273'), city('12', '市川市', 'Ichikawa', '12203', '272'),
  city('12', '松戸市', 'Matsudo', '12207', '271'), city('12', '柏市', 'Kashiwa', '12217', '277'), city('12', '成田市', 'Narita', '12211', '286'),
  city('12', '芝山町', 'Shibayama', '12409', '289', '山武郡芝山町'), city('12', '市原市', 'Ichihara', '12219', '290'),
  city('13', '豊島区', 'Toshima', '13116', '170'), city('13', '新宿区', 'Shinjuku', '13104', '160'), city('13', '板橋区', 'Itabashi', '13119', '173'),
  city('13', '練馬区', 'Nerima', '13120', '176'), city('13', '足立区', 'Adachi', '13121', '120'), city('13', '江戸川区', 'Edogawa', '13123', '132'),
  city('13', '世田谷区', 'Setagaya', '13112', '154'), city('13', '大田区', 'Ota', '13111', '144'), city('13', '杉並区', 'Suginami', '13115', '166'),
  city('13', '江東区', 'Koto', '13108', '135'), city('13', '葛飾区', 'Katsushika', '13122', '124'), city('13', '八王子市', 'Hachioji', '13201', '192'),
  city('13', '町田市', 'Machida', '13209', '194'), city('13', '三鷹市', 'Mitaka', '13204', '181'), city('13', '調布市', 'Chofu', '13208', '182'),
  city('13', '立川市', 'Tachikawa', '13202', '190'),
  city('14', '横浜市', 'Yokohama', '14100', '231', '横浜市中区'), city('14', '川崎市', 'Kawasaki', '14130', '210', '川崎市川崎区'),
  city('14', '相模原市', 'Sagamihara', '14150', '252', '相模原市中央区'), city('14', '横須賀市', 'Yokosuka', '14201', '238'), city('14', '藤沢市', 'Fujisawa', '14205', '251'),
  city('15', '新潟市', 'Niigata', '15100', '950', '新潟市中央区'), city('15', '長岡市', 'Nagaoka', '15202', '940'), city('15', '上越市', 'Joetsu', '15222', '943'),
  city('16', '富山市', 'Toyama', '16201', '930'), city('17', '金沢市', 'Kanazawa', '17201', '920'), city('18', '福井市', 'Fukui', '18201', '910'),
  city('19', '甲府市', 'Kofu', '19201', '400'), city('20', '長野市', 'Nagano', '20201', '380'), city('20', '松本市', 'Matsumoto', '20202', '390'),
  city('20', '上田市', 'Ueda', '20203', '386'), city('21', '岐阜市', 'Gifu', '21201', '500'),
  city('22', '静岡市', 'Shizuoka', '22100', '420', '静岡市葵区'), city('22', '浜松市', 'Hamamatsu', '22130', '430', '浜松市中央区'), city('22', '沼津市', 'Numazu', '22203', '410'),
  city('23', '名古屋市', 'Nagoya', '23100', '460', '名古屋市中区'), city('23', '豊橋市', 'Toyohashi', '23201', '440'), city('23', '岡崎市', 'Okazaki', '23202', '444'),
  city('23', '豊田市', 'Toyota', '23211', '471'), city('24', '津市', 'Tsu', '24201', '514'), city('24', '四日市市', 'Yokkaichi', '24202', '510'),
  city('25', '大津市', 'Otsu', '25201', '520'), city('26', '京都市', 'Kyoto', '26100', '604', '京都市中京区'), city('26', '宇治市', 'Uji', '26204', '611'),
  city('26', '舞鶴市', 'Maizuru', '26202', '624'),
  city('27', '大阪市', 'Osaka', '27100', '530', '大阪市北区'), city('27', '堺市', 'Sakai', '27140', '590', '堺市堺区'), city('27', '豊中市', 'Toyonaka', '27203', '560'),
  city('27', '吹田市', 'Suita', '27205', '564'), city('27', '東大阪市', 'Higashiosaka', '27227', '577'), city('27', '枚方市', 'Hirakata', '27210', '573'),
  city('28', '神戸市', 'Kobe', '28100', '650', '神戸市中央区'), city('28', '尼崎市', 'Amagasaki', '28202', '660'), city('28', '西宮市', 'Nishinomiya', '28204', '662'),
  city('28', '姫路市', 'Himeji', '28201', '670'), city('29', '奈良市', 'Nara', '29201', '630'), city('30', '和歌山市', 'Wakayama', '30201', '640'),
  city('31', '鳥取市', 'Tottori', '31201', '680'), city('32', '松江市', 'Matsue', '32201', '690'), city('33', '岡山市', 'Okayama', '33100', '700', '岡山市北区'),
  city('33', '倉敷市', 'Kurashiki', '33202', '710'), city('34', '広島市', 'Hiroshima', '34100', '730', '広島市中区'), city('34', '福山市', 'Fukuyama', '34207', '720'),
  city('34', '呉市', 'Kure', '34202', '737'), city('34', '尾道市', 'Onomichi', '34205', '722'), city('35', '山口市', 'Yamaguchi', '35203', '753'),
  city('35', '下関市', 'Shimonoseki', '35201', '750'), city('36', '徳島市', 'Tokushima', '36201', '770'), city('37', '高松市', 'Takamatsu', '37201', '760'),
  city('38', '松山市', 'Matsuyama', '38201', '790'), city('39', '高知市', 'Kochi', '39201', '780'),
  city('40', '福岡市', 'Fukuoka', '40130', '812', '福岡市博多区'), city('40', '北九州市', 'Kitakyushu', '40100', '802', '北九州市小倉北区'),
  city('40', '久留米市', 'Kurume', '40203', '830'), city('40', '飯塚市', 'Iizuka', '40205', '820'),
  city('41', '佐賀市', 'Saga', '41201', '840'), city('42', '長崎市', 'Nagasaki', '42201', '850'), city('43', '熊本市', 'Kumamoto', '43100', '860', '熊本市中央区'),
  city('44', '大分市', 'Oita', '44201', '870'), city('45', '宮崎市', 'Miyazaki', '45201', '880'), city('46', '鹿児島市', 'Kagoshima', '46201', '890'),
  city('47', '那覇市', 'Naha', '47201', '900'), city('47', '沖縄市', 'Okinawa', '47211', '904'), city('47', '浦添市', 'Urasoe', '47208', '901'),
];

const districts: [string, string][] = [
  ['本町', 'Honcho'], ['中央', 'Chuo'], ['栄町', 'Sakaecho'], ['緑町', 'Midoricho'], ['旭町', 'Asahicho'], ['東町', 'Higashimachi'], ['西町', 'Nishimachi'],
  ['南町', 'Minamimachi'], ['北町', 'Kitamachi'], ['新町', 'Shinmachi'], ['幸町', 'Saiwaicho'], ['若葉', 'Wakaba'], ['桜台', 'Sakuradai'],
  ['青葉台', 'Aobadai'], ['富士見', 'Fujimi'], ['日の出', 'Hinode'], ['宮前', 'Miyamae'], ['駅前', 'Ekimae'], ['花園', 'Hanazono'], ['松原', 'Matsubara'],
  ['大町', 'Omachi'], ['泉', 'Izumi'], ['港町', 'Minatomachi'], ['山手', 'Yamate'], ['春日', 'Kasuga'], ['平和', 'Heiwa'],
];

/** JIS X 0402: the check digit of a local-government code (see isLocalGovernmentCode). */
const withCheckDigit = (code5: string): string => code5 + String((11 - ([...code5].reduce((t, d, i) => t + Number(d) * (6 - i), 0) % 11)) % 10);

/** A city's name without 市, 区 or 町, for site names (千葉市 → 千葉; 四日市市 → 四日市). */
const short = (c: City): string => c.ja.replace(/[市区町]$/, '');

interface Place {
  city: City;
  /** A district, for a second site of a kind in the same city (or the district a public facility serves). */
  district: [string, string] | null;
  brand: [string, string];
}

const placeJa = (p: Place): string => short(p.city) + (p.district?.[0] ?? '');
const placeEn = (p: Place): string => p.city.en + (p.district ? ` ${p.district[1]}` : '');
/** A public facility always serves a district of its city. */
const facilityDistrict = (p: Place): [string, string] => p.district ?? districts[(p.city.code.charCodeAt(4) + p.city.code.charCodeAt(3)) % districts.length]!;

interface Kind {
  line: string;
  name: (p: Place) => [string, string];
  /** Who commissions the work, if anyone: the site's city, the ministry (MHLW), or the prefecture. */
  commissioner: null | 'city' | 'mhlw' | 'prefecture';
  capacity?: [number, number];
  /** People served in fiscal 2016 (or at opening); without it a capacity kind serves about its capacity. */
  served?: [number, number];
  /** Relative size of turnover. */
  size: number;
  /** Yearly growth of turnover in per mille (negative for a programme winding down). */
  growth: number;
  /** Turnover in fiscal 2020 as a share of the trend (the pandemic's first year). */
  covid?: number;
  /** The earliest year a site of the kind opened (the programme's start). */
  since?: number;
  /** The share of the kind's sites opened after fiscal 2016. */
  late?: number;
}

const kinds = {
  careCentre: { line: 'eldercare', name: (p) => [`${p.brand[0]} ${placeJa(p)}介護センター`, `${p.brand[1]} ${placeEn(p)} Care Centre`], commissioner: null, served: [60, 180], size: 1.3, growth: 15, covid: 0.95 },
  dayService: { line: 'eldercare', name: (p) => [`${placeJa(p)}デイサービスセンター`, `${placeEn(p)} Day Service Centre`], commissioner: null, capacity: [18, 35], size: 0.8, growth: 10, covid: 0.86 },
  helper: { line: 'eldercare', name: (p) => [`${placeJa(p)}ヘルパーステーション`, `${placeEn(p)} Home Help Station`], commissioner: null, served: [40, 140], size: 0.7, growth: 15, covid: 0.97 },
  welfare: { line: 'eldercare', name: (p) => [`${placeJa(p)}地域福祉事業所`, `${placeEn(p)} Community Welfare Office`], commissioner: null, served: [80, 250], size: 1.0, growth: 20, covid: 0.94 },
  smallMulti: { line: 'eldercare', name: (p) => [`小規模多機能ホーム ${placeJa(p)}`, `${placeEn(p)} Small Multifunctional Home`], commissioner: null, capacity: [25, 29], size: 0.9, growth: 15, since: 2006, late: 0.2 },
  groupHome: { line: 'eldercare', name: (p) => [`グループホーム ${placeJa(p)}`, `${placeEn(p)} Group Home`], commissioner: null, capacity: [9, 18], size: 0.8, growth: 10, since: 2000 },
  houkatsu: { line: 'eldercare', name: (p) => [`${placeJa(p)}地域包括支援センター`, `${placeEn(p)} Community Comprehensive Support Centre`], commissioner: 'city', served: [800, 3000], size: 0.6, growth: 15, since: 2006 },
  kodomoen: { line: 'childcare', name: (p) => [`${placeJa(p)}こども園`, `${placeEn(p)} Children's Centre`], commissioner: null, capacity: [90, 150], size: 1.6, growth: 30, covid: 0.98, since: 2007, late: 0.25 },
  hoikuen: { line: 'childcare', name: (p) => [`${placeJa(p)}保育園`, `${placeEn(p)} Nursery School`], commissioner: null, capacity: [60, 120], size: 1.2, growth: 25, covid: 0.98, late: 0.15 },
  gakudo: { line: 'childcare', name: (p) => [`${placeJa(p)}学童保育所`, `${placeEn(p)} After-school Club`], commissioner: 'city', capacity: [40, 80], size: 0.4, growth: 35, covid: 0.95, late: 0.15 },
  kosodate: { line: 'childcare', name: (p) => [`${placeJa(p)}子育て支援センター`, `${placeEn(p)} Childcare Support Centre`], commissioner: 'city', served: [3000, 12000], size: 0.4, growth: 25, covid: 0.8 },
  keizoku: { line: 'disability-support', name: (p) => [`${placeJa(p)}就労継続支援事業所`, `${placeEn(p)} Continuing Employment Support Office`], commissioner: null, capacity: [15, 30], size: 0.6, growth: 35, since: 2006, late: 0.15 },
  seikatsu: { line: 'disability-support', name: (p) => [`${placeJa(p)}生活介護事業所`, `${placeEn(p)} Daily Life Care Office`], commissioner: null, capacity: [15, 30], size: 0.8, growth: 30, since: 2006 },
  houday: { line: 'disability-support', name: (p) => [`放課後等デイサービス ${placeJa(p)}`, `${placeEn(p)} After-school Day Service`], commissioner: null, capacity: [10, 10], size: 0.4, growth: 45, since: 2012, late: 0.25 },
  soudan: { line: 'disability-support', name: (p) => [`${placeJa(p)}障害者相談支援センター`, `${placeEn(p)} Disability Counselling Centre`], commissioner: 'city', served: [100, 400], size: 0.3, growth: 20, since: 2006 },
  yss: { line: 'employment-support', name: (p) => [`${placeJa(p)}地域若者サポートステーション`, `${placeEn(p)} Regional Youth Support Station`], commissioner: 'mhlw', served: [180, 520], size: 0.45, growth: 0, since: 2007 },
  needy: { line: 'employment-support', name: (p) => [`${placeJa(p)}生活・就労支援センター`, `${placeEn(p)} Living and Work Support Centre`], commissioner: 'city', served: [150, 600], size: 0.45, growth: 40, since: 2015, late: 0.2 },
  prep: { line: 'employment-support', name: (p) => [`${placeJa(p)}就労準備支援事業所`, `${placeEn(p)} Work Preparation Support Office`], commissioner: 'city', served: [30, 120], size: 0.3, growth: 30, since: 2015, late: 0.2 },
  building: { line: 'building-maintenance', name: (p) => [`${placeJa(p)}ビル管理事業所`, `${placeEn(p)} Building Maintenance Office`], commissioner: null, size: 1.6, growth: 10, covid: 0.97 },
  park: { line: 'building-maintenance', name: (p) => [`${placeJa(p)}公園緑化事業所`, `${placeEn(p)} Parks and Greening Office`], commissioner: 'city', size: 1.2, growth: 10 },
  cleaning: { line: 'building-maintenance', name: (p) => [`${placeJa(p)}清掃センター`, `${placeEn(p)} Cleaning Centre`], commissioner: 'city', size: 1.0, growth: 5 },
  logistics: { line: 'building-maintenance', name: (p) => [`${placeJa(p)}物流センター`, `${placeEn(p)} Distribution Centre`], commissioner: null, size: 1.4, growth: 20, late: 0.2 },
  kominkan: { line: 'public-facilities', name: (p) => [`${p.city.ja}立${facilityDistrict(p)[0]}公民館`, `${p.city.en} ${facilityDistrict(p)[1]} Public Hall`], commissioner: 'city', served: [15000, 50000], size: 0.5, growth: 10, covid: 0.75, since: 2004 },
  jidokan: { line: 'public-facilities', name: (p) => [`${p.city.ja}立${facilityDistrict(p)[0]}児童館`, `${p.city.en} ${facilityDistrict(p)[1]} Children's Hall`], commissioner: 'city', served: [10000, 30000], size: 0.45, growth: 15, covid: 0.75, since: 2004 },
  library: { line: 'public-facilities', name: (p) => [`${p.city.ja}立${facilityDistrict(p)[0]}図書館`, `${p.city.en} ${facilityDistrict(p)[1]} Library`], commissioner: 'city', served: [30000, 90000], size: 0.6, growth: 5, covid: 0.8, since: 2004 },
  community: { line: 'public-facilities', name: (p) => [`${p.city.ja}${facilityDistrict(p)[0]}コミュニティセンター`, `${p.city.en} ${facilityDistrict(p)[1]} Community Centre`], commissioner: 'city', served: [20000, 60000], size: 0.5, growth: 10, covid: 0.75, since: 2004 },
  shigoto: { line: 'disaster-recovery', name: (p) => [`${placeJa(p)}しごとおこしセンター`, `${placeEn(p)} Job Creation Centre`], commissioner: 'city', served: [30, 120], size: 0.5, growth: -120, since: 2011 },
  fukko: { line: 'disaster-recovery', name: (p) => [`${placeJa(p)}復興支援事業所`, `${placeEn(p)} Recovery Support Office`], commissioner: 'prefecture', served: [200, 800], size: 0.5, growth: -150, since: 2011 },
  shokudo: { line: 'disaster-recovery', name: (p) => [`${placeJa(p)}みんなの食堂`, `${placeEn(p)} Community Kitchen`], commissioner: null, served: [3000, 9000], size: 0.25, growth: 20, since: 2012 },
  farm: { line: 'agriculture-biodiesel', name: (p) => [`${placeJa(p)}農園`, `${placeEn(p)} Farm`], commissioner: null, served: [8, 25], size: 0.3, growth: 40, late: 0.2 },
  forest: { line: 'agriculture-biodiesel', name: (p) => [`${placeJa(p)}森林事業所`, `${placeEn(p)} Forestry Office`], commissioner: null, size: 0.35, growth: 20 },
  bdf: { line: 'agriculture-biodiesel', name: (p) => [`${placeJa(p)}BDF工房`, `${placeEn(p)} Biodiesel Plant`], commissioner: null, capacity: [10, 20], served: [10, 25], size: 0.3, growth: 30 },
} satisfies Record<string, Kind>;

type KindKey = keyof typeof kinds;

/** The kinds of site each business line picks from, by weight (the Youth Support Stations and the plants are placed by name). */
const lineMix: Record<string, [KindKey, number][]> = {
  'eldercare': [['careCentre', 2], ['dayService', 3], ['helper', 3], ['welfare', 3], ['smallMulti', 1], ['houkatsu', 1]],
  'childcare': [['kodomoen', 1], ['hoikuen', 2], ['gakudo', 3], ['kosodate', 1]],
  'disability-support': [['keizoku', 3], ['seikatsu', 2], ['houday', 2], ['soudan', 1]],
  'employment-support': [['needy', 3], ['prep', 1]],
  'building-maintenance': [['building', 3], ['park', 3], ['cleaning', 2], ['logistics', 1]],
  'public-facilities': [['kominkan', 3], ['jidokan', 3], ['library', 1], ['community', 2]],
  'disaster-recovery': [['shigoto', 2], ['fukko', 1], ['shokudo', 1]],
  'agriculture-biodiesel': [['farm', 2], ['forest', 1]],
};

/** What one organization runs: kinds (or lines to pick kinds from) and how many, and sites placed by name. */
interface OrganizationPlan {
  items: [KindKey | string, number][];
  /** Sites of a kind in a given city, opened on a given date (the Youth Support Stations, the biodiesel plants). */
  placed?: [KindKey, string, string][];
}

const regional = (a: string, b: string, extra: [KindKey | string, number][], placed: [KindKey, string, string][] = []): OrganizationPlan => ({ items: [[a, 5], [b, 4], ...extra], placed });

const plans: Record<string, OrganizationPlan> = {
  'center-jigyodan': {
    items: [
      ['careCentre', 14], ['dayService', 12], ['helper', 14], ['welfare', 13], ['smallMulti', 4], ['houkatsu', 6],
      ['kodomoen', 10], ['hoikuen', 12], ['gakudo', 18], ['kosodate', 10],
      ['keizoku', 8], ['seikatsu', 5], ['houday', 8], ['soudan', 3], ['needy', 18], ['prep', 8],
      ['building', 8], ['park', 10], ['cleaning', 6], ['logistics', 3], ['kominkan', 10], ['jidokan', 12], ['library', 4], ['community', 8],
      ['farm', 2], ['forest', 1],
    ],
    placed: [
      ...(['札幌市', '青森市', '盛岡市', '水戸市', '宇都宮市', '前橋市', 'さいたま市', '横浜市', '静岡市', '名古屋市', '大阪市', '神戸市', '岡山市', '福岡市', '熊本市', '鹿児島市']
        .map((c, i): [KindKey, string, string] => ['yss', c, `${2007 + (i % 8)}-${pad2(4 + (i % 3) * 3)}-01`])),
      ['bdf', '八王子市', '2012-10-01'],
      ['shigoto', '陸前高田市', '2012-04-01'], ['fukko', '気仙沼市', '2011-10-01'], ['shokudo', '釜石市', '2013-04-01'],
      ['fukko', '南相馬市', '2012-04-01'], ['shigoto', '大船渡市', '2012-10-01'], ['shokudo', 'いわき市', '2014-04-01'],
    ],
  },
  'wc-chiba': {
    items: [['welfare', 1], ['helper', 1], ['dayService', 1], ['careCentre', 1], ['disability-support', 3], ['prep', 1]],
    placed: [['yss', '千葉市', '2009-04-01'], ['farm', '芝山町', '2014-04-01'], ['needy', '船橋市', '2015-04-01']],
  },
  'npo-kitanokaze': { items: [['hoikuen', 2], ['gakudo', 2], ['kosodate', 1], ['keizoku', 1], ['seikatsu', 1], ['houday', 1]] },
  'kigyo-sanriku': { items: [['farm', 1]], placed: [['shigoto', '気仙沼市', '2012-04-01'], ['shigoto', '南三陸町', '2012-10-01'], ['fukko', '石巻市', '2011-10-01'], ['shokudo', '石巻市', '2012-04-01'], ['shokudo', '南三陸町', '2013-04-01']] },
  'npo-okinawa': { items: [['hoikuen', 2], ['gakudo', 2], ['kosodate', 1], ['needy', 1]], placed: [['yss', '那覇市', '2010-04-01']] },
  'wc-hokkaido': regional('eldercare', 'childcare', [['disability-support', 1], ['needy', 1], ['building', 1]]),
  'wc-miyagi': regional('building-maintenance', 'public-facilities', [['eldercare', 1]], [['shigoto', '名取市', '2012-04-01'], ['shokudo', '仙台市', '2013-10-01']]),
  'wc-fukushima': regional('disability-support', 'employment-support', [['eldercare', 1]], [['yss', 'いわき市', '2011-04-01'], ['fukko', '郡山市', '2012-04-01'], ['shigoto', '南相馬市', '2013-04-01']]),
  'wc-ibaraki': regional('childcare', 'public-facilities', [['eldercare', 2], ['farm', 1]]),
  'wc-saitama': regional('eldercare', 'childcare', [['disability-support', 1], ['needy', 1], ['building', 1]]),
  'wc-kanagawa': regional('building-maintenance', 'public-facilities', [['gakudo', 2], ['eldercare', 1]]),
  'wc-niigata': regional('disability-support', 'employment-support', [['eldercare', 2], ['farm', 1]], [['yss', '長岡市', '2010-04-01']]),
  'wc-nagano': regional('childcare', 'public-facilities', [['farm', 1], ['eldercare', 1]], [['bdf', '長野市', '2014-04-01']]),
  'wc-shizuoka': regional('eldercare', 'childcare', [['disability-support', 1], ['needy', 1], ['building', 1]]),
  'wc-aichi': regional('building-maintenance', 'public-facilities', [['childcare', 2], ['eldercare', 1]]),
  'wc-kyoto': regional('disability-support', 'employment-support', [['childcare', 2], ['eldercare', 1]], [['yss', '京都市', '2008-04-01']]),
  'wc-osaka': regional('childcare', 'public-facilities', [['eldercare', 2], ['disability-support', 1]]),
  'wc-hiroshima': regional('eldercare', 'childcare', [['disability-support', 1], ['needy', 1], ['building', 1]]),
  'wc-fukuoka': regional('building-maintenance', 'public-facilities', [['gakudo', 1], ['eldercare', 1]], [['bdf', '福岡市', '2015-04-01']]),
  'koreikyo-tokyo': { items: [['careCentre', 3], ['dayService', 4], ['helper', 4], ['smallMulti', 2], ['groupHome', 2], ['houkatsu', 1]] },
};
const consumerPlan: OrganizationPlan = { items: [['careCentre', 1], ['dayService', 2], ['helper', 2], ['smallMulti', 1], ['groupHome', 1], ['welfare', 1]] };

/** Where the Centre Jigyodan works: by prefecture, its weight (the Tokyo area most). */
const centrePrefectures: [string, number][] = [
  ['13', 40], ['14', 14], ['11', 14], ['12', 10], ['01', 8], ['04', 7], ['03', 4], ['07', 4], ['08', 5], ['09', 4], ['10', 4], ['15', 4], ['20', 3],
  ['22', 6], ['23', 10], ['24', 3], ['26', 5], ['27', 12], ['28', 8], ['29', 3], ['33', 4], ['34', 5], ['35', 3], ['37', 3], ['38', 3], ['39', 3],
  ['40', 8], ['43', 4], ['46', 3], ['02', 3], ['05', 2], ['06', 2], ['16', 2], ['17', 2], ['21', 3], ['25', 2], ['31', 2], ['32', 2], ['36', 2],
  ['41', 2], ['42', 2], ['44', 2], ['45', 2], ['18', 1], ['19', 2], ['30', 2], ['47', 2],
];

/** The small demo's sites (demo-businesses.ts) as they stand in the seed-scale demo, with the kind their figures follow. */
const smallDemoKinds: Record<string, KindKey> = {
  'アグリーン': 'bdf', 'あじさい': 'welfare', 'ちば生活・就労支援センター': 'needy', '池袋ケアセンター': 'careCentre', '豊島区子育てひろば': 'kosodate',
  '東池袋ビル管理': 'building', '若者サポートステーション': 'yss', '区民ひろば東池袋': 'community', '石巻BDF工房': 'bdf', '雄勝しごとおこしセンター': 'shigoto',
};

interface PlannedSite {
  organizationId: string;
  kind: Kind;
  fields: SiteFields;
  /** Relative size within its organization, fiscal 2016's scale. */
  size: number;
  growth: number;
  costRatio: number;
  served: number | null;
}

const cityByName = (name: string): City => {
  const found = cities.find((c) => c.ja === name);
  if (!found) throw new Error(`demo: no city ${name}`);
  return found;
};

/** An opening date: most sites before fiscal 2016 (the seed's year), some after it so that the number of sites grows. */
function openingDate(rng: DemoRandom, kind: Kind, lateShare: number): string {
  if (rng.next() < lateShare) {
    const year = rng.weighted([[2017, 3], [2018, 3], [2019, 3], [2020, 2], [2021, 2], [2022, 2], [2023, 2], [2024, 1], [2025, 1]] as const);
    return `${year}-${pad2(rng.weighted([[4, 6], [7, 1], [10, 2], [1, 1]] as const))}-01`;
  }
  const since = kind.since ?? 1995;
  const year = Math.max(since, 2016 - Math.floor(rng.next() * (2017 - 1995)));
  const month = rng.weighted([[4, 6], [6, 1], [7, 1], [10, 2], [1, 1]] as const);
  // A January opening belongs to the fiscal year before: keep it within fiscal 2016 at the latest.
  return month === 1 && year === 2016 ? '2016-10-01' : `${year}-${pad2(month)}-01`;
}

/** Plans every site: names unique in each organization, the small demo's sites kept by name. */
function planSites(rng: DemoRandom, organizations: readonly ScaleOrganization[]): PlannedSite[] {
  const planned: PlannedSite[] = [];
  const byCode = new Map(organizations.map((o) => [o.code, o]));
  const names = new Map<string, Set<string>>();
  const taken = (organizationId: string) => {
    let set = names.get(organizationId);
    if (!set) names.set(organizationId, (set = new Set()));
    return set;
  };
  const figures = (kind: Kind, fields: Pick<SiteFields, 'capacity'>) => ({
    size: kind.size * rng.between(0.6, 1.5),
    growth: kind.growth + rng.int(-15, 15),
    costRatio: rng.between(0.958, 0.988),
    served: kind.served ? rng.int(kind.served[0], kind.served[1]) : fields.capacity !== null ? Math.round(fields.capacity * rng.between(1.1, 1.8)) : null,
  });
  for (const demo of demoSites) {
    const organization = byCode.get(demo.organization);
    if (!organization) continue;
    const kind = kinds[smallDemoKinds[demo.site.nameJa] ?? 'welfare'];
    const fields: SiteFields = {
      postalCode: null, prefectureCode: null, address: null, closedOn: null, commissionerName: null, commissionerCode: null, capacity: null, ...demo.site,
    };
    taken(organization.id).add(fields.nameJa);
    planned.push({ organizationId: organization.id, kind, fields, ...figures(kind, fields) });
  }
  const place = (organization: ScaleOrganization, kindKey: KindKey, c: City, openedOn: string | null): void => {
    const kind: Kind = kinds[kindKey];
    const brand: [string, string] = organization.legal_form === 'consumer-cooperative' ? ['高齢協', "Older Persons' Co-op"] : ['ワーカーズコープ', 'Workers Co-op'];
    const set = taken(organization.id);
    let name = kind.name({ city: c, district: null, brand });
    // A second site of a kind in a city is named by its district, and is in it.
    let district = kind.line === 'public-facilities' ? facilityDistrict({ city: c, district: null, brand }) : districts[rng.int(0, districts.length - 1)]!;
    for (let d = rng.int(0, districts.length - 1), tries = 0; set.has(name[0]); d = (d + 1) % districts.length, tries++) {
      if (tries >= districts.length) throw new Error(`demo: no free name for ${name[0]}`);
      district = districts[d]!;
      name = kind.name({ city: c, district, brand });
    }
    set.add(name[0]);
    const opened = openedOn ?? openingDate(rng, kind, kind.late ?? 0.06);
    let closedOn: string | null = null;
    if (kind.line === 'disaster-recovery' && kind.commissioner !== null) {
      // The commissioned job-creation programmes after the earthquake ended one by one.
      if (rng.next() < 0.8) closedOn = `${rng.int(2018, 2023)}-03-31`;
    } else if (rng.next() < (kind.line === 'public-facilities' ? 0.08 : 0.03) && Number(opened.slice(0, 4)) <= 2022) {
      // A designated-management term or a contract not renewed.
      closedOn = `${rng.int(Math.max(2018, Number(opened.slice(0, 4)) + 2), 2025)}-03-31`;
    }
    const capacity = kind.capacity ? rng.int(kind.capacity[0], kind.capacity[1]) : null;
    const commissioner = kind.commissioner === 'city' ? { commissionerName: c.ja, commissionerCode: withCheckDigit(c.code) }
      : kind.commissioner === 'prefecture' ? { commissionerName: prefectureNames[Number(c.pref) - 1]!, commissionerCode: withCheckDigit(`${c.pref}000`) }
        : kind.commissioner === 'mhlw' ? { commissionerName: '厚生労働省', commissionerCode: null } : { commissionerName: null, commissionerCode: null };
    const fields: SiteFields = {
      nameJa: name[0], nameEn: name[1], businessLine: kind.line, operation: kind.commissioner === null ? 'own' : 'commissioned', ...commissioner,
      postalCode: `${c.postal}${String(rng.int(0, 9999)).padStart(4, '0')}`, prefectureCode: c.pref,
      address: `${c.addr}${district[0]}${rng.int(1, 5)}-${rng.int(1, 30)}-${rng.int(1, 20)}`, openedOn: opened, closedOn, capacity,
    };
    planned.push({ organizationId: organization.id, kind, fields, ...figures(kind, fields) });
  };
  for (const organization of organizations) {
    const plan = plans[organization.code] ?? consumerPlan;
    const home = organization.prefecture_code ?? '13';
    const pickCity = (): City => {
      const pref = organization.code === 'center-jigyodan' ? rng.weighted(centrePrefectures) : home;
      const inPrefecture = cities.filter((c) => c.pref === pref);
      // The capital (listed first) more often than the other cities.
      return rng.weighted(inPrefecture.map((c, i) => [c, i === 0 ? 3 : 1] as const));
    };
    for (const [kindKey, cityName, openedOn] of plan.placed ?? []) place(organization, kindKey, cityByName(cityName), openedOn);
    for (const [item, count] of plan.items) {
      for (let i = 0; i < count; i++) {
        const kindKey = item in kinds ? (item as KindKey) : rng.weighted(lineMix[item]!);
        place(organization, kindKey, pickCity(), null);
      }
    }
  }
  return planned;
}

/** The share of fiscal year `fy` (April–March) the site was open. */
function openShare(fields: Pick<SiteFields, 'openedOn' | 'closedOn'>, fy: number): number {
  const from = Date.parse(`${fy}-04-01T00:00:00Z`);
  const until = Date.parse(`${fy + 1}-03-31T00:00:00Z`);
  const opened = fields.openedOn ? Math.max(from, Date.parse(`${fields.openedOn}T00:00:00Z`)) : from;
  const closed = fields.closedOn ? Math.min(until, Date.parse(`${fields.closedOn}T00:00:00Z`)) : until;
  if (closed < opened) return 0;
  return Math.min(1, (closed - opened + 86_400_000) / (until - from + 86_400_000));
}

/** Turnover relative to the site's fiscal-2016 scale: growth, the pandemic, a first year that starts small. */
function trend(site: PlannedSite, fy: number): number {
  const covid = site.kind.covid ?? 0.97;
  const pandemic = fy === 2020 ? covid : fy === 2021 ? 1 - (1 - covid) * 0.4 : 1;
  const openedFy = site.fields.openedOn ? fiscalYearOf(site.fields.openedOn, 4) : 1990;
  const rampUp = fy === openedFy ? 0.75 : fy === openedFy + 1 ? 0.92 : 1;
  return (1 + site.growth / 1000) ** (fy - jwcuYears.first) * pandemic * rampUp * openShare(site.fields, fy);
}

export interface ScaleOrganization {
  id: string;
  code: string;
  legal_form: string | null;
  prefecture_code: string | null;
}

/**
 * Writes the sites and their results. Each organization's fiscal-2016 turnover is its part of the seed's total — the
 * worker co-operatives' by their workers, the older persons' co-ops' by their members — split over its sites by size;
 * workers by kind split each year's workforce of the registry over the sites by turnover.
 */
export async function loadJwcuBusinesses(ctx: AppContext, organizations: readonly ScaleOrganization[], workforce: ReadonlyMap<string, Workforce>): Promise<{ sites: number; results: number }> {
  const rng = demoRandom(2016);
  const planned = planSites(rng, organizations);
  const years = Array.from({ length: jwcuYears.last - jwcuYears.first + 1 }, (_, i) => jwcuYears.first + i);
  const workersOf = (id: string) => workforce.get(id) ?? { members: years.map(() => 0), nonMembers: years.map(() => 0), users: years.map(() => 0) };
  const consumer = new Set(organizations.filter((o) => o.legal_form === 'consumer-cooperative').map((o) => o.id));
  const weightOf = (id: string) => (consumer.has(id) ? workersOf(id).users[0]! : workersOf(id).members[0]! + workersOf(id).nonMembers[0]!);
  const totalWorkers = organizations.filter((o) => !consumer.has(o.id)).reduce((a, o) => a + weightOf(o.id), 0);
  const totalUsers = organizations.filter((o) => consumer.has(o.id)).reduce((a, o) => a + weightOf(o.id), 0);
  const at = isoNow(ctx);
  const sites: Insertable<SiteTable>[] = [];
  const results: Insertable<SiteResultTable>[] = [];
  const linesOf = new Map<string, Set<string>>();
  for (const organization of organizations) {
    const own = planned.filter((s) => s.organizationId === organization.id);
    if (own.length === 0) continue;
    const share = consumer.has(organization.id) ? (consumerShare * weightOf(organization.id)) / totalUsers : ((1 - consumerShare) * weightOf(organization.id)) / totalWorkers;
    const base2016 = own.reduce((a, s) => a + s.size * trend(s, jwcuYears.first), 0);
    const yenPerSize = (jwcuTurnoverYen2016 * share) / base2016;
    const ids = own.map(() => newId());
    own.forEach((s, i) => {
      checkSite(s.fields, Object.keys(lineMix));
      const f = s.fields;
      sites.push({
        id: ids[i]!, organization_id: organization.id, name_ja: f.nameJa, name_en: f.nameEn, business_line: f.businessLine, postal_code: f.postalCode,
        prefecture_code: f.prefectureCode, address: f.address, opened_on: f.openedOn, closed_on: f.closedOn, operation: f.operation,
        commissioner_name: f.commissionerName, commissioner_code: f.commissionerCode, capacity: f.capacity, version: 1, created_at: at, updated_at: at,
      });
      let lines = linesOf.get(organization.id);
      if (!lines) linesOf.set(organization.id, (lines = new Set()));
      lines.add(f.businessLine);
    });
    for (const [y, fy] of years.entries()) {
      const open = own.map((s, i) => ({ s, id: ids[i]!, share: openShare(s.fields, fy) })).filter((x) => x.share > 0);
      const turnovers = open.map(({ s }) => Math.round(yenPerSize * s.size * trend(s, fy)));
      const workforceYear = workersOf(organization.id);
      const members = consumer.has(organization.id) ? open.map(() => 0) : apportion(workforceYear.members[y]!, turnovers);
      const nonMembers = consumer.has(organization.id) ? turnovers.map((t) => Math.max(1, Math.round(t / 4_800_000))) : apportion(workforceYear.nonMembers[y]!, turnovers);
      open.forEach(({ s, id, share }, i) => {
        const turnover = turnovers[i]!;
        const openedFy = s.fields.openedOn ? fiscalYearOf(s.fields.openedOn, 4) : 1990;
        let ratio = s.costRatio + rng.between(-0.008, 0.008);
        if (fy === openedFy) ratio += 0.05; // starting up
        if (fy === 2020) ratio += (1 - (s.kind.covid ?? 0.97)) * 0.2;
        if (s.growth < 0) ratio += 0.015; // a programme winding down
        if (rng.next() < 0.05) ratio = rng.between(1.003, 1.04); // a bad year
        const served = s.served === null ? null : Math.max(0, Math.round(s.served * (1 + s.growth / 2000) ** (fy - jwcuYears.first) * (fy === 2020 ? s.kind.covid ?? 1 : 1) * share));
        const expenses = Math.round(turnover * ratio);
        results.push({
          site_id: id, fiscal_year: fy, turnover, expenses, surplus: turnover - expenses, people_served: served,
          workers_members: members[i]!, workers_non_members: nonMembers[i]!, source: 'import', version: 1, recorded_at: at, recorded_by: 'system:demo',
        });
      });
    }
  }
  await inTransaction(ctx, async (trx) => {
    // An organization takes up the business lines its sites are in.
    const existing = await trx.selectFrom('organization_business_lines').select(['organization_id', 'business_line']).execute();
    const have = new Set(existing.map((r) => `${r.organization_id}|${r.business_line}`));
    const added = [...linesOf].flatMap(([organization_id, lines]) => [...lines].filter((l) => !have.has(`${organization_id}|${l}`)).map((business_line) => ({ organization_id, business_line })));
    if (added.length > 0) await bulkInsert(trx, ctx.dialect, 'organization_business_lines', added);
    await bulkInsert(trx, ctx.dialect, 'sites', sites);
    await bulkInsert(trx, ctx.dialect, 'site_results', results);
    await recordAudit(trx, systemActor('demo'), {
      organizationId: null, entityType: 'site', entityId: 'demo', action: 'demo_import', before: null,
      after: { sites: sites.length, results: results.length, fiscalYears: [jwcuYears.first, jwcuYears.last] },
    }, at);
  });
  return { sites: sites.length, results: results.length };
}
