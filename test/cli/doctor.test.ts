import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectProxy } from '../fakes/connect-proxy.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { cli, tempWorkspace } from './run-cli.ts';

const BUNDLED_YAML = new URL('../../config/plans/fy2020-mie.yaml', import.meta.url).pathname;
const EXAMPLE_DIRECTORY = new URL('../../config/directory.example.yaml', import.meta.url).pathname;

let ws: ReturnType<typeof tempWorkspace>;
let slack: FakeSlackApi;
beforeEach(async () => {
  ws = tempWorkspace();
  slack = await startFakeSlackApi({ tokens: ['xoxb-good'] });
});
afterEach(async () => {
  await slack.stop();
  ws.cleanup();
});

const failing = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('✗'));

describe('shinchoku doctor', () => {
  it('passes every check on a healthy setup', async () => {
    const env = { DATABASE_URL: ws.database, SHINCHOKU_DIRECTORY: EXAMPLE_DIRECTORY, SLACK_BOT_TOKEN: 'xoxb-good', SLACK_SIGNING_SECRET: 'test-secret', SLACK_API_URL: slack.url };
    await cli(['import', BUNDLED_YAML], env);
    const run = await cli(['doctor'], env);
    // The example directory leaves 総務部管財課 out on purpose.
    expect(failing(run.stdout)).toEqual(['✗ チャンネルが設定されていない担当課: 総務部管財課 (お知らせは取りまとめチャンネルに届きます)']);
    expect(run.stdout).toMatch(/✓ Slack に接続できます/);
    expect(run.stdout).toMatch(/✓ manifest\.yaml のスコープ 8 件はすべて許可されています/);
    // 9 channels: the coordinator's and the 8 mapped divisions'.
    expect(run.stdout).toMatch(/✓ ボットは対応表のチャンネル 9 か所すべてに参加しています/);
    expect(slack.callsTo('conversations.info')).toHaveLength(9);
    // fonts-ipaexfont-gothic is installed here (.ci/run installs it).
    expect(run.stdout).toContain('✓ 週次ダイジェストのグラフ: 日本語フォント IPAexGothic(/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf)で描きます');
    expect(run.code).toBe(1);
  });

  it('names the channels the bot is not in, the channels that do not exist, and the scopes not granted, each with its fix', async () => {
    const env = { DATABASE_URL: ws.database, SHINCHOKU_DIRECTORY: EXAMPLE_DIRECTORY, SLACK_BOT_TOKEN: 'xoxb-good', SLACK_SIGNING_SECRET: 'test-secret', SLACK_API_URL: slack.url };
    await cli(['import', BUNDLED_YAML], env);
    slack.setBotMember('C0JINJI001', false);
    slack.setBotMember('C0ZAISEI01', false);
    slack.setChannelError('C0HOMU0001', 'channel_not_found');
    slack.setScopes(['commands', 'chat:write', 'channels:history', 'channels:read']);
    const run = await cli(['doctor'], env);
    expect(run.code).toBe(1);
    expect(failing(run.stdout)).toEqual([
      '✗ チャンネルが設定されていない担当課: 総務部管財課 (お知らせは取りまとめチャンネルに届きます)',
      '✗ 許可されていないスコープ: groups:history, groups:read, files:write, im:write',
      '✗ ボットが参加していないチャンネル: C0JINJI001 (総務部人事課)、C0ZAISEI01 (総務部財政課)',
      '✗ 見つからないチャンネル: C0HOMU0001 (総務部法務・文書課)',
    ]);
    expect(run.stdout).toMatch(/✗ 許可されていないスコープ: .*\n {4}→ Slack のアプリ設定で manifest\.yaml を貼り直し/);
    expect(run.stdout).toMatch(/✗ ボットが参加していないチャンネル: .*\n {4}→ それぞれのチャンネルで \/invite @shinchoku/);
    expect(run.stdout).toMatch(/✗ 見つからないチャンネル: .*\n {4}→ .*directory\.example\.yaml のチャンネル ID を確かめてください/);
  });

  it('says when Slack does not name the granted scopes', async () => {
    const env = { DATABASE_URL: ws.database, SHINCHOKU_DIRECTORY: EXAMPLE_DIRECTORY, SLACK_BOT_TOKEN: 'xoxb-good', SLACK_SIGNING_SECRET: 'test-secret', SLACK_API_URL: slack.url, SHINCHOKU_LANG: 'en' };
    await cli(['import', BUNDLED_YAML], env);
    slack.setScopes(null);
    const run = await cli(['doctor'], env);
    expect(run.stdout).toMatch(/✗ Slack did not say which scopes the token has.*\n {4}→ Check that SLACK_API_URL/);
  });

  it('prints one failing line with its fix for a bad token, an unmapped division and an unreachable database', async () => {
    const env = { DATABASE_URL: ws.database, SHINCHOKU_DIRECTORY: EXAMPLE_DIRECTORY, SLACK_BOT_TOKEN: 'xoxb-bad', SLACK_SIGNING_SECRET: 'test-secret', SLACK_API_URL: slack.url };
    await cli(['import', BUNDLED_YAML], env);
    const run = await cli(['doctor'], env);
    expect(run.code).toBe(1);
    // A refused token is one line: the scope and channel checks that need it are not run.
    expect(failing(run.stdout)).toHaveLength(2);
    expect(slack.callsTo('conversations.info')).toHaveLength(0);
    expect(run.stdout).toMatch(/✗ Slack がトークンを受け付けません: invalid_auth\n {4}→ SLACK_BOT_TOKEN/);
    expect(run.stdout).toMatch(/✗ チャンネルが設定されていない担当課: 総務部管財課.*\n {4}→ /);

    const down = await cli(['doctor'], { ...env, DATABASE_URL: 'postgres://bot:pw@127.0.0.1:1/shinchoku', SLACK_BOT_TOKEN: 'xoxb-good' });
    expect(down.code).toBe(1);
    expect(failing(down.stdout)).toEqual([expect.stringMatching(/^✗ データベース \(PostgreSQL\) postgres:\/\/bot:\*\*\*@127\.0\.0\.1:1\/shinchoku を使えません/)]);
    expect(down.stdout).toMatch(/を使えません: .*\n {4}→ DATABASE_URL の接続先/);
    expect(down.stdout).not.toContain(':pw@');
  });

  it('reports malformed settings as its first check', async () => {
    const run = await cli(['doctor'], { DATABASE_URL: ws.database, PORT: 'eighty' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✗ 設定に誤りがあります: .*PORT/);
  });

  describe('behind a proxy', () => {
    let proxy: ConnectProxy;
    beforeEach(async () => {
      proxy = await new ConnectProxy({ hosts: { 'slack.test': '127.0.0.1' } }).start();
    });
    afterEach(async () => {
      await proxy.stop();
    });
    // slack.test resolves only inside the proxy, as outside names do on an office network.
    const envVia = (token: string, proxyUrl: string | null) => ({
      DATABASE_URL: ws.database,
      SHINCHOKU_DIRECTORY: EXAMPLE_DIRECTORY,
      SLACK_BOT_TOKEN: token,
      SLACK_SIGNING_SECRET: 'test-secret',
      SLACK_API_URL: `http://slack.test:${new URL(slack.url).port}/api/`,
      ...(proxyUrl === null ? {} : { HTTP_PROXY: proxyUrl }),
    });

    it('checks Slack through the proxy', async () => {
      const run = await cli(['doctor'], envVia('xoxb-good', proxy.url));
      expect(run.stdout).toMatch(/✓ Slack に接続できます/);
      expect(proxy.connects).toContain(`slack.test:${new URL(slack.url).port}`);
      expect(slack.callsTo('conversations.info').length).toBeGreaterThan(0);
    });

    it('names the network, not the token, when the proxy refuses; never prints the proxy password', async () => {
      proxy.refuse(403);
      const withPassword = proxy.url.replace('http://', 'http://shokuin:himitsu@');
      const run = await cli(['doctor'], envVia('xoxb-good', withPassword));
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/✗ Slack \(slack\.test:\d+\) に届きません — ネットワークかプロキシの問題で、トークンの問題ではありません \(プロキシ http:\/\/127\.0\.0\.1:\d+ 経由\): プロキシが接続を断りました \(HTTP 403\)\n {4}→ プロキシの管理者に、slack\.test:443 と/);
      expect(run.stdout).not.toContain('SLACK_BOT_TOKEN (xoxb-…) をアプリの');
      expect(run.stdout).not.toContain('himitsu');
      expect(slack.calls).toHaveLength(0);
    });

    it('asks for credentials when the proxy wants them (407), in English too', async () => {
      proxy.refuse(407);
      const run = await cli(['doctor'], { ...envVia('xoxb-good', proxy.url), SHINCHOKU_LANG: 'en' });
      expect(run.stdout).toMatch(/✗ Slack \(slack\.test:\d+\) cannot be reached — a network or proxy problem, not the token .*HTTP 407\)\n {4}→ The proxy asks for credentials/);
    });

    it('without the proxy setting, says the name cannot be resolved and to set HTTPS_PROXY', async () => {
      const run = await cli(['doctor'], envVia('xoxb-good', null));
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/✗ Slack \(slack\.test:\d+\) に届きません.*\(直接接続\): 名前 slack\.test を引けません \(DNS\)\n {4}→ .*HTTPS_PROXY=http:\/\/プロキシ:ポート/);
    });

    it('a proxy that is down is named as the thing to check', async () => {
      const down = proxy.url;
      await proxy.stop();
      const run = await cli(['doctor'], envVia('xoxb-good', down));
      expect(run.stdout).toMatch(/に届きません.*: 接続できません \(ECONNREFUSED\)\n {4}→ HTTPS_PROXY \(http:\/\/ のときは HTTP_PROXY\) のホスト名とポート/);
    });
  });
});

describe('shinchoku doctor and the directory file', () => {
  it('fails on a missing directory file, with the command that creates it', async () => {
    const env = { DATABASE_URL: ws.database, SHINCHOKU_DIRECTORY: join(ws.dir, 'directory.yaml') };
    await cli(['import', BUNDLED_YAML], env);
    const run = await cli(['doctor'], env);
    expect(run.code).toBe(1);
    expect(failing(run.stdout)).toEqual([`✗ 担当課の対応表 ${env.SHINCHOKU_DIRECTORY} がありません (チャットではお知らせの届け先がありません)`]);
    expect(run.stdout).toContain(`→ cp config/directory.example.yaml ${env.SHINCHOKU_DIRECTORY} で作り`);
  });

  it('flags a division the plan does not have (a typo), naming the closest divisions of the plan', async () => {
    const directory = join(ws.dir, 'directory.yaml');
    writeFileSync(directory, readFileSync(EXAMPLE_DIRECTORY, 'utf8').replace('総務部人事課:', '総務部じんじ課:'));
    const env = { DATABASE_URL: ws.database, SHINCHOKU_DIRECTORY: directory };
    await cli(['import', BUNDLED_YAML], env);
    const run = await cli(['doctor'], env);
    expect(run.code).toBe(1);
    const line = failing(run.stdout).find((l) => l.includes('総務部じんじ課'));
    expect(line).toMatch(/^✗ 対応表の 総務部じんじ課 は、保存されている計画のどの担当課でもありません \(近い名前: 総務部人事課、/);
    expect(run.stdout).toMatch(/総務部じんじ課 .*\n {4}→ .*課名を計画の担当課名と一字一句同じに/);
  });
});
