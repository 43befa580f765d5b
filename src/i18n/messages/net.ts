// Messages for the network and the command line: proxy, doctor's network checks, CLI and settings errors, plan encodings, typed dates.
import type { Message, Params } from '../message.ts';

export const ja = {
  // doctor: Slack could not be reached (network or proxy), told apart from a refused token.
  'net.slackUnreachable': (p: Params) => `Slack (${p.host}) に届きません — ネットワークかプロキシの問題で、トークンの問題ではありません (${p.route}): ${p.reason}`,
  'net.routeDirect': '直接接続',
  'net.routeProxy': (p: Params) => `プロキシ ${p.proxy} 経由`,
  'net.reasonProxyRefused': (p: Params) => `プロキシが接続を断りました (HTTP ${p.status})`,
  'net.reasonNameNotResolved': (p: Params) => `名前 ${p.host} を引けません (DNS)`,
  'net.reasonConnectFailed': (p: Params) => `接続できません (${p.code})`,
  'net.reasonTlsUntrusted': (p: Params) => `サーバー証明書を信頼できません (${p.code})`,
  'net.reasonOther': (p: Params) => `${p.message}`,
  'net.fixProxyAuth': 'プロキシが認証を求めています: HTTPS_PROXY に利用者名とパスワードを含めてください (例 http://利用者:パスワード@proxy.example.lg.jp:8080。記号はパーセントエンコード)',
  'net.fixProxyPolicy': (p: Params) => `プロキシの管理者に、${p.host}:443 と *.slack.com:443 (Socket Mode の wss-primary.slack.com など) への CONNECT を許可するよう依頼してください`,
  'net.fixSetProxy': '外部の名前を引けないネットワークです。インターネットへプロキシ経由で出るなら、.env に HTTPS_PROXY=http://プロキシ:ポート を設定してください (社内の宛先は NO_PROXY に)',
  'net.fixProxyAddress': 'HTTPS_PROXY (http:// のときは HTTP_PROXY) のホスト名とポートが正しいか、プロキシが動いているかを確認してください',
  'net.fixFirewall': 'ファイアウォールが外向きの 443 番を止めていないか確認してください。プロキシ経由で出るネットワークなら HTTPS_PROXY を設定してください',
  'net.fixExtraCa': 'プロキシが TLS を中継している (社内 CA の証明書を出す) なら、その CA 証明書 (PEM) を NODE_EXTRA_CA_CERTS=/path/to/ca.pem として環境に設定して起動してください (.env ではなく、Node が起動時に読みます)',
  'net.fixCheckNetwork': 'HTTPS_PROXY / HTTP_PROXY / NO_PROXY と SLACK_API_URL を確認してください',
  'net.slackTokenRefused': (p: Params) => `Slack がトークンを受け付けません: ${p.code}`,
} satisfies Record<string, Message>;

export const en: Record<keyof typeof ja, Message> = {
  'net.slackUnreachable': (p) => `Slack (${p.host}) cannot be reached — a network or proxy problem, not the token (${p.route}): ${p.reason}`,
  'net.routeDirect': 'direct connection',
  'net.routeProxy': (p) => `through the proxy ${p.proxy}`,
  'net.reasonProxyRefused': (p) => `the proxy refused the connection (HTTP ${p.status})`,
  'net.reasonNameNotResolved': (p) => `the name ${p.host} cannot be resolved (DNS)`,
  'net.reasonConnectFailed': (p) => `the connection failed (${p.code})`,
  'net.reasonTlsUntrusted': (p) => `the server's certificate is not trusted (${p.code})`,
  'net.reasonOther': (p) => `${p.message}`,
  'net.fixProxyAuth': 'The proxy asks for credentials: put a user name and password in HTTPS_PROXY (e.g. http://user:password@proxy.example.lg.jp:8080, symbols percent-encoded)',
  'net.fixProxyPolicy': (p) => `Ask the proxy's administrators to allow CONNECT to ${p.host}:443 and *.slack.com:443 (Socket Mode's wss-primary.slack.com and others)`,
  'net.fixSetProxy': 'This network does not resolve outside names. If it reaches the internet through a proxy, set HTTPS_PROXY=http://proxy:port in .env (internal hosts in NO_PROXY)',
  'net.fixProxyAddress': 'Check the host name and port in HTTPS_PROXY (HTTP_PROXY for http:// targets), and that the proxy is running',
  'net.fixFirewall': 'Check that no firewall blocks outgoing port 443. If this network reaches the internet through a proxy, set HTTPS_PROXY',
  'net.fixExtraCa': "If the proxy intercepts TLS (shows certificates from the office's own CA), start with NODE_EXTRA_CA_CERTS=/path/to/ca.pem (that CA's PEM certificate) in the environment, not in .env: Node reads it at start",
  'net.fixCheckNetwork': 'Check HTTPS_PROXY / HTTP_PROXY / NO_PROXY and SLACK_API_URL',
  'net.slackTokenRefused': (p) => `Slack refused the token: ${p.code}`,
};
