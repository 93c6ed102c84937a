/** A department as `GET /api/departments` lists it. */
export interface Department {
  readonly id: string;
  readonly parentId: string | null;
  readonly name: string;
  readonly sort: number;
  readonly managerIds: readonly string[];
  readonly memberCount: number;
  readonly version: number;
}

/** A department with its children, ordered by `sort` then name. */
export interface DepartmentNode {
  readonly dept: Department;
  readonly depth: number;
  readonly children: readonly DepartmentNode[];
}

const byOrder = (a: Department, b: Department): number => a.sort - b.sort || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/**
 * Builds the department tree from the flat list. A department whose parent is missing (or
 * that sits in a cycle) becomes a root, so nothing the server sends is ever hidden.
 *
 * @example buildDepartmentTree([{ id: 'a', parentId: null, … }, { id: 'b', parentId: 'a', … }])[0].children[0].dept.id // 'b'
 */
export function buildDepartmentTree(items: readonly Department[]): DepartmentNode[] {
  const ids = new Set(items.map((d) => d.id));
  const children = new Map<string | null, Department[]>();
  for (const d of items) {
    const parent = d.parentId !== null && ids.has(d.parentId) && d.parentId !== d.id ? d.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), d]);
  }
  const seen = new Set<string>();
  const build = (d: Department, depth: number): DepartmentNode => {
    seen.add(d.id);
    const kids = (children.get(d.id) ?? []).filter((c) => !seen.has(c.id)).sort(byOrder);
    return { dept: d, depth, children: kids.map((c) => build(c, depth + 1)) };
  };
  const roots = (children.get(null) ?? []).sort(byOrder).map((d) => build(d, 0));
  // departments in a parent cycle never hang below a root: show them as roots
  for (const d of [...items].sort(byOrder)) if (!seen.has(d.id)) roots.push(build(d, 0));
  return roots;
}

/** One visible row of the tree view, in screen order. */
export interface VisibleRow {
  readonly node: DepartmentNode;
  readonly parentId: string | null;
  /** 1-based position among its siblings, and the number of siblings (aria-posinset / setsize). */
  readonly posInSet: number;
  readonly setSize: number;
}

/**
 * The rows a tree view shows: every root, and the children of expanded nodes, depth first.
 *
 * @example visibleRows(tree, new Set(['a'])).map((r) => r.node.dept.id) // ['a', 'b', 'c']
 */
export function visibleRows(tree: readonly DepartmentNode[], expanded: ReadonlySet<string>): VisibleRow[] {
  const out: VisibleRow[] = [];
  const walk = (nodes: readonly DepartmentNode[], parentId: string | null) => {
    nodes.forEach((node, i) => {
      out.push({ node, parentId, posInSet: i + 1, setSize: nodes.length });
      if (expanded.has(node.dept.id)) walk(node.children, node.dept.id);
    });
  };
  walk(tree, null);
  return out;
}

/** A key of the WAI-ARIA tree view pattern, and what the tree does with it. */
export type TreeMove = { readonly focus: string } | { readonly expand: string } | { readonly collapse: string } | null;

/**
 * What a key press does in the tree (WAI-ARIA tree view): ↑/↓ move between visible rows,
 * → expands a closed node or moves to its first child, ← collapses an open node or moves to
 * its parent, Home/End jump to the first/last row. `null`: the key is not the tree's.
 *
 * @example treeKey(rows, expanded, 'a', 'ArrowRight') // { expand: 'a' } when a has children and is closed
 */
export function treeKey(rows: readonly VisibleRow[], expanded: ReadonlySet<string>, current: string, key: string): TreeMove {
  const index = rows.findIndex((r) => r.node.dept.id === current);
  if (index < 0) return rows[0] ? { focus: rows[0].node.dept.id } : null;
  const row = rows[index]!;
  const hasChildren = row.node.children.length > 0;
  switch (key) {
    case 'ArrowDown':
      return rows[index + 1] ? { focus: rows[index + 1]!.node.dept.id } : null;
    case 'ArrowUp':
      return index > 0 ? { focus: rows[index - 1]!.node.dept.id } : null;
    case 'ArrowRight':
      if (!hasChildren) return null;
      return expanded.has(current) ? { focus: row.node.children[0]!.dept.id } : { expand: current };
    case 'ArrowLeft':
      if (hasChildren && expanded.has(current)) return { collapse: current };
      return row.parentId !== null ? { focus: row.parentId } : null;
    case 'Home':
      return rows[0] ? { focus: rows[0].node.dept.id } : null;
    case 'End':
      return rows.length > 0 ? { focus: rows[rows.length - 1]!.node.dept.id } : null;
    default:
      return null;
  }
}

/**
 * The ids of a department and every department below it: the parents a move must not choose.
 *
 * @example subtreeIds(items, 'a') // Set { 'a', 'b', … }
 */
export function subtreeIds(items: readonly Department[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of items) {
      if (d.parentId !== null && out.has(d.parentId) && !out.has(d.id)) {
        out.add(d.id);
        grew = true;
      }
    }
  }
  return out;
}

/**
 * The path of a department from its root ("Sales / East"), for pickers and lists.
 *
 * @example departmentPath(items, 'b') // 'Head office / Sales'
 */
export function departmentPath(items: readonly Department[], id: string, separator = ' / '): string {
  const byId = new Map(items.map((d) => [d.id, d]));
  const names: string[] = [];
  const seen = new Set<string>();
  let cur = byId.get(id);
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    names.unshift(cur.name);
    cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
  }
  return names.length > 0 ? names.join(separator) : id;
}

/**
 * Departments in tree order with their depth: the options of a "choose a department" list.
 *
 * @example departmentOptions(items).map((o) => '  '.repeat(o.depth) + o.dept.name)
 */
export function departmentOptions(items: readonly Department[]): { readonly dept: Department; readonly depth: number }[] {
  const out: { dept: Department; depth: number }[] = [];
  const walk = (nodes: readonly DepartmentNode[]) => {
    for (const n of nodes) {
      out.push({ dept: n.dept, depth: n.depth });
      walk(n.children);
    }
  };
  walk(buildDepartmentTree(items));
  return out;
}
