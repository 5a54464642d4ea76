/** Shared by the app-runs tests: the index requirement and a free loopback port. */
import { createServer } from 'node:net';
import type { TestContext } from 'vitest';
import { requireOrSkip } from './require.ts';

/** Skips with the reason when PyPI cannot be reached (`unreachable`), or fails under CI where it must be. */
export function requireIndex(ctx: TestContext, unreachable: string | undefined): void {
  requireOrSkip(ctx, unreachable, 'the real PyPI index');
}

/** An unused loopback port (bound then released; the app binds it right after). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
