// Validation rule: refuses documents with more aliased fields than the limit (alias fan-out is a cheap DoS).
import type { ASTVisitor, ValidationContext } from 'graphql';
import { LimitError } from '../../errors.js';

export function maxAliasesRule(limit: number) {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    let reported = false;
    return {
      Field(node) {
        if (!node.alias) return;
        count += 1;
        if (count > limit && !reported) {
          reported = true;
          context.reportError(new LimitError('TOO_MANY_ALIASES', `The document uses more than ${limit} aliases; the limit is ${limit}.`, { limit }));
        }
      },
    };
  };
}
