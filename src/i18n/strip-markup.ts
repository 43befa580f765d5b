/**
 * Catalogue text written for Slack carries mrkdwn emphasis (`*見る*`) and
 * code spans (`` `/plan status` ``); the terminal and Teams show the words
 * without the marks. Only for catalogue text: user and plan text is shown as it is.
 */
export function stripMarkup(catalogText: string): string {
  return catalogText.replace(/[*`]/gu, '');
}
