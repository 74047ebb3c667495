// The cost of an operation: every field costs 1, times the number of items a list field can return.
// Computed with the request's variables, so `subjectIds: $ids` counts the ids actually sent.
import {
  getNamedType,
  getNullableType,
  isListType,
  isCompositeType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  type ArgumentNode,
  type GraphQLCompositeType,
  isObjectType,
  isInterfaceType,
} from 'graphql';

/** Arguments whose size bounds how many items a list field returns. */
const SIZE_ARGUMENTS = ['first', 'last', 'limit'];

function argumentSize(value: ValueNode, variables: Record<string, unknown>): number | null {
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.LIST) return value.values.length;
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    if (typeof v === 'number') return v;
    if (Array.isArray(v)) return v.length;
  }
  return null;
}

/** Pages (`first`, `last`, `limit`) multiply what is below them; so do list fields by their list arguments. */
function itemCount(args: readonly ArgumentNode[], isList: boolean, variables: Record<string, unknown>): number {
  const page = args.find((a) => SIZE_ARGUMENTS.includes(a.name.value));
  if (page) return argumentSize(page.value, variables) ?? 1;
  if (!isList) return 1;
  const sizes = args.map((a) => argumentSize(a.value, variables)).filter((n): n is number => n !== null);
  return sizes.length ? Math.max(1, ...sizes) : 1;
}

export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;

  const costOf = (set: SelectionSetNode, parent: GraphQLCompositeType, seen: Set<string>): number => {
    let total = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) {
        const type = s.typeCondition ? (schema.getType(s.typeCondition.name.value) as GraphQLCompositeType | undefined) : parent;
        if (type) total += costOf(s.selectionSet, type, seen);
      } else if (s.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[s.name.value];
        if (!fragment || seen.has(s.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined;
        if (type) total += costOf(fragment.selectionSet, type, new Set([...seen, s.name.value]));
      } else {
        const field: GraphQLField<unknown, unknown> | undefined =
          isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[s.name.value] : undefined;
        if (!field) {
          total += 1;
          continue;
        }
        const items = itemCount(s.arguments ?? [], isListType(getNullableType(field.type)), variables);
        const named = getNamedType(field.type);
        const childCost = s.selectionSet && isCompositeType(named) ? costOf(s.selectionSet, named, seen) : 0;
        total += items * (1 + childCost);
      }
    }
    return total;
  };

  return costOf(operation.selectionSet, root, new Set());
}
