import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../cli-args.js';
import type { CliIo } from '../cli-io.js';
import { openCliStore } from '../open-cli-store.js';
import { runCli } from '../run-cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trellis-cli-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('trellis cleanup-files', () => {
  it('parses --files and TRELLIS_FILES', () => {
    expect(parseCliArgs(['cleanup-files'], {})).toEqual({ kind: 'cleanup-files', dataDir: './data' });
    expect(parseCliArgs(['start', '--files', '/srv/files'], {})).toMatchObject({ kind: 'start', filesDir: '/srv/files' });
    expect(parseCliArgs(['migrate'], { TRELLIS_FILES: '/x' })).toMatchObject({ filesDir: '/x' });
  });

  it('removes unattached files older than 24 hours from the files directory and says how many', async () => {
    const stdout: string[] = [];
    const io: CliIo = { out: (s) => void stdout.push(s), err: () => undefined };
    const filesDir = join(dir, 'uploads');
    const store = await openCliStore({ dataDir: join(dir, 'data'), filesDir }, io);
    const old = await store.files.upload({ app: 'a', form: 'f', fieldId: 'x', name: 'a.txt', type: 'text/plain', createdBy: null }, [Buffer.from('x')], { maxBytes: 10 });
    await store.db.updateTable('trellis.files' as never).set({ created_at: '2000-01-01T00:00:00Z' } as never).where('id' as never, '=', old.id as never).execute();
    const fresh = await store.files.upload({ app: 'a', form: 'f', fieldId: 'x', name: 'b.txt', type: 'text/plain', createdBy: null }, [Buffer.from('y')], { maxBytes: 10 });
    await store.close();
    const blob = (id: string) => join(filesDir, id.slice(0, 2), id);
    expect(existsSync(blob(old.id))).toBe(true);

    expect(await runCli(['cleanup-files', '--data', join(dir, 'data'), '--files', filesDir], {}, io)).toEqual({ exitCode: 0 });
    expect(stdout.at(-1)).toMatch(/^Removed 1 unattached file older than 24 hours/);
    expect(existsSync(blob(old.id))).toBe(false);
    expect(existsSync(blob(fresh.id))).toBe(true);
  }, 120_000); // opens an on-disk PGlite twice
});
