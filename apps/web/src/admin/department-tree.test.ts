import { describe, expect, it } from 'vitest';
import { buildDepartmentTree, departmentOptions, departmentPath, subtreeIds, treeKey, visibleRows, type Department } from './department-tree.js';

const dept = (id: string, parentId: string | null, sort = 0, name = id.toUpperCase()): Department => ({ id, parentId, name, sort, managerIds: [], memberCount: 0, version: 1 });

// hq ─┬─ sales ─┬─ east
//     │         └─ west
//     └─ it
const items = [dept('west', 'sales', 2), dept('east', 'sales', 1), dept('it', 'hq', 2), dept('sales', 'hq', 1), dept('hq', null)];

describe('department tree', () => {
  it('builds the tree ordered by sort, with depths', () => {
    const tree = buildDepartmentTree(items);
    expect(tree.map((n) => n.dept.id)).toEqual(['hq']);
    expect(tree[0]!.children.map((n) => n.dept.id)).toEqual(['sales', 'it']);
    expect(tree[0]!.children[0]!.children.map((n) => [n.dept.id, n.depth])).toEqual([['east', 2], ['west', 2]]);
  });

  it('shows orphans and departments in a cycle as roots instead of hiding them', () => {
    const tree = buildDepartmentTree([dept('a', 'missing'), dept('x', 'y'), dept('y', 'x')]);
    expect(tree.map((n) => n.dept.id)).toEqual(['a', 'x']);
    const all = departmentOptions([dept('a', 'missing'), dept('x', 'y'), dept('y', 'x')]).map((o) => o.dept.id).sort();
    expect(all).toEqual(['a', 'x', 'y']);
  });

  it('lists visible rows with their position among siblings', () => {
    const tree = buildDepartmentTree(items);
    expect(visibleRows(tree, new Set()).map((r) => r.node.dept.id)).toEqual(['hq']);
    const rows = visibleRows(tree, new Set(['hq', 'sales']));
    expect(rows.map((r) => r.node.dept.id)).toEqual(['hq', 'sales', 'east', 'west', 'it']);
    expect(rows.find((r) => r.node.dept.id === 'it')).toMatchObject({ parentId: 'hq', posInSet: 2, setSize: 2 });
  });

  it('moves through the tree with the WAI-ARIA keys', () => {
    const tree = buildDepartmentTree(items);
    const closed = new Set<string>();
    expect(treeKey(visibleRows(tree, closed), closed, 'hq', 'ArrowRight')).toEqual({ expand: 'hq' });
    const open = new Set(['hq']);
    const rows = visibleRows(tree, open);
    expect(treeKey(rows, open, 'hq', 'ArrowRight')).toEqual({ focus: 'sales' });
    expect(treeKey(rows, open, 'sales', 'ArrowDown')).toEqual({ focus: 'it' });
    expect(treeKey(rows, open, 'it', 'ArrowDown')).toBeNull();
    expect(treeKey(rows, open, 'it', 'ArrowLeft')).toEqual({ focus: 'hq' });
    expect(treeKey(rows, open, 'hq', 'ArrowLeft')).toEqual({ collapse: 'hq' });
    expect(treeKey(rows, open, 'it', 'Home')).toEqual({ focus: 'hq' });
    expect(treeKey(rows, open, 'hq', 'End')).toEqual({ focus: 'it' });
    expect(treeKey(rows, open, 'it', 'ArrowRight')).toBeNull();
    expect(treeKey(rows, open, 'hq', 'a')).toBeNull();
  });

  it('a move cannot choose the department itself or anything below it', () => {
    expect([...subtreeIds(items, 'sales')].sort()).toEqual(['east', 'sales', 'west']);
    expect([...subtreeIds(items, 'it')]).toEqual(['it']);
  });

  it('names a department by its path', () => {
    expect(departmentPath(items, 'east')).toBe('HQ / SALES / EAST');
    expect(departmentPath(items, 'nope')).toBe('nope');
    expect(departmentOptions(items).map((o) => `${o.depth}${o.dept.id}`)).toEqual(['0hq', '1sales', '2east', '2west', '1it']);
  });
});
