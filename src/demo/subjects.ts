// Deterministic synthetic subjects for the demo: persons with valid resident ID numbers and plausible
// Chinese names, organizations with valid credit codes, and the six demo departments.
import { creditCodeCheckChar, organizationCodeCheckChar, residentIdCheckChar } from '../certs/identifiers.js';

export interface Random {
  next(): number;
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
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
  };
}

export interface DemoPerson {
  idNumber: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  regionCode: string;
  regionName: string;
}

export interface DemoOrganization {
  creditCode: string;
  name: string;
  regionCode: string;
  regionName: string;
  kind: string;
}

export interface DemoDepartment {
  code: string;
  shortCode: 'psb' | 'amr' | 'civil-affairs' | 'hrss' | 'housing' | 'service-center';
  name: string;
  nameEn: string;
}

/** County-level region codes (GB/T 2260) of Hangzhou, where the demo government sits. */
export const DEMO_REGIONS: ReadonlyArray<{ code: string; name: string; city: string }> = [
  { code: '330102', name: '杭州市上城区', city: '杭州' },
  { code: '330105', name: '杭州市拱墅区', city: '杭州' },
  { code: '330106', name: '杭州市西湖区', city: '杭州' },
  { code: '330108', name: '杭州市滨江区', city: '杭州' },
  { code: '330109', name: '杭州市萧山区', city: '杭州' },
  { code: '330110', name: '杭州市余杭区', city: '杭州' },
  { code: '330111', name: '杭州市富阳区', city: '杭州' },
  { code: '330112', name: '杭州市临安区', city: '杭州' },
  { code: '330113', name: '杭州市临平区', city: '杭州' },
  { code: '330114', name: '杭州市钱塘区', city: '杭州' },
  { code: '330122', name: '杭州市桐庐县', city: '杭州' },
  { code: '330127', name: '杭州市淳安县', city: '杭州' },
  { code: '330182', name: '杭州市建德市', city: '杭州' },
];

/** Birthplaces of residents who moved to the city, for variety in the first six digits. */
const BIRTH_REGIONS: ReadonlyArray<{ code: string; name: string }> = [
  ...DEMO_REGIONS,
  { code: '110101', name: '北京市东城区' },
  { code: '310104', name: '上海市徐汇区' },
  { code: '440106', name: '广州市天河区' },
  { code: '510107', name: '成都市武侯区' },
  { code: '420106', name: '武汉市武昌区' },
  { code: '320102', name: '南京市玄武区' },
  { code: '340104', name: '合肥市蜀山区' },
  { code: '360102', name: '南昌市东湖区' },
  { code: '410105', name: '郑州市金水区' },
];

/** Common surnames, repeated roughly by how common they are. */
const SURNAMES = [
  ...'王王王王王李李李李李张张张张张刘刘刘刘陈陈陈陈杨杨杨黄黄黄赵赵赵吴吴周周徐徐孙孙马马朱朱胡胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN_MALE = [...'伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国志文博晨轩睿哲翔'];
const GIVEN_FEMALE = [...'芳娜敏静丽艳娟霞秀玲桂英慧莉婷雪琳晶颖倩洁梅琴云兰红燕蓉悦欣怡佳雨萱诗涵梦瑶'];

function personName(random: Random, gender: 'MALE' | 'FEMALE'): string {
  const given = gender === 'MALE' ? GIVEN_MALE : GIVEN_FEMALE;
  const length = random.next() < 0.7 ? 2 : 1;
  let name = random.pick(SURNAMES);
  for (let i = 0; i < length; i += 1) name += random.pick(given);
  return name;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function generatePersons(count: number, seed = 1): DemoPerson[] {
  const random = createRandom(seed);
  const seen = new Set<string>();
  const persons: DemoPerson[] = [];
  while (persons.length < count) {
    const region = random.next() < 0.75 ? random.pick(DEMO_REGIONS) : random.pick(BIRTH_REGIONS);
    const year = random.int(1940, 2006);
    const month = random.int(1, 12);
    const day = random.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
    const gender = random.next() < 0.5 ? 'MALE' : 'FEMALE';
    // Sequence code: odd for men, even for women (GB 11643).
    const sequence = random.int(0, 499) * 2 + (gender === 'MALE' ? 1 : 0);
    const body = `${region.code}${year}${pad(month, 2)}${pad(day, 2)}${pad(sequence, 3)}`;
    const idNumber = body + residentIdCheckChar(body);
    if (seen.has(idNumber)) continue;
    seen.add(idNumber);
    persons.push({ idNumber, name: personName(random, gender), gender, birthDate: `${year}-${pad(month, 2)}-${pad(day, 2)}`, regionCode: region.code, regionName: region.name });
  }
  return persons;
}

const TRADE_NAMES = [...'明远华信恒达鼎盛天成瑞丰宏图嘉禾博雅中和正泰新元汇通安邦永泰德润金诚海纳云帆启航'];
const INDUSTRIES = ['科技', '网络科技', '贸易', '建筑工程', '餐饮管理', '物流', '电子商务', '文化传媒', '医疗器械', '食品', '服装', '信息技术', '环保科技', '教育咨询', '物业管理'];
/** Organization forms with their GB 32100 registration authority and category characters. */
const FORMS = [
  { kind: '有限公司', authority: '9', category: '1', weight: 0.7 },
  { kind: '股份有限公司', authority: '9', category: '1', weight: 0.1 },
  { kind: '个体工商户', authority: '9', category: '2', weight: 0.12 },
  { kind: '农民专业合作社', authority: '9', category: '3', weight: 0.08 },
];

function pickForm(random: Random) {
  let r = random.next();
  for (const form of FORMS) {
    if (r < form.weight) return form;
    r -= form.weight;
  }
  return FORMS[0]!;
}

const ORG_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function generateOrganizations(count: number, seed = 2): DemoOrganization[] {
  const random = createRandom(seed);
  const seenCodes = new Set<string>();
  const seenNames = new Set<string>();
  const organizations: DemoOrganization[] = [];
  while (organizations.length < count) {
    const region = random.pick(DEMO_REGIONS);
    const form = pickForm(random);
    let orgBody = '';
    // The organization code of a newly registered entity begins with 'M' or a digit; keep to the credit charset.
    orgBody += random.next() < 0.5 ? 'M' : String(random.int(0, 9));
    for (let i = 0; i < 7; i += 1) orgBody += random.pick([...ORG_CODE_CHARS]);
    const orgCode = orgBody + organizationCodeCheckChar(orgBody);
    const body = `${form.authority}${form.category}${region.code}${orgCode}`;
    if (![...body].every((c) => ORG_CODE_CHARS.includes(c))) continue;
    const creditCode = body + creditCodeCheckChar(body);
    const district = region.name.replace('杭州市', '').replace(/[区县市]$/, '');
    const trade = random.pick(TRADE_NAMES) + random.pick(TRADE_NAMES);
    const name = form.category === '1' ? `杭州${district}${trade}${random.pick(INDUSTRIES)}${form.kind}` : form.category === '2' ? `${region.name}${trade}${random.pick(['便利店', '小吃店', '五金店', '理发店'])}` : `${region.name}${trade}${random.pick(['茶叶', '蔬菜', '水果'])}${form.kind}`;
    if (seenCodes.has(creditCode) || seenNames.has(name)) continue;
    seenCodes.add(creditCode);
    seenNames.add(name);
    organizations.push({ creditCode, name, regionCode: region.code, regionName: region.name, kind: form.kind });
  }
  return organizations;
}

/** Government organs: registration authority 1 (机构编制), category 1 (机关), Hangzhou (330100). */
export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
  { code: '113301000024894529', shortCode: 'psb', name: '杭州市公安局', nameEn: 'Hangzhou Public Security Bureau' },
  { code: '11330100MB1736423K', shortCode: 'amr', name: '杭州市市场监督管理局', nameEn: 'Hangzhou Administration for Market Regulation' },
  { code: '11330100002489487U', shortCode: 'civil-affairs', name: '杭州市民政局', nameEn: 'Hangzhou Civil Affairs Bureau' },
  { code: '113301000024895910', shortCode: 'hrss', name: '杭州市人力资源和社会保障局', nameEn: 'Hangzhou Human Resources and Social Security Bureau' },
  { code: '11330100002489890X', shortCode: 'housing', name: '杭州市住房和城乡建设局', nameEn: 'Hangzhou Housing and Urban-Rural Development Bureau' },
  { code: '11330100MB0E78011Y', shortCode: 'service-center', name: '杭州市政务服务中心', nameEn: 'Hangzhou Government Service Center' },
];
