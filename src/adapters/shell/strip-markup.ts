/**
 * Catalogue text written for Slack carries mrkdwn emphasis (`*見る*`) and
 * code spans (`` `/plan status` ``); the terminal shows the words without
 * the marks. Only for catalogue text: user and plan text is printed as it is.
 */
export function stripMarkup(catalogText: string): string {
  return catalogText.replace(/[*`]/gu, '');
}
