// The API's problems with an input (BAD_USER_INPUT's extensions.problems: { field, problem }) put on the form field
// each concerns; a problem whose field the form does not show is handed back to be shown as a list.
import { CombinedGraphQLErrors } from '@apollo/client';
import type { FormInstance } from 'antd';

export interface FieldProblem {
  /** The input path as the hub names it, e.g. `fields[2].name` or `materials[0].typeCode`. */
  field: string;
  problem: string;
}

/** `fields[2].name` → ['fields', 2, 'name'], the form's name path. */
export function namePathOf(field: string): Array<string | number> {
  return field
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The problems an error from the API names, with the input field each concerns (none for other errors). */
export function fieldProblemsOf(error: unknown): FieldProblem[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.flatMap((e) => (e.extensions?.problems as FieldProblem[] | undefined) ?? []).filter((p) => typeof p?.field === 'string');
}

/** Shows each problem on its field; answers the problems whose field is not in the form (to be shown elsewhere). */
export function landProblems(form: FormInstance, problems: readonly FieldProblem[]): FieldProblem[] {
  const byPath = new Map<string, string[]>();
  for (const p of problems) byPath.set(p.field, [...(byPath.get(p.field) ?? []), p.problem]);
  form.setFields([...byPath].map(([field, errors]) => ({ name: namePathOf(field) as never, errors })));
  return problems.filter((p) => form.getFieldError(namePathOf(p.field) as never).length === 0);
}
