// SQL fragments for raw statements through the ORM connection. MikroORM expands an array bound to `?`
// into a list, so arrays travel as one JSON parameter and become text[] in SQL.

/** Use with `${TEXT_ARRAY}` in SQL: binds one parameter holding `JSON.stringify(values)`. */
export const TEXT_ARRAY = `ARRAY(SELECT jsonb_array_elements_text(?::jsonb))`;

export function textArray(values: readonly string[]): string {
  return JSON.stringify(values);
}
