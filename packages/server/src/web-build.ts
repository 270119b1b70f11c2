import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const WEB_DIR = path.join(ROOT, 'packages/web');
export const WEB_DIST = path.join(WEB_DIR, 'dist');
const STAMP = path.join(WEB_DIST, '.build-stamp');
const INPUTS = [path.join(WEB_DIR, 'src'), path.join(WEB_DIR, 'index.html'), path.join(WEB_DIR, 'vite.config.ts'), path.join(WEB_DIR, 'package.json'), path.join(ROOT, 'packages/domain/src')];

/** Newest modification time and file count of the web app's sources: the build is stale when they change. */
async function sourceFingerprint(): Promise<string> {
  let newest = 0;
  let count = 0;
  const visit = async (entry: string): Promise<void> => {
    const stat = await fs.stat(entry).catch(() => null);
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const child of await fs.readdir(entry)) await visit(path.join(entry, child));
    } else {
      count += 1;
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const input of INPUTS) await visit(input);
  return `${Math.floor(newest)}:${count}`;
}

/** Builds the web app with Vite when the build is missing or older than its sources. */
export async function ensureWebBuild(log: Logger): Promise<string> {
  const fingerprint = await sourceFingerprint();
  const stamp = existsSync(STAMP) ? (await fs.readFile(STAMP, 'utf8')).trim() : null;
  if (stamp === fingerprint && existsSync(path.join(WEB_DIST, 'index.html'))) return WEB_DIST;
  log.info(stamp ? 'web app sources changed; rebuilding it' : 'building the web app (first start)');
  const started = Date.now();
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: WEB_DIR, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the web app build failed (vite exited with ${code})`))));
  });
  await fs.writeFile(STAMP, fingerprint + '\n');
  log.info({ ms: Date.now() - started }, 'web app built');
  return WEB_DIST;
}
