// Requests Slack did not sign, or signed too long ago, are answered 401 and
// do nothing; text from users can never ping or link anyone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM, postToSlackApp, slashCommandBody } from '../../../fakes/slack-requests.ts';
import { replyText, startSlackAppWorld, USERS, type SlackAppWorld } from './slack-app-world.ts';

let world: SlackAppWorld;
beforeAll(async () => {
  world = await startSlackAppWorld();
});
afterAll(async () => {
  await world?.stop();
});

describe('signature verification', () => {
  const update = (id: string) => ({ text: 'update 1-1-2 done', user_id: USERS.coordinator, response_url: world.fake.responseUrl(id) });

  it.each([
    ['forged', { signature: `v0=${'0'.repeat(64)}` }],
    ['signed with another secret', { signature: 'v0=3f1c6f0c2b0a8e0b9d1d2b1c1a5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e' }],
    ['unsigned', { unsigned: true }],
    ['6 minutes old', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
  ])('a %s request is refused with 401 and has no effect', async (name, options) => {
    const calls = world.fake.calls.length;
    const http = await world.requests.slashCommand(update(name), options);
    expect(http.status).toBe(401);
    // Nothing answered, nothing called, nothing written.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(world.fake.responses.filter((r) => r.id === name)).toEqual([]);
    expect(world.fake.calls.length).toBe(calls);
    expect(await world.deps.statuses.latest()).toEqual([]);
  });

  it('a body changed after signing is refused', async () => {
    const signed = slashCommandBody(update('tampered'));
    const good = await import('../../../fakes/slack-requests.ts').then((m) => m.signedHeaders(world.requests.signingSecret, signed, FORM));
    const http = await postToSlackApp(world.requests.url, signed.replace('done', 'cancelled'), good);
    expect(http.status).toBe(401);
    expect(await world.deps.statuses.latest()).toEqual([]);
  });

  it('a correctly signed request 4 minutes old is still accepted', async () => {
    const http = await world.requests.slashCommand({ text: 'help', user_id: USERS.stranger, response_url: world.fake.responseUrl('recent') }, { timestamp: Math.floor(Date.now() / 1000) - 4 * 60 });
    expect(http.status).toBe(200);
  });
});

describe('escaping', () => {
  it('a comment with <!channel> typed as a mention or as text is stored as text and shown escaped', async () => {
    // Slack sends "@channel" typed in a command as <!channel>, and a literal "<!channel>" as &lt;!channel&gt;.
    const mention = await world.command('update 1-1-2 on_track 周知します <!channel> &amp; <!here>', USERS.jinji);
    const literal = await world.command('update 1-1-3 on_track &lt;!channel&gt; &lt;https://evil.example|click&gt;', USERS.jinji);
    for (const { response } of [mention, literal]) {
      const text = JSON.stringify(response);
      expect(text).not.toMatch(/<!channel>|<!here>|<https?:/u);
    }
    expect(replyText(literal.response)).toContain('&lt;!channel&gt; &lt;https://evil.example|click&gt;');
    expect((await world.deps.statuses.history('1-1-3'))[0]?.comment).toBe('<!channel> <https://evil.example|click>');
    const history = JSON.stringify((await world.command('status 1-1-3', USERS.stranger)).response);
    expect(history).toContain('&lt;!channel&gt;');
    expect(history).not.toContain('<!channel>');
  });

  it('plan text and user text in refusals are escaped too', async () => {
    const { response } = await world.command('status <!everyone>課', USERS.stranger);
    expect(JSON.stringify(response)).not.toContain('<!everyone>');
  });
});
