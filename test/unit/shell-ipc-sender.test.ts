import { describe, expect, it } from 'vitest';
import type { FrameLike } from '../../electron/shell/ipc-sender.js';
import { isTrustedSender } from '../../electron/shell/ipc-sender.js';

const ours = [{ processId: 4, routingId: 1 }];
const frame = (over: Partial<FrameLike> = {}): FrameLike => ({
  url: 'app://workbench/index.html',
  parent: null,
  processId: 4,
  routingId: 1,
  ...over,
});

describe('isTrustedSender', () => {
  it("accepts our window's main frame showing the app", () => {
    expect(isTrustedSender(frame(), ours)).toBe(true);
    expect(isTrustedSender(frame({ url: 'app://workbench/index.html#/target' }), ours)).toBe(true);
  });

  it('refuses a missing or destroyed frame', () => {
    expect(isTrustedSender(null, ours)).toBe(false);
    expect(isTrustedSender(undefined, ours)).toBe(false);
    expect(isTrustedSender(frame({ isDestroyed: () => true }), ours)).toBe(false);
  });

  it('refuses a sub-frame, even one on our origin', () => {
    expect(isTrustedSender(frame({ parent: frame(), routingId: 2 }), [...ours, { processId: 4, routingId: 2 }])).toBe(false);
  });

  it.each(['app://workbench.evil/index.html', 'file:///tmp/index.html', 'http://127.0.0.1:5173/', 'about:blank', ''])(
    'refuses our main frame once it shows %s',
    (url) => expect(isTrustedSender(frame({ url }), ours)).toBe(false),
  );

  it('refuses a main frame that is not one of our windows', () => {
    expect(isTrustedSender(frame({ processId: 5 }), ours)).toBe(false);
    expect(isTrustedSender(frame({ routingId: 9 }), ours)).toBe(false);
    expect(isTrustedSender(frame(), [])).toBe(false);
  });
});
