import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHtm } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let database: TestDatabase;
let env: NodeJS.ProcessEnv;

/** Runs `htm …` in-process against this file's database, capturing what it writes. */
const htm = (...argv: string[]) => runHtm(env, ...argv);

const tenantRow = (slug: string) => database.databases.owner.selectFrom('tenants').selectAll().where('slug', '=', slug).executeTakeFirst();
const users = () => database.databases.owner.selectFrom('users').select(['email', 'role', 'display_name', 'password_hash']).execute();

beforeAll(async () => {
  database = await createTestDatabase();
  env = { DATABASE_URL: database.url, HTM_DATA_DIR: '/tmp/htm-test-data', HTM_PRETTY_LOGS: 'false', LOG_LEVEL: 'warn' };
});
afterAll(() => database.drop());

describe('htm tenant create', () => {
  it('creates a tenant and says so', async () => {
    const result = await htm('tenant', 'create', '--slug', 'northwind', '--name', 'Northwind Health');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/tenant northwind created/);
    expect(await tenantRow('northwind')).toMatchObject({ slug: 'northwind', name: 'Northwind Health' });
  });

  it('refuses a duplicate slug, an invalid slug and a missing name', async () => {
    const duplicate = await htm('tenant', 'create', '--slug', 'northwind', '--name', 'Again');
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toMatch(/northwind.*exists already/);
    expect((await tenantRow('northwind'))?.name).toBe('Northwind Health');

    const invalid = await htm('tenant', 'create', '--slug', 'Not A Slug', '--name', 'X');
    expect(invalid.code).not.toBe(0);
    expect(invalid.stderr).toMatch(/slug/i);

    const missing = await htm('tenant', 'create', '--slug', 'southwind');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/--name is required/);
    expect(await tenantRow('southwind')).toBeUndefined();
  });
});

describe('htm user create', () => {
  const base = { tenant: 'northwind', email: 'ada@northwind.test', password: 'long-enough-pw', role: 'clinical_engineer', name: 'Ada Lovelace' };
  const args = (values: Partial<Record<keyof typeof base, string | undefined>>) =>
    Object.entries({ ...base, ...values }).flatMap(([key, value]) => (value === undefined ? [] : [`--${key}`, value]));

  it('creates a user with an argon2id password hash', async () => {
    const result = await htm('user', 'create', ...args({}));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/user ada@northwind\.test \(clinical_engineer\) created in northwind/);
    const [user] = await users();
    expect(user).toMatchObject({ email: 'ada@northwind.test', role: 'clinical_engineer', display_name: 'Ada Lovelace' });
    expect(user!.password_hash).toMatch(/^\$argon2id\$/);
  });

  it.each([
    ['a bad role', { role: 'wizard' }, /--role must be one of admin, htm_manager/],
    ['a bad e-mail address', { email: 'not-an-email' }, /--email is not an e-mail address/],
    ['a missing --password', { password: undefined }, /--password is required/],
    ['a missing --tenant', { tenant: undefined }, /--tenant is required/],
    ['an unknown tenant', { tenant: 'nowhere' }, /No tenant with slug "nowhere"/],
    ['a short password', { email: 'short@northwind.test', password: 'short' }, /password is too short/],
    ['an e-mail address in use', {}, /Another user has this e-mail address/],
  ])('refuses %s with a clear message and creates nothing', async (_name, values, message) => {
    const before = await users();
    const result = await htm('user', 'create', ...args(values));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^htm user create: /);
    expect(result.stderr).toMatch(message);
    expect(await users()).toEqual(before);
  });
});

describe('htm', () => {
  it('migrate reports the database up to date', async () => {
    const result = await htm('migrate');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/database is up to date/);
  });

  it('answers an unknown command with 2 and the usage', async () => {
    const result = await htm('frobnicate', 'everything');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command "frobnicate everything"/);
    expect(result.stderr).toMatch(/Usage: htm <command>/);
  });

  it('answers an unknown or malformed option with 2 and the command usage', async () => {
    const unknown = await htm('tenant', 'create', '--slug', 'x1', '--name', 'X', '--colour', 'teal');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/colour/);
    expect(unknown.stderr).toMatch(/usage: htm tenant create --slug SLUG --name NAME/);
    expect((await htm('tenant', 'create', '--slug')).code).toBe(2);
    expect(await tenantRow('x1')).toBeUndefined();
  });

  it('answers configuration it cannot read with 2', async () => {
    const saved = env;
    env = { ...env, PORT: 'eighty' };
    try {
      const result = await htm('migrate');
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/PORT must be a non-negative whole number/);
    } finally {
      env = saved;
    }
  });

  it('prints the usage for help, and for nothing at all with a failure code', async () => {
    const help = await htm('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/tenant create/);
    expect((await htm()).code).toBe(1);
  });
});
