/**
 * The run's one cancellation channel behind exits 130, 143 and 129 (src/io/cancel.ts). Each test
 * makes its own channel, so no test depends on another having run (or not) before it.
 */
import { describe, expect, it } from 'vitest';
import { createCancellation, signalExitCode } from '../../src/io/cancel.ts';

describe('cancellation channel', () => {
  it('starts with no signal; Ctrl-C by default, exit 130, and the AbortSignal fires with the signal name', () => {
    const cancel = createCancellation();
    expect(cancel.isRequested()).toBe(false);
    expect(cancel.signal.aborted).toBe(false);
    expect(signalExitCode(cancel)).toBeNull();
    cancel.request();
    expect(cancel.isRequested()).toBe(true);
    expect(cancel.received()).toBe('SIGINT');
    expect(signalExitCode(cancel)).toBe(130);
    expect(cancel.signal.aborted).toBe(true);
    expect(cancel.signal.reason).toBe('SIGINT');
  });

  it('the first signal decides the exit code (SIGTERM 143, then a Ctrl-C changes nothing)', () => {
    const cancel = createCancellation();
    cancel.request('SIGTERM');
    expect(signalExitCode(cancel)).toBe(143);
    cancel.request('SIGINT');
    expect(signalExitCode(cancel)).toBe(143);
    expect(cancel.signal.reason).toBe('SIGTERM');
  });

  it('SIGHUP is exit 129', () => {
    const cancel = createCancellation();
    cancel.request('SIGHUP');
    expect(signalExitCode(cancel)).toBe(129);
  });

  it('whileWriting holds the write section for nested writes, and releases it when the work fails', async () => {
    const cancel = createCancellation();
    expect(cancel.isWriting()).toBe(false);
    const seen: boolean[] = [];
    await cancel.whileWriting(async () => {
      seen.push(cancel.isWriting());
      await cancel.whileWriting(async () => {
        seen.push(cancel.isWriting());
      });
      seen.push(cancel.isWriting());
    });
    expect(seen).toEqual([true, true, true]);
    expect(cancel.isWriting()).toBe(false);
    await expect(
      cancel.whileWriting(async () => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(cancel.isWriting()).toBe(false);
    expect(await cancel.whileWriting(async () => 42)).toBe(42);
  });

  it('clean-ups run once each, in order, past a failing one; an unregistered one never runs', () => {
    const cancel = createCancellation();
    const ran: string[] = [];
    cancel.onCleanup(() => ran.push('first'));
    cancel.onCleanup(() => {
      ran.push('failing');
      throw new Error('rm failed');
    });
    const unregister = cancel.onCleanup(() => ran.push('unregistered'));
    cancel.onCleanup(() => ran.push('last'));
    expect(unregister()).toBe(true);
    cancel.runCleanups();
    expect(ran).toEqual(['first', 'failing', 'last']);
    cancel.runCleanups();
    expect(ran).toEqual(['first', 'failing', 'last']);
  });

  it('a clean-up registered during the run waits for the next one', () => {
    const cancel = createCancellation();
    const ran: string[] = [];
    cancel.onCleanup(() => {
      ran.push('outer');
      cancel.onCleanup(() => ran.push('inner'));
    });
    cancel.runCleanups();
    expect(ran).toEqual(['outer']);
    cancel.runCleanups();
    expect(ran).toEqual(['outer', 'inner']);
  });

  it('two channels are independent (one per run, none process-global)', () => {
    const a = createCancellation();
    const b = createCancellation();
    a.request('SIGTERM');
    expect(b.isRequested()).toBe(false);
    expect(b.signal.aborted).toBe(false);
  });
});
