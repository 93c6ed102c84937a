import type { ExprType } from './types.js';
import type { OperatorDescriptor } from './operator.js';

/** Fields every node of a checked condition carries. */
interface NodeBase {
  /** JSON pointer of the node inside the rule (`/and/1/==/0`). */
  readonly path: string;
  /** Static type. */
  readonly type: ExprType;
  /** Whether the value may be null (every column may). */
  readonly nullable: boolean;
}

/** A constant: string, number, boolean or null. `type` may be narrowed from `text` to `date`, `datetime` or `uuid` by coercion. */
export interface LiteralNode extends NodeBase {
  readonly kind: 'literal';
  readonly value: string | number | boolean | null;
}

/** An array literal (`["a", "b"]`); `elem` is the common type of its items. */
export interface ArrayNode extends NodeBase {
  readonly kind: 'array';
  readonly items: readonly ExprNode[];
  readonly elem: ExprType;
}

/** A variable: a record field (with an optional JSON path below a json field), `$user.<key>` or `$now`. */
export interface VarNode extends NodeBase {
  readonly kind: 'var';
  readonly source: 'record' | 'user' | 'now';
  /** The name as written (`amount`, `address.city`, `$user.id`). */
  readonly name: string;
  /** Record variables: the key in the record and the column in SQL. `$user` variables: the user property. */
  readonly key: string;
  readonly column: string;
  /** Segments below a json field (`address.city` → `['city']`). */
  readonly subPath: readonly string[];
  /** Value used when the variable is null or absent. */
  readonly fallback?: ExprNode;
}

/** An operation `{ "op": [args…] }`. */
export interface OpNode extends NodeBase {
  readonly kind: 'op';
  readonly op: OperatorDescriptor;
  readonly args: readonly ExprNode[];
}

/** A checked condition tree: what both backends compile. */
export type ExprNode = LiteralNode | ArrayNode | VarNode | OpNode;

/** True when `node` is a literal (optionally of the given static type). */
export function isLiteral(node: ExprNode, type?: ExprType): node is LiteralNode {
  return node.kind === 'literal' && (type === undefined || node.type === type);
}
