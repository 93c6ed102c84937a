import type { RoleMember } from './admin-api.js';

/**
 * A stable key of a member (`user:<id>` / `dept:<id>`): one user or department is a member once.
 *
 * @example memberKey({ userId: 'u1' }) // 'user:u1'
 */
export function memberKey(m: RoleMember): string {
  return 'userId' in m ? `user:${m.userId}` : `dept:${m.deptId}`;
}

/**
 * Adds a member unless it is one already (a department added again takes the new
 * "include sub-departments" choice).
 *
 * @example addMember([], { userId: 'u1' }) // [{ userId: 'u1' }]
 */
export function addMember(members: readonly RoleMember[], member: RoleMember): RoleMember[] {
  const key = memberKey(member);
  const at = members.findIndex((m) => memberKey(m) === key);
  if (at < 0) return [...members, member];
  return members.map((m, i) => (i === at ? member : m));
}

/**
 * Removes a member.
 *
 * @example removeMember([{ userId: 'a' }], { userId: 'a' }) // []
 */
export function removeMember(members: readonly RoleMember[], member: RoleMember): RoleMember[] {
  const key = memberKey(member);
  return members.filter((m) => memberKey(m) !== key);
}

/**
 * Switches "include sub-departments" of a department member.
 *
 * @example setIncludeChildren([{ deptId: 'd', includeChildren: true }], 'd', false) // [{ deptId: 'd', includeChildren: false }]
 */
export function setIncludeChildren(members: readonly RoleMember[], deptId: string, includeChildren: boolean): RoleMember[] {
  return members.map((m) => ('deptId' in m && m.deptId === deptId ? { deptId, includeChildren } : m));
}

/**
 * Whether two member lists are the same set.
 *
 * @example sameMembers([{ userId: 'a' }], [{ userId: 'a' }]) // true
 */
export function sameMembers(a: readonly RoleMember[], b: readonly RoleMember[]): boolean {
  const canon = (list: readonly RoleMember[]) => list.map((m) => `${memberKey(m)}:${'deptId' in m ? m.includeChildren : ''}`).sort().join('|');
  return canon(a) === canon(b);
}
