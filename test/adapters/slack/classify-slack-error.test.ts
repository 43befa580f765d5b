/**
 * The cases the fake server does not reach; the common ones are covered
 * end to end in slack-notifier.test.ts.
 */
import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { classifySlackError } from '../../../src/adapters/slack/classify-slack-error.ts';

describe('classifySlackError', () => {
  it('reads a ratelimited code in the body as rate_limited, with a default wait when Slack gives none', () => {
    expect(classifySlackError(new webApi.WebAPIPlatformError({ ok: false, error: 'ratelimited', response_metadata: { retryAfter: 4 } }))).toEqual({
      ok: false,
      kind: 'rate_limited',
      retryAfterMs: 4000,
      error: 'ratelimited',
    });
    expect(classifySlackError(new webApi.WebAPIPlatformError({ ok: false, error: 'ratelimited' }))).toMatchObject({ retryAfterMs: 1000 });
  });

  it('treats 5xx and 408 as transient, any other HTTP status as permanent', () => {
    expect(classifySlackError(new webApi.WebAPIHTTPError(502, 'Bad Gateway', {}))).toMatchObject({ kind: 'transient', error: 'http_502' });
    expect(classifySlackError(new webApi.WebAPIHTTPError(408, 'Request Timeout', {}))).toMatchObject({ kind: 'transient' });
    expect(classifySlackError(new webApi.WebAPIHTTPError(404, 'Not Found', {}))).toMatchObject({ kind: 'permanent', error: 'http_404' });
  });

  it('treats an error that did not come from Slack as transient, with any token scrubbed from it', () => {
    expect(classifySlackError(new Error('socket hang up near xoxb-123-abc'))).toEqual({ ok: false, kind: 'transient', error: 'socket hang up near [REDACTED TOKEN]' });
  });
});
