// The federation SDL a provider's subgraph can serve for a resource type: one entity keyed by the subject id,
// a field per catalog field with a type the hub accepts. Used by the demo subgraph and as a template for providers.
import type { FieldDefinition, ResourceTypeDefinition } from '../catalog/definition.js';

export const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

function blockString(text: string): string {
  return `"""${text.replace(/"""/g, '\\"""')}"""`;
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function sdlTypeOf(typeName: string, field: FieldDefinition): string {
  switch (field.type) {
    case 'INT':
      return 'Int';
    case 'BOOLEAN':
      return 'Boolean';
    case 'ENUM':
      return `${typeName}${pascal(field.name)}`;
    default:
      // STRING, DECIMAL (exact, as text), DATE and DATETIME (ISO 8601 text).
      return 'String';
  }
}

export function providerSdlFor(def: Pick<ResourceTypeDefinition, 'nameEn' | 'fields'>, typeName: string, keyField = 'subjectId'): string {
  const lines = [FEDERATION_LINK, '', blockString(`${def.nameEn}: one record per subject.`), `type ${typeName} @key(fields: "${keyField}") {`];
  lines.push(`  ${blockString('The subject: resident ID number or unified social credit code.')}`, `  ${keyField}: ID!`);
  for (const field of def.fields) lines.push(`  ${blockString(`${field.nameZh}: ${field.description}`)}`, `  ${field.name}: ${sdlTypeOf(typeName, field)}`);
  lines.push('}');
  for (const field of def.fields.filter((f) => f.type === 'ENUM')) {
    lines.push('', blockString(`Values of ${field.name}.`), `enum ${sdlTypeOf(typeName, field)} {`, ...(field.enumValues ?? []).map((v) => `  ${v}`), '}');
  }
  return lines.join('\n') + '\n';
}
