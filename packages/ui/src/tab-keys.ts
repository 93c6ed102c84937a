/**
 * The tab a key press moves to in a WAI-ARIA tab list (automatic activation): ArrowRight and
 * ArrowDown go to the next tab, ArrowLeft and ArrowUp to the previous one (both wrap round),
 * Home to the first, End to the last. Undefined for any other key.
 *
 * @example nextTabIndex('ArrowRight', 2, 3) // 0
 */
export function nextTabIndex(key: string, current: number, count: number): number | undefined {
  if (count <= 0) return undefined;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
