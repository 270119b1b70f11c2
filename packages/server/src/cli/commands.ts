import { isRole, ROLES } from '@openhtm/domain';
import pino from 'pino';
import type { Config } from '../config.ts';
import type { Databases } from '../db/connection.ts';
import { migrateDown, migrateToLatest } from '../db/migrate.ts';
import { openDatabase } from '../db/open.ts';
import { withTenant } from '../db/tenant-context.ts';
import { AppError } from '../http/errors.ts';
import { loadDemo } from '../modules/demo/load-demo.ts';
import { importDevicesCommand } from '../modules/device-import/cli.ts';
import { fdaClassificationCommand } from '../modules/fda/cli.ts';
import { gudidImportCommand } from '../modules/gudid/cli.ts';
import { createTenant, tenantBySlug } from '../modules/tenants/service.ts';
import { udiParseCommand } from '../modules/udi/cli.ts';
import { createUser } from '../modules/users/service.ts';
import { startServer } from '../server.ts';

export interface CommandInput {
  config: Config;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export interface Command {
  summary: string;
  usage: string;
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  run(input: CommandInput): Promise<number | void>;
}

const out = (line: string) => process.stdout.write(line + '\n');

/** Opens the database for a one-off command: migrated, and closed (embedded server stopped) afterwards. */
export async function withDatabase<T>(config: Config, work: (db: Databases) => Promise<T>): Promise<T> {
  const log = pino({ level: config.logLevel === 'debug' ? 'debug' : 'warn' });
  const database = await openDatabase(config, log, { adoptLive: false, appPoolSize: 4 });
  try {
    await migrateToLatest(database.databases.owner);
    return await work(database.databases);
  } finally {
    await database.close();
  }
}

function required(values: CommandInput['values'], name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new AppError('validation', `--${name} is required`);
  return value.trim();
}

export const COMMANDS: Record<string, Command> = {
  start: {
    summary: 'Start the server (builds the web app if needed)',
    usage: '',
    options: {},
    run: async ({ config }) => {
      await startServer(config);
      return new Promise<number>(() => undefined);
    },
  },
  migrate: {
    summary: 'Apply pending migrations (--down reverts the last one)',
    usage: '[--down]',
    options: { down: { type: 'boolean' } },
    run: async ({ config, values }) => {
      const log = pino({ level: 'warn' });
      const database = await openDatabase(config, log, { adoptLive: false, appPoolSize: 1 });
      try {
        const names = values.down ? await migrateDown(database.databases.owner) : await migrateToLatest(database.databases.owner);
        out(names.length ? `${values.down ? 'reverted' : 'applied'}: ${names.join(', ')}` : 'database is up to date');
      } finally {
        await database.close();
      }
    },
  },
  'tenant create': {
    summary: 'Create a tenant (an organisation)',
    usage: '--slug SLUG --name NAME',
    options: { slug: { type: 'string' }, name: { type: 'string' } },
    run: async ({ config, values }) => {
      const slug = required(values, 'slug');
      const name = required(values, 'name');
      const tenant = await withDatabase(config, (db) => createTenant(db.owner, { slug, name }));
      out(`tenant ${tenant.slug} created (id ${tenant.id})`);
    },
  },
  'user create': {
    summary: 'Create a user in a tenant',
    usage: `--tenant SLUG --email E --password P --role (${ROLES.join('|')}) [--name NAME]`,
    options: { tenant: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
    run: async ({ config, values }) => {
      const slug = required(values, 'tenant');
      const email = required(values, 'email');
      const password = required(values, 'password');
      const role = required(values, 'role');
      if (!isRole(role)) throw new AppError('validation', `--role must be one of ${ROLES.join(', ')}`);
      if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new AppError('validation', '--email is not an e-mail address');
      const user = await withDatabase(config, async (db) => {
        const tenant = await tenantBySlug(db.owner, slug);
        return withTenant(db.app, { tenantId: tenant.id, actor: 'cli' }, (trx) =>
          createUser(trx, tenant.id, { email, password, role, displayName: typeof values.name === 'string' ? values.name : email.split('@')[0]! }),
        );
      });
      out(`user ${user.email} (${user.role}) created in ${slug}`);
    },
  },
  demo: {
    summary: 'Load the demo health system (--devices N scales it for benchmarks)',
    usage: '[--devices N]',
    options: { devices: { type: 'string' } },
    run: async ({ config, values }) => {
      const devices = values.devices === undefined ? undefined : Number(values.devices);
      if (devices !== undefined && (!Number.isInteger(devices) || devices < 0)) throw new AppError('validation', '--devices must be a whole number');
      const loaded = await withDatabase(config, (db) => loadDemo(db, { devices, log: out }));
      if (!loaded) {
        out('the demo tenant exists already; nothing loaded');
        return 1;
      }
    },
  },
  'import fda-classification': {
    summary: 'Load the FDA product classification (foiclass.txt: pipe-delimited, cp1252) shared by all tenants',
    usage: 'FILE',
    options: {},
    run: ({ config, positionals }) => withDatabase(config, (db) => fdaClassificationCommand(db, positionals[0], out)),
  },
  'import gudid': {
    summary: "Import FDA GUDID device records (zip of XML) into a tenant's model catalog",
    usage: 'FILE --tenant SLUG [--dry-run] [--json]',
    options: { tenant: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    run: ({ config, values, positionals }) =>
      withDatabase(config, (db) =>
        gudidImportCommand(db, { file: positionals[0], tenant: required(values, 'tenant'), dryRun: values['dry-run'] === true, json: values.json === true }, out),
      ),
  },
  'import devices': {
    summary: 'Import devices from a CSV or XLSX file into a tenant (prints every problem by line and column)',
    usage: 'FILE --tenant SLUG [--dry-run] [--mapping MAPPING.json] [--skip-rows-with-errors]',
    options: { tenant: { type: 'string' }, 'dry-run': { type: 'boolean' }, mapping: { type: 'string' }, 'skip-rows-with-errors': { type: 'boolean' } },
    run: ({ config, values, positionals }) =>
      withDatabase(config, (db) =>
        importDevicesCommand(db, config, {
          file: positionals[0],
          tenant: required(values, 'tenant'),
          dryRun: values['dry-run'] === true,
          mappingFile: typeof values.mapping === 'string' ? values.mapping : undefined,
          skipRowsWithErrors: values['skip-rows-with-errors'] === true,
        }, out),
      ),
  },
  'udi parse': {
    summary: "Parse a scanned UDI (GS1, HIBCC, ICCBBA) and list every problem; the GS separator may be typed as \\x1d or <GS>",
    usage: 'TEXT [--json]',
    options: { json: { type: 'boolean' } },
    run: async ({ values, positionals }) => udiParseCommand(positionals[0], { json: values.json === true }, out),
  },
};
