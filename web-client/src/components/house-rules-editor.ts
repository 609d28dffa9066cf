import { type HouseRulesView, type RulesOwner, fetchHouseRules, resetHouseRules, saveHouseRules } from '../api/house-rules.ts';
import { type Problem, problemOf } from '../api/problem.ts';
import { api, locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { fieldErrorText, problemText } from '../forms/problem-text.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';
import { helsinkiDay } from '../peers/invitation-text.ts';
import { coordinatorSeriesRoute, hashOf } from '../routes.ts';
import { FormAlert } from './form-alert.ts';

const LANGUAGES = ['fi', 'sv', 'en'] as const;

const languageLabel: Record<(typeof LANGUAGES)[number], MessageKey> = {
  fi: 'coordinator.texts.fi',
  sv: 'coordinator.texts.sv',
  en: 'coordinator.texts.en',
};

/** The event an editor dispatches (bubbling) after saving or removing the rules. */
export const HOUSE_RULES_CHANGED = 'tp-house-rules-changed';

/**
 * A series' or a room's own house rules, in Finnish, Swedish and English, in place of its
 * programme template's: saved, or removed so the template's apply again. With no rules of its own
 * yet, the fields start from the template's, to be reworded. Members are asked to accept the rules
 * again after every change. `load(owner, id)` reads them; the heading level follows `data-level`
 * (2 by default, 3 inside a list, 4 inside a room's tools). With `data-follow-series`, a session room's editor edits its
 * series' rules in its place (a facilitator in the room) instead of linking to the series page.
 */
class HouseRulesEditor extends Component {
  readonly #form = h('form', { class: 'stack', 'data-testid': 'house-rules-editor', novalidate: true });
  readonly #fields = new Map<string, HTMLTextAreaElement>();
  readonly #errors = new Map<string, HTMLParagraphElement>();
  readonly #state = h('p', { class: 'field-hint', 'data-testid': 'house-rules-source' });
  readonly #template = h('p', { class: 'house-rules-text' });
  readonly #templatePart = h('details', { class: 'house-rules-template' });
  readonly #loadAlert = new FormAlert('error', 'house-rules-load-alert');
  readonly #seriesNote = h('p', { class: 'note', hidden: true, 'data-testid': 'house-rules-of-series' });
  readonly #alert = new FormAlert('error', 'house-rules-editor-alert');
  readonly #saved = new FormAlert('info', 'house-rules-editor-saved');
  readonly #reset = translated(locale, 'button', 'houseRules.editor.reset', {
    type: 'button',
    class: 'button-quiet',
    'data-testid': 'house-rules-reset',
  });
  readonly #body = h('div', { class: 'stack', hidden: true });
  readonly #intro = h('p', { class: 'field-hint' });
  #owner: RulesOwner = 'SERIES';
  #id = '';
  #view: HouseRulesView | null = null;

  protected render(): void {
    const headingId = uniqueId('house-rules-editor');
    const level = this.dataset['level'] === '4' ? 'h4' : this.dataset['level'] === '3' ? 'h3' : 'h2';
    this.#form.setAttribute('aria-labelledby', headingId);
    const parts = LANGUAGES.map((language) => {
      const id = uniqueId(`house-rules-${language}`);
      const errorId = uniqueId(`house-rules-${language}-error`);
      const area = h('textarea', { id, lang: language, rows: 6, 'aria-describedby': errorId, 'data-testid': `house-rules-${language}` });
      const error = h('p', { id: errorId, class: 'field-error', hidden: true });
      this.#fields.set(language, area);
      this.#errors.set(language, error);
      return h('div', { class: 'field' }, translated(locale, 'label', languageLabel[language], { for: id }), area, error);
    });
    const submit = translated(locale, 'button', 'houseRules.editor.save', {
      type: 'submit',
      class: 'button-primary',
      'data-testid': 'house-rules-save',
    });
    this.#templatePart.append(translated(locale, 'summary', 'houseRules.editor.templateRules'), this.#template);
    this.#form.append(...parts, this.#alert.element, this.#saved.element, h('div', { class: 'actions' }, submit, this.#reset));
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#save();
    });
    this.#reset.addEventListener('click', () => void this.#remove());
    this.#body.append(this.#state, this.#templatePart, this.#form);
    this.append(
      h(
        'div',
        { class: 'house-rules-editor' },
        translated(locale, level, 'houseRules.editor.heading', { id: headingId }),
        this.#intro,
        this.#loadAlert.element,
        this.#seriesNote,
        this.#body,
      ),
    );
  }

  protected override connected(signal: AbortSignal): void {
    locale.on('locale-changed', () => this.#showState(), { signal });
  }

  /** Reads the rules of a series or a room into the form. */
  async load(owner: RulesOwner, id: string): Promise<void> {
    this.#owner = owner;
    this.#id = id;
    setText(locale, this.#intro, ref(owner === 'ROOM' ? 'houseRules.editor.introRoom' : 'houseRules.editor.introSeries'));
    try {
      this.#fill(await fetchHouseRules(api, owner, id));
      this.#loadAlert.clear();
      this.#body.hidden = false;
    } catch (error) {
      const problem = problemOf(error);
      if (
        owner === 'ROOM' &&
        this.dataset['followSeries'] !== undefined &&
        problem.code === 'series.house_rules_of_series' &&
        problem.seriesId !== undefined
      ) {
        await this.load('SERIES', problem.seriesId);
        return;
      }
      this.#body.hidden = true;
      this.#refused(problem, this.#loadAlert);
    }
  }

  #fill(view: HouseRulesView): void {
    this.#view = view;
    const start = view.own ?? view.template;
    for (const [language, area] of this.#fields) {
      area.value = start[language] ?? '';
    }
    this.#clearErrors();
    this.#showState();
  }

  #showState(): void {
    const view = this.#view;
    if (view === null) return;
    setText(
      locale,
      this.#state,
      view.own === null
        ? ref('houseRules.editor.followsTemplate')
        : ref(view.updatedByName === null ? 'houseRules.editor.ownNameless' : 'houseRules.editor.own', {
            date: view.updatedAt === null ? '' : helsinkiDay(view.updatedAt, locale.intlLocale),
            name: view.updatedByName ?? '',
          }),
    );
    // the organisation's own text: set as text, never as markup
    this.#template.textContent = view.template[locale.locale] ?? view.template['fi'] ?? '';
    this.#templatePart.hidden = view.own === null || Object.keys(view.template).length === 0;
    this.#reset.hidden = view.own === null;
  }

  async #save(): Promise<void> {
    const rules: Record<string, string> = {};
    for (const [language, area] of this.#fields) {
      rules[language] = area.value;
    }
    this.#clearErrors();
    this.#alert.clear();
    this.#saved.clear();
    try {
      this.#fill(await saveHouseRules(api, this.#owner, this.#id, rules));
      this.#saved.show(ref('houseRules.editor.saved'));
      this.dispatchEvent(new Event(HOUSE_RULES_CHANGED, { bubbles: true }));
    } catch (error) {
      const problem = problemOf(error);
      for (const field of problem.errors ?? []) {
        const language = field.field.replace(/^houseRules\./, '');
        this.#fields.get(language)?.setAttribute('aria-invalid', 'true');
        const error = this.#errors.get(language);
        if (error !== undefined) {
          setText(locale, error, fieldErrorText(field.field, field.code));
          error.hidden = false;
        }
      }
      this.#refused(problem, this.#alert);
      this.querySelector<HTMLTextAreaElement>('[aria-invalid="true"]')?.focus();
    }
  }

  #clearErrors(): void {
    for (const [language, area] of this.#fields) {
      area.removeAttribute('aria-invalid');
      const error = this.#errors.get(language);
      if (error !== undefined) {
        setText(locale, error, null);
        error.hidden = true;
      }
    }
  }

  async #remove(): Promise<void> {
    if (this.#reset.getAttribute('aria-disabled') === 'true') return;
    this.#reset.setAttribute('aria-disabled', 'true');
    this.#alert.clear();
    this.#saved.clear();
    try {
      this.#fill(await resetHouseRules(api, this.#owner, this.#id));
      this.#saved.show(ref('houseRules.editor.removed'));
      this.dispatchEvent(new Event(HOUSE_RULES_CHANGED, { bubbles: true }));
      this.#fields.get('fi')?.focus();
    } catch (error) {
      this.#refused(problemOf(error), this.#alert);
    } finally {
      this.#reset.removeAttribute('aria-disabled');
    }
  }

  /** Shows why not; a session room's rules are its series', so the way there is offered instead. */
  #refused(problem: Problem, alert: FormAlert): void {
    if (problem.code === 'series.house_rules_of_series' && problem.seriesId !== undefined) {
      this.#body.hidden = true;
      const link = translated(locale, 'a', 'houseRules.editor.seriesLink', { href: hashOf(coordinatorSeriesRoute(problem.seriesId)) });
      this.#seriesNote.replaceChildren(translated(locale, 'span', 'error.series.house_rules_of_series'), ' ', link);
      this.#seriesNote.hidden = false;
      return;
    }
    alert.show(problemText(problem));
  }
}

define('tp-house-rules-editor', HouseRulesEditor);

declare global {
  interface HTMLElementTagNameMap {
    'tp-house-rules-editor': HouseRulesEditor;
  }
}
