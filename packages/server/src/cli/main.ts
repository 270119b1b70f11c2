import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig, type Config } from '../config.ts';
import { AppError } from '../http/errors.ts';
import { COMMANDS, type Command } from './commands.ts';

function usage(): string {
  const lines = ['Usage: htm <command> [options]', '', 'Commands:'];
  for (const [name, command] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(28)} ${command.summary}`);
  lines.push('', 'Configuration comes from the environment: PORT, DATABASE_URL, HTM_DATA_DIR (see README).');
  return lines.join('\n');
}

function findCommand(argv: string[]): { name: string; command: Command; rest: string[] } | null {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const command = COMMANDS[name];
    if (command) return { name, command, rest: argv.slice(words) };
  }
  return null;
}

function describe(error: unknown): string {
  if (error instanceof AppError) {
    const fields = error.fields.map((f) => `\n  ${f.path}: ${f.message}`).join('');
    return `${error.message}${fields}`;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Runs one `htm` command; returns the process exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(usage() + '\n');
    return argv.length === 0 ? 1 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    process.stderr.write(`htm: unknown command "${argv.slice(0, 2).join(' ')}"\n\n${usage()}\n`);
    return 2;
  }
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: found.rest, options: found.command.options as ParseArgsConfig['options'], allowPositionals: true, strict: true }) as {
      values: Record<string, string | boolean | undefined>;
      positionals: string[];
    });
  } catch (error) {
    process.stderr.write(`htm ${found.name}: ${describe(error)}\n  usage: htm ${found.name} ${found.command.usage}\n`);
    return 2;
  }
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    process.stderr.write(`htm: ${describe(error)}\n`);
    return 2;
  }
  try {
    return (await found.command.run({ config, values, positionals })) ?? 0;
  } catch (error) {
    process.stderr.write(`htm ${found.name}: ${describe(error)}\n`);
    if (!(error instanceof AppError) && env.LOG_LEVEL === 'debug' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
