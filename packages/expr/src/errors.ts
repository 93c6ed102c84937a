import { defineErrors } from '@trellis/schema';

/**
 * The error codes of `@trellis/expr`. `docs/errors.md` lists them.
 *
 * @example
 * throw ExprErrors.create('EXPR_INVALID', '[expr] the condition has 2 problems; fix them and save again', details);
 */
export const ExprErrors = defineErrors({
  EXPR_INVALID: {
    status: 400,
    description:
      'A condition (json-logic) cannot be compiled: unknown operator, wrong number of arguments, unknown variable or mismatched types; `details` locates each problem with a JSON pointer into the rule.',
  },
});

/** The codes of `ExprErrors`. */
export type ExprErrorCode = keyof typeof ExprErrors.catalogue;
