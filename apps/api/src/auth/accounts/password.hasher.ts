import { Injectable } from '@nestjs/common';
import { hash, verify } from 'argon2';

/** argon2id password hashes. */
@Injectable()
export class PasswordHasher {
  /** Verified against when there is no account, so a wrong username takes as long as a wrong password. */
  private dummyHash: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return hash(password);
  }

  /** Whether the password matches; with no hash (unknown or disabled account) it spends the same time and says no. */
  async matches(passwordHash: string | undefined, password: string): Promise<boolean> {
    this.dummyHash ??= hash('tongke-dummy-password');
    const against = passwordHash ?? (await this.dummyHash);
    const ok = await verify(against, password).catch(() => false);
    return ok && passwordHash !== undefined;
  }
}
