// Validation rule: refuses operations nested deeper than the limit (fragments expanded, introspection included).
import { Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import { LimitError } from '../../errors.js';

export function maxDepthRule(limit: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

    const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!set) return 0;
      let max = 0;
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) max = Math.max(max, s.selectionSet ? 1 + depthOf(s.selectionSet, seen) : 1);
        else if (s.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depthOf(s.selectionSet, seen));
        else if (!seen.has(s.name.value)) {
          // A fragment cycle is reported by graphql-js's own NoFragmentCycles rule; here it only stops the walk.
          max = Math.max(max, depthOf(fragments.get(s.name.value)?.selectionSet, new Set([...seen, s.name.value])));
        }
        if (max > limit) return max;
      }
      return max;
    };

    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > limit) {
          context.reportError(new LimitError('QUERY_TOO_DEEP', `The operation is nested ${depth > limit ? 'more than ' + limit : depth} levels deep; the limit is ${limit}.`, { limit }));
        }
      },
    };
  };
}
