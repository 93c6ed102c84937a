import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { buildDepartmentTree, type Department } from './department-tree.js';
import { DepartmentTreeView } from './department-tree-view.js';
import { RecordTabs } from './record-tabs.js';

const dept = (id: string, parentId: string | null, sort = 0): Department => ({ id, parentId, name: id.toUpperCase(), sort, managerIds: [], memberCount: 2, version: 1 });
const tree = buildDepartmentTree([dept('hq', null), dept('sales', 'hq', 1), dept('it', 'hq', 2), dept('east', 'sales')]);

describe('department tree view', () => {
  it('is a WAI-ARIA tree: levels, positions, expanded state and one tab stop', () => {
    const html = renderToStaticMarkup(<DepartmentTreeView tree={tree} expanded={new Set(['hq'])} onExpandedChange={() => undefined} selected="it" onSelect={() => undefined} label="Departments" />);
    expect(html).toContain('role="tree"');
    expect(html.match(/role="treeitem"/g)).toHaveLength(3); // east is inside the closed sales
    expect(html).toMatch(/aria-level="1"[^>]*aria-posinset="1"[^>]*aria-setsize="1"[^>]*aria-expanded="true"/);
    expect(html).toMatch(/aria-level="2"[^>]*aria-posinset="1"[^>]*aria-setsize="2"[^>]*aria-expanded="false"/);
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toMatch(/aria-selected="true" tabindex="0"[^>]*>.*IT/);
  });
});

describe('record tabs', () => {
  it('marks the active tab and links each tab to its panel', () => {
    const html = renderToStaticMarkup(<RecordTabs value="history" onChange={() => undefined} />);
    expect(html).toContain('role="tablist"');
    expect(html).toMatch(/aria-selected="false" aria-controls="record-panel-form" tabindex="-1"/);
    expect(html).toMatch(/aria-selected="true" aria-controls="record-panel-history" tabindex="0"/);
  });
});
