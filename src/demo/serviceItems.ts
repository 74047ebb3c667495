// The demo service items (政务服务事项) with their materials, each mapped to shared data.
import type { Material } from '../../entities/ServiceItem.js';
import { DEMO_DEPARTMENTS } from './subjects.js';

export interface ServiceItemDefinition {
  code: string;
  name: string;
  nameEn: string;
  departmentCode: string;
  materials: Material[];
}

const dept = (short: string) => DEMO_DEPARTMENTS.find((d) => d.shortCode === short)!.code;

function record(key: string, name: string, typeCode: string, fields: string[], extra: Partial<Material> = {}): Material {
  return { key, name, source: 'RECORD', typeCode, fields, condition: null, isSatisfiedWhenAbsent: false, isConsentRequired: false, ...extra };
}

function certificate(key: string, name: string, typeCode: string, extra: Partial<Material> = {}): Material {
  return { key, name, source: 'CERTIFICATE', typeCode, fields: [], condition: null, isSatisfiedWhenAbsent: false, isConsentRequired: false, ...extra };
}

export const DEMO_SERVICE_ITEMS: ServiceItemDefinition[] = [
  {
    code: 'public_rental_housing',
    name: '公共租赁住房申请',
    nameEn: 'Public rental housing application',
    departmentCode: dept('housing'),
    materials: [
      record('household', '户口簿', 'household_registration', ['name', 'districtCode', 'registeredSince']),
      record('marital_status', '婚姻状况证明', 'marriage_registration', ['maritalStatus']),
      record('social_insurance', '社保缴纳证明（连续缴纳满12个月）', 'social_insurance', ['insuredStatus', 'pensionContributionMonths'], {
        condition: { field: 'pensionContributionMonths', operator: 'AT_LEAST', values: ['12'] },
      }),
      record('no_real_estate', '无房证明', 'real_estate_ownership', ['propertyCount'], {
        condition: { field: 'propertyCount', operator: 'EQUALS', values: ['0'] },
        isSatisfiedWhenAbsent: true,
      }),
    ],
  },
  {
    code: 'enterprise_change_registration',
    name: '企业变更登记',
    nameEn: 'Enterprise change registration',
    departmentCode: dept('amr'),
    materials: [
      certificate('business_licence', '营业执照', 'business_licence'),
      record('legal_representative', '法定代表人身份信息', 'business_registration', ['legalRepresentative', 'legalRepresentativeIdNumber', 'status'], {
        condition: { field: 'status', operator: 'EQUALS', values: ['OPERATING'] },
      }),
    ],
  },
  {
    code: 'household_transfer_after_marriage',
    name: '婚后户口迁移',
    nameEn: 'Household registration transfer after marriage',
    departmentCode: dept('psb'),
    materials: [
      certificate('marriage_certificate', '结婚证', 'marriage_certificate', { isConsentRequired: true }),
      record('household', '户口簿', 'household_registration', ['name', 'address', 'householdNumber']),
    ],
  },
  {
    code: 'retirement_pension_application',
    name: '养老保险待遇申领',
    nameEn: 'Retirement pension application',
    departmentCode: dept('hrss'),
    materials: [
      record('contributions', '养老保险缴费记录（累计满15年）', 'social_insurance', ['insuredStatus', 'pensionContributionMonths'], {
        condition: { field: 'pensionContributionMonths', operator: 'AT_LEAST', values: ['180'] },
      }),
      record('household', '户口簿', 'household_registration', ['name', 'birthDate']),
    ],
  },
  {
    code: 'housing_provident_fund_withdrawal',
    name: '住房公积金提取（购房）',
    nameEn: 'Housing provident fund withdrawal',
    departmentCode: dept('housing'),
    materials: [
      certificate('real_estate_certificate', '不动产权证书', 'real_estate_certificate'),
      certificate('marriage_certificate', '结婚证', 'marriage_certificate'),
    ],
  },
];
