/**
 * `/plan export` in Teams: a bot message cannot carry a file without the
 * FileConsentCard round trip and OneDrive, so Teams points to the
 * dashboard's download (a personal link, bound to the asker) when the
 * dashboard runs, else to the CLI.
 */
import type { FileDelivery } from '../../app/commands/ports.ts';

export function createTeamsFileDelivery(downloadUrl: ((userId: string) => Promise<string | null>) | null = null): FileDelivery {
  return {
    async deliver(_file, userId) {
      const url = downloadUrl ? await downloadUrl(userId) : null;
      return url ? { kind: 'link', url } : { kind: 'cli' };
    },
  };
}
