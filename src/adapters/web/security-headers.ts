/**
 * The headers every dashboard answer carries, the 401 included. No script
 * runs on any page (none is needed: charts are inline SVG), nothing loads
 * from elsewhere, no page may be framed, and the token in the address never
 * leaves in a Referer or stays in a cache.
 */
import { createHash } from 'node:crypto';

/** The Content-Security-Policy for a page whose only stylesheet is `css` (inline, allowed by its hash). */
export function contentSecurityPolicy(css: string): string {
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  return [
    "default-src 'none'",
    `style-src-elem 'sha256-${hash}'`,
    // ECharts writes font settings as style attributes on the SVG's text.
    "style-src-attr 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Every header but Content-Type. */
export function securityHeaders(css: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(css),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}
