import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUserPrefsStore } from '../../../src/adapters/db/user-prefs-store.ts';
import { DIALECTS, type TestDatabase } from './dialects.ts';

for (const dialect of DIALECTS) {
  describe(`user prefs store (${dialect.name})`, () => {
    let test: TestDatabase;
    beforeEach(async () => {
      test = await dialect.open();
    });
    afterEach(async () => {
      await test.dispose();
    });

    it('has no language for a user who never chose one, then keeps the latest choice', async () => {
      const prefs = createUserPrefsStore(test.db);
      expect(await prefs.lang('U1')).toBeNull();
      await prefs.setLang('U1', 'en', '2020-09-15T01:00:00.000Z');
      await prefs.setLang('U2', 'ja', '2020-09-15T01:00:00.000Z');
      await prefs.setLang('U1', 'ja', '2020-09-16T01:00:00.000Z');
      expect(await prefs.lang('U1')).toBe('ja');
      expect(await prefs.lang('U2')).toBe('ja');
      expect(await test.db.selectFrom('user_pref').selectAll().where('user_id', '=', 'U1').execute()).toEqual([{ user_id: 'U1', lang: 'ja', updated_at: '2020-09-16T01:00:00.000Z' }]);
    });
  });
}
