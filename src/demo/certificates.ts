// The demo certificate types of five Hangzhou departments, and deterministic certificates for the demo subjects,
// derived from their demo records (a business licence per registered business, a marriage certificate per spouse, ...).
import { CertificateStatus, HolderIdType } from '../../entities/Certificate.js';
import type { CertificateTypeDefinition } from '../catalog/certificateType.js';
import type { FieldDefinition, RecordValues } from '../catalog/definition.js';
import { DEMO_RECORDS_AS_OF, DEMO_RESOURCE_TYPES, generateDemoRecords } from './catalog.js';
import { createRandom, DEMO_DEPARTMENTS, type DemoDepartment, type DemoOrganization, type DemoPerson, type Random } from './subjects.js';

const dept = (shortCode: DemoDepartment['shortCode']) => DEMO_DEPARTMENTS.find((d) => d.shortCode === shortCode)!.code;

/** The enum values of a demo resource type's field, so that a certificate's face and the record cannot drift. */
function enumValuesOf(resourceType: string, field: string): string[] {
  const values = DEMO_RESOURCE_TYPES.find((t) => t.code === resourceType)?.fields.find((f) => f.name === field)?.enumValues;
  if (!values) throw new RangeError(`no enum field ${resourceType}.${field} in the demo catalog`);
  return values;
}

function field(name: string, nameZh: string, type: FieldDefinition['type'], sharing: FieldDefinition['sharing'], description: string, extra: Partial<FieldDefinition> = {}): FieldDefinition {
  return { name, nameZh, type, sharing, required: true, description, ...extra };
}

const CARD_GENERATIONS = ['SECOND_GENERATION', 'THIRD_GENERATION'];

export const DEMO_CERTIFICATE_TYPES: CertificateTypeDefinition[] = [
  {
    code: 'business_licence',
    identifierCode: 'YYZZ',
    nameZh: '营业执照',
    nameEn: 'Business licence',
    issuerCode: dept('amr'),
    holderKind: 'ORGANIZATION',
    description: 'The electronic business licence of a market entity registered in Hangzhou, as on the paper licence.',
    defaultValidityDays: null,
    fields: [
      field('name', '名称', 'STRING', 'UNCONDITIONAL', 'Registered name of the market entity.'),
      field('enterpriseType', '类型', 'ENUM', 'UNCONDITIONAL', 'Legal form, as in business registration.', { enumValues: enumValuesOf('business_registration', 'enterpriseType') }),
      field('legalRepresentative', '法定代表人', 'STRING', 'UNCONDITIONAL', 'Legal representative (for an individual business, its operator).'),
      field('registeredCapital', '注册资本（万元）', 'DECIMAL', 'UNCONDITIONAL', 'Registered capital in 10,000 yuan; null for individual businesses.', { required: false }),
      field('establishedDate', '成立日期', 'DATE', 'UNCONDITIONAL', 'Date of establishment.'),
      field('businessScope', '经营范围', 'STRING', 'UNCONDITIONAL', 'Business scope as registered.'),
      field('registeredAddress', '住所', 'STRING', 'UNCONDITIONAL', 'Registered domicile or business premises.'),
      field('registrationAuthority', '登记机关', 'STRING', 'UNCONDITIONAL', 'The registration authority that issued the licence.'),
    ],
  },
  {
    code: 'marriage_certificate',
    identifierCode: 'JHZ',
    nameZh: '结婚证',
    nameEn: 'Marriage certificate',
    issuerCode: dept('civil-affairs'),
    holderKind: 'PERSON',
    description: 'The electronic marriage certificate: each spouse holds one, both with the same certificate number.',
    defaultValidityDays: null,
    fields: [
      field('certificateNumber', '结婚证字号', 'STRING', 'UNCONDITIONAL', 'Number of the certificate, e.g. J330106-2015-003421; both spouses’ certificates carry the same one.'),
      field('registrationDate', '登记日期', 'DATE', 'UNCONDITIONAL', 'Date the marriage was registered.'),
      field('registrationOffice', '登记机关', 'STRING', 'UNCONDITIONAL', 'The marriage registration office.'),
      field('spouseName', '配偶姓名', 'STRING', 'CONDITIONAL', 'Name of the spouse.'),
      field('spouseIdNumber', '配偶身份证号', 'STRING', 'CONDITIONAL', 'Resident ID number of the spouse.'),
    ],
  },
  {
    code: 'social_security_card',
    identifierCode: 'SBK',
    nameZh: '社会保障卡',
    nameEn: 'Social security card',
    issuerCode: dept('hrss'),
    holderKind: 'PERSON',
    description: 'The electronic social security card: proves enrolment in social insurance; valid ten years from issue.',
    defaultValidityDays: 3_652,
    fields: [
      field('cardNumber', '卡号', 'STRING', 'CONDITIONAL', 'Number printed on the card: a letter and eight digits.'),
      field('cardGeneration', '卡类型', 'ENUM', 'UNCONDITIONAL', 'SECOND_GENERATION (第二代) or THIRD_GENERATION (第三代, since 2019).', { enumValues: CARD_GENERATIONS }),
      field('issueDate', '发卡日期', 'DATE', 'UNCONDITIONAL', 'Date the card was issued.'),
      field('issuingBank', '发卡银行', 'STRING', 'UNCONDITIONAL', 'The cooperating bank that issued the card.'),
      field('hasFinancialFunction', '金融功能', 'BOOLEAN', 'UNCONDITIONAL', 'Whether the card’s bank account is activated.'),
      field('bankAccountNumber', '银行账号', 'STRING', 'NOT_SHARED', 'The card’s bank account number. Never shared.', { required: false }),
    ],
  },
  {
    code: 'real_estate_certificate',
    identifierCode: 'BDCQZ',
    nameZh: '不动产权证书',
    nameEn: 'Real estate ownership certificate',
    issuerCode: dept('housing'),
    holderKind: 'PERSON',
    description: 'The electronic title certificate of a person’s primary property in Hangzhou.',
    defaultValidityDays: null,
    fields: [
      field('certificateNumber', '不动产权证书号', 'STRING', 'UNCONDITIONAL', 'Number of the title certificate, e.g. 浙(2019)杭州市不动产权第0123456号.'),
      field('unitNumber', '不动产单元号', 'STRING', 'CONDITIONAL', 'The 28-character real estate unit number.'),
      field('location', '坐落', 'STRING', 'CONDITIONAL', 'Location of the property.'),
      field('propertyUse', '用途', 'ENUM', 'UNCONDITIONAL', 'Planned use of the property.', { enumValues: enumValuesOf('real_estate_ownership', 'propertyUse') }),
      field('floorAreaSqm', '面积（平方米）', 'DECIMAL', 'CONDITIONAL', 'Floor area in square metres.'),
      field('ownershipType', '共有情况', 'ENUM', 'CONDITIONAL', 'SOLE, JOINT or SHARED.', { enumValues: enumValuesOf('real_estate_ownership', 'ownershipType') }),
      field('registrationDate', '登记日期', 'DATE', 'UNCONDITIONAL', 'Date the title was registered.'),
      field('isMortgaged', '存在抵押', 'BOOLEAN', 'CONDITIONAL', 'Whether a mortgage was registered on it when the certificate was issued.'),
    ],
  },
  {
    code: 'residence_permit',
    identifierCode: 'JZZ',
    nameZh: '居住证',
    nameEn: 'Residence permit',
    issuerCode: dept('psb'),
    holderKind: 'PERSON',
    description: 'The electronic residence permit of a resident whose ID number was issued outside Hangzhou; valid one year, renewed yearly.',
    defaultValidityDays: 365,
    fields: [
      field('residenceAddress', '居住地址', 'STRING', 'CONDITIONAL', 'Address of residence in Hangzhou.'),
      field('residenceDistrictCode', '居住地区划代码', 'STRING', 'UNCONDITIONAL', 'Six-digit division code (GB/T 2260) of the district of residence.'),
      field('householdRegistrationPlace', '户籍地', 'STRING', 'CONDITIONAL', 'Where the ID number was issued, e.g. 成都市武侯区.'),
      field('issuingAuthority', '签发机关', 'STRING', 'UNCONDITIONAL', 'The public security (sub-)bureau that issued it.'),
    ],
  },
];

/** One demo certificate before it gets its identifier and signature (serials follow the order within a type). */
export interface DemoCertificate {
  typeCode: string;
  holderIdType: HolderIdType;
  holderId: string;
  holderName: string;
  validFrom: Date;
  validUntil: Date | null;
  face: RecordValues;
  status: CertificateStatus;
  statusReason: string | null;
}

const DAY_MS = 86_400_000;
const AS_OF = Date.parse(`${DEMO_RECORDS_AS_OF}T00:00:00+08:00`);

/** Midnight of a date in China Standard Time. */
function chinaMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

function isoDate(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

function digits(random: Random, count: number): string {
  let text = '';
  for (let i = 0; i < count; i += 1) text += String(random.int(0, 9));
  return text;
}

const BANKS = ['中国工商银行杭州分行', '中国农业银行杭州分行', '中国银行杭州分行', '中国建设银行杭州分行', '交通银行杭州分行', '杭州银行', '浙商银行杭州分行'];
const WITHDRAWN: Record<string, { status: CertificateStatus; reason: string }> = {
  REVOKED: { status: CertificateStatus.REVOKED, reason: '吊销营业执照' },
  CANCELLED: { status: CertificateStatus.CANCELLED, reason: '注销登记' },
  MOVED_OUT: { status: CertificateStatus.CANCELLED, reason: '迁出杭州市' },
};

function person(p: { idNumber: string; name: string }): Pick<DemoCertificate, 'holderIdType' | 'holderId' | 'holderName'> {
  return { holderIdType: HolderIdType.RESIDENT_ID, holderId: p.idNumber, holderName: p.name };
}

function valid(): Pick<DemoCertificate, 'status' | 'statusReason'> {
  return { status: CertificateStatus.VALID, statusReason: null };
}

/** Every demo certificate, type by type, in a fixed order; the same list for the same subjects. */
export function generateDemoCertificates(persons: DemoPerson[], organizations: DemoOrganization[], seed = 11): DemoCertificate[] {
  const random = createRandom(seed);
  const personById = new Map(persons.map((p) => [p.idNumber, p]));
  const records = (code: string) => generateDemoRecords(code, persons, organizations);
  const out: DemoCertificate[] = [];

  const orgById = new Map(organizations.map((o) => [o.creditCode, o]));
  for (const r of records('business_registration')) {
    const v = r.values;
    const withdrawn = WITHDRAWN[String(v.status)];
    out.push({
      typeCode: 'business_licence',
      holderIdType: HolderIdType.CREDIT_CODE,
      holderId: r.subjectId,
      holderName: orgById.get(r.subjectId)?.name ?? String(v.name),
      validFrom: chinaMidnight(String(v.establishedDate)),
      validUntil: null,
      face: { name: v.name ?? null, enterpriseType: v.enterpriseType ?? null, legalRepresentative: v.legalRepresentative ?? null, registeredCapital: v.registeredCapital ?? null, establishedDate: v.establishedDate ?? null, businessScope: v.businessScope ?? null, registeredAddress: v.registeredAddress ?? null, registrationAuthority: v.registrationAuthority ?? null },
      ...(withdrawn ? { status: withdrawn.status, statusReason: withdrawn.reason } : valid()),
    });
  }

  for (const r of records('marriage_registration')) {
    const v = r.values;
    const p = personById.get(r.subjectId);
    if (v.maritalStatus !== 'MARRIED' || !p || !v.marriageDate) continue;
    out.push({
      typeCode: 'marriage_certificate',
      ...person(p),
      validFrom: chinaMidnight(String(v.marriageDate)),
      validUntil: null,
      face: { certificateNumber: v.certificateNumber ?? null, registrationDate: v.marriageDate, registrationOffice: v.registrationOffice ?? null, spouseName: v.spouseName ?? null, spouseIdNumber: v.spouseIdNumber ?? null },
      ...valid(),
    });
  }

  for (const r of records('social_insurance')) {
    const v = r.values;
    const p = personById.get(r.subjectId);
    if (!p) continue;
    const earliest = Math.max(Date.parse(`${String(v.firstContributionDate)}T00:00:00+08:00`), Date.parse('2008-01-01T00:00:00+08:00'));
    const issued = earliest >= AS_OF ? AS_OF : earliest + random.int(0, Math.floor((AS_OF - earliest) / DAY_MS)) * DAY_MS;
    const issueDate = isoDate(issued);
    out.push({
      typeCode: 'social_security_card',
      ...person(p),
      validFrom: chinaMidnight(issueDate),
      validUntil: new Date(chinaMidnight(issueDate).getTime() + 3_652 * DAY_MS),
      face: {
        cardNumber: `${'ABCDEFGHJK'[random.int(0, 9)]}${digits(random, 8)}`,
        cardGeneration: issueDate >= '2019-01-01' ? 'THIRD_GENERATION' : 'SECOND_GENERATION',
        issueDate,
        issuingBank: random.pick(BANKS),
        hasFinancialFunction: random.next() < 0.9,
        bankAccountNumber: `62${digits(random, 17)}`,
      },
      ...(v.insuredStatus === 'TERMINATED' ? { status: CertificateStatus.CANCELLED, statusReason: '终止参保' } : valid()),
    });
  }

  for (const r of records('real_estate_ownership')) {
    const v = r.values;
    const p = personById.get(r.subjectId);
    if (!p) continue;
    out.push({
      typeCode: 'real_estate_certificate',
      ...person(p),
      validFrom: chinaMidnight(String(v.registrationDate)),
      validUntil: null,
      face: {
        certificateNumber: v.certificateNumber ?? null,
        unitNumber: v.unitNumber ?? null,
        location: v.primaryPropertyAddress ?? null,
        propertyUse: v.propertyUse ?? null,
        floorAreaSqm: v.floorAreaSqm ?? null,
        ownershipType: v.ownershipType ?? null,
        registrationDate: v.registrationDate ?? null,
        isMortgaged: v.mortgaged ?? false,
      },
      ...valid(),
    });
  }

  for (const r of records('household_registration')) {
    const v = r.values;
    const p = personById.get(r.subjectId);
    if (!p || p.regionCode.startsWith('3301')) continue;
    // Issued within the two years before the records' date: about half have expired by then (valid one year).
    const issueDate = isoDate(AS_OF - random.int(0, 730) * DAY_MS);
    const district = String(v.districtCode);
    out.push({
      typeCode: 'residence_permit',
      ...person(p),
      validFrom: chinaMidnight(issueDate),
      validUntil: new Date(chinaMidnight(issueDate).getTime() + 365 * DAY_MS),
      face: { residenceAddress: v.address ?? null, residenceDistrictCode: district, householdRegistrationPlace: p.regionName, issuingAuthority: `杭州市公安局${String(v.address ?? '').replace(/^杭州市/, '').slice(0, 3)}分局` },
      ...valid(),
    });
  }
  return out;
}
