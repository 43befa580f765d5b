/**
 * The frame of every dashboard page: language, title, the plans and the
 * overview in the navigation, the footer that says what the figures mean.
 */
import type { Translate } from '../../i18n/catalog.ts';
import { html, trusted, type Html } from './html.ts';
import { PAGE_CSS } from './page-css.ts';

export interface PlanLink {
  key: string;
  title: string;
  href: string;
  current: boolean;
}

export interface LayoutInput {
  t: Translate;
  title: string;
  heading: string;
  asOf: string | null;
  plans: readonly PlanLink[];
  overviewHref: string | null;
  footer: string;
  body: Html;
}

/** A whole page. */
export function renderLayout(input: LayoutInput): string {
  const { t } = input;
  const plans = input.plans.length > 1 ? input.plans.map((p) => (p.current ? html`<span class="current">${p.title}</span>` : html`<a href="${p.href}">${p.title}</a>`)) : [];
  return html`<!doctype html>
<html lang="${t('web.lang')}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><meta name="robots" content="noindex,nofollow"><link rel="icon" href="data:,">
<title>${input.title}</title><style>${trusted(PAGE_CSS)}</style></head>
<body><header><nav>${input.overviewHref === null ? '' : html`<a href="${input.overviewHref}" data-nav="overview">${t('web.nav.overview')}</a>`}${plans}</nav>
<h1>${input.heading}</h1>${input.asOf === null ? '' : html`<p class="asof" data-testid="as-of">${input.asOf}</p>`}</header>
<main>${input.body}</main><footer>${input.footer}</footer></body></html>`.value;
}

/** The page for a refused or failed request: no plan data at all. */
export function renderRefusal(t: Translate, title: string, body: string): string {
  return html`<!doctype html>
<html lang="${t('web.lang')}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><meta name="robots" content="noindex,nofollow"><link rel="icon" href="data:,">
<title>${title}</title><style>${trusted(PAGE_CSS)}</style></head>
<body><div class="refusal"><h1>${title}</h1><p>${body}</p></div></body></html>`.value;
}
