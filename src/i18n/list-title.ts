// The heading of a milestone list, in the same words on every platform.
import type { ListScope } from '../app/commands/reply.ts';
import type { Translate } from './catalog.ts';

export function listTitle(scope: ListScope, t: Translate): string {
  switch (scope.kind) {
    case 'overdue':
      return t('plan.list.overdue');
    case 'upcoming':
      return t('plan.list.upcoming', { days: scope.days });
    case 'done':
      return t('plan.list.done');
    case 'mine':
      return t('plan.list.mine');
    case 'division':
      return t('plan.list.division', { division: scope.division });
  }
}
