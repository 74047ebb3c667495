// The demo catalog: five resource types of five departments, and deterministic records for the demo subjects.
import type { FieldDefinition, RecordValues, ResourceTypeDefinition } from '../catalog/definition.js';
import { createRandom, DEMO_DEPARTMENTS, type DemoOrganization, type DemoPerson, type Random } from './subjects.js';

function providerOf(shortCode: string): string {
  const d = DEMO_DEPARTMENTS.find((x) => x.shortCode === shortCode);
  if (!d) throw new Error(`no demo department ${shortCode}`);
  return d.code;
}

type F = Omit<FieldDefinition, 'required'> & { required?: boolean };
const field = (f: F): FieldDefinition => ({ required: false, ...f });

export const DEMO_RESOURCE_TYPES: ResourceTypeDefinition[] = [
  {
    code: 'household_registration',
    nameZh: '户籍信息',
    nameEn: 'Household registration',
    providerCode: providerOf('psb'),
    subjectKind: 'PERSON',
    description: 'Permanent residence registration (户口) of residents, kept by the Public Security Bureau.',
    fields: [
      field({ name: 'name', nameZh: '姓名', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'Full name as registered.' }),
      field({ name: 'gender', nameZh: '性别', type: 'ENUM', enumValues: ['MALE', 'FEMALE'], sharing: 'UNCONDITIONAL', required: true, description: 'Gender as registered.' }),
      field({ name: 'birthDate', nameZh: '出生日期', type: 'DATE', sharing: 'UNCONDITIONAL', required: true, description: 'Date of birth.' }),
      field({ name: 'ethnicity', nameZh: '民族', type: 'STRING', sharing: 'CONDITIONAL', required: true, description: 'Ethnic group, e.g. 汉族.' }),
      field({ name: 'districtCode', nameZh: '户籍所在地区划代码', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'County-level administrative division code (GB/T 2260) of the registered residence.' }),
      field({ name: 'address', nameZh: '户籍地址', type: 'STRING', sharing: 'CONDITIONAL', required: true, description: 'Registered residence address.' }),
      field({ name: 'householdNumber', nameZh: '户号', type: 'STRING', sharing: 'CONDITIONAL', required: true, description: 'Number of the household the person is registered in.' }),
      field({ name: 'relationToHead', nameZh: '与户主关系', type: 'ENUM', enumValues: ['HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'OTHER'], sharing: 'CONDITIONAL', required: true, description: 'Relation to the head of household.' }),
      field({ name: 'registeredSince', nameZh: '登记日期', type: 'DATE', sharing: 'UNCONDITIONAL', required: true, description: 'Date the person was registered at this residence.' }),
      field({ name: 'educationLevel', nameZh: '文化程度', type: 'ENUM', enumValues: ['PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'BACHELOR', 'POSTGRADUATE'], sharing: 'CONDITIONAL', description: 'Highest education completed, as registered.' }),
      field({ name: 'religion', nameZh: '宗教信仰', type: 'STRING', sharing: 'NOT_SHARED', description: 'Declared religion; never shared.' }),
      field({ name: 'criminalRecordFlag', nameZh: '违法犯罪记录标识', type: 'BOOLEAN', sharing: 'NOT_SHARED', description: 'Whether a criminal record exists; never shared.' }),
    ],
  },
  {
    code: 'business_registration',
    nameZh: '企业登记信息',
    nameEn: 'Business registration',
    providerCode: providerOf('amr'),
    subjectKind: 'ORGANIZATION',
    description: 'Registration of market entities (companies, individual businesses, cooperatives) by Market Regulation.',
    fields: [
      field({ name: 'name', nameZh: '名称', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'Registered name.' }),
      field({ name: 'entityType', nameZh: '市场主体类型', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'Form of the entity, e.g. 有限责任公司.' }),
      field({ name: 'legalRepresentative', nameZh: '法定代表人', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'Name of the legal representative (or operator).' }),
      field({ name: 'legalRepresentativeIdNumber', nameZh: '法定代表人身份证号', type: 'STRING', sharing: 'CONDITIONAL', required: true, description: "Resident ID number of the legal representative." }),
      field({ name: 'registeredCapital', nameZh: '注册资本（万元）', type: 'DECIMAL', sharing: 'UNCONDITIONAL', required: true, description: 'Registered capital in ten-thousands of yuan.' }),
      field({ name: 'establishedDate', nameZh: '成立日期', type: 'DATE', sharing: 'UNCONDITIONAL', required: true, description: 'Date of establishment.' }),
      field({ name: 'businessScope', nameZh: '经营范围', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'Approved scope of business.' }),
      field({ name: 'registeredAddress', nameZh: '住所', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'Registered address.' }),
      field({ name: 'districtCode', nameZh: '登记地区划代码', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'County-level division code of the registration.' }),
      field({ name: 'status', nameZh: '登记状态', type: 'ENUM', enumValues: ['OPERATING', 'SUSPENDED', 'REVOKED', 'CANCELLED'], sharing: 'UNCONDITIONAL', required: true, description: 'Registration status.' }),
      field({ name: 'annualReportFiled', nameZh: '年报已报送', type: 'BOOLEAN', sharing: 'CONDITIONAL', required: true, description: "Whether last year's annual report was filed." }),
      field({ name: 'employeeCount', nameZh: '从业人数', type: 'INT', sharing: 'CONDITIONAL', description: 'Employees reported in the last annual report.' }),
      field({ name: 'abnormalOperationListed', nameZh: '列入经营异常名录', type: 'BOOLEAN', sharing: 'NOT_SHARED', description: 'Listed as operating abnormally; not shared through the hub (published by the credit system).' }),
    ],
  },
  {
    code: 'marriage_registration',
    nameZh: '婚姻登记信息',
    nameEn: 'Marriage registration',
    providerCode: providerOf('civil-affairs'),
    subjectKind: 'PERSON',
    description: 'Marriage and divorce registrations kept by the Civil Affairs Bureau.',
    fields: [
      field({ name: 'maritalStatus', nameZh: '婚姻状况', type: 'ENUM', enumValues: ['UNMARRIED', 'MARRIED', 'DIVORCED', 'WIDOWED'], sharing: 'UNCONDITIONAL', required: true, description: 'Current marital status as registered.' }),
      field({ name: 'name', nameZh: '姓名', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'Name of the registered person.' }),
      field({ name: 'spouseName', nameZh: '配偶姓名', type: 'STRING', sharing: 'CONDITIONAL', description: 'Name of the spouse, when married.' }),
      field({ name: 'spouseIdNumber', nameZh: '配偶身份证号', type: 'STRING', sharing: 'CONDITIONAL', description: 'Resident ID number of the spouse, when married.' }),
      field({ name: 'registrationDate', nameZh: '登记日期', type: 'DATE', sharing: 'UNCONDITIONAL', description: 'Date of the latest marriage or divorce registration.' }),
      field({ name: 'registrationOffice', nameZh: '登记机关', type: 'STRING', sharing: 'UNCONDITIONAL', description: 'Office that made the latest registration.' }),
      field({ name: 'certificateNumber', nameZh: '结婚证字号', type: 'STRING', sharing: 'CONDITIONAL', description: 'Number of the marriage (or divorce) certificate.' }),
      field({ name: 'previousMarriages', nameZh: '既往婚姻次数', type: 'INT', sharing: 'NOT_SHARED', required: true, description: 'Number of earlier marriages; never shared.' }),
    ],
  },
  {
    code: 'social_insurance',
    nameZh: '社保缴纳信息',
    nameEn: 'Social insurance contributions',
    providerCode: providerOf('hrss'),
    subjectKind: 'PERSON',
    description: 'Enrolment and contributions to pension, medical and unemployment insurance, kept by HR and Social Security.',
    fields: [
      field({ name: 'insuredStatus', nameZh: '参保状态', type: 'ENUM', enumValues: ['CONTRIBUTING', 'SUSPENDED', 'RETIRED', 'TERMINATED'], sharing: 'UNCONDITIONAL', required: true, description: 'Enrolment status of the pension insurance.' }),
      field({ name: 'pensionContributionMonths', nameZh: '养老保险累计缴费月数', type: 'INT', sharing: 'UNCONDITIONAL', required: true, description: 'Months of pension contributions in total.' }),
      field({ name: 'firstContributionDate', nameZh: '首次参保日期', type: 'DATE', sharing: 'UNCONDITIONAL', required: true, description: 'Date of first enrolment.' }),
      field({ name: 'lastContributionMonth', nameZh: '最近缴费年月', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'Latest month with a contribution, YYYY-MM.' }),
      field({ name: 'currentEmployer', nameZh: '参保单位', type: 'STRING', sharing: 'CONDITIONAL', description: 'Employer currently paying contributions.' }),
      field({ name: 'contributionBase', nameZh: '缴费基数（元）', type: 'DECIMAL', sharing: 'CONDITIONAL', required: true, description: 'Monthly contribution base in yuan.' }),
      field({ name: 'medicalInsuranceType', nameZh: '医疗保险类别', type: 'ENUM', enumValues: ['EMPLOYEE', 'RESIDENT', 'NONE'], sharing: 'UNCONDITIONAL', required: true, description: 'Type of basic medical insurance.' }),
      field({ name: 'unemploymentInsured', nameZh: '参加失业保险', type: 'BOOLEAN', sharing: 'UNCONDITIONAL', required: true, description: 'Whether enrolled in unemployment insurance.' }),
      field({ name: 'monthlyWage', nameZh: '月工资（元）', type: 'DECIMAL', sharing: 'NOT_SHARED', description: 'Declared monthly wage; never shared.' }),
    ],
  },
  {
    code: 'real_estate_ownership',
    nameZh: '不动产登记信息',
    nameEn: 'Real estate ownership',
    providerCode: providerOf('housing'),
    subjectKind: 'PERSON',
    description: "Real estate registered in a person's name, kept by Housing and Urban-Rural Development.",
    fields: [
      field({ name: 'propertyCount', nameZh: '名下不动产数量', type: 'INT', sharing: 'UNCONDITIONAL', required: true, description: 'Number of registered properties in the person\'s name (0 when none).' }),
      field({ name: 'primaryPropertyAddress', nameZh: '主要不动产坐落', type: 'STRING', sharing: 'CONDITIONAL', description: 'Location of the main registered property.' }),
      field({ name: 'certificateNumber', nameZh: '不动产权证书号', type: 'STRING', sharing: 'CONDITIONAL', description: 'Number of the ownership certificate of the main property.' }),
      field({ name: 'floorAreaSqm', nameZh: '建筑面积（平方米）', type: 'DECIMAL', sharing: 'UNCONDITIONAL', description: 'Floor area of the main property in square metres.' }),
      field({ name: 'ownershipType', nameZh: '共有情况', type: 'ENUM', enumValues: ['SOLE', 'JOINT', 'SHARED'], sharing: 'UNCONDITIONAL', description: 'Sole, joint (共同共有) or shared (按份共有) ownership.' }),
      field({ name: 'registrationDate', nameZh: '登记日期', type: 'DATE', sharing: 'UNCONDITIONAL', description: 'Registration date of the main property.' }),
      field({ name: 'mortgaged', nameZh: '存在抵押', type: 'BOOLEAN', sharing: 'CONDITIONAL', description: 'Whether the main property is mortgaged.' }),
      field({ name: 'purchasePrice', nameZh: '成交价格（元）', type: 'DECIMAL', sharing: 'NOT_SHARED', description: 'Transaction price; never shared.' }),
    ],
  },
];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const dateOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const ageIn2026 = (p: DemoPerson) => 2026 - Number(p.birthDate.slice(0, 4));
const ETHNICITIES = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '回族', '畲族', '满族', '土家族'];
const STREETS = ['文三路', '天目山路', '学院路', '教工路', '莫干山路', '延安路', '江南大道', '滨盛路', '湖墅南路', '解放路'];
const EMPLOYERS = ['杭州明远科技有限公司', '杭州华信电子商务有限公司', '杭州市第一人民医院', '浙江恒达建设集团有限公司', '杭州西湖区教育局', '杭州天成物流有限公司'];
const SCOPES = ['软件开发；信息技术咨询服务', '日用百货销售；食品经营', '建筑工程施工；装饰装修', '餐饮服务；食品销售', '货物进出口；技术进出口'];

function randomDate(r: Random, fromYear: number, toYear: number): string {
  const y = r.int(fromYear, Math.max(fromYear, toYear));
  const m = r.int(1, 12);
  return dateOf(y, m, r.int(1, 28));
}

function household(p: DemoPerson, r: Random, i: number): RecordValues {
  const born = Number(p.birthDate.slice(0, 4));
  return {
    name: p.name,
    gender: p.gender,
    birthDate: p.birthDate,
    ethnicity: r.pick(ETHNICITIES),
    districtCode: p.regionCode,
    address: `浙江省${p.regionName}${r.pick(STREETS)}${r.int(1, 999)}号${r.int(1, 30)}幢${r.int(101, 2505)}室`,
    householdNumber: `${p.regionCode}${pad(i % 1_000_000, 6)}`,
    relationToHead: ageIn2026(p) < 18 ? 'CHILD' : r.pick(['HEAD', 'HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'OTHER']),
    registeredSince: randomDate(r, born, 2025),
    educationLevel: r.pick(['PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'BACHELOR', 'BACHELOR', 'POSTGRADUATE']),
    religion: r.next() < 0.9 ? '无' : r.pick(['佛教', '基督教', '道教']),
    criminalRecordFlag: r.next() < 0.01,
  };
}

function business(o: DemoOrganization, r: Random, persons: DemoPerson[]): RecordValues {
  const rep = r.pick(persons);
  return {
    name: o.name,
    entityType: o.kind,
    legalRepresentative: rep.name,
    legalRepresentativeIdNumber: rep.idNumber,
    registeredCapital: `${r.int(1, 5000)}.${pad(r.int(0, 99))}`,
    establishedDate: randomDate(r, 1995, 2025),
    businessScope: r.pick(SCOPES),
    registeredAddress: `浙江省${o.regionName}${r.pick(STREETS)}${r.int(1, 999)}号`,
    districtCode: o.regionCode,
    status: r.next() < 0.9 ? 'OPERATING' : r.pick(['SUSPENDED', 'REVOKED', 'CANCELLED']),
    annualReportFiled: r.next() < 0.85,
    employeeCount: r.int(1, 800),
    abnormalOperationListed: r.next() < 0.05,
  };
}

/** Marriages pair adults of the other gender, both ways, so either spouse's record names the other. */
function marriages(persons: DemoPerson[], r: Random): Array<{ subjectId: string; values: RecordValues }> {
  const adults = persons.filter((p) => ageIn2026(p) >= 22);
  const men = adults.filter((p) => p.gender === 'MALE');
  const women = adults.filter((p) => p.gender === 'FEMALE');
  const out: Array<{ subjectId: string; values: RecordValues }> = [];
  const pairs = Math.floor(Math.min(men.length, women.length) * 0.6);
  const office = () => r.pick(['杭州市西湖区民政局婚姻登记处', '杭州市上城区民政局婚姻登记处', '杭州市拱墅区民政局婚姻登记处', '杭州市滨江区民政局婚姻登记处']);
  for (let i = 0; i < pairs; i += 1) {
    const [a, b] = [men[i]!, women[i]!];
    const youngerBirth = Math.max(Number(a.birthDate.slice(0, 4)), Number(b.birthDate.slice(0, 4)));
    const date = randomDate(r, youngerBirth + 22, 2025);
    const cert = `J${a.regionCode}-${date.slice(0, 4)}-${pad(i, 6)}`;
    const where = office();
    const previous = r.next() < 0.08 ? 1 : 0;
    out.push({ subjectId: a.idNumber, values: { maritalStatus: 'MARRIED', name: a.name, spouseName: b.name, spouseIdNumber: b.idNumber, registrationDate: date, registrationOffice: where, certificateNumber: cert, previousMarriages: previous } });
    out.push({ subjectId: b.idNumber, values: { maritalStatus: 'MARRIED', name: b.name, spouseName: a.name, spouseIdNumber: a.idNumber, registrationDate: date, registrationOffice: where, certificateNumber: cert, previousMarriages: previous } });
  }
  for (const p of [...men.slice(pairs), ...women.slice(pairs)]) {
    const status = r.pick(['UNMARRIED', 'UNMARRIED', 'UNMARRIED', 'DIVORCED', 'WIDOWED'] as const);
    const date = status === 'UNMARRIED' ? null : randomDate(r, Number(p.birthDate.slice(0, 4)) + 25, 2025);
    out.push({ subjectId: p.idNumber, values: { maritalStatus: status, name: p.name, spouseName: null, spouseIdNumber: null, registrationDate: date, registrationOffice: date ? office() : null, certificateNumber: date ? `L${p.regionCode}-${date.slice(0, 4)}-${pad(out.length, 6)}` : null, previousMarriages: status === 'UNMARRIED' ? 0 : 1 } });
  }
  return out;
}

function socialInsurance(p: DemoPerson, r: Random): RecordValues {
  const age = ageIn2026(p);
  const first = randomDate(r, Number(p.birthDate.slice(0, 4)) + 18, 2024);
  const months = Math.min((2026 - Number(first.slice(0, 4))) * 12, r.int(6, 480));
  return {
    insuredStatus: age >= 60 ? 'RETIRED' : r.next() < 0.85 ? 'CONTRIBUTING' : r.pick(['SUSPENDED', 'TERMINATED']),
    pensionContributionMonths: months,
    firstContributionDate: first,
    lastContributionMonth: `2026-${pad(r.int(1, 10))}`,
    currentEmployer: age >= 60 ? null : r.pick(EMPLOYERS),
    contributionBase: `${r.int(4462, 24930)}.00`,
    medicalInsuranceType: r.pick(['EMPLOYEE', 'EMPLOYEE', 'RESIDENT']),
    unemploymentInsured: age < 60 && r.next() < 0.8,
    monthlyWage: `${r.int(3000, 40000)}.00`,
  };
}

function realEstate(p: DemoPerson, r: Random, i: number): RecordValues {
  const count = r.next() < 0.8 ? 1 : r.int(2, 3);
  const date = randomDate(r, Math.max(1998, Number(p.birthDate.slice(0, 4)) + 20), 2025);
  return {
    propertyCount: count,
    primaryPropertyAddress: `浙江省${p.regionName}${r.pick(STREETS)}${r.int(1, 999)}号${r.int(1, 30)}幢${r.int(101, 2505)}室`,
    certificateNumber: `浙(${date.slice(0, 4)})杭州市不动产权第${pad(i, 7)}号`,
    floorAreaSqm: `${r.int(35, 260)}.${pad(r.int(0, 99))}`,
    ownershipType: r.pick(['SOLE', 'JOINT', 'JOINT', 'SHARED']),
    registrationDate: date,
    mortgaged: r.next() < 0.4,
    purchasePrice: `${r.int(600_000, 12_000_000)}.00`,
  };
}

/** Deterministic records of one demo resource type for the demo subjects. */
export function generateDemoRecords(code: string, persons: DemoPerson[], organizations: DemoOrganization[], seed = 7): Array<{ subjectId: string; values: RecordValues }> {
  const r = createRandom(seed + code.length * 131);
  const adults = persons.filter((p) => ageIn2026(p) >= 18);
  switch (code) {
    case 'household_registration':
      return persons.map((p, i) => ({ subjectId: p.idNumber, values: household(p, r, i) }));
    case 'business_registration':
      return organizations.map((o) => ({ subjectId: o.creditCode, values: business(o, r, adults) }));
    case 'marriage_registration':
      return marriages(persons, r);
    case 'social_insurance':
      return adults.filter((p) => ageIn2026(p) <= 75 && r.next() < 0.8).map((p) => ({ subjectId: p.idNumber, values: socialInsurance(p, r) }));
    case 'real_estate_ownership':
      return adults.filter(() => r.next() < 0.45).map((p, i) => ({ subjectId: p.idNumber, values: realEstate(p, r, i) }));
    default:
      throw new Error(`no demo records for ${code}`);
  }
}
