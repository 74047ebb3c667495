// GraphQL types of the catalog (信息资源目录): resource types and their fields, as published.
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../src/schema/scalars.js';
import { FIELD_TYPES, SHARING_CLASSES, type FieldType, type SharingClass, type SubjectKindName } from '../../src/catalog/definition.js';

export const FieldTypeEnum = Object.fromEntries(FIELD_TYPES.map((t) => [t, t])) as { [K in FieldType]: K };
export const SharingClassEnum = Object.fromEntries(SHARING_CLASSES.map((t) => [t, t])) as { [K in SharingClass]: K };
export const SubjectKindEnum = { PERSON: 'PERSON', ORGANIZATION: 'ORGANIZATION' } as const;

registerEnumType(FieldTypeEnum, {
  name: 'FieldType',
  description: 'The type of a catalog field.',
  valuesConfig: {
    STRING: { description: 'Text.' },
    INT: { description: 'A 32-bit integer.' },
    DECIMAL: { description: 'An exact decimal number, served as a string such as "1234.56".' },
    BOOLEAN: { description: 'True or false.' },
    DATE: { description: 'A calendar date, YYYY-MM-DD.' },
    DATETIME: { description: 'A point in time, ISO 8601 with a time zone.' },
    ENUM: { description: 'One of a fixed list of values.' },
  },
});
registerEnumType(SharingClassEnum, {
  name: 'SharingClass',
  description: 'How a field may be shared (政务信息资源共享分类).',
  valuesConfig: {
    UNCONDITIONAL: { description: '无条件共享: granted at once on request.' },
    CONDITIONAL: { description: '有条件共享: the consumer applies, the provider approves.' },
    NOT_SHARED: { description: '不予共享: never leaves the provider.' },
  },
});
registerEnumType(SubjectKindEnum, {
  name: 'SubjectKind',
  description: 'Whom records are about.',
  valuesConfig: { PERSON: { description: 'A person, by resident ID number.' }, ORGANIZATION: { description: 'An organization, by unified social credit code.' } },
});

@ObjectType('CatalogField', { description: 'One typed field of a resource type.' })
export class CatalogFieldView {
  @Field({ description: 'camelCase name; the GraphQL field of the record type.' })
  name!: string;

  @Field({ description: 'Chinese label.' })
  nameZh!: string;

  @Field(() => FieldTypeEnum, { description: 'Value type.' })
  type!: FieldType;

  @Field(() => [String], { nullable: true, description: 'Allowed values of an ENUM field.' })
  enumValues?: string[] | null;

  @Field(() => SharingClassEnum, { description: 'Sharing class.' })
  sharing!: SharingClass;

  @Field({ description: 'Whether every record must carry a value.' })
  required!: boolean;

  @Field({ description: 'What the field means.' })
  description!: string;
}

@ObjectType('ResourceType', { description: 'A catalog entry (信息资源目录): one data set a provider shares.' })
export class ResourceTypeView {
  @Field(() => ID, { description: 'snake_case code, e.g. household_registration.' })
  code!: string;

  @Field({ description: 'The GraphQL type its records have, e.g. HouseholdRegistration.' })
  graphqlType!: string;

  @Field({ description: 'Name in Chinese.' })
  nameZh!: string;

  @Field({ description: 'Name in English.' })
  nameEn!: string;

  @Field({ description: 'Unified social credit code of the providing department.' })
  providerCode!: string;

  @Field(() => SubjectKindEnum, { description: 'Whom its records are about.' })
  subjectKind!: SubjectKindName;

  @Field({ description: 'What the data set holds.' })
  description!: string;

  @Field(() => Int, { description: 'Catalog version; every change makes a new one.' })
  version!: number;

  @Field(() => [CatalogFieldView], { description: 'Typed fields with their sharing classes.' })
  fields!: CatalogFieldView[];
}

@InputType({ description: 'One field of a resource type being published.' })
export class CatalogFieldInput {
  @Field({ description: 'camelCase name.' })
  name!: string;

  @Field({ description: 'Chinese label.' })
  nameZh!: string;

  @Field(() => FieldTypeEnum, { description: 'Value type.' })
  type!: FieldType;

  @Field(() => [String], { nullable: true, description: 'For ENUM: the allowed values, UPPER_SNAKE.' })
  enumValues?: string[] | null;

  @Field(() => SharingClassEnum, { description: 'Sharing class.' })
  sharing!: SharingClass;

  @Field({ description: 'Whether every record must carry a value.' })
  required!: boolean;

  @Field({ description: 'What the field means (becomes its GraphQL description).' })
  description!: string;
}

@InputType({ description: "Publish a new resource type, or a new version of one of your department's." })
export class PublishResourceTypeInput {
  @Field({ description: 'snake_case code.' })
  code!: string;

  @Field({ description: 'Name in Chinese.' })
  nameZh!: string;

  @Field({ description: 'Name in English.' })
  nameEn!: string;

  @Field(() => SubjectKindEnum, { description: 'Whom its records are about.' })
  subjectKind!: SubjectKindName;

  @Field({ description: 'What the data set holds.' })
  description!: string;

  @Field(() => [CatalogFieldInput], { description: 'The fields, in order.' })
  fields!: CatalogFieldInput[];
}

@ObjectType({ description: 'The result of publishResourceType.' })
export class PublishResourceTypePayload {
  @Field(() => ResourceTypeView, { description: 'The resource type as now published.' })
  resourceType!: ResourceTypeView;
}

@ObjectType('ResourceTypeVersion', { description: 'One published version of a resource type, kept forever.' })
export class ResourceTypeVersionView {
  @Field(() => Int, { description: 'Catalog version.' })
  version!: number;

  @Field(() => DateTimeScalar, { description: 'When it was published.' })
  changedAt!: Date;

  @Field({ description: 'The client that published it.' })
  changedBy!: string;

  @Field(() => ResourceTypeView, { description: 'The definition as published at this version.' })
  resourceType!: ResourceTypeView;
}
