import { problemOf } from '../api/problem.ts';
import { api, locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { problemText } from '../forms/problem-text.ts';
import { ref, translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';
import { FormAlert } from './form-alert.ts';

/** The texts a template carries, in the order coordinators see them. */
const KINDS = ['HOUSE_RULES', 'WELCOME', 'CHECK_IN', 'BREAK', 'CLOSING', 'CRISIS'] as const;
type Kind = (typeof KINDS)[number];
/** The languages the texts are kept in. */
const LANGUAGES = ['fi', 'sv', 'en'] as const;

type Texts = Partial<Record<Kind, Partial<Record<string, string>>>>;

const kindLabel: Record<Kind, MessageKey> = {
  HOUSE_RULES: 'coordinator.texts.HOUSE_RULES',
  WELCOME: 'mod.ready.WELCOME',
  CHECK_IN: 'mod.ready.CHECK_IN',
  BREAK: 'mod.ready.BREAK',
  CLOSING: 'mod.ready.CLOSING',
  CRISIS: 'mod.ready.CRISIS',
};

const languageLabel: Record<(typeof LANGUAGES)[number], MessageKey> = {
  fi: 'coordinator.texts.fi',
  sv: 'coordinator.texts.sv',
  en: 'coordinator.texts.en',
};

/**
 * A programme template's house rules and its facilitators' ready-made messages, in Finnish,
 * Swedish and English, for coordinators to edit and save together. An empty text leaves that
 * language out (except the Finnish house rules, which every group needs).
 */
class TemplateTexts extends Component {
  readonly #form = h('form', { class: 'stack', 'data-testid': 'template-texts', novalidate: true });
  readonly #fields = new Map<string, HTMLTextAreaElement>();
  readonly #alert = new FormAlert('error', 'texts-alert');
  readonly #saved = new FormAlert('info', 'texts-saved');
  #templateId = '';

  protected render(): void {
    const headingId = uniqueId('template-texts');
    const parts = KINDS.map((kind) => {
      const legendId = uniqueId('texts-kind');
      return h(
        'fieldset',
        { class: 'form-part', 'aria-labelledby': legendId },
        translated(locale, 'legend', kindLabel[kind], { id: legendId }),
        ...LANGUAGES.map((language) => {
          const id = uniqueId(`text-${kind.toLowerCase()}-${language}`);
          const area = h('textarea', {
            id,
            lang: language,
            rows: kind === 'HOUSE_RULES' ? 6 : 3,
            'data-testid': `text-${kind}-${language}`,
          });
          this.#fields.set(`${kind}.${language}`, area);
          return h('div', { class: 'field' }, translated(locale, 'label', languageLabel[language], { for: id }), area);
        }),
      );
    });
    const submit = translated(locale, 'button', 'coordinator.texts.save', { type: 'submit', class: 'button-primary' });
    this.#form.append(...parts, this.#alert.element, this.#saved.element, h('div', { class: 'actions' }, submit));
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#save();
    });
    this.append(
      h(
        'section',
        { class: 'card', 'aria-labelledby': headingId },
        translated(locale, 'h2', 'coordinator.texts.heading', { id: headingId }),
        translated(locale, 'p', 'coordinator.texts.intro', { class: 'field-hint' }),
        this.#form,
      ),
    );
  }

  /** Reads the template's texts into the form. */
  async load(templateId: string): Promise<void> {
    this.#templateId = templateId;
    try {
      const answer = await api.get<{ texts: Texts }>(this.#path());
      this.#fill(answer.texts);
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
    }
  }

  #path(): string {
    return `/api/series/templates/${encodeURIComponent(this.#templateId)}/texts`;
  }

  #fill(texts: Texts): void {
    for (const [key, area] of this.#fields) {
      const [kind, language] = key.split('.') as [Kind, string];
      area.value = texts[kind]?.[language] ?? '';
      area.removeAttribute('aria-invalid');
    }
  }

  async #save(): Promise<void> {
    const texts: Record<string, Record<string, string>> = {};
    for (const [key, area] of this.#fields) {
      const [kind, language] = key.split('.') as [Kind, string];
      (texts[kind] ??= {})[language] = area.value;
      area.removeAttribute('aria-invalid');
    }
    this.#alert.clear();
    this.#saved.clear();
    try {
      const answer = await api.put<{ texts: Texts }>(this.#path(), { texts });
      this.#fill(answer.texts);
      this.#saved.show(ref('coordinator.texts.saved'));
    } catch (error) {
      const problem = problemOf(error);
      for (const field of problem.errors ?? []) {
        this.#fields.get(field.field.replace(/^texts\./, ''))?.setAttribute('aria-invalid', 'true');
      }
      this.#alert.show(problemText(problem));
      this.querySelector<HTMLTextAreaElement>('[aria-invalid="true"]')?.focus();
    }
  }
}

define('tp-template-texts', TemplateTexts);

declare global {
  interface HTMLElementTagNameMap {
    'tp-template-texts': TemplateTexts;
  }
}
