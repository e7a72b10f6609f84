/**
 * How the integration tests wait: on the scan model's own state event where there is one, and by
 * polling a condition where no event announces it (editor state, panel messages, files on disk). The
 * bounds are only how long to wait before failing with a message naming what was awaited.
 */
import type { AdvisorApi } from '../../src/extension/api';
import type { ScanResult } from '../../src/model/types';

/** Polls a condition that no event announces. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | null | Promise<T | undefined | false | null>, timeoutMs = 120000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * The next event from `event` that `matches`, from a listener subscribed now: it runs after every
 * listener subscribed earlier (the extension's, made at activation) has had the same event.
 */
export function nextEvent<T>(what: string, event: (listener: (e: T) => unknown) => { dispose(): void }, matches: (e: T) => boolean = () => true, boundMs = 120000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const bound = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no ${what} within ${boundMs} ms`));
    }, boundMs);
    const subscription = event((e) => {
      if (!matches(e)) return;
      subscription.dispose();
      clearTimeout(bound);
      resolve(e);
    });
  });
}

/**
 * Resolves when `condition` holds, checked now and on every scan state change (a scan starting or
 * ending, with or without a result): the model's own event, so a loaded machine only makes it later.
 */
export function untilScanState<T>(api: AdvisorApi, what: string, condition: () => T | undefined | false, boundMs = 120000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let subscription: { dispose(): void } | undefined;
    let bound: ReturnType<typeof setTimeout> | undefined;
    const finish = (outcome: () => void) => {
      subscription?.dispose();
      clearTimeout(bound);
      outcome();
    };
    const check = (): boolean => {
      try {
        const value = condition();
        if (value) finish(() => resolve(value));
        return !!value;
      } catch (e) {
        finish(() => reject(e instanceof Error ? e : new Error(String(e))));
        return true;
      }
    };
    if (check()) return;
    subscription = api.onDidChangeState(() => void check());
    bound = setTimeout(() => finish(() => reject(new Error(`no scan state satisfied "${what}" within ${boundMs} ms`))), boundMs);
  });
}

/** Waits until no scan runs and none is scheduled. */
export const settled = (api: AdvisorApi) => untilScanState(api, 'the model to settle', () => api.isIdle());

/**
 * Runs `action` once the model is settled, then returns the first scan completed after it whose
 * result shows the change (`reflects`), once the model has settled again. Every completed result
 * is recorded from the model's event, so an earlier scan still in flight, or a second scan of the
 * same change (the edit, then its save), cannot stand in for the one that analyzed the change.
 */
export async function nextScan(api: AdvisorApi, action: () => Thenable<unknown> | Promise<unknown>, reflects: (r: ScanResult) => boolean = () => true): Promise<ScanResult> {
  await settled(api);
  const seen: ScanResult[] = [];
  let counted = api.scanCount();
  const record = api.onDidChangeState(() => {
    if (api.scanCount() > counted) {
      counted = api.scanCount();
      const r = api.lastScanResult();
      if (r && !seen.includes(r)) seen.push(r);
    }
  });
  try {
    await action();
    return await untilScanState(api, 'a completed re-scan showing the change', () => api.isIdle() && seen.find(reflects));
  } finally {
    record.dispose();
  }
}
