import type { ProgrammeTemplate, TemplateEditRequest } from '../api/coordination.ts';
import { textRule } from '../forms/rules.ts';

/** One theme as the editor holds it; `key` tells themes apart while they are moved around. */
export type ThemeDraft = {
  key: string;
  titleFi: string;
  /** May stay empty: the theme is then shown in Finnish. */
  titleSv: string;
  titleEn: string;
  descriptionFi: string;
  descriptionSv: string;
  descriptionEn: string;
};

export type TemplateDraft = {
  version: number;
  titleFi: string;
  /** May stay empty: the title is then shown in Finnish. */
  titleSv: string;
  titleEn: string;
  descriptionFi: string;
  descriptionSv: string;
  descriptionEn: string;
  defaultLengthMinutes: string;
  themes: ThemeDraft[];
};

export const MAX_THEMES = 20;

let keys = 0;

/** A key for a theme the editor adds, unique in this page. */
export function newThemeKey(): string {
  keys += 1;
  return `new-${keys}`;
}

export function draftOf(template: ProgrammeTemplate): TemplateDraft {
  return {
    version: template.version,
    titleFi: template.title.fi,
    titleSv: template.title.sv ?? '',
    titleEn: template.title.en,
    descriptionFi: template.description.fi,
    descriptionSv: template.description.sv ?? '',
    descriptionEn: template.description.en,
    defaultLengthMinutes: String(template.defaultLengthMinutes),
    themes: [...template.sessions]
      .sort((a, b) => a.position - b.position)
      .map((theme) => ({
        key: `theme-${theme.position}`,
        titleFi: theme.title.fi,
        titleSv: theme.title.sv ?? '',
        titleEn: theme.title.en,
        descriptionFi: theme.description.fi,
        descriptionSv: theme.description.sv ?? '',
        descriptionEn: theme.description.en,
      })),
  };
}

/** The themes with the one at `index` moved `delta` places; unchanged when it would leave the list. */
export function moveTheme(themes: readonly ThemeDraft[], index: number, delta: number): ThemeDraft[] {
  const target = index + delta;
  if (index < 0 || index >= themes.length || target < 0 || target >= themes.length) return [...themes];
  const moved = [...themes];
  const [theme] = moved.splice(index, 1);
  if (theme !== undefined) moved.splice(target, 0, theme);
  return moved;
}

export function removeTheme(themes: readonly ThemeDraft[], index: number): ThemeDraft[] {
  return themes.filter((_, at) => at !== index);
}

/** The themes with an empty one at the end, unless the list is already as long as allowed. */
export function addTheme(themes: readonly ThemeDraft[], key: string = newThemeKey()): ThemeDraft[] {
  if (themes.length >= MAX_THEMES) return [...themes];
  return [...themes, { key, titleFi: '', titleSv: '', titleEn: '', descriptionFi: '', descriptionSv: '', descriptionEn: '' }];
}

/** A title, required: the template's own (`templateTitle`) or a theme's (`sessionTheme`), with the server's limits. */
function title(value: string, field: 'templateTitle' | 'sessionTheme'): string | null {
  return value.trim() === '' ? 'not_blank' : textRule(field)(value);
}

function description(value: string): string | null {
  return textRule('templateDescription')(value);
}

/** A Swedish title, which may be left empty (shown in Finnish) but is otherwise held to the title's limits. */
function optionalTitle(value: string, field: 'templateTitle' | 'sessionTheme'): string | null {
  return value.trim() === '' ? null : textRule(field)(value);
}

/** Errors keyed by the field paths the server uses, e.g. `sessions[2].title.en`. */
export function validateTemplate(draft: TemplateDraft): Map<string, string> {
  const errors = new Map<string, string>();
  const set = (field: string, code: string | null): void => {
    if (code !== null) errors.set(field, code);
  };
  set('title.fi', title(draft.titleFi, 'templateTitle'));
  set('title.sv', optionalTitle(draft.titleSv, 'templateTitle'));
  set('title.en', title(draft.titleEn, 'templateTitle'));
  set('description.fi', description(draft.descriptionFi));
  set('description.sv', description(draft.descriptionSv));
  set('description.en', description(draft.descriptionEn));
  const length = draft.defaultLengthMinutes.trim();
  if (length === '') set('defaultLengthMinutes', 'not_blank');
  else if (!/^\d+$/.test(length)) set('defaultLengthMinutes', 'invalid');
  else if (Number(length) < 15 || Number(length) > 240) set('defaultLengthMinutes', 'range');
  if (draft.themes.length === 0 || draft.themes.length > MAX_THEMES) set('sessions', 'size');
  draft.themes.forEach((theme, index) => {
    set(`sessions[${index}].title.fi`, title(theme.titleFi, 'sessionTheme'));
    set(`sessions[${index}].title.sv`, optionalTitle(theme.titleSv, 'sessionTheme'));
    set(`sessions[${index}].title.en`, title(theme.titleEn, 'sessionTheme'));
    set(`sessions[${index}].description.fi`, description(theme.descriptionFi));
    set(`sessions[${index}].description.sv`, description(theme.descriptionSv));
    set(`sessions[${index}].description.en`, description(theme.descriptionEn));
  });
  return errors;
}

/** The place a theme had when the template was loaded (its key is `theme-<place>`); null for a new theme. */
export function loadedPlace(key: string): number | null {
  const match = /^theme-(\d+)$/.exec(key);
  return match?.[1] === undefined ? null : Number(match[1]);
}

export function editRequest(draft: TemplateDraft): TemplateEditRequest {
  return {
    version: draft.version,
    title: { fi: draft.titleFi.trim(), sv: draft.titleSv.trim(), en: draft.titleEn.trim() },
    description: { fi: draft.descriptionFi.trim(), sv: draft.descriptionSv.trim(), en: draft.descriptionEn.trim() },
    defaultLengthMinutes: Number(draft.defaultLengthMinutes.trim()),
    sessions: draft.themes.map((theme) => {
      const from = loadedPlace(theme.key);
      return {
        title: { fi: theme.titleFi.trim(), sv: theme.titleSv.trim(), en: theme.titleEn.trim() },
        description: { fi: theme.descriptionFi.trim(), sv: theme.descriptionSv.trim(), en: theme.descriptionEn.trim() },
        ...(from === null ? {} : { from }),
      };
    }),
  };
}

/** The generic form of a server field path, for its error text: `sessions[2].title.en` → `themeTitle`. */
export function fieldKind(path: string): string {
  const theme = /^sessions\[\d+\]\.(title|description)\.(fi|sv|en)$/.exec(path);
  if (theme !== null) return theme[1] === 'title' ? 'themeTitle' : 'themeDescription';
  if (path.startsWith('title.')) return 'templateTitle';
  if (path.startsWith('description.')) return 'templateDescription';
  return path;
}
