import { describe, expect, it } from 'vitest';
import { classifyTeamsError, TEAMS_PERMANENT_CODES } from '../../../src/adapters/teams/classify-teams-error.ts';
import { isMessageKey, translate } from '../../../src/i18n/catalog.ts';

const http = (status: number, headers: Record<string, string> = {}) => ({ response: { status, headers } });

describe('classifyTeamsError', () => {
  it('waits as long as Retry-After says on a 429, else backs off with jitter that grows', () => {
    expect(classifyTeamsError(http(429, { 'retry-after': '3' }))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 3_000 });
    const first = classifyTeamsError(http(429), { random: () => 1, consecutive429: 0 });
    const third = classifyTeamsError(http(429), { random: () => 1, consecutive429: 2 });
    expect(first).toMatchObject({ kind: 'rate_limited', retryAfterMs: 1_000 });
    expect(third).toMatchObject({ kind: 'rate_limited', retryAfterMs: 4_000 });
    expect(classifyTeamsError(http(429), { random: () => 0 })).toMatchObject({ retryAfterMs: 500 });
  });

  it('retries 412, 502, 504 and network errors; stops on 403, 404 and 413 with a catalogued code', () => {
    for (const status of [412, 500, 502, 503, 504]) expect(classifyTeamsError(http(status)).kind).toBe('transient');
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(classifyTeamsError(reset)).toMatchObject({ kind: 'transient', error: 'network: ECONNRESET socket hang up' });
    expect(classifyTeamsError(http(403))).toMatchObject({ kind: 'permanent', error: 'teams_forbidden' });
    expect(classifyTeamsError(http(404))).toMatchObject({ kind: 'permanent', error: 'teams_not_found' });
    expect(classifyTeamsError(http(413))).toMatchObject({ kind: 'permanent', error: 'teams_too_large' });
  });

  it('keeps tokens out of the reason', () => {
    const error = new Error('request with Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl failed');
    expect(classifyTeamsError(error).error).not.toContain('eyJ');
  });

  it('gives every permanent failure a reason the operator reads in `shinchoku outbox`, in both languages', () => {
    for (const status of [400, 401, 403, 404, 413]) {
      const failure = classifyTeamsError(http(status));
      expect(failure.kind).toBe('permanent');
      expect(TEAMS_PERMANENT_CODES).toContain(failure.error);
    }
    for (const code of TEAMS_PERMANENT_CODES) {
      const key = `outbox.reason.${code}`;
      expect(isMessageKey(key), key).toBe(true);
      if (isMessageKey(key)) expect(translate('ja', key)).not.toBe(translate('en', key));
    }
    expect(translate('ja', 'outbox.reason.teams_forbidden')).toContain('追加し直して');
  });
});

