/// <reference types="node" />
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder (this file is in test-support/). */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The folder of real-world fixtures (public data nobody here wrote): HTM_FIXTURES_DIR when set, else the nearest
 * `shared/fixtures` beside the project or beside one of the folders above it (the workplace keeps it at
 * ../shared/fixtures; a clone in a folder of its own finds it further up). A test file that needs the fixtures fails
 * at once, saying how to point at them, when there are none: never skipped, never green without them.
 */
function findFixtures(): string {
  const given = process.env.HTM_FIXTURES_DIR;
  if (given) return path.resolve(given);
  for (let dir = path.dirname(ROOT); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'fixtures');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`No shared/fixtures folder beside ${ROOT} or above it: clone the project next to shared/, or set HTM_FIXTURES_DIR`);
}

export const FIXTURES_DIR = findFixtures();

/** A fixture file's path, e.g. fixturePath('fda/foiclass-2020.txt'). */
export const fixturePath = (relative: string) => path.join(FIXTURES_DIR, relative);
