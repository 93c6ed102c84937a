import { describe, expect, it } from 'vitest';
import { addField, emptyApp, removeField } from '../draft-ops.js';
import { createDesignerStore, HISTORY_LIMIT } from './index.js';

const field = (key: string) => ({ id: `f_${key}`, key, type: 'text', label: key });

describe('designer store', () => {
  it('undoes and redoes every change made through apply, and a new change clears redo', () => {
    const store = createDesignerStore();
    const s = () => store.getState();
    s().load('app', emptyApp('app', 'App', 'form', 'Form'), 2);
    s().apply((p) => addField(p, 'form', field('a'), { section: 0 }));
    s().apply((p) => addField(p, 'form', field('b'), { section: 0 }));
    expect(s().draft!.forms[0]!.fields.map((f) => f.key)).toEqual(['a', 'b']);
    expect(s().dirty).toBe(true);
    s().undo();
    expect(s().draft!.forms[0]!.fields.map((f) => f.key)).toEqual(['a']);
    s().undo();
    s().undo();
    expect(s().draft!.forms[0]!.fields).toEqual([]);
    s().redo();
    expect(s().draft!.forms[0]!.fields.map((f) => f.key)).toEqual(['a']);
    s().apply((p) => removeField(p, 'form', 'a'));
    expect(s().future).toEqual([]);
    s().redo();
    expect(s().draft!.forms[0]!.fields).toEqual([]);
  });

  it('ignores changes that change nothing, keeps at most HISTORY_LIMIT steps, and load clears history', () => {
    const store = createDesignerStore();
    const s = () => store.getState();
    s().load('app', emptyApp('app', 'App', 'form', 'Form'), 0);
    s().apply((p) => p);
    expect(s().past).toHaveLength(0);
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) s().apply((p) => addField(p, 'form', field(`f${i}`), { section: 0 }));
    expect(s().past).toHaveLength(HISTORY_LIMIT);
    s().saved(3);
    expect(s()).toMatchObject({ revision: 3, dirty: false });
    s().load('app', emptyApp('app', 'App', 'form', 'Form'), 3);
    expect(s().past).toEqual([]);
  });

  it('joins changes of one merge key within the window into one undo step, and not after it or across keys', () => {
    const store = createDesignerStore();
    const s = () => store.getState();
    s().load('app', addField(emptyApp('app', 'App', 'form', 'Form'), 'form', field('a'), { section: 0 }), 0);
    const label = (text: string) => (p: ReturnType<typeof s>['draft'] & object) => ({ ...p, app: { ...p.app, name: text } });
    s().apply(label('S'), 'label:a', 1000);
    s().apply(label('Su'), 'label:a', 1500);
    s().apply(label('Sub'), 'label:a', 2000);
    expect(s().past).toHaveLength(1);
    s().apply(label('Subj'), 'label:a', 3500); // after the window
    s().apply(label('Other'), 'label:b', 3600); // another key
    expect(s().past).toHaveLength(3);
    s().undo();
    expect(s().draft!.app.name).toBe('Subj');
    s().undo();
    expect(s().draft!.app.name).toBe('Sub');
    s().undo();
    expect(s().draft!.app.name).toBe('App');
  });
});
