// How catalog codes become GraphQL names: household_registration → HouseholdRegistration,
// householdRegistration(subjectId) and householdRegistrations(subjectIds).

export function typeNameOf(code: string): string {
  return code
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

export function singleQueryNameOf(code: string): string {
  const type = typeNameOf(code);
  return type.charAt(0).toLowerCase() + type.slice(1);
}

export function listQueryNameOf(code: string): string {
  return `${singleQueryNameOf(code)}s`;
}

export function enumTypeNameOf(code: string, field: string): string {
  return `${typeNameOf(code)}${field.charAt(0).toUpperCase()}${field.slice(1)}`;
}

/** `household_registration.name`: how fields are named in grants' audit trail and errors. */
export function qualifiedField(code: string, field: string): string {
  return `${code}.${field}`;
}
