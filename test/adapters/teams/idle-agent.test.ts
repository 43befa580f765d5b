// The connection rules every Teams SDK client of the bot gets (idle-agent.ts):
// a redirect is never followed, so the bot's token never goes anywhere but
// the address the settings name.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@microsoft/teams.common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idleAgentInterceptor } from '../../../src/adapters/teams/idle-agent.ts';
import { SILENT_TEAMS_LOGGER, toSdkLogger } from '../../../src/adapters/teams/sdk-logger.ts';

const elsewhere: string[] = [];
let elsewhereServer: http.Server;
let connector: http.Server;
const urlOf = (server: http.Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

beforeAll(async () => {
  elsewhereServer = http.createServer((req, res) => {
    elsewhere.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.end('{"id":"stolen"}');
  });
  connector = http.createServer((req, res) => {
    req.resume();
    res.writeHead(307, { location: `${urlOf(elsewhereServer)}/v3/conversations/x/activities` }).end();
  });
  await Promise.all([elsewhereServer, connector].map((s) => new Promise<void>((done) => s.listen(0, '127.0.0.1', done))));
});
afterAll(async () => {
  await Promise.all([elsewhereServer, connector].map((s) => new Promise((done) => s.close(done))));
});

describe('Teams SDK clients', () => {
  it('do not follow a redirect: the token stays with the connector the settings name', async () => {
    const client = new Client({ baseUrl: urlOf(connector), token: () => 'bot-token', logger: toSdkLogger(SILENT_TEAMS_LOGGER, 'test'), interceptors: [idleAgentInterceptor()] });
    const answer = client.post('/v3/conversations/x/activities', { type: 'message', text: 'hi' });
    await expect(answer).rejects.toMatchObject({ response: { status: 307 } });
    expect(elsewhere).toEqual([]);
  });
});
