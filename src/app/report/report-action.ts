/** What `/plan report …` asks for (issue 15 §1), as a typed value. */
import type { LocalDate } from '../../domain/plan.ts';
import type { ReportFields } from '../../domain/report-round.ts';

export type ReportAction =
  /** `report` / `report status`: where the open round stands. */
  | { op: 'status' }
  | { op: 'open'; asOf: LocalDate; deadline: LocalDate }
  /** `fields` null: show the form (prefilled); else record, fields left out keep this round's earlier answer. */
  | { op: 'answer'; itemId: string; fields: Partial<ReportFields> | null }
  | { op: 'return'; itemId: string; comment: string | undefined }
  | { op: 'close' }
  | { op: 'history'; itemId: string };
