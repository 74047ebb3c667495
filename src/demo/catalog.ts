// The demo catalog: five resource types of five Hangzhou departments, and deterministic records for the demo subjects.
import type { RecordValues, ResourceTypeDefinition } from '../catalog/definition.js';
import { createRandom, DEMO_DEPARTMENTS, DEMO_REGIONS, type DemoDepartment, type DemoOrganization, type DemoPerson, type DemoRegion, type Random } from './subjects.js';

/** The day the demo records describe: ages, statuses and "most recent" dates are as of this day. */
export const DEMO_RECORDS_AS_OF = '2026-06-30';

export interface DemoRecord {
  subjectId: string;
  values: RecordValues;
}

// ---- Enum values, shared by the definitions and the generators so the two cannot drift ----

const GENDERS = ['MALE', 'FEMALE'] as const;
const RELATIONS = ['HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'SIBLING', 'OTHER'] as const;
const EDUCATION_LEVELS = ['NONE', 'PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTORATE'] as const;
const BLOOD_TYPES = ['A', 'B', 'AB', 'O', 'OTHER'] as const;
const ENTERPRISE_TYPES = ['LIMITED_LIABILITY_COMPANY', 'JOINT_STOCK_COMPANY', 'SOLE_PROPRIETORSHIP', 'PARTNERSHIP', 'INDIVIDUAL_BUSINESS', 'FARMERS_COOPERATIVE'] as const;
const BUSINESS_STATUSES = ['OPERATING', 'REVOKED', 'CANCELLED', 'MOVED_OUT'] as const;
const CREDIT_RISK_LEVELS = ['LOW', 'GENERAL', 'ELEVATED', 'HIGH'] as const;
const MARITAL_STATUSES = ['UNMARRIED', 'MARRIED', 'DIVORCED', 'WIDOWED'] as const;
const MARRIAGE_REGISTRATION_TYPES = ['MARRIAGE', 'DIVORCE', 'MARRIAGE_RESTORATION', 'CERTIFICATE_REISSUE'] as const;
const INSURED_STATUSES = ['CONTRIBUTING', 'SUSPENDED', 'RETIRED', 'TERMINATED'] as const;
const PENSION_SCHEMES = ['EMPLOYEE_BASIC_PENSION', 'RESIDENT_BASIC_PENSION'] as const;
const MEDICAL_INSURANCE_TYPES = ['EMPLOYEE_BASIC_MEDICAL', 'RESIDENT_BASIC_MEDICAL', 'NONE'] as const;
const PROPERTY_USES = ['RESIDENTIAL', 'COMMERCIAL', 'OFFICE', 'INDUSTRIAL', 'PARKING', 'OTHER'] as const;
const OWNERSHIP_TYPES = ['SOLE', 'JOINT', 'SHARED'] as const;
const ACQUISITION_METHODS = ['PURCHASE_NEW', 'PURCHASE_RESALE', 'HOUSING_REFORM', 'INHERITANCE', 'GIFT', 'SELF_BUILT'] as const;

type Relation = (typeof RELATIONS)[number];
type EducationLevel = (typeof EDUCATION_LEVELS)[number];
type BloodType = (typeof BLOOD_TYPES)[number];
type EnterpriseType = (typeof ENTERPRISE_TYPES)[number];
type BusinessStatus = (typeof BUSINESS_STATUSES)[number];
type CreditRiskLevel = (typeof CREDIT_RISK_LEVELS)[number];
type MaritalStatus = (typeof MARITAL_STATUSES)[number];
type MarriageRegistrationType = (typeof MARRIAGE_REGISTRATION_TYPES)[number];
type InsuredStatus = (typeof INSURED_STATUSES)[number];
type PensionScheme = (typeof PENSION_SCHEMES)[number];
type MedicalInsuranceType = (typeof MEDICAL_INSURANCE_TYPES)[number];
type PropertyUse = (typeof PROPERTY_USES)[number];
type OwnershipType = (typeof OWNERSHIP_TYPES)[number];
type AcquisitionMethod = (typeof ACQUISITION_METHODS)[number];

function providerCodeOf(shortCode: DemoDepartment['shortCode']): string {
  const department = DEMO_DEPARTMENTS.find((d) => d.shortCode === shortCode);
  if (!department) throw new RangeError(`no demo department with short code ${shortCode}`);
  return department.code;
}

const ROW_SCOPE_NOTE = 'Grants may scope rows by it.';

// ---- The catalog ----

export const DEMO_RESOURCE_TYPES: ResourceTypeDefinition[] = [
  {
    code: 'household_registration',
    nameZh: '户籍信息',
    nameEn: 'Household registration',
    providerCode: providerCodeOf('psb'),
    subjectKind: 'PERSON',
    description: "A resident's permanent residence entry (常住人口登记) in the Hangzhou household register, kept by the Public Security Bureau's household administration.",
    fields: [
      { name: 'name', nameZh: '姓名', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'Full name as entered in the permanent resident register, in Chinese characters.' },
      { name: 'gender', nameZh: '性别', type: 'ENUM', enumValues: [...GENDERS], sharing: 'UNCONDITIONAL', required: true, description: 'Sex as registered; agrees with the parity of the 17th digit of the resident ID number (odd MALE, even FEMALE).' },
      { name: 'birthDate', nameZh: '出生日期', type: 'DATE', sharing: 'UNCONDITIONAL', required: true, description: 'Date of birth as registered; agrees with digits 7-14 of the resident ID number.' },
      { name: 'districtCode', nameZh: '户籍地区划代码', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: `Six-digit administrative division code (GB/T 2260, divisions as of 2021) of the county-level district where the household is registered, e.g. 330106 for 西湖区. ${ROW_SCOPE_NOTE}` },
      { name: 'ethnicity', nameZh: '民族', type: 'STRING', sharing: 'CONDITIONAL', required: true, description: 'Ethnic group as registered, one of the 56 recognised groups written in Chinese, e.g. 汉族, 畲族.' },
      { name: 'birthplace', nameZh: '出生地', type: 'STRING', sharing: 'CONDITIONAL', required: true, description: 'Place of birth down to the county-level division, e.g. 浙江省杭州市西湖区, by the division names in force at the time of birth.' },
      { name: 'address', nameZh: '户籍地址', type: 'STRING', sharing: 'CONDITIONAL', required: true, description: 'Address of the registered household (住址) down to the house or flat number.' },
      { name: 'householdNumber', nameZh: '户号', type: 'STRING', sharing: 'CONDITIONAL', required: true, description: 'Nine-digit number of the household (户) the person is registered in; members of one household share it.' },
      { name: 'relationToHead', nameZh: '与户主关系', type: 'ENUM', enumValues: [...RELATIONS], sharing: 'CONDITIONAL', required: true, description: "The person's relation to the head of the household (户主); HEAD for the head themself." },
      { name: 'registeredSince', nameZh: '登记日期', type: 'DATE', sharing: 'CONDITIONAL', required: true, description: 'Date the person was entered in this household: the birth registration for those registered here since birth, otherwise the date of moving in (迁入).' },
      { name: 'movedInFrom', nameZh: '迁来地', type: 'STRING', sharing: 'CONDITIONAL', required: false, description: 'Where the registration was moved from, as a place name (e.g. 江西省南昌市东湖区); null when the person has been registered in this household since birth.' },
      { name: 'educationLevel', nameZh: '文化程度', type: 'ENUM', enumValues: [...EDUCATION_LEVELS], sharing: 'CONDITIONAL', required: false, description: 'Highest completed education as last updated in the register, which may lag behind: NONE, PRIMARY (小学), JUNIOR_SECONDARY (初中), SENIOR_SECONDARY (高中/中专), JUNIOR_COLLEGE (大专), BACHELOR (本科), MASTER (硕士研究生), DOCTORATE (博士研究生); null when never recorded.' },
      { name: 'religion', nameZh: '宗教信仰', type: 'STRING', sharing: 'NOT_SHARED', required: false, description: 'Religious belief as declared by the person, in Chinese, e.g. 佛教; null when none was declared. Sensitive personal information, never shared.' },
      { name: 'bloodType', nameZh: '血型', type: 'ENUM', enumValues: [...BLOOD_TYPES], sharing: 'NOT_SHARED', required: false, description: 'ABO blood group as declared at registration (OTHER for rare groups); null when unknown. Health information, never shared.' },
    ],
  },
  {
    code: 'business_registration',
    nameZh: '企业登记信息',
    nameEn: 'Business registration',
    providerCode: providerCodeOf('amr'),
    subjectKind: 'ORGANIZATION',
    description: "The registration of a market entity (company, individual business or farmers' cooperative) in Hangzhou, kept by the Administration for Market Regulation.",
    fields: [
      { name: 'name', nameZh: '名称', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'Registered name of the market entity, in Chinese.' },
      { name: 'enterpriseType', nameZh: '市场主体类型', type: 'ENUM', enumValues: [...ENTERPRISE_TYPES], sharing: 'UNCONDITIONAL', required: true, description: 'Legal form: LIMITED_LIABILITY_COMPANY (有限责任公司), JOINT_STOCK_COMPANY (股份有限公司), SOLE_PROPRIETORSHIP (个人独资企业), PARTNERSHIP (合伙企业), INDIVIDUAL_BUSINESS (个体工商户), FARMERS_COOPERATIVE (农民专业合作社).' },
      { name: 'legalRepresentative', nameZh: '法定代表人', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'Name of the legal representative; for an individual business its operator (经营者).' },
      { name: 'legalRepresentativeIdNumber', nameZh: '法定代表人身份证号', type: 'STRING', sharing: 'CONDITIONAL', required: true, description: 'The 18-character resident ID number of the legal representative (or operator).' },
      { name: 'registeredCapital', nameZh: '注册资本（万元）', type: 'DECIMAL', sharing: 'UNCONDITIONAL', required: false, description: "Registered capital, or the members' total contribution for a cooperative, in units of 10,000 yuan (万元人民币), as a decimal string such as \"500.00\" (5 million yuan); null for individual businesses, which register none." },
      { name: 'establishedDate', nameZh: '成立日期', type: 'DATE', sharing: 'UNCONDITIONAL', required: true, description: 'Date of establishment: the day the first business licence was issued.' },
      { name: 'businessScope', nameZh: '经营范围', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'Business scope as registered, in the standard wording of the national business-scope catalogue (一般项目 / 许可项目).' },
      { name: 'registeredAddress', nameZh: '住所', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'Registered domicile (住所) or, for an individual business, business premises (经营场所).' },
      { name: 'districtCode', nameZh: '登记地区划代码', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: `Six-digit administrative division code (GB/T 2260) of the county-level district of the registered address. ${ROW_SCOPE_NOTE}` },
      { name: 'registrationAuthority', nameZh: '登记机关', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'The market regulation authority that holds the registration, e.g. 杭州市西湖区市场监督管理局.' },
      { name: 'status', nameZh: '登记状态', type: 'ENUM', enumValues: [...BUSINESS_STATUSES], sharing: 'UNCONDITIONAL', required: true, description: 'Registration status: OPERATING (存续), REVOKED (吊销: licence revoked as a penalty), CANCELLED (注销: deregistered), MOVED_OUT (迁出: registration transferred to an authority outside Hangzhou).' },
      { name: 'annualReportFiled', nameZh: '年报已公示', type: 'BOOLEAN', sharing: 'UNCONDITIONAL', required: true, description: 'Whether the annual report for the most recent reporting year has been filed and published; false also when none was due yet (established this year).' },
      { name: 'abnormalOperationListed', nameZh: '列入经营异常名录', type: 'BOOLEAN', sharing: 'UNCONDITIONAL', required: true, description: 'Whether the entity is currently on the list of entities with abnormal operations (经营异常名录), e.g. for a missing annual report or an unreachable address.' },
      { name: 'contactPhone', nameZh: '联系电话', type: 'STRING', sharing: 'CONDITIONAL', required: false, description: 'Contact telephone number given at registration, digits only (a mobile number, or a landline with its area code 0571); null when none was given.' },
      { name: 'creditRiskLevel', nameZh: '信用风险分类', type: 'ENUM', enumValues: [...CREDIT_RISK_LEVELS], sharing: 'NOT_SHARED', required: false, description: "The regulator's internal credit-risk class (A-D) used to target random inspections: LOW, GENERAL, ELEVATED, HIGH; null when not yet classified. Supervision data, never shared." },
    ],
  },
  {
    code: 'marriage_registration',
    nameZh: '婚姻登记信息',
    nameEn: 'Marriage registration',
    providerCode: providerCodeOf('civil-affairs'),
    subjectKind: 'PERSON',
    description: "A person's marital status as it follows from the marriage and divorce registrations (婚姻登记) of the Civil Affairs Bureau.",
    fields: [
      { name: 'name', nameZh: '姓名', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'Name of the party as written in the marriage registry.' },
      { name: 'maritalStatus', nameZh: '婚姻状况', type: 'ENUM', enumValues: [...MARITAL_STATUSES], sharing: 'UNCONDITIONAL', required: true, description: "Current marital status per the registry: UNMARRIED (no marriage registered), MARRIED, DIVORCED (the last marriage ended by divorce), WIDOWED (the last marriage ended by the spouse's death)." },
      { name: 'spouseName', nameZh: '配偶姓名', type: 'STRING', sharing: 'CONDITIONAL', required: false, description: 'Name of the current spouse; null unless maritalStatus is MARRIED.' },
      { name: 'spouseIdNumber', nameZh: '配偶身份证号', type: 'STRING', sharing: 'CONDITIONAL', required: false, description: 'The 18-character resident ID number of the current spouse; null unless maritalStatus is MARRIED.' },
      { name: 'marriageDate', nameZh: '结婚登记日期', type: 'DATE', sharing: 'CONDITIONAL', required: false, description: 'Date the current marriage, or the most recent one that has ended, was registered; null when UNMARRIED.' },
      { name: 'lastRegistrationType', nameZh: '最近登记类型', type: 'ENUM', enumValues: [...MARRIAGE_REGISTRATION_TYPES], sharing: 'CONDITIONAL', required: false, description: "Kind of the person's most recent registration: MARRIAGE (结婚登记), DIVORCE (离婚登记), MARRIAGE_RESTORATION (复婚登记), CERTIFICATE_REISSUE (补领结婚证); null when there is none." },
      { name: 'registrationDate', nameZh: '登记日期', type: 'DATE', sharing: 'CONDITIONAL', required: false, description: 'Date of the most recent registration; null when there is none.' },
      { name: 'registrationOffice', nameZh: '登记机关', type: 'STRING', sharing: 'CONDITIONAL', required: false, description: 'Registration office of the most recent registration, by its name at the time, e.g. 杭州市西湖区民政局婚姻登记处; null when there is none.' },
      { name: 'certificateNumber', nameZh: '证书字号', type: 'STRING', sharing: 'CONDITIONAL', required: false, description: "Number of the certificate issued at the most recent registration: J (结婚证), L (离婚证) or BJ (reissued 结婚证), the office's division code, the year and a serial, e.g. J330106-2015-003421; both spouses' certificates carry the same number. Null when there is none." },
      { name: 'previousMarriages', nameZh: '既往婚姻次数', type: 'INT', sharing: 'NOT_SHARED', required: true, description: "Number of the person's marriages that have ended, by divorce or the spouse's death (a current marriage not counted). Never shared." },
    ],
  },
  {
    code: 'social_insurance',
    nameZh: '社保缴纳信息',
    nameEn: 'Social insurance contributions',
    providerCode: providerCodeOf('hrss'),
    subjectKind: 'PERSON',
    description: "A person's enrolment and contributions in the basic pension, medical, unemployment and work-injury insurance administered in Hangzhou, kept by the Human Resources and Social Security Bureau.",
    fields: [
      { name: 'insuredStatus', nameZh: '参保状态', type: 'ENUM', enumValues: [...INSURED_STATUSES], sharing: 'UNCONDITIONAL', required: true, description: 'Pension insurance status: CONTRIBUTING (参保缴费), SUSPENDED (暂停缴费: enrolled but not currently paying), RETIRED (drawing a pension), TERMINATED (终止参保: account transferred out of Hangzhou or closed).' },
      { name: 'pensionScheme', nameZh: '养老保险险种', type: 'ENUM', enumValues: [...PENSION_SCHEMES], sharing: 'UNCONDITIONAL', required: true, description: 'Pension scheme: EMPLOYEE_BASIC_PENSION (企业职工基本养老保险) or RESIDENT_BASIC_PENSION (城乡居民基本养老保险).' },
      { name: 'pensionContributionMonths', nameZh: '养老保险累计缴费月数', type: 'INT', sharing: 'UNCONDITIONAL', required: true, description: 'Cumulative months of pension contributions, including deemed contribution periods (视同缴费年限) before personal accounts existed.' },
      { name: 'firstContributionDate', nameZh: '首次参保日期', type: 'DATE', sharing: 'CONDITIONAL', required: true, description: 'Date of first enrolment in the pension scheme.' },
      { name: 'lastContributionMonth', nameZh: '最近缴费年月', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'Most recent month for which a pension contribution was paid, as YYYY-MM (for the resident scheme, which pays yearly, the month of the last payment).' },
      { name: 'currentEmployer', nameZh: '参保单位名称', type: 'STRING', sharing: 'CONDITIONAL', required: false, description: 'Name of the employer currently paying contributions for the person; null for flexible employment (灵活就业), the resident scheme, and when not contributing.' },
      { name: 'employerCreditCode', nameZh: '参保单位统一社会信用代码', type: 'STRING', sharing: 'CONDITIONAL', required: false, description: 'Unified social credit code of currentEmployer; null exactly when currentEmployer is null.' },
      { name: 'contributionBase', nameZh: '缴费基数（元/月）', type: 'DECIMAL', sharing: 'CONDITIONAL', required: false, description: 'Monthly contribution base in yuan, as a decimal string such as "8650.00", between the province\'s floor and ceiling; null when not contributing or under the resident scheme (which pays a yearly grade).' },
      { name: 'medicalInsuranceType', nameZh: '医疗保险险种', type: 'ENUM', enumValues: [...MEDICAL_INSURANCE_TYPES], sharing: 'UNCONDITIONAL', required: true, description: 'Basic medical insurance: EMPLOYEE_BASIC_MEDICAL (职工基本医疗保险), RESIDENT_BASIC_MEDICAL (城乡居民基本医疗保险), or NONE when not enrolled in Hangzhou.' },
      { name: 'unemploymentInsured', nameZh: '参加失业保险', type: 'BOOLEAN', sharing: 'UNCONDITIONAL', required: true, description: 'Whether the person is currently covered by unemployment insurance (through an employer).' },
      { name: 'workInjuryInsured', nameZh: '参加工伤保险', type: 'BOOLEAN', sharing: 'UNCONDITIONAL', required: true, description: 'Whether the person is currently covered by work-injury insurance (through an employer).' },
      { name: 'districtCode', nameZh: '参保地区划代码', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: `Six-digit administrative division code (GB/T 2260) of the district where the person is insured: the employer's district, otherwise the household's. ${ROW_SCOPE_NOTE}` },
      { name: 'monthlyWage', nameZh: '月工资（元）', type: 'DECIMAL', sharing: 'NOT_SHARED', required: false, description: 'Gross monthly wage in yuan declared by the employer, from which the contribution base is derived; null when there is no employer. Never shared.' },
    ],
  },
  {
    code: 'real_estate_ownership',
    nameZh: '不动产登记信息',
    nameEn: 'Real estate ownership',
    providerCode: providerCodeOf('housing'),
    subjectKind: 'PERSON',
    description: 'The real estate a person holds title to in Hangzhou per the real estate register (不动产登记簿), summarised by the primary property. Only persons who hold title to at least one property have a record.',
    fields: [
      { name: 'ownerName', nameZh: '权利人', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'Name of the right holder (权利人) as written in the register.' },
      { name: 'propertyCount', nameZh: '名下不动产数量', type: 'INT', sharing: 'UNCONDITIONAL', required: true, description: 'Number of registered properties (不动产单元) the person holds in Hangzhou, at least 1.' },
      { name: 'districtCode', nameZh: '坐落区划代码', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: `Six-digit administrative division code (GB/T 2260) of the district where the primary property lies. ${ROW_SCOPE_NOTE}` },
      { name: 'mortgaged', nameZh: '存在抵押', type: 'BOOLEAN', sharing: 'UNCONDITIONAL', required: true, description: 'Whether a mortgage (抵押权) on the primary property is registered.' },
      { name: 'sealedUp', nameZh: '存在查封', type: 'BOOLEAN', sharing: 'UNCONDITIONAL', required: true, description: 'Whether the primary property is sealed up (查封) by a court or another authority, which blocks any transfer.' },
      { name: 'primaryPropertyAddress', nameZh: '坐落', type: 'STRING', sharing: 'CONDITIONAL', required: true, description: 'Location (坐落) of the primary property: the home the person lives in if they own it, else their main property.' },
      { name: 'certificateNumber', nameZh: '不动产权证书号', type: 'STRING', sharing: 'CONDITIONAL', required: true, description: 'Number of the title certificate of the primary property, e.g. 浙(2019)杭州市不动产权第0123456号; titles registered before unified registration (2016) carry the former form, e.g. 杭房权证西字第12345678号.' },
      { name: 'unitNumber', nameZh: '不动产单元号', type: 'STRING', sharing: 'CONDITIONAL', required: true, description: 'The 28-character real estate unit number of the primary property: division code (6), cadastral zone and subzone (6), parcel type and number (2 + 5), building mark F and building unit (1 + 8).' },
      { name: 'floorAreaSqm', nameZh: '建筑面积（平方米）', type: 'DECIMAL', sharing: 'CONDITIONAL', required: true, description: 'Floor area (建筑面积) of the primary property in square metres, as a decimal string such as "89.56".' },
      { name: 'propertyUse', nameZh: '规划用途', type: 'ENUM', enumValues: [...PROPERTY_USES], sharing: 'CONDITIONAL', required: true, description: 'Planned use of the primary property: RESIDENTIAL (住宅), COMMERCIAL (商业), OFFICE (办公), INDUSTRIAL (工业), PARKING (车位), OTHER.' },
      { name: 'ownershipType', nameZh: '共有情况', type: 'ENUM', enumValues: [...OWNERSHIP_TYPES], sharing: 'CONDITIONAL', required: true, description: 'How the primary property is held: SOLE (单独所有), JOINT (共同共有, typically by spouses), SHARED (按份共有, in fixed shares).' },
      { name: 'acquisitionMethod', nameZh: '取得方式', type: 'ENUM', enumValues: [...ACQUISITION_METHODS], sharing: 'CONDITIONAL', required: true, description: 'How the primary property was acquired: PURCHASE_NEW (new commercial housing), PURCHASE_RESALE (second-hand), HOUSING_REFORM (房改房, bought from an employer under the 1990s housing reform), INHERITANCE, GIFT, SELF_BUILT (自建房 on a rural homestead).' },
      { name: 'registrationDate', nameZh: '登记日期', type: 'DATE', sharing: 'CONDITIONAL', required: true, description: "Date the person's title to the primary property was registered." },
      { name: 'purchasePrice', nameZh: '取得价格（元）', type: 'DECIMAL', sharing: 'NOT_SHARED', required: false, description: 'Price paid for the primary property in yuan, as a decimal string; null when it was not bought. Transaction data for tax assessment, never shared.' },
    ],
  },
];

// ---- Days, dates and drawing ----

// Dates are whole days since 1970-01-01 (UTC), converted by arithmetic: with a Date object per conversion
// the garbage collector was the largest cost of generating a seed's worth of records.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) of a YYYY-MM-DD date. */
function dayOf(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

/** Year, month (1-12) and day of a day number, packed as year * 10000 + month * 100 + day (H. Hinnant's civil_from_days). */
function civilOf(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1_460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (m <= 2 ? 1 : 0)) * 10_000 + m * 100 + d;
}

function isoOf(day: number): string {
  const c = civilOf(day);
  return `${Math.floor(c / 10_000)}-${pad(2, Math.floor(c / 100) % 100)}-${pad(2, c % 100)}`;
}

function yearOf(day: number): number {
  return Math.floor(civilOf(day) / 10_000);
}

/** The day `years` after `day`; 29 February falls on 1 March in common years. */
function yearsAfter(day: number, years: number): number {
  const c = civilOf(day);
  return Date.UTC(Math.floor(c / 10_000) + years, (Math.floor(c / 100) % 100) - 1, c % 100) / DAY_MS;
}

function ageAt(birthDay: number, day: number): number {
  const b = civilOf(birthDay);
  const d = civilOf(day);
  return Math.floor(d / 10_000) - Math.floor(b / 10_000) - (d % 10_000 >= b % 10_000 ? 0 : 1);
}

/** Months since year 0 (year * 12 + month - 1), for YYYY-MM arithmetic. */
function monthOf(day: number): number {
  const c = civilOf(day);
  return Math.floor(c / 10_000) * 12 + (Math.floor(c / 100) % 100) - 1;
}

function monthText(month: number): string {
  return `${Math.floor(month / 12)}-${pad(2, (month % 12) + 1)}`;
}

function pad(width: number, n: number): string {
  return String(n).padStart(width, '0');
}

const AS_OF = dayOf(DEMO_RECORDS_AS_OF);
const AS_OF_YEAR = yearOf(AS_OF);

function digits(random: Random, count: number): string {
  let text = '';
  for (let i = 0; i < count; i += 1) text += String(random.int(0, 9));
  return text;
}

/** A uniform day in [from, to]; `to` when the range is empty. */
function dayBetween(random: Random, from: number, to: number): number {
  return from >= to ? to : random.int(from, to);
}

function decimal(value: number): string {
  return (Math.round(value * 100) / 100).toFixed(2);
}

/** Values with their relative weights, prepared once so that a draw is one scan of running totals. */
interface Shares<T> {
  values: readonly T[];
  cumulative: readonly number[];
}

function shares<T>(table: ReadonlyArray<readonly [T, number]>): Shares<T> {
  if (table.length === 0) throw new RangeError('shares need at least one value');
  let total = 0;
  const cumulative = table.map(([, weight]) => (total += weight));
  return { values: table.map(([value]) => value), cumulative: cumulative.map((c) => c / total) };
}

function draw<T>(random: Random, from: Shares<T>): T {
  const r = random.next();
  let i = 0;
  while (i < from.cumulative.length - 1 && r >= from.cumulative[i]!) i += 1;
  return from.values[i]!;
}

/** One independent, reproducible stream per purpose, so the records of one type do not shift when another type changes. */
function streamOf(seed: number, purpose: string): Random {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < purpose.length; i += 1) h = Math.imul(h ^ purpose.charCodeAt(i), 0x01000193) >>> 0;
  return createRandom(h);
}

// ---- Places ----

const REGION_BY_CODE = new Map<string, DemoRegion>(DEMO_REGIONS.map((r) => [r.code, r]));

/** Where people move to within Hangzhou, roughly by population. */
const DISTRICT_SHARES = shares([
  ['330102', 13], ['330105', 12], ['330106', 12], ['330108', 7], ['330109', 14], ['330110', 12], ['330111', 6],
  ['330112', 5], ['330113', 6], ['330114', 6], ['330122', 3], ['330127', 2], ['330182', 3],
]);

/**
 * Today's districts for codes that live on in older ID numbers: in 2021 下城 went into 拱墅 and 江干 into
 * 上城 (its 下沙 part into the new 钱塘), and 临平 was split from 余杭.
 */
const SUCCESSORS: Record<string, Shares<string>> = {
  '330103': shares([['330105', 1]]),
  '330104': shares([['330102', 3], ['330114', 1]]),
  '330110': shares([['330110', 7], ['330113', 3]]),
};

/** The division that covered a district's area before the district existed (GB/T 2260 history). */
const PREDECESSORS: Record<string, { since: number; code: string; name: string }> = {
  '330108': { since: 1996, code: '330106', name: '杭州市西湖区' },
  '330109': { since: 2001, code: '330181', name: '萧山市' },
  '330110': { since: 2001, code: '330184', name: '余杭市' },
  '330111': { since: 2015, code: '330183', name: '富阳市' },
  '330112': { since: 2017, code: '330185', name: '临安市' },
  '330113': { since: 2021, code: '330110', name: '杭州市余杭区' },
  '330114': { since: 2021, code: '330104', name: '杭州市江干区' },
};

/** A district's code and name as they were in `year`. */
function divisionIn(code: string, year: number): { code: string; name: string } {
  let current = { code, name: REGION_BY_CODE.get(code)?.name ?? code };
  for (let before = PREDECESSORS[current.code]; before && year < before.since; before = PREDECESSORS[current.code]) {
    current = { code: before.code, name: before.name };
  }
  return current;
}

/** How an authority of a division is named: 杭州市西湖区… for districts, 桐庐县… and 建德市… for counties and county-level cities. */
function authorityPrefix(divisionName: string): string {
  return /^杭州市.+区$/.test(divisionName) ? divisionName : divisionName.replace(/^杭州市/, '');
}

function regionName(code: string): string {
  const region = REGION_BY_CODE.get(code);
  if (!region) throw new RangeError(`${code} is not a demo district`);
  return region.name;
}

/** Province names by the first two digits of a division code; municipalities carry none. */
const PROVINCES: Record<string, string> = { '11': '', '12': '', '31': '', '50': '', '32': '江苏省', '33': '浙江省', '36': '江西省', '41': '河南省', '42': '湖北省', '44': '广东省', '51': '四川省' };

/** Where a person was first registered (the region of their ID number), with its province. */
function placeName(person: DemoPerson): string {
  return `${PROVINCES[person.regionCode.slice(0, 2)] ?? ''}${person.regionName}`;
}

const STREETS: Record<string, readonly string[]> = {
  '330102': ['解放路', '清泰街', '望江路', '钱江路', '凯旋路', '秋涛路', '江锦路', '采荷路'],
  '330105': ['湖墅南路', '莫干山路', '大关路', '上塘路', '潮王路', '建国北路', '东新路', '中山北路'],
  '330106': ['文三路', '天目山路', '文一西路', '古墩路', '学院路', '教工路', '紫金港路', '西溪路'],
  '330108': ['江南大道', '滨盛路', '长河路', '江陵路', '网商路', '春晓路', '滨安路'],
  '330109': ['人民路', '市心路', '金城路', '通惠路', '山阴路', '萧绍路', '育才路'],
  '330110': ['五常大道', '良睦路', '龙舟路', '余杭塘路', '文一西路', '荆长大道'],
  '330111': ['金桥路', '桂花路', '江滨西大道', '体育馆路', '迎宾北路', '富春街'],
  '330112': ['钱王街', '衣锦街', '万马路', '石镜街', '城中街', '锦城街'],
  '330113': ['世纪大道', '藕花洲大街', '人民大道', '迎宾路', '星光街', '南苑街'],
  '330114': ['学源街', '文渊路', '江东大道', '义蓬路', '学林街', '福城路'],
  '330122': ['迎春南路', '白云源路', '富春路', '滨江路', '学圣路', '洋洲南路'],
  '330127': ['新安大街', '环湖北路', '梦姑路', '排岭路', '开发路', '千岛湖大道'],
  '330182': ['严州大道', '新安路', '江滨中路', '洋溪路', '府前路', '新安江路'],
};

const TOWNS: Record<string, readonly string[]> = {
  '330111': ['新登镇', '场口镇', '万市镇', '常安镇'],
  '330112': ['於潜镇', '昌化镇', '太湖源镇', '河桥镇'],
  '330122': ['分水镇', '横村镇', '富春江镇', '江南镇'],
  '330127': ['威坪镇', '汾口镇', '姜家镇', '临岐镇'],
  '330182': ['梅城镇', '乾潭镇', '寿昌镇', '大同镇'],
};

const VILLAGE_CHARS = [...'金竹山桥溪塘湾坞岭石新丰和安宁源青龙凤桃李'];

interface Address {
  text: string;
  /** In a village: rural homestead land rather than state-owned urban land. */
  isVillage: boolean;
}

function villageAddress(random: Random, districtCode: string, towns: readonly string[]): Address {
  const village = `${random.pick(VILLAGE_CHARS)}${random.pick(VILLAGE_CHARS)}村`;
  return { text: `${regionName(districtCode)}${random.pick(towns)}${village}${random.int(1, 180)}号`, isVillage: true };
}

/** A flat in a residential compound, or in the rural counties sometimes a house in a village. */
function homeAddress(random: Random, districtCode: string): Address {
  const towns = TOWNS[districtCode];
  if (towns && random.next() < 0.4) return villageAddress(random, districtCode, towns);
  const street = random.pick(STREETS[districtCode] ?? ['人民路']);
  return { text: `${regionName(districtCode)}${street}${random.int(1, 999)}号${random.int(1, 30)}幢${random.int(1, 4)}单元${random.int(1, 28)}${pad(2, random.int(1, 4))}室`, isVillage: false };
}

function officeAddress(random: Random, districtCode: string): string {
  const street = random.pick(STREETS[districtCode] ?? ['人民路']);
  return `${regionName(districtCode)}${street}${random.int(1, 999)}号${random.int(1, 20)}幢${random.int(1, 22)}${pad(2, random.int(1, 20))}室`;
}

// ---- Lives: households and marriages, shared by the person record types so that they agree ----

interface Household {
  districtCode: string;
  address: Address;
  number: string;
}

interface LastRegistration {
  type: MarriageRegistrationType;
  day: number;
  office: string;
  certificateNumber: string;
}

interface Life {
  person: DemoPerson;
  birthDay: number;
  age: number;
  /** Today's code of the Hangzhou district the person was first registered in; null when born elsewhere. */
  homeDistrict: string | null;
  maritalStatus: MaritalStatus;
  /** Index of the spouse in the same list, when MARRIED. */
  spouse: number | null;
  /** Registration day of the current marriage, or of the last one that ended. */
  marriageDay: number | null;
  /** When DIVORCED: the divorce registration day. */
  divorceDay: number | null;
  previousMarriages: number;
  lastRegistration: LastRegistration | null;
  household: Household;
  relationToHead: Relation;
  householdSince: number;
  movedInFrom: string | null;
}

/** Marital status by age, roughly as in the 2020 census for Zhejiang; the first bracket the age is below applies. */
const MARITAL_SHARES_BY_AGE: ReadonlyArray<readonly [number, Shares<MaritalStatus>]> = [
  [25, shares([['UNMARRIED', 88], ['MARRIED', 12]])],
  [30, shares([['UNMARRIED', 48], ['MARRIED', 49], ['DIVORCED', 3]])],
  [40, shares([['UNMARRIED', 13], ['MARRIED', 80], ['DIVORCED', 7]])],
  [60, shares([['UNMARRIED', 4], ['MARRIED', 86], ['DIVORCED', 7], ['WIDOWED', 3]])],
  [75, shares([['UNMARRIED', 2], ['MARRIED', 79], ['DIVORCED', 4], ['WIDOWED', 15]])],
  [Number.POSITIVE_INFINITY, shares([['UNMARRIED', 1], ['MARRIED', 55], ['DIVORCED', 2], ['WIDOWED', 42]])],
];

function maritalShares(age: number): Shares<MaritalStatus> {
  return MARITAL_SHARES_BY_AGE.find(([below]) => age < below)![1];
}

/** Minimum age to marry (Civil Code art. 1047, as in the Marriage Law of 1980). */
function legalMarriageAge(person: DemoPerson): number {
  return person.gender === 'MALE' ? 22 : 20;
}

function planLives(persons: DemoPerson[], seed: number): Life[] {
  const random = streamOf(seed, 'lives');
  const unsettled: Household = { districtCode: '', address: { text: '', isVillage: false }, number: '' };
  const lives: Life[] = persons.map((person) => {
    const birthDay = dayOf(person.birthDate);
    const age = ageAt(birthDay, AS_OF);
    const successors = SUCCESSORS[person.regionCode];
    const homeDistrict = successors ? draw(random, successors) : REGION_BY_CODE.has(person.regionCode) ? person.regionCode : null;
    const maritalStatus = age >= legalMarriageAge(person) ? draw(random, maritalShares(age)) : 'UNMARRIED';
    return { person, birthDay, age, homeDistrict, maritalStatus, spouse: null, marriageDay: null, divorceDay: null, previousMarriages: 0, lastRegistration: null, household: unsettled, relationToHead: 'HEAD', householdSince: birthDay, movedInFrom: null };
  });
  pairSpouses(lives, random);
  for (const life of lives) planEndedMarriage(life, random);
  planHouseholds(lives, random);
  for (let i = 0; i < lives.length; i += 1) planLastRegistration(lives, i, random);
  return lives;
}

/** Husbands are on average about two years older than their wives. */
const HUSBAND_OLDER_DAYS = 730;
/** No couple is matched further apart than this (after the shift above). */
const MAX_MATCH_GAP_DAYS = 365 * 6;

/**
 * Men and women to be married are matched in one sweep by birth date (a man's shifted by two years, both
 * jittered), each with the nearest unmatched partner of the other sex before them, so couples have plausible
 * ages. (Taking the longest-waiting one instead would pair the k-th man with the k-th woman whatever the
 * shift.) Whoever is left without a partner is widowed when older, divorced in middle age, else unmarried.
 */
function pairSpouses(lives: Life[], random: Random): void {
  const key = new Float64Array(lives.length);
  const candidates: number[] = [];
  lives.forEach((life, i) => {
    if (life.maritalStatus !== 'MARRIED') return;
    key[i] = life.birthDay + (life.person.gender === 'MALE' ? HUSBAND_OLDER_DAYS : 0) + random.int(-900, 900);
    candidates.push(i);
  });
  candidates.sort((a, b) => key[a]! - key[b]! || a - b);
  const waiting = { MALE: [] as number[], FEMALE: [] as number[] };
  for (const i of candidates) {
    const life = lives[i]!;
    const others = waiting[life.person.gender === 'MALE' ? 'FEMALE' : 'MALE'];
    const nearest = others.at(-1);
    // Everyone still waiting is at least as far as the nearest: too far, they stay unmatched.
    if (nearest !== undefined && key[i]! - key[nearest]! > MAX_MATCH_GAP_DAYS) others.length = 0;
    const j = others.pop();
    if (j === undefined) {
      waiting[life.person.gender].push(i);
      continue;
    }
    const partner = lives[j]!;
    life.spouse = j;
    partner.spouse = i;
    const [husband, wife] = life.person.gender === 'MALE' ? [life, partner] : [partner, life];
    const earliest = Math.max(yearsAfter(husband.birthDay, 22), yearsAfter(wife.birthDay, 20));
    const day = dayBetween(random, earliest, Math.min(AS_OF, earliest + 365 * 10));
    husband.marriageDay = day;
    wife.marriageDay = day;
  }
  for (const i of candidates) {
    const life = lives[i]!;
    if (life.spouse === null) life.maritalStatus = life.age >= 60 ? 'WIDOWED' : life.age >= 30 ? 'DIVORCED' : 'UNMARRIED';
  }
}

function planEndedMarriage(life: Life, random: Random): void {
  if (life.maritalStatus === 'MARRIED') {
    life.previousMarriages = random.next() < 0.07 ? 1 : 0;
    return;
  }
  if (life.maritalStatus === 'UNMARRIED') return;
  const earliest = yearsAfter(life.birthDay, legalMarriageAge(life.person));
  if (life.maritalStatus === 'DIVORCED') {
    const married = dayBetween(random, earliest, Math.min(AS_OF - 90, earliest + 365 * 12));
    if (married < earliest) {
      life.maritalStatus = 'UNMARRIED';
      return;
    }
    life.marriageDay = married;
    life.divorceDay = dayBetween(random, married + 90, Math.min(AS_OF, married + 365 * 20));
    life.previousMarriages = random.next() < 0.9 ? 1 : 2;
  } else {
    life.marriageDay = dayBetween(random, earliest, Math.min(AS_OF, earliest + 365 * 10));
    life.previousMarriages = 1;
  }
}

/** Spouses share one household, headed by the husband three times in four; others head their own or live with family. */
function planHouseholds(lives: Life[], random: Random): void {
  const numbers = new Set<string>();
  const newHousehold = (districtCode: string): Household => {
    let number: string;
    do number = `${districtCode.slice(2)}${digits(random, 5)}`;
    while (numbers.has(number));
    numbers.add(number);
    return { districtCode, address: homeAddress(random, districtCode), number };
  };
  const settle = (life: Life, relation: Relation): void => {
    life.relationToHead = relation;
    if (life.homeDistrict && random.next() < 0.75) {
      // Registered here since birth: the birth registration, a few weeks after the birth.
      life.household = newHousehold(life.homeDistrict);
      life.householdSince = Math.min(AS_OF, life.birthDay + random.int(7, 60));
      life.movedInFrom = null;
    } else {
      life.household = newHousehold(draw(random, DISTRICT_SHARES));
      life.householdSince = dayBetween(random, Math.max(yearsAfter(life.birthDay, 18), dayOf('1985-01-01')), AS_OF - 1);
      life.movedInFrom = placeName(life.person);
    }
  };
  const settled = new Set<number>();
  lives.forEach((life, i) => {
    if (settled.has(i)) return;
    settled.add(i);
    if (life.maritalStatus === 'MARRIED' && life.spouse !== null) {
      const spouse = lives[life.spouse]!;
      settled.add(life.spouse);
      const husbandIsHead = random.next() < 0.75;
      const [head, partner] = (life.person.gender === 'MALE') === husbandIsHead ? [life, spouse] : [spouse, life];
      settle(head, 'HEAD');
      partner.relationToHead = 'SPOUSE';
      partner.household = head.household;
      partner.householdSince = Math.min(AS_OF, Math.max(head.householdSince, partner.marriageDay ?? AS_OF) + random.int(0, 180));
      partner.movedInFrom = placeName(partner.person);
      return;
    }
    settle(life, relationOfSingle(life, random));
  });
}

function relationOfSingle(life: Life, random: Random): Relation {
  const r = random.next();
  if (life.maritalStatus === 'UNMARRIED' && life.age < 30) return r < 0.6 ? 'CHILD' : r < 0.65 ? 'GRANDCHILD' : 'HEAD';
  if (life.maritalStatus === 'WIDOWED' && life.age >= 70) return r < 0.35 ? 'PARENT' : 'HEAD';
  return r < 0.03 ? 'SIBLING' : r < 0.05 ? 'OTHER' : 'HEAD';
}

function registrationAt(type: MarriageRegistrationType, prefix: string, districtCode: string, day: number, random: Random): LastRegistration {
  const division = divisionIn(districtCode, yearOf(day));
  return {
    type,
    day,
    office: `${authorityPrefix(division.name)}民政局婚姻登记处`,
    certificateNumber: `${prefix}${division.code}-${yearOf(day)}-${pad(6, random.int(1, 9_999))}`,
  };
}

/** The latest registration on file; one for both spouses (their certificates carry the same number). */
function planLastRegistration(lives: Life[], i: number, random: Random): void {
  const life = lives[i]!;
  if (life.lastRegistration || life.maritalStatus === 'UNMARRIED' || life.marriageDay === null) return;
  const district = life.household.districtCode;
  if (life.maritalStatus === 'DIVORCED') {
    life.lastRegistration = registrationAt('DIVORCE', 'L', district, life.divorceDay ?? AS_OF, random);
    return;
  }
  if (life.maritalStatus === 'WIDOWED') {
    life.lastRegistration = registrationAt('MARRIAGE', 'J', district, life.marriageDay, random);
    return;
  }
  const spouse = life.spouse === null ? null : lives[life.spouse]!;
  const r = random.next();
  let registration: LastRegistration;
  if (r < 0.015) {
    // 复婚: they had divorced each other, so each has one ended marriage.
    registration = registrationAt('MARRIAGE_RESTORATION', 'J', district, life.marriageDay, random);
    life.previousMarriages = Math.max(1, life.previousMarriages);
    if (spouse) spouse.previousMarriages = Math.max(1, spouse.previousMarriages);
  } else if (r < 0.025 && life.marriageDay + 365 < AS_OF) {
    registration = registrationAt('CERTIFICATE_REISSUE', 'BJ', district, dayBetween(random, life.marriageDay + 365, AS_OF), random);
  } else {
    registration = registrationAt('MARRIAGE', 'J', district, life.marriageDay, random);
  }
  life.lastRegistration = registration;
  if (spouse) spouse.lastRegistration = registration;
}

// ---- household_registration ----

const ETHNICITIES = shares([['汉族', 958], ['畲族', 12], ['土家族', 6], ['苗族', 6], ['回族', 4], ['布依族', 4], ['壮族', 3], ['满族', 3], ['彝族', 2], ['蒙古族', 2]]);
const RELIGIONS = shares<string | null>([[null, 92], ['佛教', 5], ['基督教', 2], ['道教', 0.6], ['伊斯兰教', 0.4]]);
const BLOOD_TYPE_SHARES = shares<BloodType | null>([['A', 28], ['B', 26], ['O', 32], ['AB', 8], ['OTHER', 0.2], [null, 6]]);

/** Highest education by birth cohort, roughly as in the 2020 census for Zhejiang; the first bracket born before applies. */
const EDUCATION_BY_BIRTH_YEAR: ReadonlyArray<readonly [number, Shares<EducationLevel>]> = [
  [1960, shares([['NONE', 8], ['PRIMARY', 30], ['JUNIOR_SECONDARY', 34], ['SENIOR_SECONDARY', 18], ['JUNIOR_COLLEGE', 5], ['BACHELOR', 5]])],
  [1980, shares([['PRIMARY', 8], ['JUNIOR_SECONDARY', 34], ['SENIOR_SECONDARY', 25], ['JUNIOR_COLLEGE', 15], ['BACHELOR', 15], ['MASTER', 3]])],
  [2000, shares([['JUNIOR_SECONDARY', 14], ['SENIOR_SECONDARY', 20], ['JUNIOR_COLLEGE', 23], ['BACHELOR', 33], ['MASTER', 8], ['DOCTORATE', 2]])],
  [Number.POSITIVE_INFINITY, shares([['JUNIOR_SECONDARY', 8], ['SENIOR_SECONDARY', 45], ['JUNIOR_COLLEGE', 20], ['BACHELOR', 27]])],
];

function educationShares(birthYear: number): Shares<EducationLevel> {
  return EDUCATION_BY_BIRTH_YEAR.find(([before]) => birthYear < before)![1];
}

function householdRecords(lives: Life[], random: Random): DemoRecord[] {
  return lives.map(({ person, household, relationToHead, householdSince, movedInFrom }) => ({
    subjectId: person.idNumber,
    values: {
      name: person.name,
      gender: person.gender,
      birthDate: person.birthDate,
      districtCode: household.districtCode,
      ethnicity: draw(random, ETHNICITIES),
      birthplace: placeName(person),
      address: household.address.text,
      householdNumber: household.number,
      relationToHead,
      registeredSince: isoOf(householdSince),
      movedInFrom,
      educationLevel: random.next() < 0.04 ? null : draw(random, educationShares(Number(person.birthDate.slice(0, 4)))),
      religion: draw(random, RELIGIONS),
      bloodType: draw(random, BLOOD_TYPE_SHARES),
    },
  }));
}

// ---- marriage_registration ----

function marriageRecords(lives: Life[]): DemoRecord[] {
  const records: DemoRecord[] = [];
  for (const life of lives) {
    if (life.age < 18) continue;
    const spouse = life.maritalStatus === 'MARRIED' && life.spouse !== null ? lives[life.spouse]!.person : null;
    const last = life.lastRegistration;
    records.push({
      subjectId: life.person.idNumber,
      values: {
        name: life.person.name,
        maritalStatus: life.maritalStatus,
        spouseName: spouse?.name ?? null,
        spouseIdNumber: spouse?.idNumber ?? null,
        marriageDate: life.marriageDay === null ? null : isoOf(life.marriageDay),
        lastRegistrationType: last?.type ?? null,
        registrationDate: last ? isoOf(last.day) : null,
        registrationOffice: last?.office ?? null,
        certificateNumber: last?.certificateNumber ?? null,
        previousMarriages: life.previousMarriages,
      },
    });
  }
  return records;
}

// ---- business_registration ----

const ENTERPRISE_TYPE_OF_KIND: Record<string, EnterpriseType> = {
  有限责任公司: 'LIMITED_LIABILITY_COMPANY',
  股份有限公司: 'JOINT_STOCK_COMPANY',
  个人独资企业: 'SOLE_PROPRIETORSHIP',
  合伙企业: 'PARTNERSHIP',
  个体工商户: 'INDIVIDUAL_BUSINESS',
  农民专业合作社: 'FARMERS_COOPERATIVE',
};

const GENERAL_END = '（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）';
const LICENSED_END = '（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以审批结果为准）';
const TECH = '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广';

/** Business scope in the catalogue's wording, by a keyword of the name; longer keywords first. */
const SCOPES: ReadonlyArray<readonly [string, string]> = [
  ['网络科技', `一般项目：${TECH}；网络技术服务；软件开发；信息系统集成服务；互联网销售（除销售需要许可的商品）。${GENERAL_END}`],
  ['环保科技', `一般项目：环境保护专用设备销售；水污染治理；大气污染治理；固体废物治理；${TECH}。${GENERAL_END}`],
  ['信息技术', `一般项目：信息技术咨询服务；信息系统集成服务；软件开发；数据处理和存储支持服务；计算机系统服务。${GENERAL_END}`],
  ['科技', `一般项目：${TECH}；软件开发；电子产品销售；计算机软硬件及辅助设备零售。${GENERAL_END}`],
  ['贸易', `一般项目：货物进出口；技术进出口；日用百货销售；五金产品批发；针纺织品销售；化工产品销售（不含许可类化工产品）。${GENERAL_END}`],
  ['建筑工程', `许可项目：建设工程施工。${LICENSED_END}一般项目：园林绿化工程施工；建筑材料销售；住宅水电安装维护服务。${GENERAL_END}`],
  ['餐饮管理', `许可项目：餐饮服务。${LICENSED_END}一般项目：餐饮管理；食品销售（仅销售预包装食品）。${GENERAL_END}`],
  ['物流', `许可项目：道路货物运输（不含危险货物）。${LICENSED_END}一般项目：普通货物仓储服务（不含危险化学品等需许可审批的项目）；国内货物运输代理；装卸搬运；供应链管理服务。${GENERAL_END}`],
  ['电子商务', `一般项目：互联网销售（除销售需要许可的商品）；日用百货销售；服装服饰零售；电子产品销售；品牌管理。${GENERAL_END}`],
  ['文化传媒', `一般项目：组织文化艺术交流活动；广告设计、代理；广告制作；会议及展览服务；摄像及视频制作服务。${GENERAL_END}`],
  ['医疗器械', `许可项目：第三类医疗器械经营。${LICENSED_END}一般项目：第一类医疗器械销售；第二类医疗器械销售。${GENERAL_END}`],
  ['食品', `许可项目：食品生产；食品销售。${LICENSED_END}一般项目：食用农产品批发；食品销售（仅销售预包装食品）。${GENERAL_END}`],
  ['服装', `一般项目：服装制造；服装服饰批发；服装服饰零售；针纺织品销售。${GENERAL_END}`],
  ['教育咨询', `一般项目：教育咨询服务（不含涉许可审批的教育培训活动）；信息咨询服务（不含许可类信息咨询服务）；组织文化艺术交流活动。${GENERAL_END}`],
  ['物业管理', `一般项目：物业管理；停车场服务；家政服务；专业保洁、清洗、消毒服务。${GENERAL_END}`],
  ['便利店', `许可项目：食品销售；烟草制品零售。${LICENSED_END}一般项目：日用百货销售。${GENERAL_END}`],
  ['小吃店', `许可项目：小餐饮。${LICENSED_END}`],
  ['面馆', `许可项目：小餐饮。${LICENSED_END}`],
  ['五金店', `一般项目：五金产品零售；日用杂品销售；电线、电缆经营。${GENERAL_END}`],
  ['理发店', `一般项目：理发服务；美甲服务。${GENERAL_END}`],
  ['水果店', `一般项目：食用农产品零售；新鲜水果零售。${GENERAL_END}`],
];

function businessScopeOf(name: string): string {
  const cooperative = /(茶叶|蔬菜|水果|竹笋|山核桃)专业合作社$/.exec(name);
  if (cooperative) {
    const produce = cooperative[1]!;
    return `一般项目：组织收购、销售成员种植的${produce}；为成员提供${produce}种植技术培训、技术交流和信息咨询服务；农业机械服务。${GENERAL_END}`;
  }
  return SCOPES.find(([keyword]) => name.includes(keyword))?.[1] ?? `一般项目：${TECH}；信息咨询服务（不含许可类信息咨询服务）。${GENERAL_END}`;
}

/** Registered capital in 万元: companies favour round amounts; cooperatives' member contributions are small. */
const COOPERATIVE_CAPITAL = shares([[5, 2], [10, 3], [30, 3], [50, 3], [100, 2], [200, 1], [500, 0.5]]);
const JOINT_STOCK_CAPITAL = shares([[500, 1], [1_000, 3], [3_000, 3], [5_000, 3], [10_000, 2], [36_000, 1]]);
const COMPANY_CAPITAL = shares([[3, 1], [10, 3], [50, 4], [100, 6], [200, 3], [300, 2], [500, 3], [1_000, 2], [2_000, 1], [5_000, 0.5]]);

function registeredCapitalOf(type: EnterpriseType, random: Random): string | null {
  switch (type) {
    case 'INDIVIDUAL_BUSINESS':
      return null;
    case 'FARMERS_COOPERATIVE':
      return decimal(draw(random, COOPERATIVE_CAPITAL));
    case 'JOINT_STOCK_COMPANY':
      return decimal(draw(random, JOINT_STOCK_CAPITAL));
    default:
      return decimal(draw(random, COMPANY_CAPITAL) + (random.next() < 0.05 ? random.int(1, 99) / 100 : 0));
  }
}

/** Entities established in the last year or two are rarely struck off yet. */
const NEW_BUSINESS_STATUSES = shares<BusinessStatus>([['OPERATING', 97], ['CANCELLED', 3]]);
const BUSINESS_STATUS_SHARES = shares<BusinessStatus>([['OPERATING', 86], ['REVOKED', 5], ['CANCELLED', 7], ['MOVED_OUT', 2]]);
const CREDIT_RISK_SHARES = shares<CreditRiskLevel | null>([['LOW', 30], ['GENERAL', 52], ['ELEVATED', 8], ['HIGH', 2], [null, 8]]);

const MOBILE_PREFIXES = ['130', '131', '133', '135', '136', '137', '138', '139', '150', '151', '152', '157', '158', '159', '177', '180', '181', '186', '187', '188', '189', '191', '198', '199'];

function phoneNumber(random: Random, landlineShare: number): string {
  return random.next() < landlineShare ? `0571${random.int(2, 8)}${digits(random, 7)}` : `${random.pick(MOBILE_PREFIXES)}${digits(random, 8)}`;
}

/** The first day a district could register anything: 1 January of the year it was created. */
function districtCreated(code: string): number {
  const since = PREDECESSORS[code]?.since;
  return since === undefined ? Number.NEGATIVE_INFINITY : dayOf(`${since}-01-01`);
}

function businessAddress(random: Random, type: EnterpriseType, organization: DemoOrganization): string {
  const district = organization.regionCode;
  const towns = TOWNS[district];
  if (!REGION_BY_CODE.has(district)) return `${organization.regionName}人民路${random.int(1, 999)}号`;
  if (type === 'FARMERS_COOPERATIVE' && towns) return villageAddress(random, district, towns).text;
  if (type === 'INDIVIDUAL_BUSINESS') return `${regionName(district)}${random.pick(STREETS[district] ?? ['人民路'])}${random.int(1, 999)}号`;
  return officeAddress(random, district);
}

interface BusinessRecord extends DemoRecord {
  organization: DemoOrganization;
  status: BusinessStatus;
}

function businessRecords(organizations: DemoOrganization[], persons: DemoPerson[], seed: number): BusinessRecord[] {
  if (organizations.length > 0 && persons.length === 0) throw new RangeError('business registration needs demo persons to act as legal representatives');
  const random = streamOf(seed, 'business_registration');
  const birthDays = persons.map((p) => dayOf(p.birthDate));
  return organizations.map((organization) => {
    const type = ENTERPRISE_TYPE_OF_KIND[organization.kind] ?? 'LIMITED_LIABILITY_COMPANY';
    // Codes with "MA" at positions 9-10 were issued with the unified credit code, from October 2015.
    const isCreditCodeEra = organization.creditCode.slice(8, 10) === 'MA';
    const creditCodeStart = dayOf('2015-10-01');
    const from = Math.max(isCreditCodeEra ? creditCodeStart : dayOf('1992-01-01'), districtCreated(organization.regionCode));
    const to = isCreditCodeEra || from >= creditCodeStart ? AS_OF - 1 : creditCodeStart - 1;
    let established = dayBetween(random, from, to);
    const minimumAge = type === 'JOINT_STOCK_COMPANY' ? 30 : 20;
    let rep = random.int(0, persons.length - 1);
    for (let tries = 0; tries < 30 && ageAt(birthDays[rep]!, established) < minimumAge; tries += 1) rep = random.int(0, persons.length - 1);
    established = Math.min(AS_OF - 1, Math.max(established, yearsAfter(birthDays[rep]!, 18)));
    const representative = persons[rep]!;
    const status = draw(random, yearOf(established) >= AS_OF_YEAR - 1 ? NEW_BUSINESS_STATUSES : BUSINESS_STATUS_SHARES);
    // The report for a year is due by 30 June of the next.
    const isReportDue = yearOf(established) < AS_OF_YEAR;
    const annualReportFiled = isReportDue && status === 'OPERATING' && random.next() < 0.92;
    const abnormalOperationListed = status === 'OPERATING' && ((isReportDue && !annualReportFiled) || random.next() < 0.01);
    const authority = type === 'JOINT_STOCK_COMPANY' ? '杭州市' : authorityPrefix(organization.regionName);
    const creditRiskLevel: CreditRiskLevel | null = abnormalOperationListed ? (random.next() < 0.6 ? 'HIGH' : 'ELEVATED') : draw(random, CREDIT_RISK_SHARES);
    return {
      organization,
      status,
      subjectId: organization.creditCode,
      values: {
        name: organization.name,
        enterpriseType: type,
        legalRepresentative: representative.name,
        legalRepresentativeIdNumber: representative.idNumber,
        registeredCapital: registeredCapitalOf(type, random),
        establishedDate: isoOf(established),
        businessScope: businessScopeOf(organization.name),
        registeredAddress: businessAddress(random, type, organization),
        districtCode: organization.regionCode,
        registrationAuthority: `${authority}市场监督管理局`,
        status,
        annualReportFiled,
        abnormalOperationListed,
        contactPhone: random.next() < 0.1 ? null : phoneNumber(random, type === 'INDIVIDUAL_BUSINESS' ? 0.05 : 0.3),
        creditRiskLevel,
      },
    };
  });
}

// ---- social_insurance ----

/** Zhejiang's contribution base floor and ceiling (yuan a month) for the demo year. */
const BASE_FLOOR = 4_462;
const BASE_CEILING = 24_930;
/** Hangzhou's personal pension accounts and city-wide pooling began in the early 1990s; earlier work counts as deemed months. */
const POOLING_START = dayOf('1992-01-01');
/** The urban and rural resident pension schemes began in Zhejiang around 2010. */
const RESIDENT_SCHEME_START = dayOf('2010-01-01');
const EMPLOYEE_STATUS_SHARES = shares<InsuredStatus>([['CONTRIBUTING', 88], ['SUSPENDED', 10], ['TERMINATED', 2]]);
/** Flexible workers choose their base as a multiple of the floor (which is 60% of the average wage). */
const FLEXIBLE_BASE_GRADES = shares([[1, 6], [1.5, 2], [2, 1]]);

/** Statutory retirement age; the gradual raise that began in 2025 moves it by months only and is left out. */
function retirementAge(life: Life, scheme: PensionScheme, random: Random): number {
  if (scheme === 'RESIDENT_BASIC_PENSION' || life.person.gender === 'MALE') return 60;
  return random.next() < 0.6 ? 50 : 55;
}

interface Employers {
  all: DemoOrganization[];
  byDistrict: Map<string, DemoOrganization[]>;
}

/** Employers with employees: operating entities; individual businesses and cooperatives less often. */
function employersOf(businesses: BusinessRecord[], random: Random): Employers {
  const all = businesses
    .filter((b) => b.status === 'OPERATING')
    .map((b) => b.organization)
    .filter((o) => (o.kind === '个体工商户' || o.kind === '农民专业合作社' ? random.next() < 0.3 : true));
  const byDistrict = new Map<string, DemoOrganization[]>();
  for (const o of all) {
    const local = byDistrict.get(o.regionCode);
    if (local) local.push(o);
    else byDistrict.set(o.regionCode, [o]);
  }
  return { all, byDistrict };
}

/** Most people work in the district they live in. */
function pickEmployer(random: Random, employers: Employers, districtCode: string): DemoOrganization | null {
  const local = employers.byDistrict.get(districtCode);
  if (local && random.next() < 0.6) return random.pick(local);
  return employers.all.length > 0 ? random.pick(employers.all) : null;
}

/** About 80% of people aged 18 to 65, employees of operating demo organizations where they have an employer. */
function socialInsuranceRecords(lives: Life[], employers: Employers, random: Random): DemoRecord[] {
  const records: DemoRecord[] = [];
  for (const life of lives) {
    if (life.age < 18 || life.age > 65 || random.next() >= 0.8) continue;
    const isRural = REGION_BY_CODE.get(life.household.districtCode)?.rural === true;
    const scheme: PensionScheme = random.next() < (isRural ? 0.35 : 0.1) ? 'RESIDENT_BASIC_PENSION' : 'EMPLOYEE_BASIC_PENSION';
    const retireAt = retirementAge(life, scheme, random);
    const isRetired = life.age >= retireAt;
    const retirementDay = yearsAfter(life.birthDay, retireAt);
    const lastPossible = isRetired ? retirementDay - 1 : AS_OF;

    const schemeStart = scheme === 'RESIDENT_BASIC_PENSION' ? RESIDENT_SCHEME_START : POOLING_START;
    const startFrom = Math.max(yearsAfter(life.birthDay, scheme === 'RESIDENT_BASIC_PENSION' ? 18 : random.int(18, 24)), schemeStart);
    const first = dayBetween(random, Math.min(startFrom, lastPossible), Math.min(lastPossible, startFrom + random.int(0, 365 * 3)));

    let status: InsuredStatus;
    let employer: DemoOrganization | null = null;
    if (isRetired) status = 'RETIRED';
    else if (scheme === 'RESIDENT_BASIC_PENSION') status = random.next() < 0.93 ? 'CONTRIBUTING' : 'SUSPENDED';
    else {
      status = draw(random, EMPLOYEE_STATUS_SHARES);
      if (status === 'CONTRIBUTING' && random.next() < 0.86) employer = pickEmployer(random, employers, life.household.districtCode);
    }

    const firstMonth = monthOf(first);
    let lastMonth: number;
    if (status === 'RETIRED') lastMonth = monthOf(retirementDay) - 1;
    else if (status === 'CONTRIBUTING') lastMonth = scheme === 'RESIDENT_BASIC_PENSION' ? AS_OF_YEAR * 12 + random.int(0, 5) : monthOf(AS_OF) - (random.next() < 0.2 ? 1 : 0);
    else lastMonth = monthOf(AS_OF) - random.int(1, 36);
    lastMonth = Math.max(firstMonth, Math.min(lastMonth, monthOf(AS_OF)));

    const paidMonths = Math.max(1, Math.round((lastMonth - firstMonth + 1) * (0.85 + random.next() * 0.15)));
    const deemedMonths = scheme === 'EMPLOYEE_BASIC_PENSION' ? Math.max(0, monthOf(POOLING_START) - monthOf(yearsAfter(life.birthDay, 20))) : 0;
    // A pension is drawn only after 15 years (180 months) of contributions.
    const months = isRetired ? Math.max(180, paidMonths + deemedMonths) : paidMonths + deemedMonths;

    const wage = employer ? 3_000 + 27_000 * random.next() ** 2.4 : null;
    const isFlexible = status === 'CONTRIBUTING' && scheme === 'EMPLOYEE_BASIC_PENSION' && !employer;
    const base = wage !== null ? Math.min(BASE_CEILING, Math.max(BASE_FLOOR, wage)) : isFlexible ? BASE_FLOOR * draw(random, FLEXIBLE_BASE_GRADES) : null;
    const medical: MedicalInsuranceType = status === 'TERMINATED' ? 'NONE' : scheme === 'RESIDENT_BASIC_PENSION' ? 'RESIDENT_BASIC_MEDICAL' : 'EMPLOYEE_BASIC_MEDICAL';

    records.push({
      subjectId: life.person.idNumber,
      values: {
        insuredStatus: status,
        pensionScheme: scheme,
        pensionContributionMonths: months,
        firstContributionDate: isoOf(first),
        lastContributionMonth: monthText(lastMonth),
        currentEmployer: employer?.name ?? null,
        employerCreditCode: employer?.creditCode ?? null,
        contributionBase: base === null ? null : decimal(base),
        medicalInsuranceType: medical,
        unemploymentInsured: employer !== null,
        workInjuryInsured: employer !== null,
        districtCode: employer && REGION_BY_CODE.has(employer.regionCode) ? employer.regionCode : life.household.districtCode,
        monthlyWage: wage === null ? null : decimal(wage),
      },
    });
  }
  return records;
}

// ---- real_estate_ownership ----

/** Average Hangzhou new-home price (yuan a square metre) by year; years between are interpolated. */
const PRICE_POINTS: ReadonlyArray<readonly [number, number]> = [
  [1995, 1_800], [1998, 2_600], [2003, 5_500], [2008, 12_000], [2010, 20_000], [2013, 18_500], [2016, 22_000], [2018, 30_000], [2021, 36_000], [2026, 33_000],
];

function pricePerSqm(year: number): number {
  let [y0, p0] = PRICE_POINTS[0]!;
  if (year <= y0) return p0;
  for (const [y1, p1] of PRICE_POINTS) {
    if (year <= y1) return p0 + ((p1 - p0) * (year - y0)) / (y1 - y0);
    [y0, p0] = [y1, p1];
  }
  return p0;
}

const CORE_DISTRICTS = new Set(['330102', '330105', '330106', '330108']);
const PRICE_FACTORS: Record<string, number> = { '330109': 0.8, '330110': 0.9, '330113': 0.7, '330114': 0.7, '330111': 0.5, '330112': 0.45 };

function priceFactor(districtCode: string): number {
  return CORE_DISTRICTS.has(districtCode) ? 1.2 : (PRICE_FACTORS[districtCode] ?? 0.35);
}

/** Unified real estate registration (不动产权证书) replaced the separate housing titles in Hangzhou in 2016. */
const UNIFIED_REGISTRATION_YEAR = 2016;

function titleNumber(districtCode: string, day: number, random: Random): string {
  const year = yearOf(day);
  const district = regionName(districtCode).replace(/^杭州市/, '');
  if (year < UNIFIED_REGISTRATION_YEAR) return `杭房权证${district.charAt(0)}字第${digits(random, 8)}号`;
  const registry = CORE_DISTRICTS.has(districtCode) || districtCode === '330114' ? '杭州市' : district;
  return `浙(${year})${registry}不动产权第${pad(7, random.int(1, 9_999_999))}号`;
}

function unitNumberOf(districtCode: string, isVillage: boolean, random: Random): string {
  const zone = `${pad(3, random.int(1, 20))}${pad(3, random.int(1, 30))}`;
  // Parcel type: GB state-owned construction land, JC collective construction land (rural homesteads).
  const parcel = `${isVillage ? 'JC' : 'GB'}${pad(5, random.int(1, 99_999))}`;
  return `${districtCode}${zone}${parcel}F${pad(4, random.int(1, 60))}${pad(4, random.int(1, 3_000))}`;
}

/** Before 2000 much housing was bought from employers under the housing reform; spouses' joint homes are bought. */
const ACQUISITIONS_BEFORE_2000 = shares<AcquisitionMethod>([['HOUSING_REFORM', 50], ['PURCHASE_NEW', 38], ['INHERITANCE', 12]]);
const JOINT_ACQUISITIONS_BEFORE_2000 = shares<AcquisitionMethod>([['HOUSING_REFORM', 5], ['PURCHASE_NEW', 5]]);
const ACQUISITIONS = shares<AcquisitionMethod>([['PURCHASE_NEW', 50], ['PURCHASE_RESALE', 35], ['INHERITANCE', 8], ['GIFT', 7]]);
const JOINT_ACQUISITIONS = shares<AcquisitionMethod>([['PURCHASE_NEW', 6], ['PURCHASE_RESALE', 4]]);
const VILLAGE_ACQUISITIONS = shares<AcquisitionMethod>([['SELF_BUILT', 85], ['INHERITANCE', 15]]);
const URBAN_PROPERTY_USES = shares<PropertyUse>([['RESIDENTIAL', 94], ['COMMERCIAL', 3], ['OFFICE', 2], ['OTHER', 1]]);
const PROPERTY_COUNTS = shares([[1, 70], [2, 21], [3, 6], [4, 2], [5, 1]]);
const YOUNG_OWNERS_PROPERTY_COUNTS = shares([[1, 90], [2, 10]]);

function acquisitionOf(random: Random, year: number, isVillage: boolean, ownership: OwnershipType): AcquisitionMethod {
  if (isVillage) return draw(random, VILLAGE_ACQUISITIONS);
  if (ownership === 'JOINT') return draw(random, year < 2000 ? JOINT_ACQUISITIONS_BEFORE_2000 : JOINT_ACQUISITIONS);
  return draw(random, year < 2000 ? ACQUISITIONS_BEFORE_2000 : ACQUISITIONS);
}

/** A primary property's values, all but the owner's name: co-owners share them. */
function propertyOf(owners: readonly Life[], ownership: OwnershipType, random: Random): RecordValues {
  const first = owners[0]!;
  const livesInOwnHome = (first.relationToHead === 'HEAD' || first.relationToHead === 'SPOUSE') && random.next() < 0.7;
  const districtCode = livesInOwnHome ? first.household.districtCode : draw(random, DISTRICT_SHARES);
  const address = livesInOwnHome ? first.household.address : homeAddress(random, districtCode);
  let earliest = Math.max(dayOf('1995-01-01'), ...owners.map((o) => yearsAfter(o.birthDay, 20)));
  if (ownership === 'JOINT' && first.marriageDay !== null) earliest = Math.max(earliest, first.marriageDay);
  const registered = dayBetween(random, Math.min(earliest, AS_OF), AS_OF);
  const year = yearOf(registered);
  const acquisition = acquisitionOf(random, year, address.isVillage, ownership);
  const use: PropertyUse = address.isVillage ? 'RESIDENTIAL' : draw(random, URBAN_PROPERTY_USES);
  const area = address.isVillage ? random.int(12_000, 32_000) / 100 : use === 'RESIDENTIAL' ? (random.int(3_800, 12_000) + random.int(0, 6_000)) / 100 : random.int(2_000, 25_000) / 100;
  const isPurchase = acquisition === 'PURCHASE_NEW' || acquisition === 'PURCHASE_RESALE';
  const price = isPurchase
    ? area * pricePerSqm(year) * priceFactor(districtCode) * (0.85 + random.next() * 0.3)
    : acquisition === 'HOUSING_REFORM'
      ? area * random.int(500, 1_500)
      : null;
  const mortgageShare = !isPurchase ? 0.03 : year >= 2010 ? 0.55 : year >= 2000 ? 0.3 : 0.05;
  const youngest = Math.min(...owners.map((o) => o.age));
  return {
    propertyCount: draw(random, youngest < 30 ? YOUNG_OWNERS_PROPERTY_COUNTS : PROPERTY_COUNTS),
    districtCode,
    mortgaged: random.next() < mortgageShare,
    sealedUp: random.next() < 0.008,
    primaryPropertyAddress: address.text,
    certificateNumber: titleNumber(districtCode, registered, random),
    unitNumber: unitNumberOf(districtCode, address.isVillage, random),
    floorAreaSqm: decimal(area),
    propertyUse: use,
    ownershipType: ownership,
    acquisitionMethod: acquisition,
    registrationDate: isoOf(registered),
    purchasePrice: price === null ? null : decimal(price),
  };
}

function ownershipChance(age: number): number {
  if (age < 25) return 0.04;
  if (age < 35) return 0.25;
  if (age < 60) return 0.42;
  return 0.5;
}

/** About 45% of adults: couples mostly own their home jointly (both get the same property), others by age. */
function realEstateRecords(lives: Life[], random: Random): DemoRecord[] {
  const owned = new Map<number, RecordValues>();
  const decided = new Set<number>();
  lives.forEach((life, i) => {
    if (decided.has(i) || life.age < 18) return;
    decided.add(i);
    if (life.maritalStatus === 'MARRIED' && life.spouse !== null) {
      const j = life.spouse;
      decided.add(j);
      if (random.next() >= 0.7) return;
      if (random.next() < 0.8) {
        const property = propertyOf([life, lives[j]!], 'JOINT', random);
        owned.set(i, property);
        owned.set(j, property);
      } else {
        const owner = random.next() < 0.5 ? i : j;
        owned.set(owner, propertyOf([lives[owner]!], 'SOLE', random));
      }
      return;
    }
    if (random.next() < ownershipChance(life.age)) owned.set(i, propertyOf([life], random.next() < 0.12 ? 'SHARED' : 'SOLE', random));
  });
  const records: DemoRecord[] = [];
  lives.forEach((life, i) => {
    const property = owned.get(i);
    if (property) records.push({ subjectId: life.person.idNumber, values: { ownerName: life.person.name, ...property } });
  });
  return records;
}

// ---- Entry point ----

/**
 * Deterministic records of one demo resource type for the demo subjects: the same arguments give the same
 * records, in subject order. The person types share one plan of households and marriages, so spouses name
 * each other, share a household and co-own their home. Records are as of DEMO_RECORDS_AS_OF, and not every
 * subject has every record (social insurance ~80% of those aged 18-65, real estate ~45% of adults).
 */
export function generateDemoRecords(code: string, persons: DemoPerson[], organizations: DemoOrganization[], seed = 7): DemoRecord[] {
  switch (code) {
    case 'household_registration':
      return householdRecords(planLives(persons, seed), streamOf(seed, code));
    case 'marriage_registration':
      return marriageRecords(planLives(persons, seed));
    case 'business_registration':
      return businessRecords(organizations, persons, seed).map(({ subjectId, values }) => ({ subjectId, values }));
    case 'social_insurance': {
      if (persons.length === 0) return [];
      const random = streamOf(seed, code);
      return socialInsuranceRecords(planLives(persons, seed), employersOf(businessRecords(organizations, persons, seed), random), random);
    }
    case 'real_estate_ownership':
      return realEstateRecords(planLives(persons, seed), streamOf(seed, code));
    default:
      throw new RangeError(`no demo resource type ${code}; the demo types are ${DEMO_RESOURCE_TYPES.map((d) => d.code).join(', ')}`);
  }
}
