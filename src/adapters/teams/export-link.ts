/**
 * `/plan export` in Teams: a bot message cannot carry a file without the
 * FileConsentCard round trip and OneDrive, so Teams points to the
 * dashboard's download when the dashboard is served, else to the CLI.
 */
import type { FileDelivery } from '../../app/commands/ports.ts';

export function createTeamsFileDelivery(downloadUrl: (() => string | null) | null = null): FileDelivery {
  return {
    async deliver() {
      const url = downloadUrl?.() ?? null;
      return url ? { kind: 'link', url } : { kind: 'cli' };
    },
  };
}
