import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crmPackage } from '@trellis/example-crm';
import type { CliIo } from '../cli-io.js';
import { runCli } from '../run-cli.js';
import { exportCommand } from './export-command.js';
import { importCommand } from './import-command.js';
import { migrateCommand } from './migrate-command.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => void stdout.push(s), err: (s) => void stderr.push(s) };
}

/** The CRM package with one more field on its first form (an upgrade). */
function upgradedCrm(): any {
  const pkg = structuredClone(crmPackage) as any;
  pkg.forms[0].fields.push({ id: 'f_cli_note', key: 'cli_note', type: 'text', label: 'Note' });
  return pkg;
}

let dir: string;
let dataDir: string;
const write = (name: string, value: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trellis-cli-'));
  dataDir = join(dir, 'data');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('trellis migrate', () => {
  it('applies the migrations on a new data directory, then reports it is up to date', async () => {
    const first = capture();
    expect((await migrateCommand({ dataDir }, first)).length).toBeGreaterThan(0);
    expect(first.stdout.join('\n')).toMatch(/Applied \d+ migration/);
    const second = capture();
    expect(await migrateCommand({ dataDir }, second)).toEqual([]);
    expect(second.stdout.join('\n')).toContain('up to date');
  });
});

describe('trellis import and export', () => {
  it('installs a package, exports it identical to stdout, and upgrades it after a dry run', async () => {
    const io = capture();
    const installed = await importCommand({ file: write('crm.json', crmPackage), dryRun: false, dataDir }, io);
    expect(installed).toMatchObject({ applied: true, version: 1 });
    expect(io.stdout[0]).toBe(`Installed app '${crmPackage.app.key}' — now at version 1.`);
    expect(io.stdout.some((l) => l.includes('create table'))).toBe(true);

    const exported = capture();
    await exportCommand({ app: crmPackage.app.key, dataDir }, exported);
    expect(JSON.parse(exported.stdout.join(''))).toEqual(crmPackage);

    const next = write('crm-v2.json', upgradedCrm());
    const dry = capture();
    const plan = await importCommand({ file: next, dryRun: true, dataDir }, dry);
    expect(plan).toMatchObject({ dryRun: true, applied: false, version: 2 });
    expect(dry.stdout[0]).toContain('Dry run');
    expect(dry.stdout.some((l) => l.includes("add column") && l.includes("'cli_note'"))).toBe(true);
    const still = capture();
    await exportCommand({ app: crmPackage.app.key, dataDir }, still);
    expect(JSON.parse(still.stdout.join(''))).toEqual(crmPackage);

    const real = capture();
    expect(await importCommand({ file: next, dryRun: false, dataDir }, real)).toMatchObject({ applied: true, version: 2 });
    const file = join(dir, 'out.json');
    await exportCommand({ app: crmPackage.app.key, file, dataDir }, capture());
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(upgradedCrm());
  });

  it('prints every problem of an invalid package, exits 1 and imports nothing', async () => {
    const bad = structuredClone(crmPackage) as any;
    bad.forms[0].fields[0].key = 'x"; drop table';
    bad.app.name = '';
    const io = capture();
    const outcome = await runCli(['import', write('bad.json', bad), '--data', dataDir], {}, io);
    expect(outcome).toEqual({ exitCode: 1 });
    const text = io.stderr.join('\n');
    expect(text).toMatch(/the app package has \d+ problems/);
    expect(text).toContain('/forms/0/fields/0/key');
    expect(text).toContain('/app/name');
    const list = capture();
    expect(await runCli(['export', crmPackage.app.key, '--data', dataDir], {}, list)).toEqual({ exitCode: 1 });
    expect(list.stderr.join('\n')).toContain("app 'crm' does not exist");
  });

  it('reports an unreadable or non-JSON file with exit code 1', async () => {
    const missing = capture();
    expect(await runCli(['import', join(dir, 'nope.json'), '--data', dataDir], {}, missing)).toEqual({ exitCode: 1 });
    expect(missing.stderr[0]).toMatch(/cannot read .*nope\.json.*ENOENT/);
    const broken = capture();
    expect(await runCli(['import', write('broken.json', '{"app": '), '--data', dataDir], {}, broken)).toEqual({ exitCode: 1 });
    expect(broken.stderr[0]).toContain('is not valid JSON');
  });

  it('exits 2 with the usage hint on a wrong command line', async () => {
    const io = capture();
    expect(await runCli(['imprt', 'x.json'], {}, io)).toEqual({ exitCode: 2 });
    expect(io.stderr[0]).toContain("unknown command 'imprt'");
    const help = capture();
    expect(await runCli([], {}, help)).toEqual({ exitCode: 0 });
    expect(help.stdout[0]).toContain('Usage: trellis');
  });

  it('uses TRELLIS_DATA when --data is absent', async () => {
    const io = capture();
    expect(await runCli(['migrate'], { TRELLIS_DATA: dataDir }, io)).toEqual({ exitCode: 0 });
    expect(io.stdout[0]).toContain(dataDir);
  });
});
