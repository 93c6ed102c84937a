import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useAdminT } from './admin-messages.js';
import { treeKey, visibleRows, type DepartmentNode } from './department-tree.js';

/** Props of `DepartmentTreeView`. */
export interface DepartmentTreeViewProps {
  readonly tree: readonly DepartmentNode[];
  readonly expanded: ReadonlySet<string>;
  readonly onExpandedChange: (next: ReadonlySet<string>) => void;
  readonly selected: string | null;
  readonly onSelect: (id: string) => void;
  readonly label: string;
}

/**
 * The departments as a WAI-ARIA tree view: one tab stop (the selected row), arrows move and
 * open/close, Enter/Space select, Home/End jump. Rows are flat `treeitem`s with
 * `aria-level`/`aria-posinset`/`aria-setsize`, so screen readers announce the structure.
 */
export function DepartmentTreeView({ tree, expanded, onExpandedChange, selected, onSelect, label }: DepartmentTreeViewProps) {
  const t = useAdminT();
  const rows = useMemo(() => visibleRows(tree, expanded), [tree, expanded]);
  const focusId = rows.some((r) => r.node.dept.id === selected) ? selected : (rows[0]?.node.dept.id ?? null);
  const refs = useRef(new Map<string, HTMLLIElement>());
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    if (pendingFocus.current) {
      refs.current.get(pendingFocus.current)?.focus();
      pendingFocus.current = null;
    }
  });

  const toggle = (id: string) => {
    const next = new Set(expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onExpandedChange(next);
  };

  const onKeyDown = (e: KeyboardEvent, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(id);
      return;
    }
    const move = treeKey(rows, expanded, id, e.key);
    if (!move) return;
    e.preventDefault();
    if ('focus' in move) {
      pendingFocus.current = move.focus;
      onSelect(move.focus);
    } else if ('expand' in move) onExpandedChange(new Set([...expanded, move.expand]));
    else onExpandedChange(new Set([...expanded].filter((x) => x !== move.collapse)));
  };

  return (
    <ul className="admin-tree" role="tree" aria-label={label}>
      {rows.map(({ node, posInSet, setSize }) => {
        const id = node.dept.id;
        const hasChildren = node.children.length > 0;
        const open = expanded.has(id);
        return (
          <li
            key={id}
            ref={(el) => {
              if (el) refs.current.set(id, el);
              else refs.current.delete(id);
            }}
            role="treeitem"
            aria-level={node.depth + 1}
            aria-posinset={posInSet}
            aria-setsize={setSize}
            aria-expanded={hasChildren ? open : undefined}
            aria-selected={selected === id}
            tabIndex={focusId === id ? 0 : -1}
            style={{ paddingLeft: `${0.4 + node.depth * 1.25}rem` }}
            onClick={() => onSelect(id)}
            onKeyDown={(e) => onKeyDown(e, id)}
          >
            <span
              className="admin-tree-toggle"
              aria-hidden="true"
              title={hasChildren ? t(open ? 'collapse' : 'expand') : undefined}
              onClick={(e) => {
                if (!hasChildren) return;
                e.stopPropagation();
                toggle(id);
              }}
            >
              {hasChildren ? (open ? '▾' : '▸') : '·'}
            </span>
            <span>{node.dept.name}</span>
            <span className="admin-tree-count">{node.dept.memberCount}</span>
          </li>
        );
      })}
    </ul>
  );
}
