/**
 * Row types of the tables created in db/migrations, as Kysely sees them.
 * Portable on purpose: timestamps are ISO-8601 text, booleans are 0/1
 * integers, JSON is text.
 */
import type { Generated } from 'kysely';

export interface Database {
  plan: PlanTable;
  pillar: PillarTable;
  initiative: InitiativeTable;
  item: ItemTable;
  item_owner: ItemOwnerTable;
  milestone: MilestoneTable;
  status_update: StatusUpdateTable;
  status_latest: StatusLatestTable;
  change_counter: ChangeCounterTable;
  outbox: OutboxTable;
  reminder_sent: ReminderSentTable;
  tick_state: TickStateTable;
  digest: DigestTable;
  user_pref: UserPrefTable;
  teams_conversation: TeamsConversationTable;
  report_round: ReportRoundTable;
  report_entry: ReportEntryTable;
  dashboard_link: DashboardLinkTable;
}

/** One row per stored plan (db/migrations/20261201000001_plan_keys.ts). */
export interface PlanTable {
  /** The plan's key, chosen at import (`gyokaku-2021`) or `fyYYYY`. */
  id: string;
  /** Put before every stored id of the plan's tree: '' for the plan stored first, `KEY/` for later ones. */
  id_prefix: Generated<string>;
  title: string;
  fiscal_year: number;
  /** `YYYY-MM-DD` */
  published_on: string | null;
  coordinator: string | null;
  /** The file the plan was imported from, as the operator named it. */
  source_name: string;
  imported_at: string;
  /** `ImportWarning[]` as JSON. */
  warnings_json: string;
  /** Raised by every save: a process that loaded the plan knows from it whether it is still current. */
  revision: Generated<number>;
}

export interface PillarTable {
  id: string;
  plan_id: string;
  position: number;
  title: string;
}

export interface InitiativeTable {
  id: string;
  plan_id: string;
  pillar_id: string;
  /** Order within the pillar. */
  position: number;
  title: string;
}

export interface ItemTable {
  id: string;
  plan_id: string;
  initiative_id: string;
  /** Order within the initiative. */
  position: number;
  title: string;
}

export interface ItemOwnerTable {
  item_id: string;
  division: string;
  /** Order within the item's owners. */
  position: number;
}

/** Never deleted: a milestone dropped from the plan keeps its row with `active = 0`. */
export interface MilestoneTable {
  /** The plan's id prefix and the milestone's id in the plan (`1-1-2`, `gyokaku-2021/1-1-2`). */
  id: string;
  /** The plan (its key) the milestone belongs to. */
  plan_id: string;
  /** No foreign key: the item may be gone while the milestone's history stays. */
  item_id: string;
  /** Order within the item. */
  position: number;
  title: string;
  schedule_text: string | null;
  /** `Schedule` as JSON. */
  schedule_json: string;
  group_label: string | null;
  /** `string[]` as JSON when the milestone overrides its item's owners, else null. */
  owners_json: string | null;
  /** 1 while the milestone is in the plan, 0 once a re-import removed it. */
  active: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** Append-only history of status reports and due-date revisions. */
export interface StatusUpdateTable {
  id: Generated<number>;
  milestone_id: string;
  /** `YYYY-MM` for `months` and `monthly` schedules, else null. */
  checkpoint: string | null;
  status: string;
  comment: string | null;
  /** `YYYY-MM` */
  revised_due: string | null;
  actor: string;
  via: string;
  created_at: string;
}

/**
 * The latest update per milestone and checkpoint, kept by the status store
 * with every append (db/migrations/20260401000000_status_latest.ts).
 */
export interface StatusLatestTable {
  milestone_id: string;
  /** The checkpoint (`YYYY-MM`), or '' for updates on the milestone as a whole. */
  checkpoint_key: string;
  status: string;
  created_at: string;
  update_id: number;
  /** `YYYY-MM`: the group's latest due-month revision, with its time and update id. */
  revised_due: string | null;
  revised_at: string | null;
  revised_id: number | null;
}

/** Counters raised by writes that readers cache on (db/migrations/20260401000003_status_revision.ts). */
export interface ChangeCounterTable {
  /** `statuses`: raised by every status append. */
  name: string;
  n: number;
}

/** One chat message to deliver (db/migrations/20260201000000_outbox.ts). */
export interface OutboxTable {
  id: Generated<number>;
  /** Idempotency key, unique: `reminders|2020-07-22|総務部税収確保課`. */
  key: string;
  /** `YYYY-MM-DD`: the local day the message belongs to. */
  day: string;
  division: string;
  channel: string;
  /** The message model (`ReminderMessage`) as JSON. */
  body_json: string;
  /** `pending` | `sending` | `sent` | `failed` */
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  /** The platform's id of the delivered message (Slack `ts`). */
  sent_ts: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

/** The record that one reminder (by `reminderKey`) was enqueued, and in which message. */
export interface ReminderSentTable {
  key: string;
  /** Null only inside the transaction that inserts the row. */
  outbox_id: number | null;
  created_at: string;
}

/** How far a periodic job got: the last local day it handled. */
export interface TickStateTable {
  name: string;
  /** `YYYY-MM-DD` */
  last_day: string | null;
}

/** Per-user settings chosen from chat (db/migrations/20260301000000_user_prefs.ts). */
export interface UserPrefTable {
  /** The chat platform's user id. */
  user_id: string;
  /** `ja` | `en`, or null for the deployment's default (SHINCHOKU_LANG). */
  lang: string | null;
  updated_at: string;
}

/** One row per ISO week whose digest was posted (db/migrations/20260302000000_digest.ts). */
export interface DigestTable {
  /** `2020-W38`, the primary key. */
  week: string;
  /** `YYYY-MM-DD`: the digest's date. */
  day: string;
  /** `YYYY-MM-DD`: where "since the previous digest" started. */
  previous_day: string;
  /** 1 when posted after its scheduled day and time. */
  late: number;
  /** 1 when a coordinator posted it. */
  manual: number;
  outbox_id: number | null;
  outbox_key: string | null;
  /** The platform's id of the posted message, once delivered. */
  sent_ts: string | null;
  created_at: string;
  updated_at: string;
}

/** Teams channels and personal chats the bot can post to (db/migrations/20261201000000_teams_conversations.ts). */
export interface TeamsConversationTable {
  conversation_id: string;
  /** `channel` | `personal`. */
  kind: string;
  team_id: string | null;
  aad_group_id: string | null;
  name: string | null;
  /** The Entra object id of a personal chat's user. */
  user_id: string | null;
  tenant_id: string | null;
  service_url: string;
  /** 0 | 1 */
  installed: number;
  updated_at: string;
}

/** One report round of a plan (db/migrations/20261202000000_report_rounds.ts). */
export interface ReportRoundTable {
  id: Generated<number>;
  /** The plan's key. */
  plan_id: string;
  /** `YYYY-MM-DD` */
  as_of: string;
  /** `YYYY-MM-DD` */
  deadline: string;
  /** `EvaluationScale` as JSON, as it was when the round opened. */
  scale_json: string;
  opened_by: string;
  opened_at: string;
  /** Null while the round is open; at most one open round per plan (a partial unique index). */
  closed_at: string | null;
}

/** Append-only answers and send-backs of a round, per item. */
export interface ReportEntryTable {
  id: Generated<number>;
  round_id: number;
  /** The item's id within the plan (`1-1`). */
  item_id: string;
  division: string;
  /** `answer` | `returned` */
  kind: string;
  achievement: string | null;
  evaluation: string | null;
  issues: string | null;
  next_steps: string | null;
  /** The coordinator's comment on a send-back. */
  comment: string | null;
  actor: string;
  /** `slack` | `teams` | `shell` | `cli` | `excel` */
  via: string;
  created_at: string;
}

/** Read-only dashboard links given out by a coordinator (db/migrations/20261202000001_dashboard_links.ts). */
export interface DashboardLinkTable {
  id: string;
  name: string;
  created_by: string;
  /** ISO-8601 instants. */
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}
