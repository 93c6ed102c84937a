import { describe, expect, it } from 'vitest';
import { Mutex } from './mutex.js';

describe('Mutex', () => {
  it('lets holders in one at a time, in the order they asked', async () => {
    const mutex = new Mutex();
    const events: string[] = [];
    const hold = async (name: string, ms: number) => {
      const release = await mutex.acquire();
      events.push(`${name} in`);
      await new Promise((r) => setTimeout(r, ms));
      events.push(`${name} out`);
      release();
    };
    await Promise.all([hold('a', 20), hold('b', 1), hold('c', 5)]);
    expect(events).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
  });

  it('ignores a second release of the same holder', async () => {
    const mutex = new Mutex();
    const first = await mutex.acquire();
    first();
    first();
    const second = await mutex.acquire();
    let thirdIn = false;
    const third = mutex.acquire().then((r) => {
      thirdIn = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(thirdIn).toBe(false);
    second();
    (await third)();
    expect(thirdIn).toBe(true);
  });
});
