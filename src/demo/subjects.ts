// Deterministic synthetic subjects for the demo seed: persons, organizations and the six demo departments, every identifier valid.
import { creditCodeCheckChar, organizationCodeCheckChar, residentIdCheckChar } from '../certs/identifiers.js';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(xs: readonly T[]): T;
}

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (xs) => {
      if (xs.length === 0) throw new RangeError('cannot pick from an empty list');
      return xs[Math.floor(next() * xs.length)]!;
    },
  };
}

export interface DemoPerson {
  idNumber: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  /** YYYY-MM-DD, the same date as positions 7-14 of idNumber. */
  birthDate: string;
  regionCode: string;
  regionName: string;
}

export interface DemoOrganization {
  creditCode: string;
  name: string;
  regionCode: string;
  regionName: string;
  /** The organization form, e.g. 有限责任公司, 个体工商户. */
  kind: string;
}

export interface DemoDepartment {
  /** Unified social credit code. */
  code: string;
  shortCode: 'psb' | 'amr' | 'civil-affairs' | 'hrss' | 'housing' | 'service-center';
  name: string;
  nameEn: string;
}

export interface DemoRegion {
  code: string;
  name: string;
  /**
   * Earliest birth year of anyone carrying this code in an ID number, for codes created after ID numbers
   * were issued to everyone (the late 1980s): older residents kept the code they were first given.
   */
  bornSince?: number;
  rural?: boolean;
}

/** County-level region codes (GB/T 2260) of Hangzhou, where the demo government sits, as of 2021. */
export const DEMO_REGIONS: readonly DemoRegion[] = [
  { code: '330102', name: '杭州市上城区' },
  { code: '330105', name: '杭州市拱墅区' },
  { code: '330106', name: '杭州市西湖区' },
  { code: '330108', name: '杭州市滨江区', bornSince: 1996 },
  { code: '330109', name: '杭州市萧山区', bornSince: 2001 },
  { code: '330110', name: '杭州市余杭区', bornSince: 2001 },
  { code: '330111', name: '杭州市富阳区', bornSince: 2014, rural: true },
  { code: '330112', name: '杭州市临安区', bornSince: 2017, rural: true },
  { code: '330113', name: '杭州市临平区', bornSince: 2021 },
  { code: '330114', name: '杭州市钱塘区', bornSince: 2021 },
  { code: '330122', name: '杭州市桐庐县', rural: true },
  { code: '330127', name: '杭州市淳安县', rural: true },
  { code: '330182', name: '杭州市建德市', bornSince: 1992, rural: true },
];

const FIRST_BIRTH_YEAR = 1940;
const LAST_BIRTH_YEAR = 2006;

/**
 * Where residents' ID numbers were issued: Hangzhou, including districts merged away in 2021 whose codes
 * live on in ID numbers, and a few other cities for those who moved here.
 */
const PERSON_REGIONS: readonly DemoRegion[] = [
  ...DEMO_REGIONS,
  { code: '330103', name: '杭州市下城区' },
  { code: '330104', name: '杭州市江干区' },
].filter((r) => (r.bornSince ?? 0) <= LAST_BIRTH_YEAR);

const OTHER_PERSON_REGIONS: readonly DemoRegion[] = [
  { code: '110101', name: '北京市东城区' },
  { code: '310104', name: '上海市徐汇区' },
  { code: '440106', name: '广州市天河区' },
  { code: '510107', name: '成都市武侯区' },
  { code: '420106', name: '武汉市武昌区' },
  { code: '320102', name: '南京市玄武区' },
  { code: '360102', name: '南昌市东湖区' },
  { code: '410105', name: '郑州市金水区' },
  { code: '330302', name: '温州市鹿城区' },
  { code: '330602', name: '绍兴市越城区' },
];

/** Common surnames, each repeated roughly in proportion to how common it is. */
const SURNAMES = [
  ...'王王王王王李李李李李张张张张张刘刘刘刘陈陈陈陈杨杨杨黄黄黄赵赵赵吴吴周周徐徐孙孙马马朱朱胡胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN_MALE = [...'伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国志文博晨轩睿哲翔'];
const GIVEN_FEMALE = [...'芳娜敏静丽艳娟霞秀玲桂英慧莉婷雪琳晶颖倩洁梅琴云兰红燕蓉悦欣怡佳雨萱诗涵梦瑶'];

function personName(random: Random, gender: DemoPerson['gender']): string {
  const given = gender === 'MALE' ? GIVEN_MALE : GIVEN_FEMALE;
  const length = random.next() < 0.7 ? 2 : 1;
  let name = random.pick(SURNAMES);
  for (let i = 0; i < length; i += 1) name += random.pick(given);
  return name;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `count` persons with distinct, valid resident ID numbers; the same list for the same seed. */
export function generatePersons(count: number, seed = 1): DemoPerson[] {
  const random = createRandom(seed);
  const seen = new Set<string>();
  const persons: DemoPerson[] = [];
  while (persons.length < count) {
    const region = random.next() < 0.8 ? random.pick(PERSON_REGIONS) : random.pick(OTHER_PERSON_REGIONS);
    const year = random.int(Math.max(FIRST_BIRTH_YEAR, region.bornSince ?? 0), LAST_BIRTH_YEAR);
    const month = random.int(1, 12);
    const day = random.int(1, daysIn(year, month));
    const gender = random.next() < 0.5 ? 'MALE' : 'FEMALE';
    // Sequence code: odd for men, even for women (GB 11643).
    const sequence = random.int(0, 499) * 2 + (gender === 'MALE' ? 1 : 0);
    const birth = `${year}${pad(month, 2)}${pad(day, 2)}`;
    const body = `${region.code}${birth}${pad(sequence, 3)}`;
    const idNumber = body + residentIdCheckChar(body);
    if (seen.has(idNumber)) continue;
    seen.add(idNumber);
    persons.push({ idNumber, name: personName(random, gender), gender, birthDate: `${year}-${pad(month, 2)}-${pad(day, 2)}`, regionCode: region.code, regionName: region.name });
  }
  return persons;
}

const TRADE_NAME_CHARS = [...'明远华信恒达鼎盛天成瑞丰宏图嘉禾博雅中和正泰新元汇通安邦永德润金诚海纳云帆启航'];
const INDUSTRIES = ['科技', '网络科技', '贸易', '建筑工程', '餐饮管理', '物流', '电子商务', '文化传媒', '医疗器械', '食品', '服装', '信息技术', '环保科技', '教育咨询', '物业管理'];
const SHOPS = ['便利店', '小吃店', '五金店', '理发店', '水果店', '面馆'];
const PRODUCE = ['茶叶', '蔬菜', '水果', '竹笋', '山核桃'];
/** Credit-code characters (GB 32100 forbids I, O, S, V, Z), drawn for the free part of an organization code. */
const CODE_CHARS = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];
const DIGITS = [...'0123456789'];

interface OrganizationForm {
  kind: string;
  /** GB 32100 position 1 (9: market regulation) and position 2 (1 enterprise, 2 individual business, 3 farmers' cooperative). */
  authority: string;
  category: string;
  weight: number;
  name(random: Random, region: DemoRegion, tradeName: string): string;
}

/** The district as written inside a company name: 杭州市西湖区 → 西湖, 杭州市建德市 → 建德. */
function districtOf(region: DemoRegion): string {
  return region.name.replace(/^杭州市/, '').replace(/[区县市]$/, '');
}

const FORMS: readonly OrganizationForm[] = [
  { kind: '有限责任公司', authority: '9', category: '1', weight: 0.7, name: (r, region, t) => `杭州${districtOf(region)}${t}${r.pick(INDUSTRIES)}有限公司` },
  { kind: '股份有限公司', authority: '9', category: '1', weight: 0.1, name: (r, region, t) => `杭州${districtOf(region)}${t}${r.pick(INDUSTRIES)}股份有限公司` },
  { kind: '个体工商户', authority: '9', category: '2', weight: 0.12, name: (r, region, t) => `${region.name}${t}${r.pick(SHOPS)}` },
  { kind: '农民专业合作社', authority: '9', category: '3', weight: 0.08, name: (r, region, t) => `${region.name.replace('杭州市', '')}${t}${r.pick(PRODUCE)}专业合作社` },
];

function pickForm(random: Random): OrganizationForm {
  let r = random.next();
  for (const form of FORMS) {
    if (r < form.weight) return form;
    r -= form.weight;
  }
  return FORMS[0]!;
}

/** Codes issued with the credit code since 2015 begin "MA"; older organization codes are mostly digits. */
function organizationCodeBody(random: Random): string {
  if (random.next() < 0.6) {
    let body = 'MA';
    for (let i = 0; i < 6; i += 1) body += random.pick(CODE_CHARS);
    return body;
  }
  let body = '';
  for (let i = 0; i < 8; i += 1) body += random.pick(DIGITS);
  return body;
}

const RURAL_REGIONS = DEMO_REGIONS.filter((r) => r.rural);

/** `count` organizations registered in Hangzhou, distinct in credit code and name; the same list for the same seed. */
export function generateOrganizations(count: number, seed = 2): DemoOrganization[] {
  const random = createRandom(seed);
  const seenCodes = new Set<string>();
  const seenNames = new Set<string>();
  const organizations: DemoOrganization[] = [];
  while (organizations.length < count) {
    const form = pickForm(random);
    // Farmers' cooperatives are registered in the rural counties and districts.
    const region = random.pick(form.category === '3' ? RURAL_REGIONS : DEMO_REGIONS);
    const orgBody = organizationCodeBody(random);
    const body = `${form.authority}${form.category}${region.code}${orgBody}${organizationCodeCheckChar(orgBody)}`;
    const creditCode = body + creditCodeCheckChar(body);
    const name = form.name(random, region, random.pick(TRADE_NAME_CHARS) + random.pick(TRADE_NAME_CHARS));
    if (seenCodes.has(creditCode) || seenNames.has(name)) continue;
    seenCodes.add(creditCode);
    seenNames.add(name);
    organizations.push({ creditCode, name, regionCode: region.code, regionName: region.name, kind: form.kind });
  }
  return organizations;
}

/**
 * The demo government: Hangzhou (330100) organs, registration authority 1 (机构编制) and category 1 (机关).
 * The organization codes MBDEM001 … MBDEM006 are made up for the demo; each code is
 * `11330100` + body + GB 11714 check + GB 32100 check, computed with this repository's functions
 * (tests/unit/subjects.test.ts recomputes them).
 */
export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
  { code: '11330100MBDEM0015E', shortCode: 'psb', name: '杭州市公安局', nameEn: 'Hangzhou Public Security Bureau' },
  { code: '11330100MBDEM00239', shortCode: 'amr', name: '杭州市市场监督管理局', nameEn: 'Hangzhou Administration for Market Regulation' },
  { code: '11330100MBDEM00314', shortCode: 'civil-affairs', name: '杭州市民政局', nameEn: 'Hangzhou Civil Affairs Bureau' },
  { code: '11330100MBDEM004XU', shortCode: 'hrss', name: '杭州市人力资源和社会保障局', nameEn: 'Hangzhou Human Resources and Social Security Bureau' },
  { code: '11330100MBDEM0058U', shortCode: 'housing', name: '杭州市住房和城乡建设局', nameEn: 'Hangzhou Housing and Urban-Rural Development Bureau' },
  { code: '11330100MBDEM0066N', shortCode: 'service-center', name: '杭州市政务服务中心', nameEn: 'Hangzhou Government Service Center' },
];
