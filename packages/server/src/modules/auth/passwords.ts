import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../http/errors.ts';

// @node-rs/argon2 hashes with argon2id by default (19 MiB memory, 2 passes: the OWASP baseline).
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing anyone knows: verifying against it makes an unknown e-mail cost as much time as a known one. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hash('decoy-password-nobody-has');
  return decoy;
}

export const PASSWORD_MIN_LENGTH = 10;

export function assertPasswordAcceptable(password: string, path = '/body/password'): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new AppError('validation', 'The password is too short', {
      fields: [{ path, message: `must have at least ${PASSWORD_MIN_LENGTH} characters` }],
    });
  }
}
