// sendReply's bounds: what it retries, how long it waits, and what it logs
// (with the catalogued reason) when it gives up.
import { describe, expect, it } from 'vitest';
import { sendReply } from '../../../src/adapters/teams/send-reply.ts';
import { translate } from '../../../src/i18n/catalog.ts';

const httpError = (status: number, headers: Record<string, string> = {}) => Object.assign(new Error(`Request failed with status code ${status}`), { response: { status, headers } });
const dropped = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

function harness(failures: Error[]) {
  const logged: { level: string; obj: Record<string, unknown>; msg?: string }[] = [];
  const waits: number[] = [];
  let calls = 0;
  const send = async () => {
    calls++;
    const failure = failures.shift();
    if (failure) throw failure;
  };
  const log = (level: string) => (obj: object, msg?: string) => void logged.push({ level, obj: obj as Record<string, unknown>, ...(msg === undefined ? {} : { msg }) });
  const options = { logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') }, lang: 'en' as const, sleep: async (ms: number) => void waits.push(ms), random: () => 0.5 };
  return { send, logged, waits, options, calls: () => calls };
}

describe('sendReply', () => {
  it('waits Retry-After on 429, backs off on 502, retries one drop, and sends', async () => {
    const h = harness([httpError(429, { 'retry-after': '2' }), httpError(502), dropped()]);
    expect(await sendReply(h.send, { conversation: 'c' }, h.options)).toBe(true);
    expect(h.calls()).toBe(4);
    expect(h.waits[0]).toBe(2000);
    expect(h.waits.length).toBe(3);
    expect(h.logged.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('does not send a third time after two drops (the connector may have taken one), and logs why', async () => {
    const h = harness([dropped(), dropped()]);
    expect(await sendReply(h.send, { conversation: 'c' }, h.options)).toBe(false);
    expect(h.calls()).toBe(2);
    const error = h.logged.find((l) => l.level === 'error')!;
    expect(error.msg).toBe(translate('en', 'teams.reply.lost', { attempts: 2, reason: translate('en', 'teams.reply.reason.network', { error: 'ECONNRESET socket hang up' }) }));
  });

  it('gives up rather than keep a user waiting past the bound, and on a refusal at once', async () => {
    const slow = harness([httpError(429, { 'retry-after': '30' })]);
    expect(await sendReply(slow.send, { conversation: 'c' }, slow.options)).toBe(false);
    expect(slow.calls()).toBe(1);
    expect(slow.logged.find((l) => l.level === 'error')?.obj.reason).toBe(translate('en', 'teams.reply.reason.rateLimited', { seconds: 30 }));

    const refused = harness([httpError(403)]);
    expect(await sendReply(refused.send, { conversation: 'c' }, refused.options)).toBe(false);
    expect(refused.calls()).toBe(1);
    expect(refused.logged.find((l) => l.level === 'error')?.obj.error).toBe('teams_forbidden');

    const down = harness([httpError(502), httpError(502), httpError(502), httpError(502)]);
    expect(await sendReply(down.send, { conversation: 'c' }, down.options)).toBe(false);
    expect(down.calls()).toBe(4);
  });
});
