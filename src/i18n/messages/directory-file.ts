// Messages for a directory file (SPEC §3) that cannot be used; the words it
// shares with the plan file (wrong type, unknown key, …) are planFile.*.
import type { Message, Params } from '../message.ts';

export const ja = {
  'directoryFile.empty': 'ファイルが空です (coordinator: と divisions: が必要です)',
  'directoryFile.notMapping': 'coordinator: と divisions: を持つマッピングにしてください',
  'directoryFile.invalid': '担当課の対応表として正しくありません',
  'directoryFile.unreadable': (p: Params) => `${p.file}: 担当課の対応表を読めません (${p.reason})`,
  'directoryFile.missing': (p: Params) => `${p.file} がありません`,
  'directoryFile.unwritable': (p: Params) => `${p.file}: 担当課の対応表に書き込めません (${p.reason})`,
  'directoryFile.noSpaces': '空白を含めることはできません',
  'directoryFile.planKey': '計画のキー (例: gyokaku-2021) にしてください',
  'directoryFile.scale': '進捗評価の区分を、良い順に「記号:名称」をカンマで区切って書いてください (例: "A:達成,B:順調,C:遅れ*"。* は取組実績なしでもよい区分)',
  'directoryFile.divisionEmpty': '課名を空にはできません',
} satisfies Record<string, Message>;

export const en: Record<keyof typeof ja, Message> = {
  'directoryFile.empty': 'the file is empty (expected coordinator: and divisions:)',
  'directoryFile.notMapping': 'expected a mapping with coordinator: and divisions:',
  'directoryFile.invalid': 'not a valid directory file',
  'directoryFile.unreadable': (p) => `${p.file}: cannot read the directory file (${p.reason})`,
  'directoryFile.missing': (p) => `${p.file} does not exist`,
  'directoryFile.unwritable': (p) => `${p.file}: cannot write the directory file (${p.reason})`,
  'directoryFile.noSpaces': 'must not contain spaces',
  'directoryFile.planKey': 'a plan key (e.g. gyokaku-2021)',
  'directoryFile.scale': 'write the evaluation scale best first as CODE:LABEL pairs separated by commas (e.g. "A:達成,B:順調,C:遅れ*"; * marks a grade that needs no achievements)',
  'directoryFile.divisionEmpty': 'a division name must not be empty',
};
