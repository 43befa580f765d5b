import { describe, expect, it } from 'vitest';
import { escapeMrkdwn } from '../../../src/adapters/slack/escape-mrkdwn.ts';

describe('escapeMrkdwn', () => {
  it('turns the three control characters of mrkdwn into entities', () => {
    expect(escapeMrkdwn('<!channel> & <@U123> > 1')).toBe('&lt;!channel&gt; &amp; &lt;@U123&gt; &gt; 1');
  });

  it('escapes an ampersand that already looks like an entity, so the text shows as typed', () => {
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
  });

  it('leaves Japanese text and styling characters alone', () => {
    expect(escapeMrkdwn('*総務部法務・文書課* _研修_ ~済~ `1-1-2`')).toBe('*総務部法務・文書課* _研修_ ~済~ `1-1-2`');
  });
});
