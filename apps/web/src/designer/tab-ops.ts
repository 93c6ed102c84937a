import type { AppPackage, LayoutNode, LayoutTab, LayoutTabs, LocalizedText } from '@trellis/schema';
import { normalizedNodes, withForm } from './draft-ops.js';

/**
 * Draft operations on tab groups: pure functions from package to package, applied through
 * the designer store so undo/redo cover them. A group is addressed by its index among the
 * form's layout nodes, a tab by its index in the group.
 */

const emptyTab = (title: LocalizedText): LayoutTab => ({ title, sections: [{ kind: 'section', columns: 1, fields: [] }] });

function editGroup(pkg: AppPackage, formKey: string, group: number, change: (g: LayoutTabs, nodes: LayoutNode[]) => LayoutNode[] | LayoutTabs): AppPackage {
  return withForm(pkg, formKey, (form) => {
    const nodes = normalizedNodes(form);
    const g = nodes[group];
    if (g?.kind !== 'tabs') return form;
    const out = change(g, nodes);
    if (Array.isArray(out)) return { ...form, layout: out };
    nodes[group] = out as LayoutTabs;
    return { ...form, layout: nodes };
  });
}

/** Adds a tab group at the end of the form with tabs of the given titles (each with one empty section). */
export function addTabGroup(pkg: AppPackage, formKey: string, titles: readonly LocalizedText[]): AppPackage {
  return withForm(pkg, formKey, (form) => ({ ...form, layout: [...normalizedNodes(form), { kind: 'tabs', tabs: titles.map(emptyTab) }] }));
}

/** Adds a tab (with one empty section) at the end of a group. */
export function addTab(pkg: AppPackage, formKey: string, group: number, title: LocalizedText): AppPackage {
  return editGroup(pkg, formKey, group, (g) => ({ ...g, tabs: [...g.tabs, emptyTab(title)] }));
}

/** Renames a tab. */
export function renameTab(pkg: AppPackage, formKey: string, group: number, tab: number, title: LocalizedText): AppPackage {
  return editGroup(pkg, formKey, group, (g) => ({ ...g, tabs: g.tabs.map((t, i) => (i === tab ? { ...t, title } : t)) }));
}

/** Moves a tab one place left (-1) or right (+1); nothing at the ends. */
export function moveTab(pkg: AppPackage, formKey: string, group: number, tab: number, delta: -1 | 1): AppPackage {
  return editGroup(pkg, formKey, group, (g) => {
    const to = tab + delta;
    if (g.tabs[tab] === undefined || to < 0 || to >= g.tabs.length) return g;
    const tabs = [...g.tabs];
    [tabs[tab], tabs[to]] = [tabs[to]!, tabs[tab]!];
    return { ...g, tabs };
  });
}

/**
 * Removes a tab; its sections (and their fields) join the tab before it (the one after it
 * for the first tab). Removing the only tab removes the group, whose sections stay in its
 * place as plain sections — no field ever leaves the layout.
 */
export function removeTab(pkg: AppPackage, formKey: string, group: number, tab: number): AppPackage {
  return editGroup(pkg, formKey, group, (g, nodes) => {
    const gone = g.tabs[tab];
    if (gone === undefined) return g;
    if (g.tabs.length === 1) return ungroup(nodes, group, g);
    const into = tab === 0 ? 1 : tab - 1;
    const tabs = g.tabs.map((t, i) => (i === into ? { ...t, sections: tab === 0 ? [...gone.sections, ...t.sections] : [...t.sections, ...gone.sections] } : t)).filter((_, i) => i !== tab);
    return { ...g, tabs };
  });
}

/** Dissolves a tab group: its sections, tab by tab, take its place as plain sections. */
export function removeTabGroup(pkg: AppPackage, formKey: string, group: number): AppPackage {
  return editGroup(pkg, formKey, group, (g, nodes) => ungroup(nodes, group, g));
}

function ungroup(nodes: readonly LayoutNode[], group: number, g: LayoutTabs): LayoutNode[] {
  const sections = g.tabs.flatMap((t) => t.sections);
  const out = [...nodes.slice(0, group), ...sections, ...nodes.slice(group + 1)];
  return out.length === 0 ? [{ kind: 'section', columns: 1, fields: [] }] : out;
}

/** The designer section number (see `flattenNodes`) of the first section of each layout node, and of each tab's sections. */
export function sectionNumbers(nodes: readonly LayoutNode[]): { node: number; first: number; tabs?: number[] }[] {
  let n = 0;
  return nodes.map((node, i) => {
    if (node.kind !== 'tabs') return { node: i, first: n++ };
    const first = n;
    const tabs = node.tabs.map((t) => {
      const at = n;
      n += t.sections.length;
      return at;
    });
    return { node: i, first, tabs };
  });
}
