import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../core/random/mulberry32.ts';
import { jsonDepth } from './json-depth.ts';
import { createPixelBudget } from './pixel-budget.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { sameSecret } from './require-token.ts';

describe('jsonDepth', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('"[[[[[["')).toBe(0);
    expect(jsonDepth('{"a":"\\"[[["}')).toBe(1);
    expect(jsonDepth('[]')).toBe(1);
  });

  it('agrees with a character-at-a-time scan on random JSON with escapes, nested quotes and backslash runs', () => {
    // The reference: every character looked at, as the scan did before it skipped strings with indexOf.
    const reference = (text: string): number => {
      let depth = 0;
      let deepest = 0;
      let inString = false;
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (inString) {
          if (c === '\\') i++;
          else if (c === '"') inString = false;
        } else if (c === '"') inString = true;
        else if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
        else if (c === ']' || c === '}') depth--;
      }
      return deepest;
    };
    const random = mulberry32(20261204);
    const pieces = ['[', ']', '{', '}', '"', '\\', '\\\\', '\\"', 'a', ',', ':', 'QUJD'];
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: Math.floor(random() * 40) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      expect(jsonDepth(text), text).toBe(reference(text));
    }
  });

  it('reads a long string of many escapes in one pass, rightly', () => {
    // Searching again for the closing quote after every escape made this quadratic (a request of
    // a million escapes before a far quote held the event loop for hours); the answer must not change.
    expect(jsonDepth(`{"a":"${'\\n'.repeat(40_000)}${'x'.repeat(100_000)}","b":[[1]]}`)).toBe(3);
  });

  it('stops early on a bomb', () => {
    expect(jsonDepth('['.repeat(1_000_000), 32)).toBe(33);
  });
});

describe('createRateLimiter', () => {
  it('admits up to N runs at once per client, and frees a slot on release', () => {
    const limiter = createRateLimiter({ concurrentRuns: 2, runsPerMinute: 100, maxTrackedClients: 10 });
    const a = limiter.admit('ip1');
    const b = limiter.admit('ip1');
    expect(a.ok && b.ok).toBe(true);
    expect(limiter.admit('ip1')).toMatchObject({ ok: false, code: 'TOO_MANY_RUNS' });
    expect(limiter.admit('ip2').ok).toBe(true);
    if (a.ok) a.release();
    expect(limiter.admit('ip1').ok).toBe(true);
  });

  it('limits starts per sliding minute, and says when to retry', () => {
    let t = 0;
    const limiter = createRateLimiter({ concurrentRuns: 100, runsPerMinute: 3, maxTrackedClients: 10, now: () => t });
    for (let i = 0; i < 3; i++) {
      const a = limiter.admit('ip');
      if (a.ok) a.release();
      t += 1000;
    }
    expect(limiter.admit('ip')).toMatchObject({ ok: false, code: 'RATE_LIMITED', retryAfterSeconds: 57 });
    t = 60_001;
    expect(limiter.admit('ip').ok).toBe(true);
  });

  it('forgets idle clients beyond its bound, so memory stays bounded', () => {
    const limiter = createRateLimiter({ concurrentRuns: 1, runsPerMinute: 1, maxTrackedClients: 3 });
    for (let i = 0; i < 1000; i++) {
      const a = limiter.admit(`ip${i}`);
      if (a.ok) a.release();
    }
    // The first client was forgotten: it may start again at once.
    expect(limiter.admit('ip0').ok).toBe(true);
  });
});

describe('createPixelBudget', () => {
  it('holds pixels up to the budget and gives them back once', () => {
    const budget = createPixelBudget(100);
    const release = budget.tryHold(60);
    expect(release).not.toBeNull();
    expect(budget.tryHold(50)).toBeNull();
    release!();
    release!();
    expect(budget.inFlight()).toBe(0);
    expect(budget.tryHold(100)).not.toBeNull();
  });
});

describe('sameSecret', () => {
  it('compares whole strings', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('', 'a')).toBe(false);
  });
});
