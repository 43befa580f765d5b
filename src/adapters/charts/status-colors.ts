/** One colour per status, the same in every chart and in the dashboard's table (readable in greyscale print too: light to dark). */
import type { StatusCode } from '../../domain/status.ts';

export const STATUS_COLORS: Readonly<Record<StatusCode, string>> = Object.freeze({
  not_started: '#c9ced6',
  on_track: '#5b8ff9',
  at_risk: '#f6bd16',
  delayed: '#e8684a',
  done: '#2f9e44',
  cancelled: '#8a8f98',
});
