import { formatFullTime } from '../chat/format.ts';
import type { TextRef } from '../i18n/dom.ts';

/**
 * An audit line's details as `GET /api/moderation/audit` gives them: one JSON object whose keys
 * depend on the line's action (see the README). Ids are left unsaid on screen; codes (roles,
 * report reasons, sources) are said by their names; moments in Helsinki time.
 */
export type AuditDetails = {
  text?: string;
  until?: string;
  untilLifted?: boolean;
  seriesId?: string;
  appealId?: string;
  slowModeSeconds?: number;
  reportId?: string;
  reportReason?: string;
  source?: string;
  escalationId?: string;
  previousHolderId?: string;
  previousHolderName?: string | null;
  fromRoomId?: string;
  again?: boolean;
  sanction?: string;
  sanctionId?: string;
  outcome?: string;
  rolesBefore?: string[];
  rolesAfter?: string[];
  invitationId?: string;
  roomRole?: string;
  previousRoomRole?: string;
  readVia?: string;
};

/** Looks a text up in the reader's language: the first key that has one, or undefined. */
export type Lookup = (keys: readonly string[]) => string | undefined;

/** How the details are said: texts to translate, names already looked up, times formatted. */
export type DetailsContext = { readonly lookup: Lookup; readonly intlLocale: string };

function named(context: DetailsContext, keys: readonly string[], code: string): string {
  return context.lookup(keys) ?? code;
}

function roles(context: DetailsContext, codes: readonly string[] | undefined): string {
  const names = (codes ?? []).map((role) => named(context, [`role.${role}`], role));
  return names.length === 0 ? (context.lookup(['audit.detail.noRoles']) ?? '–') : names.join(', ');
}

function roomRole(context: DetailsContext, role: string): string {
  return named(context, [`role.${role}`, `audit.roomRole.${role}`], role);
}

/**
 * The details of one line said in words, one text per fact, in the order they are read. A text
 * someone wrote (a removed message, an announcement, an older line's words) comes as it is, for
 * the caller to set as text, never as markup.
 */
export function detailTexts(details: AuditDetails | null | undefined, context: DetailsContext): TextRef[] {
  if (details === null || details === undefined || typeof details !== 'object') return [];
  const texts: TextRef[] = [];
  const say = (key: string, params?: Record<string, string | number>): void => {
    texts.push(params === undefined ? { keys: [key] } : { keys: [key], params });
  };
  if (details.until !== undefined) {
    const at = formatFullTime(details.until, context.intlLocale);
    if (at !== '') say('audit.detail.until', { at });
  }
  if (details.untilLifted === true) say('audit.detail.untilLifted');
  if (details.slowModeSeconds !== undefined) {
    if (details.slowModeSeconds === 0) say('audit.detail.slowModeOff');
    else say('audit.detail.slowMode', { seconds: details.slowModeSeconds });
  }
  if (details.reportReason !== undefined) {
    say('audit.detail.reportReason', { reason: named(context, [`mod.reason.${details.reportReason}`], details.reportReason) });
  }
  if (details.source !== undefined) {
    say('audit.detail.source', { source: named(context, [`audit.source.${details.source}`], details.source) });
  }
  if (details.previousHolderId !== undefined) {
    say('audit.detail.previousHolder', { name: details.previousHolderName ?? '–' });
  }
  if (details.sanction !== undefined) {
    say('audit.detail.sanction', { sanction: named(context, [`audit.sanction.${details.sanction}`], details.sanction) });
  }
  if (details.outcome !== undefined) say(`audit.detail.outcome.${details.outcome}`);
  if (details.appealId !== undefined) say('audit.detail.byAppeal');
  if (details.rolesBefore !== undefined || details.rolesAfter !== undefined) {
    say('audit.detail.roles', { before: roles(context, details.rolesBefore), after: roles(context, details.rolesAfter) });
  }
  if (details.invitationId !== undefined && details.rolesAfter !== undefined) say('audit.detail.viaInvitation');
  if (details.roomRole !== undefined) say('audit.detail.roomRole', { role: roomRole(context, details.roomRole) });
  if (details.previousRoomRole !== undefined) {
    say('audit.detail.previousRoomRole', { role: roomRole(context, details.previousRoomRole) });
  }
  if (details.again === true) say('audit.detail.again');
  if (details.seriesId !== undefined && details.invitationId === undefined) say('audit.detail.wholeSeries');
  if (details.readVia !== undefined) {
    texts.push({ keys: [`audit.readVia.${details.readVia}`, 'audit.readVia.other'] });
  }
  if (details.text !== undefined && details.text !== '') say('audit.detail.text', { text: details.text });
  return texts;
}
