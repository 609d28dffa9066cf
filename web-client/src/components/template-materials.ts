import { type ProgrammeTemplate, type SessionMaterial, fetchMaterials, saveMaterial } from '../api/coordination.ts';
import { problemOf } from '../api/problem.ts';
import { api, locale } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { fieldErrorText, problemText } from '../forms/problem-text.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';
import { localised } from '../series/calendar.ts';
import { textLimits } from '../text/text-limits.ts';
import { FormAlert } from './form-alert.ts';

/** The two texts of a session, as the server names them. */
const PARTS = ['material', 'exercise'] as const;
type Part = (typeof PARTS)[number];
/** The languages the texts are kept in. */
const LANGUAGES = ['fi', 'sv', 'en'] as const;

const partLabel: Record<Part, MessageKey> = {
  material: 'coordinator.materials.material',
  exercise: 'coordinator.materials.exercise',
};

const languageLabel: Record<(typeof LANGUAGES)[number], MessageKey> = {
  fi: 'coordinator.texts.fi',
  sv: 'coordinator.texts.sv',
  en: 'coordinator.texts.en',
};

/**
 * Each session's material (a few paragraphs) and exercise in Finnish, Swedish and English, for
 * coordinators: one form per session, saved on its own. An empty text leaves that language out;
 * a text in Swedish or English needs its Finnish too (the server says so).
 */
class TemplateMaterials extends Component {
  readonly #list = h('ol', { class: 'theme-list', 'data-testid': 'template-materials' });
  readonly #alert = new FormAlert('error', 'materials-alert');
  readonly #none = translated(locale, 'p', 'coordinator.materials.none', { class: 'field-hint', hidden: '' });
  #templateId = '';

  protected render(): void {
    const headingId = uniqueId('template-materials');
    this.append(
      h(
        'section',
        { class: 'card', 'aria-labelledby': headingId },
        translated(locale, 'h2', 'coordinator.materials.heading', { id: headingId }),
        translated(locale, 'p', 'coordinator.materials.intro', { class: 'field-hint' }),
        this.#alert.element,
        this.#none,
        this.#list,
      ),
    );
  }

  /** Reads the template's material into one form per session (again after the themes were saved). */
  async show(template: ProgrammeTemplate): Promise<void> {
    this.#templateId = template.id;
    this.#alert.clear();
    try {
      const materials = await fetchMaterials(api, template.id);
      const byPlace = new Map(materials.map((material) => [material.position, material]));
      const themes = [...template.sessions].sort((a, b) => a.position - b.position);
      this.#none.hidden = themes.length > 0;
      this.#list.replaceChildren(
        ...themes.map((theme) =>
          this.#session(
            theme.position,
            localised(theme.title, locale.locale),
            byPlace.get(theme.position) ?? { position: theme.position, material: {}, exercise: {} },
          ),
        ),
      );
    } catch (error) {
      this.#alert.show(problemText(problemOf(error)));
    }
  }

  #session(position: number, theme: string, material: SessionMaterial): HTMLLIElement {
    const legendId = uniqueId('materials-session');
    const fields = new Map<string, HTMLTextAreaElement>();
    const errors = new Map<string, HTMLElement>();
    /** Shows the server's refusal of each field beside it (or clears them all with an empty map). */
    const showErrors = (refused: ReadonlyMap<string, string>): void => {
      for (const [key, area] of fields) {
        const code = refused.get(key);
        const error = errors.get(key);
        const [part] = key.split('.') as [Part, string];
        const limit = part === 'material' ? 'sessionMaterial' : 'sessionExercise';
        if (error !== undefined) {
          error.hidden = code === undefined;
          setText(
            locale,
            error,
            code === undefined ? null : { ...fieldErrorText(limit, code), params: { max: textLimits.field(limit)?.max ?? '' } },
          );
        }
        if (code === undefined) {
          area.removeAttribute('aria-invalid');
          area.removeAttribute('aria-describedby');
        } else {
          area.setAttribute('aria-invalid', 'true');
          if (error !== undefined) area.setAttribute('aria-describedby', error.id);
        }
      }
    };
    const status = new FormAlert('info', 'material-saved');
    const alert = new FormAlert('error', 'material-alert');
    const fill = (saved: SessionMaterial): void => {
      for (const [key, area] of fields) {
        const [part, language] = key.split('.') as [Part, string];
        area.value = saved[part][language] ?? '';
      }
      showErrors(new Map());
    };
    const parts = PARTS.map((part) => {
      const partId = uniqueId(`materials-${part}`);
      return h(
        'fieldset',
        { class: 'form-part', 'aria-labelledby': partId },
        translated(locale, 'legend', partLabel[part], { id: partId }),
        ...LANGUAGES.map((language) => {
          const id = uniqueId(`material-${position}-${part}-${language}`);
          const area = h('textarea', {
            id,
            lang: language,
            rows: part === 'material' ? 6 : 2,
            'data-testid': `material-${position}-${part}-${language}`,
          });
          fields.set(`${part}.${language}`, area);
          const error = h('p', { id: `${id}-error`, class: 'field-error', hidden: true });
          errors.set(`${part}.${language}`, error);
          return h('div', { class: 'field' }, translated(locale, 'label', languageLabel[language], { for: id }), area, error);
        }),
      );
    });
    fill(material);
    const save = translated(locale, 'button', ref('coordinator.materials.save', { position }), {
      type: 'submit',
      class: 'button-secondary',
      'data-testid': `material-save-${position}`,
    });
    const form = h(
      'form',
      { class: 'stack', novalidate: true },
      ...parts,
      status.element,
      alert.element,
      h('div', { class: 'actions' }, save),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (save.getAttribute('aria-disabled') === 'true') return;
      const edit = { material: {} as Record<string, string>, exercise: {} as Record<string, string> };
      for (const [key, area] of fields) {
        const [part, language] = key.split('.') as [Part, string];
        edit[part][language] = area.value;
      }
      showErrors(new Map());
      status.clear();
      alert.clear();
      save.setAttribute('aria-disabled', 'true');
      saveMaterial(api, this.#templateId, position, edit)
        .then((saved) => {
          fill(saved);
          status.show(ref('coordinator.materials.saved', { position }));
        })
        .catch((error: unknown) => {
          const problem = problemOf(error);
          showErrors(new Map((problem.errors ?? []).map((field) => [field.field, field.code])));
          alert.show(
            problem.code === 'validation.failed' && (problem.errors ?? []).length > 0 ? ref('form.checkFields') : problemText(problem),
          );
          form.querySelector<HTMLTextAreaElement>('[aria-invalid="true"]')?.focus();
        })
        .finally(() => save.removeAttribute('aria-disabled'));
    });
    const legend = h('legend', { id: legendId });
    legend.append(translated(locale, 'span', ref('coordinator.materials.session', { position, theme })));
    return h(
      'li',
      { class: 'theme-item', 'data-testid': 'material-session' },
      h('fieldset', { class: 'form-part', 'aria-labelledby': legendId }, legend, form),
    );
  }
}

define('tp-template-materials', TemplateMaterials);

declare global {
  interface HTMLElementTagNameMap {
    'tp-template-materials': TemplateMaterials;
  }
}
