import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.js';

const usageError = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected a usage error');
};

describe('parseCliArgs', () => {
  it('starts on 127.0.0.1:3000 with ./data by default', () => {
    expect(parseCliArgs(['start'], {})).toEqual({ kind: 'start', port: 3000, host: '127.0.0.1', dataDir: './data' });
  });

  it('takes the port and data directory from PORT and TRELLIS_DATA, and flags over both', () => {
    expect(parseCliArgs(['start'], { PORT: '8080', TRELLIS_DATA: '/var/trellis' })).toMatchObject({ port: 8080, dataDir: '/var/trellis' });
    expect(parseCliArgs(['start', '--port', '9000', '--data', 'x', '--host', '0.0.0.0'], { PORT: '8080', TRELLIS_DATA: '/y' }))
      .toMatchObject({ port: 9000, dataDir: 'x', host: '0.0.0.0' });
    expect(parseCliArgs(['start', '-p', '0'], {})).toMatchObject({ port: 0 });
  });

  it('passes DATABASE_URL through when set and ignores it when empty', () => {
    expect(parseCliArgs(['migrate'], { DATABASE_URL: 'postgres://h/db' })).toEqual({ kind: 'migrate', dataDir: './data', databaseUrl: 'postgres://h/db' });
    expect(parseCliArgs(['migrate'], { DATABASE_URL: '' })).toEqual({ kind: 'migrate', dataDir: './data' });
  });

  it('parses import with --dry-run and export with and without a file', () => {
    expect(parseCliArgs(['import', 'crm.json', '--dry-run'], {})).toMatchObject({ kind: 'import', file: 'crm.json', dryRun: true });
    expect(parseCliArgs(['export', 'crm'], {})).toEqual({ kind: 'export', app: 'crm', dataDir: './data' });
    expect(parseCliArgs(['export', 'crm', 'out.json'], {})).toMatchObject({ app: 'crm', file: 'out.json' });
  });

  it('takes the public-form rate limit from --public-rate-limit or TRELLIS_PUBLIC_RATE_LIMIT (flag wins)', () => {
    expect(parseCliArgs(['start', '--public-rate-limit', '5/10'], {})).toMatchObject({ publicRateLimit: { max: 5, windowMs: 10_000 } });
    expect(parseCliArgs(['start'], { TRELLIS_PUBLIC_RATE_LIMIT: '100/3600' })).toMatchObject({ publicRateLimit: { max: 100, windowMs: 3_600_000 } });
    expect(parseCliArgs(['start', '--public-rate-limit', '7/60'], { TRELLIS_PUBLIC_RATE_LIMIT: '100/3600' })).toMatchObject({ publicRateLimit: { max: 7 } });
    expect(parseCliArgs(['start'], { TRELLIS_PUBLIC_RATE_LIMIT: '' })).not.toHaveProperty('publicRateLimit');
  });

  it('answers help for no command, help, or --help', () => {
    for (const argv of [[], ['help'], ['start', '--help'], ['-h']]) expect(parseCliArgs(argv, {})).toEqual({ kind: 'help' });
    expect(parseCliArgs(['--version'], {})).toEqual({ kind: 'version' });
  });

  it('refuses unknown commands, unknown options, bad ports and wrong argument counts with CLI_USAGE', () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['strat'], {}, /unknown command 'strat'/],
      [['start', '--prot', '1'], {}, /--prot/],
      [['start', '--port', 'abc'], {}, /--port must be a port number/],
      [['start', '--port', '70000'], {}, /--port must be a port number/],
      [['start'], { PORT: 'eighty' }, /PORT must be a port number/],
      [['import'], {}, /takes one FILE, got 0/],
      [['export'], {}, /takes APP and an optional FILE/],
      [['export', 'a', 'b', 'c'], {}, /got 3 arguments/],
      [['migrate', '--port', '1'], {}, /'migrate' does not take --port/],
      [['export', 'crm', '--dry-run'], {}, /does not take --dry-run/],
      [['start', '--public-rate-limit', '20'], {}, /--public-rate-limit must be REQUESTS\/SECONDS/],
      [['start', '--public-rate-limit', '0/60'], {}, /--public-rate-limit must be/],
      [['start'], { TRELLIS_PUBLIC_RATE_LIMIT: '20/0' }, /TRELLIS_PUBLIC_RATE_LIMIT must be/],
      [['import', 'x.json', '--public-rate-limit', '1/1'], {}, /does not take --public-rate-limit/],
    ];
    for (const [argv, env, message] of cases) {
      const e = usageError(() => parseCliArgs(argv, env));
      expect(e.code).toBe('CLI_USAGE');
      expect(e.message).toMatch(message);
      expect(e.message).toContain("run 'trellis help'");
    }
  });
});
