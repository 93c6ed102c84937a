import { describe, expect, it } from 'vitest';
import { addMember, removeMember, sameMembers, setIncludeChildren } from './role-members.js';

describe('role members', () => {
  it('adds users and departments once each', () => {
    let m = addMember([], { userId: 'u1' });
    m = addMember(m, { deptId: 'd1', includeChildren: true });
    m = addMember(m, { userId: 'u1' });
    expect(m).toEqual([{ userId: 'u1' }, { deptId: 'd1', includeChildren: true }]);
    expect(addMember(m, { deptId: 'd1', includeChildren: false })[1]).toEqual({ deptId: 'd1', includeChildren: false });
  });

  it('removes and switches sub-departments', () => {
    const m = [{ userId: 'u1' }, { deptId: 'd1', includeChildren: true }] as const;
    expect(removeMember(m, { userId: 'u1' })).toEqual([{ deptId: 'd1', includeChildren: true }]);
    expect(setIncludeChildren(m, 'd1', false)[1]).toEqual({ deptId: 'd1', includeChildren: false });
  });

  it('compares as sets', () => {
    expect(sameMembers([{ userId: 'a' }, { userId: 'b' }], [{ userId: 'b' }, { userId: 'a' }])).toBe(true);
    expect(sameMembers([{ deptId: 'd', includeChildren: true }], [{ deptId: 'd', includeChildren: false }])).toBe(false);
  });
});
