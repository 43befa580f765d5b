/**
 * One entry point from a parsed command to its reply, for adapters that
 * handle every command the same way (the shell, tests). The Slack app
 * registers one listener per command family instead, calling the same use cases.
 */
import type { UpdateVia } from '../../domain/status-update.ts';
import type { Command } from './command.ts';
import { choosePlan } from './choose-plan.ts';
import { changeOwner } from './change-owner.ts';
import { dashboardCommand } from './dashboard-command.ts';
import { digestCommand } from './digest-command.ts';
import { exportReport } from './export-report.ts';
import type { CommandDeps } from './ports.ts';
import { problemReply, type Reply } from './reply.ts';
import { reviseDue } from './revise-due.ts';
import { languageOf, setLanguage } from './set-language.ts';
import { showHelp } from './show-help.ts';
import { showHistory } from './show-history.ts';
import { showList } from './show-list.ts';
import { showMilestone } from './show-milestone.ts';
import { showOverview } from './show-overview.ts';
import { updateStatus } from './update-status.ts';
import { reportViaOf, runReportCommand } from '../report/run-report-command.ts';

/** Runs `command` for `userId` and returns what to answer; `via` is how an update reached us, for its history. */
export async function runCommand(deps: CommandDeps, userId: string, command: Command, via: UpdateVia = 'slash'): Promise<Reply> {
  switch (command.kind) {
    case 'help':
      return showHelp(deps, userId);
    case 'overview':
      return showOverview(deps, command.plan);
    case 'milestone':
      return showMilestone(deps, command.id, command.plan);
    case 'list':
      return showList(deps, userId, command.target, command.page, command.plan);
    case 'history':
      return showHistory(deps, command.id, command.page, command.plan);
    case 'update':
      return updateStatus(deps, userId, command, via);
    case 'due':
      return reviseDue(deps, userId, command, via);
    case 'owner':
      return changeOwner(deps, userId, command);
    case 'lang':
      return setLanguage(deps, userId, command.lang);
    case 'digest':
      return digestCommand(deps, userId, command, await languageOf(deps, userId));
    case 'export':
      return exportReport(deps, userId, await languageOf(deps, userId));
    case 'report': {
      // `report --plan dx-2020 …`: the rounds of that plan (issue 13); the default plan's otherwise.
      const chosen = await choosePlan(deps, command.plan);
      return chosen.ok ? runReportCommand(chosen.value.deps, userId, command.action, reportViaOf(via)) : problemReply(chosen.error);
    }
    case 'dashboard':
      return dashboardCommand(deps, userId, command.action);
  }
}
