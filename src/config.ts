// Configuration from the environment, validated once at start (SPEC §7.1).
import { z } from 'zod';
import { fail, ok, type Problem, type Result } from './domain/result.ts';

/** The reviewed FY2020 plan that ships with the repository. */
export const BUNDLED_PLAN = 'config/plans/fy2020-mie.yaml';

const optionalText = z.string().trim().min(1).optional();

const schema = z.object({
  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), 'must start with xoxb-'),
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), 'must start with xapp-'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_API_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().trim().min(1).default('./data/shinchoku.db'),
  SHINCHOKU_PLAN: z.string().trim().min(1).default(BUNDLED_PLAN),
  SHINCHOKU_DIRECTORY: z.string().trim().min(1).default('config/directory.yaml'),
  SHINCHOKU_NOW: z.iso.datetime({ local: true, offset: true }).or(z.iso.date()).optional(),
  SHINCHOKU_TIMEZONE: z
    .string()
    .default('Asia/Tokyo')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'is not a known IANA time zone (e.g. Asia/Tokyo)'),
  SHINCHOKU_LANG: z.enum(['ja', 'en']).default('ja'),
  REMINDER_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)').default('09:30'),
  DIGEST_CRON: z.string().trim().min(1).default('0 9 * * 1'),
});

export type Config = Readonly<z.infer<typeof schema>>;

/**
 * Reads and validates the settings. Every bad setting is named in one
 * message, so an operator fixes them all in one go. Empty values count as unset.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Result<Config, Problem> {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(present);
  if (parsed.success) return ok(Object.freeze(parsed.data));
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  return fail({ code: 'bad_config', message: `invalid settings (check .env): ${problems.join('; ')}` });
}
