// Logs never carry a credential: not in a field named for one, not nested in
// a config object, not inside an error message or the log message itself.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/adapters/log/create-logger.ts';
import { logStatusAppends } from '../../../src/adapters/log/log-status-appends.ts';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const BOT = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx';
const APP = 'xapp-1-A0123456789-1234567890-abcdef0123456789';

describe('createLogger', () => {
  it('writes one JSON line per event', () => {
    const { logger, records } = capture();
    logger.info({ id: 7, key: 'reminders|2020-07-22|総務部人事課', channel: 'C0JINJI001' }, 'outbox delivery');
    expect(records()).toEqual([expect.objectContaining({ level: 30, app: 'shinchoku', id: 7, key: 'reminders|2020-07-22|総務部人事課', msg: 'outbox delivery' })]);
  });

  it('redacts a token in a logged object, wherever it is', () => {
    const { logger, lines, records } = capture();
    logger.info({ token: BOT }, 'a token field');
    logger.info({ config: { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: 'shh' } }, 'settings');
    logger.info({ request: { url: `https://slack.com/api/auth.test?token=${BOT}` } }, 'nested text');
    logger.error({ err: new Error(`invalid_auth for ${BOT}`) }, 'an error');
    logger.warn(`a message naming ${APP}`);
    const all = lines.join('\n');
    expect(all).not.toContain(BOT);
    expect(all).not.toContain(APP);
    expect(all).not.toContain('shh');
    const [field, settings, nested, error, message] = records();
    expect(field?.token).toBe('[redacted]');
    expect(settings?.config).toEqual({ SLACK_BOT_TOKEN: '[redacted]', SLACK_APP_TOKEN: '[redacted]', SLACK_SIGNING_SECRET: '[redacted]' });
    expect((nested?.request as { url: string }).url).toBe('https://slack.com/api/auth.test?token=[REDACTED TOKEN]');
    expect((error?.err as { message: string }).message).toBe('invalid_auth for [REDACTED TOKEN]');
    expect(message?.msg).toBe('a message naming [REDACTED TOKEN]');
  });

  it('logs every recorded status update with its ids', async () => {
    const { logger, records } = capture();
    const history = logStatusAppends(
      {
        append: async (update) => ({ ...update, id: 41 }),
        history: async () => [],
        latest: async () => [],
        revision: async () => 0,
      },
      logger,
    );
    await history.append({ milestoneId: '6-2-10', checkpoint: '2020-07', status: 'done', comment: '完了しました', actor: 'U0ZEISHU1', via: 'button', createdAt: '2020-07-22T00:31:00.000Z' });
    expect(records()).toEqual([
      expect.objectContaining({ msg: 'status recorded', updateId: 41, milestoneId: '6-2-10', checkpoint: '2020-07', status: 'done', actor: 'U0ZEISHU1', via: 'button' }),
    ]);
    // The comment is the division's words, not an operator's concern: it stays in the database.
    expect(records()[0]).not.toHaveProperty('comment');
  });
});
