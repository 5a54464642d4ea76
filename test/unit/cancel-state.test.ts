/**
 * The process-wide cancellation state behind exits 130, 143 and 129 (src/io/cancel.ts). Each test
 * imports a fresh copy of the module, so no test depends on another having run (or not) before it.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

async function freshCancel(): Promise<typeof import('../../src/io/cancel.ts')> {
  vi.resetModules();
  return import('../../src/io/cancel.ts');
}

describe('cancellation state', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('starts with no signal; Ctrl-C by default, exit 130', async () => {
    const cancel = await freshCancel();
    expect(cancel.isCancelRequested()).toBe(false);
    expect(cancel.signalExitCode()).toBeNull();
    cancel.requestCancel();
    expect(cancel.isCancelRequested()).toBe(true);
    expect(cancel.signalExitCode()).toBe(130);
  });

  it('the first signal decides the exit code (SIGTERM 143, then a Ctrl-C changes nothing)', async () => {
    const cancel = await freshCancel();
    cancel.requestCancel('SIGTERM');
    expect(cancel.signalExitCode()).toBe(143);
    cancel.requestCancel('SIGINT');
    expect(cancel.signalExitCode()).toBe(143);
    expect(cancel.isCancelRequested()).toBe(true);
  });

  it('SIGHUP is exit 129', async () => {
    const cancel = await freshCancel();
    cancel.requestCancel('SIGHUP');
    expect(cancel.signalExitCode()).toBe(129);
  });

  it('writing counts nested write phases and never goes below zero', async () => {
    const cancel = await freshCancel();
    expect(cancel.isWriting()).toBe(false);
    cancel.beginWrite();
    expect(cancel.isWriting()).toBe(true);
    cancel.beginWrite();
    cancel.endWrite();
    expect(cancel.isWriting()).toBe(true);
    cancel.endWrite();
    expect(cancel.isWriting()).toBe(false);
    // An unmatched end (a write that failed before it began) does not eat the next begin.
    cancel.endWrite();
    expect(cancel.isWriting()).toBe(false);
    cancel.beginWrite();
    expect(cancel.isWriting()).toBe(true);
  });

  it('clean-ups run once each, in order, past a failing one; an unregistered one never runs', async () => {
    const cancel = await freshCancel();
    const ran: string[] = [];
    cancel.onCancelCleanup(() => ran.push('first'));
    cancel.onCancelCleanup(() => {
      ran.push('failing');
      throw new Error('rm failed');
    });
    const unregister = cancel.onCancelCleanup(() => ran.push('unregistered'));
    cancel.onCancelCleanup(() => ran.push('last'));
    expect(unregister()).toBe(true);
    cancel.runCancelCleanups();
    expect(ran).toEqual(['first', 'failing', 'last']);
    cancel.runCancelCleanups();
    expect(ran).toEqual(['first', 'failing', 'last']);
  });

  it('a clean-up registered during the run waits for the next one', async () => {
    const cancel = await freshCancel();
    const ran: string[] = [];
    cancel.onCancelCleanup(() => {
      ran.push('outer');
      cancel.onCancelCleanup(() => ran.push('inner'));
    });
    cancel.runCancelCleanups();
    expect(ran).toEqual(['outer']);
    cancel.runCancelCleanups();
    expect(ran).toEqual(['outer', 'inner']);
  });
});
