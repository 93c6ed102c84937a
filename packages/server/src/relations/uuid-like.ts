const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a string has the shape of a (lower-case) uuid. */
export function isUuidLike(value: string): boolean {
  return UUID.test(value);
}
