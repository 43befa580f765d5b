/**
 * The dashboard's addresses. Every page sits under `/d/TOKEN/`, so that the
 * link a person was given carries its permission to every page it links to
 * (no cookie, no session); the Referrer-Policy keeps the token from leaking.
 *
 *   /d/TOKEN/                          the default plan's overview
 *   /d/TOKEN/p/KEY/                    a plan's overview
 *   /d/TOKEN/p/KEY/division/NAME       a division's page
 *   /d/TOKEN/p/KEY/milestone/ID        a milestone's page
 *   /d/TOKEN/p/KEY/report.xlsx         the progress report workbook (進捗管理表)
 */
export type DashboardRoute =
  | { page: 'overview'; planKey: string | null }
  | { page: 'division'; planKey: string; division: string }
  | { page: 'milestone'; planKey: string; milestoneId: string }
  | { page: 'workbook'; planKey: string }
  | { page: 'not_found' };

/** The token and the page of a request path; null when the path has no token (nothing to show but a 401). */
export function parseDashboardPath(pathname: string): { token: string; route: DashboardRoute } | null {
  const match = /^\/d\/([^/]+)(\/.*)?$/u.exec(pathname);
  if (!match) return null;
  const token = match[1]!;
  const rest = match[2] ?? '/';
  let segments: string[];
  try {
    segments = rest.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
  } catch {
    return { token, route: { page: 'not_found' } };
  }
  if (segments.length === 0) return { token, route: { page: 'overview', planKey: null } };
  const [p, key, kind, value, ...more] = segments;
  if (p !== 'p' || key === undefined || more.length > 0) return { token, route: { page: 'not_found' } };
  if (kind === undefined) return { token, route: { page: 'overview', planKey: key } };
  if (kind === 'report.xlsx' && value === undefined) return { token, route: { page: 'workbook', planKey: key } };
  if (kind === 'division' && value !== undefined) return { token, route: { page: 'division', planKey: key, division: value } };
  if (kind === 'milestone' && value !== undefined) return { token, route: { page: 'milestone', planKey: key, milestoneId: value } };
  return { token, route: { page: 'not_found' } };
}
