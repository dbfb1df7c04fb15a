import { userInfo } from 'node:os';

/** Who did it, for decision logs: the OS account (a desktop app has one user at a time). */
export function currentUser(): string {
  try {
    return userInfo().username || 'local user';
  } catch {
    return 'local user';
  }
}
