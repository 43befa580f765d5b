/**
 * Removes Slack tokens from text bound for a log. The Web API client already
 * redacts token fields, but error messages and third-party log lines are free
 * text, and a leaked bot token gives anyone the bot's voice in every channel.
 */
const TOKEN = /\bx(?:ox[abposer]|app)-[A-Za-z0-9-]+/gu;

export function redactTokens(text: string): string {
  return text.replace(TOKEN, '[REDACTED TOKEN]');
}
