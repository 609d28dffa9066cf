import { type ProgrammeTemplate, fetchTemplate, saveTemplate } from '../api/coordination.ts';
import { type Problem, problemOf } from '../api/problem.ts';
import { FormAlert } from '../components/form-alert.ts';
import { FormField } from '../components/form-field.ts';
import {
  MAX_THEMES,
  type TemplateDraft,
  type ThemeDraft,
  addTheme,
  draftOf,
  editRequest,
  fieldKind,
  moveTheme,
  removeTheme,
  validateTemplate,
} from '../coordination/template-draft.ts';
import { api, locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { fieldErrorText, problemText } from '../forms/problem-text.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';
import { localised } from '../series/calendar.ts';
import type { TextField } from '../text/text-limits.ts';
import '../components/template-materials.ts';
import '../components/template-texts.ts';
import { backToOverview } from '../components/back-to-overview.ts';

type AnyField = FormField<HTMLInputElement | HTMLTextAreaElement>;

function toProblem(error: unknown): Problem {
  return problemOf(error);
}

/** The server's text field behind each kind of template field, for the limits its error texts state. */
const limitOfKind: Readonly<Record<string, TextField>> = {
  templateTitle: 'templateTitle',
  themeTitle: 'sessionTheme',
  templateDescription: 'templateDescription',
  themeDescription: 'templateDescription',
};

function textField(name: string, label: MessageKey, multiline: boolean, value: string): AnyField {
  // Swedish may be left empty: the text is then shown in Finnish.
  const options = { name, label, autocomplete: 'off', required: !multiline && !name.endsWith('.sv'), limit: limitOfKind[fieldKind(name)] };
  const field: AnyField = multiline ? FormField.multiline(options, 2) : new FormField(options);
  field.value = value;
  return field;
}

/**
 * For coordinators: a programme template's texts and its themes, which can be reworded, moved,
 * added and removed. Series already planned keep the themes they were planned with.
 */
class TemplateEditorPage extends Component {
  readonly #title = h('h1', { tabindex: '-1', 'data-testid': 'template-title' });
  readonly #loadAlert = new FormAlert('error', 'template-load-alert');
  readonly #alert = new FormAlert('error', 'template-alert');
  readonly #saved = new FormAlert('info', 'template-saved');
  readonly #general = h('div', { class: 'stack' });
  readonly #themes = h('ol', { class: 'theme-list', 'data-testid': 'theme-list' });
  readonly #themesError = h('p', { class: 'field-error', hidden: true });
  readonly #add = translated(locale, 'button', 'coordinator.template.addTheme', { type: 'button', class: 'button-secondary' });
  readonly #reload = translated(locale, 'button', 'coordinator.template.reload', { type: 'button', class: 'button-quiet', hidden: '' });
  readonly #form = h('form', { class: 'stack', hidden: true, 'data-testid': 'template-form' });
  readonly #fields = new Map<string, AnyField>();
  #draft: TemplateDraft | null = null;
  /** The house rules and ready-made messages, saved on their own. */
  readonly #texts = h('tp-template-texts');
  /** Each session's material and exercise, saved per session; drawn again when the themes are saved. */
  readonly #materials = h('tp-template-materials');
  #busy = false;

  protected render(): void {
    setText(locale, this.#title, ref('coordinator.template.heading'));
    const themesHeading = uniqueId('themes-heading');
    const submit = translated(locale, 'button', 'coordinator.template.save', { type: 'submit', class: 'button-primary' });
    this.#form.noValidate = true;
    this.#form.append(
      this.#general,
      h(
        'section',
        { class: 'stack', 'aria-labelledby': themesHeading },
        translated(locale, 'h2', 'coordinator.template.themesHeading', { id: themesHeading }),
        translated(locale, 'p', ref('coordinator.template.themesHint', { max: MAX_THEMES }), { class: 'field-hint' }),
        this.#themesError,
        this.#themes,
        h('div', { class: 'actions' }, this.#add),
      ),
      this.#alert.element,
      this.#saved.element,
      h('div', { class: 'actions' }, submit, this.#reload),
    );
    this.#add.addEventListener('click', () => this.#change((themes) => addTheme(themes), this.#draft?.themes.length ?? 0));
    this.#reload.addEventListener('click', () => void this.#load());
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#save();
    });
    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          backToOverview(),
          this.#title,
          translated(locale, 'p', 'coordinator.template.intro', { class: 'lead' }),
          this.#loadAlert.element,
          this.#form,
        ),
        this.#materials,
        this.#texts,
      ),
    );
    void this.#load();
    void this.#texts.load(this.dataset['templateId'] ?? '');
  }

  async #load(): Promise<void> {
    this.#loadAlert.clear();
    this.#alert.clear();
    this.#reload.hidden = true;
    try {
      this.#show(await fetchTemplate(api, this.dataset['templateId'] ?? ''));
    } catch (error) {
      this.#loadAlert.show(problemText(toProblem(error)));
    }
  }

  #show(template: ProgrammeTemplate): void {
    setText(locale, this.#title, ref('coordinator.template.editing', { title: localised(template.title, locale.locale) }));
    this.#draft = draftOf(template);
    this.#renderGeneral(this.#draft);
    this.#renderThemes(null);
    this.#form.hidden = false;
    void this.#materials.show(template);
  }

  #renderGeneral(draft: TemplateDraft): void {
    const fields: [string, MessageKey, boolean, string][] = [
      ['title.fi', 'coordinator.template.titleFi', false, draft.titleFi],
      ['title.sv', 'coordinator.template.titleSv', false, draft.titleSv],
      ['title.en', 'coordinator.template.titleEn', false, draft.titleEn],
      ['description.fi', 'coordinator.template.descriptionFi', true, draft.descriptionFi],
      ['description.sv', 'coordinator.template.descriptionSv', true, draft.descriptionSv],
      ['description.en', 'coordinator.template.descriptionEn', true, draft.descriptionEn],
    ];
    const length = new FormField({
      name: 'defaultLengthMinutes',
      label: 'coordinator.template.length',
      hint: 'coordinator.template.lengthHint',
      type: 'number',
      autocomplete: 'off',
    });
    length.value = draft.defaultLengthMinutes;
    for (const key of [...this.#fields.keys()].filter((name) => !name.startsWith('sessions'))) this.#fields.delete(key);
    this.#fields.set('defaultLengthMinutes', length);
    this.#general.replaceChildren(
      ...fields.map(([name, label, multiline, value]) => {
        const field = textField(name, label, multiline, value);
        this.#fields.set(name, field);
        return field.element;
      }),
      length.element,
    );
  }

  /** Draws the themes from the draft; `focusIndex` is where focus goes after a move, add or removal. */
  #renderThemes(focus: { index: number; control: 'title' | 'up' | 'down' } | null): void {
    const themes = this.#draft?.themes ?? [];
    for (const key of [...this.#fields.keys()].filter((name) => name.startsWith('sessions'))) this.#fields.delete(key);
    this.#themes.replaceChildren(...themes.map((theme, index) => this.#themeItem(theme, index, themes.length)));
    this.#add.hidden = themes.length >= MAX_THEMES;
    if (focus !== null) {
      const item = this.#themes.children[Math.min(focus.index, themes.length - 1)];
      const target =
        focus.control === 'title'
          ? item?.querySelector<HTMLElement>('input')
          : (item?.querySelector<HTMLElement>(`[data-move="${focus.control}"]:not([disabled])`) ??
            item?.querySelector<HTMLElement>('input'));
      (target ?? this.#add).focus();
    }
  }

  #themeItem(theme: ThemeDraft, index: number, count: number): HTMLLIElement {
    const position = { position: index + 1 };
    const legendId = uniqueId('theme');
    const parts: [string, MessageKey, boolean, string][] = [
      ['title.fi', 'coordinator.template.themeTitleFi', false, theme.titleFi],
      ['title.sv', 'coordinator.template.themeTitleSv', false, theme.titleSv],
      ['title.en', 'coordinator.template.themeTitleEn', false, theme.titleEn],
      ['description.fi', 'coordinator.template.themeDescriptionFi', true, theme.descriptionFi],
      ['description.sv', 'coordinator.template.themeDescriptionSv', true, theme.descriptionSv],
      ['description.en', 'coordinator.template.themeDescriptionEn', true, theme.descriptionEn],
    ];
    const up = translated(locale, 'button', ref('coordinator.template.moveUp', position), {
      type: 'button',
      class: 'button-quiet button-small',
      'data-move': 'up',
    });
    const down = translated(locale, 'button', ref('coordinator.template.moveDown', position), {
      type: 'button',
      class: 'button-quiet button-small',
      'data-move': 'down',
    });
    const remove = translated(locale, 'button', ref('coordinator.template.remove', position), {
      type: 'button',
      class: 'button-quiet button-small',
    });
    up.disabled = index === 0;
    down.disabled = index === count - 1;
    remove.disabled = count === 1;
    up.addEventListener('click', () => this.#change((themes) => moveTheme(themes, index, -1), index - 1, 'up'));
    down.addEventListener('click', () => this.#change((themes) => moveTheme(themes, index, 1), index + 1, 'down'));
    remove.addEventListener('click', () => this.#change((themes) => removeTheme(themes, index), index));
    return h(
      'li',
      { class: 'theme-item', 'data-testid': 'theme-item', 'data-key': theme.key },
      h(
        'fieldset',
        { class: 'form-part', 'aria-labelledby': legendId },
        translated(locale, 'legend', ref('coordinator.template.theme', position), { id: legendId }),
        ...parts.map(([part, label, multiline, value]) => {
          const field = textField(`sessions[${index}].${part}`, label, multiline, value);
          this.#fields.set(field.name, field);
          return field.element;
        }),
        h('div', { class: 'actions' }, up, down, remove),
      ),
    );
  }

  /** Takes what has been typed into the draft before its themes are rearranged. */
  #collect(): TemplateDraft | null {
    const draft = this.#draft;
    if (draft === null) return null;
    const value = (name: string, fallback: string): string => this.#fields.get(name)?.value ?? fallback;
    this.#draft = {
      ...draft,
      titleFi: value('title.fi', draft.titleFi),
      titleSv: value('title.sv', draft.titleSv),
      titleEn: value('title.en', draft.titleEn),
      descriptionFi: value('description.fi', draft.descriptionFi),
      descriptionSv: value('description.sv', draft.descriptionSv),
      descriptionEn: value('description.en', draft.descriptionEn),
      defaultLengthMinutes: value('defaultLengthMinutes', draft.defaultLengthMinutes),
      themes: draft.themes.map((theme, index) => ({
        ...theme,
        titleFi: value(`sessions[${index}].title.fi`, theme.titleFi),
        titleSv: value(`sessions[${index}].title.sv`, theme.titleSv),
        titleEn: value(`sessions[${index}].title.en`, theme.titleEn),
        descriptionFi: value(`sessions[${index}].description.fi`, theme.descriptionFi),
        descriptionSv: value(`sessions[${index}].description.sv`, theme.descriptionSv),
        descriptionEn: value(`sessions[${index}].description.en`, theme.descriptionEn),
      })),
    };
    return this.#draft;
  }

  #change(edit: (themes: readonly ThemeDraft[]) => ThemeDraft[], focusIndex: number, control: 'title' | 'up' | 'down' = 'title'): void {
    const draft = this.#collect();
    if (draft === null) return;
    this.#draft = { ...draft, themes: edit(draft.themes) };
    this.#saved.clear();
    this.#renderThemes({ index: Math.max(0, focusIndex), control });
  }

  #showErrors(errors: Map<string, string>): void {
    for (const [name, field] of this.#fields) {
      const code = errors.get(name);
      field.showError(code === undefined ? null : fieldErrorText(fieldKind(name), code));
    }
    const listCode = errors.get('sessions');
    setText(locale, this.#themesError, listCode === undefined ? null : fieldErrorText('themes', listCode));
    this.#themesError.hidden = listCode === undefined;
  }

  async #save(): Promise<void> {
    const draft = this.#collect();
    if (draft === null || this.#busy) return;
    this.#alert.clear();
    this.#saved.clear();
    const errors = validateTemplate(draft);
    this.#showErrors(errors);
    if (errors.size > 0) {
      this.#alert.show(ref('form.checkFields'));
      [...this.#fields.values()].find((field) => field.invalid)?.focus();
      return;
    }
    this.#busy = true;
    this.#form.setAttribute('aria-busy', 'true');
    try {
      this.#show(await saveTemplate(api, this.dataset['templateId'] ?? '', editRequest(draft)));
      this.#saved.show(ref('coordinator.template.saved'));
    } catch (error) {
      const problem = toProblem(error);
      const fieldProblems = new Map((problem.errors ?? []).map((item) => [item.field, item.code]));
      this.#showErrors(fieldProblems);
      this.#alert.show(problem.code === 'validation.failed' && fieldProblems.size > 0 ? ref('form.checkFields') : problemText(problem));
      this.#reload.hidden = problem.code !== 'series.template_changed';
    } finally {
      this.#busy = false;
      this.#form.removeAttribute('aria-busy');
    }
  }
}

define('tp-template-editor-page', TemplateEditorPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-template-editor-page': TemplateEditorPage;
  }
}
