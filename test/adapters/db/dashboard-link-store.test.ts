import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDashboardLinkStore } from '../../../src/adapters/db/dashboard-link-store.ts';
import { DIALECTS, type TestDatabase } from './dialects.ts';

for (const dialect of DIALECTS) {
  describe(`dashboard link store (${dialect.name})`, () => {
    let test: TestDatabase;
    beforeEach(async () => {
      test = await dialect.open();
    });
    afterEach(async () => {
      await test.dispose();
    });

    it('keeps a minted link, and its first revocation only', async () => {
      const links = createDashboardLinkStore(test.db);
      const link = { id: 'k7m2q9xa', name: '副知事 山田', createdBy: 'UCOORD01', createdAt: '2020-09-07T01:00:00.000Z', expiresAt: '2020-12-06T01:00:00.000Z' };
      await links.create(link);
      expect(await links.get('k7m2q9xa')).toEqual({ ...link, revokedAt: null, revokedBy: null });
      expect(await links.get('nothere0')).toBeNull();
      expect(await links.revoke('k7m2q9xa', 'UCOORD01', '2020-09-10T01:00:00.000Z')).toBe(true);
      expect(await links.revoke('k7m2q9xa', 'UCOORD02', '2020-09-11T01:00:00.000Z')).toBe(false);
      expect(await links.revoke('nothere0', 'UCOORD02', '2020-09-11T01:00:00.000Z')).toBe(false);
      expect(await links.get('k7m2q9xa')).toMatchObject({ revokedAt: '2020-09-10T01:00:00.000Z', revokedBy: 'UCOORD01' });
    });
  });
}
