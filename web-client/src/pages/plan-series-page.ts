import { type ProgrammeTemplate, listStaff, listTemplates, planSeries } from '../api/coordination.ts';
import { problemOf } from '../api/problem.ts';
import type { SeriesKind } from '../api/series.ts';
import { FormAlert } from '../components/form-alert.ts';
import { FormField } from '../components/form-field.ts';
import { StaffPicker } from '../components/staff-picker.ts';
import {
  DEFAULT_ZONE,
  type PlanDraft,
  type PlanField,
  suggestedDecisionDate,
  toPlanRequest,
  validatePlan,
  weekdayOf,
} from '../coordination/plan-form.ts';
import { api, locale, router } from '../context.ts';
import { Component, define } from '../dom/component.ts';
import { h, uniqueId } from '../dom/h.ts';
import { FormController } from '../forms/form-controller.ts';
import { problemText } from '../forms/problem-text.ts';
import type { Rule } from '../forms/rules.ts';
import { ref, setText, translated } from '../i18n/dom.ts';
import type { MessageKey } from '../i18n/languages.ts';
import { coordinatorSeriesRoute } from '../routes.ts';
import { helsinkiDate, localised } from '../series/calendar.ts';
import type { TextField } from '../text/text-limits.ts';
import { backToOverview } from '../components/back-to-overview.ts';

const kinds: readonly SeriesKind[] = ['CLOSED', 'OPEN'];

/** For coordinators: a new series from a programme template, with its schedule, size and staff. */
class PlanSeriesPage extends Component {
  readonly #alert = new FormAlert('error', 'plan-alert');
  readonly #loadAlert = new FormAlert('error', 'plan-load-alert');
  readonly #kindRadios = new Map<SeriesKind, HTMLInputElement>();
  readonly #templateInfo = h('p', { class: 'field-hint', 'data-testid': 'template-info' });
  readonly #weekday = h('p', { class: 'field-hint', role: 'status', 'data-testid': 'plan-weekday' });
  readonly #staff = new StaffPicker();
  readonly #fields = new Map<PlanField, FormField<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>>();
  #templates: ProgrammeTemplate[] = [];

  protected render(): void {
    const headingId = uniqueId('plan-heading');
    const rule =
      (name: PlanField): Rule =>
      () =>
        validatePlan(this.#draft(), helsinkiDate(new Date())).get(name) ?? null;
    const text = (
      name: PlanField,
      label: MessageKey,
      options: { hint?: MessageKey; type?: 'text' | 'date' | 'time' | 'number'; required?: boolean; limit?: TextField } = {},
    ) => {
      const field = new FormField({ name, label, autocomplete: 'off', rule: rule(name), ...options });
      this.#fields.set(name, field);
      return field;
    };
    const template = FormField.select({
      name: 'templateId',
      label: 'coordinator.plan.template',
      autocomplete: 'off',
      rule: rule('templateId'),
    });
    this.#fields.set('templateId', template);
    const format = FormField.select(
      { name: 'format', label: 'coordinator.plan.format', hint: 'coordinator.plan.formatHint', autocomplete: 'off', rule: () => null },
      [
        { value: 'DISCUSSION', label: 'coordinator.plan.formatDiscussion' },
        { value: 'INFO_SESSION', label: 'coordinator.plan.formatInfo' },
      ],
    );
    this.#fields.set('format', format);
    const title = text('title', 'coordinator.plan.title', { hint: 'coordinator.plan.titleHint', limit: 'seriesTitle' });
    const audience = FormField.multiline({
      name: 'audienceNote',
      label: 'coordinator.plan.audienceNote',
      hint: 'coordinator.plan.audienceNoteHint',
      autocomplete: 'off',
      rule: rule('audienceNote'),
      required: false,
      limit: 'audienceNote',
    });
    this.#fields.set('audienceNote', audience);
    const firstDate = text('firstDate', 'coordinator.plan.firstDate', { type: 'date' });
    const interval = FormField.select(
      { name: 'intervalWeeks', label: 'coordinator.plan.interval', autocomplete: 'off', rule: rule('intervalWeeks') },
      [
        { value: '1', label: 'coordinator.plan.everyWeek' },
        { value: '2', label: 'coordinator.plan.everyOtherWeek' },
      ],
    );
    this.#fields.set('intervalWeeks', interval);
    const startTime = text('startTime', 'coordinator.plan.startTime', { type: 'time' });
    startTime.value = '18:00';
    const length = text('lengthMinutes', 'coordinator.plan.length', { type: 'number', required: false });
    const zone = text('zone', 'coordinator.plan.zone', { hint: 'coordinator.plan.zoneHint' });
    zone.value = DEFAULT_ZONE;
    const capacity = text('capacity', 'coordinator.plan.capacity', { type: 'number' });
    const minimum = text('minParticipants', 'coordinator.plan.minimum', { type: 'number', hint: 'coordinator.plan.minimumHint' });
    const decision = text('decisionDate', 'coordinator.plan.decisionDate', { type: 'date', hint: 'coordinator.plan.decisionDateHint' });
    const ageMin = text('ageMin', 'coordinator.plan.ageMin', { type: 'number', required: false });
    const ageMax = text('ageMax', 'coordinator.plan.ageMax', { type: 'number', required: false });
    for (const field of [length, capacity, minimum, ageMin, ageMax]) field.input.setAttribute('inputmode', 'numeric');
    length.input.min = '15';
    length.input.max = '240';
    capacity.input.min = '1';
    minimum.input.min = '0';
    ageMin.input.min = '16';
    ageMax.input.min = '16';

    const kindLegend = uniqueId('plan-kind');
    const kindGroup = h(
      'fieldset',
      { class: 'choice-group', 'aria-labelledby': kindLegend },
      translated(locale, 'legend', 'coordinator.plan.kind', { id: kindLegend }),
      ...kinds.map((kind) => {
        const id = uniqueId(`plan-kind-${kind.toLowerCase()}`);
        const radio = h('input', { type: 'radio', id, name: 'kind', value: kind, checked: kind === 'CLOSED' });
        radio.addEventListener('change', () => {
          this.#showTemplates();
          this.#showSizeFields();
        });
        this.#kindRadios.set(kind, radio);
        return h('div', { class: 'choice' }, radio, translated(locale, 'label', `series.kind.${kind}`, { for: id }));
      }),
    );
    template.input.addEventListener('change', () => this.#describeTemplate());
    firstDate.input.addEventListener('change', () => {
      this.#showWeekday();
      if (decision.value === '') decision.value = suggestedDecisionDate(firstDate.value, helsinkiDate(new Date()));
    });

    const submit = translated(locale, 'button', 'coordinator.plan.submit', { type: 'submit', class: 'button-primary' });
    const section = (key: MessageKey, ...children: HTMLElement[]): HTMLElement => {
      const id = uniqueId('plan-part');
      return h('fieldset', { class: 'form-part', 'aria-labelledby': id }, translated(locale, 'legend', key, { id }), ...children);
    };
    const form = h(
      'form',
      { class: 'stack', 'aria-labelledby': headingId, 'data-testid': 'plan-form' },
      section(
        'coordinator.plan.programmePart',
        kindGroup,
        template.element,
        this.#templateInfo,
        format.element,
        title.element,
        audience.element,
      ),
      section(
        'coordinator.plan.schedulePart',
        firstDate.element,
        this.#weekday,
        interval.element,
        startTime.element,
        length.element,
        zone.element,
      ),
      section(
        'coordinator.plan.sizePart',
        capacity.element,
        minimum.element,
        decision.element,
        ageMin.element,
        ageMax.element,
        translated(locale, 'p', 'coordinator.plan.ageHint', { class: 'field-hint' }),
      ),
      section('coordinator.plan.staffPart', this.#staff.element),
      this.#alert.element,
      submit,
    );
    new FormController(form, [...this.#fields.values(), ...this.#staff.fields], this.#alert, submit).onSubmit(async () => {
      const created = await planSeries(api, toPlanRequest(this.#draft()));
      router.navigate(coordinatorSeriesRoute(created.id));
    });

    this.append(
      h(
        'div',
        { class: 'page' },
        h(
          'section',
          { class: 'card' },
          backToOverview(),
          translated(locale, 'h1', 'coordinator.plan.heading', { tabindex: '-1', id: headingId }),
          translated(locale, 'p', 'coordinator.plan.intro', { class: 'lead' }),
          this.#loadAlert.element,
          form,
        ),
      ),
    );
    void this.#load();
  }

  protected override connected(signal: AbortSignal): void {
    locale.on('locale-changed', () => this.#showTemplates(), { signal });
  }

  async #load(): Promise<void> {
    try {
      const [templates, staff] = await Promise.all([listTemplates(api), listStaff(api)]);
      this.#templates = templates;
      this.#staff.setStaff(staff);
      this.#showTemplates();
    } catch (error) {
      this.#loadAlert.show(problemText(problemOf(error)));
    }
  }

  #kind(): SeriesKind {
    return kinds.find((kind) => this.#kindRadios.get(kind)?.checked === true) ?? 'CLOSED';
  }

  /** Seats, a minimum and a decision date only for a closed group: an open chat takes no enrolments. */
  #showSizeFields(): void {
    const closed = this.#kind() === 'CLOSED';
    for (const name of ['capacity', 'minParticipants', 'decisionDate'] as const) {
      const field = this.#fields.get(name);
      if (field === undefined) continue;
      field.element.hidden = !closed;
      if (!closed) field.showError(null);
    }
  }

  #showTemplates(): void {
    const field = this.#fields.get('templateId') as FormField<HTMLSelectElement> | undefined;
    if (field === undefined) return;
    const language = locale.locale;
    // Discussions first, so the usual choice stays the first one; information sessions after.
    const offered = this.#templates
      .filter((template) => template.kind === this.#kind())
      .sort((a, b) => Number(a.format === 'INFO_SESSION') - Number(b.format === 'INFO_SESSION'));
    field.setOptions(
      offered.map((template) => ({ value: template.id, label: localised(template.title, language), translate: false as const })),
    );
    if (!offered.some((template) => template.id === field.value)) field.value = offered[0]?.id ?? '';
    this.#describeTemplate();
  }

  #describeTemplate(): void {
    const chosen = this.#templates.find((template) => template.id === this.#fields.get('templateId')?.value);
    if (chosen === undefined) {
      setText(locale, this.#templateInfo, ref('coordinator.plan.noTemplate'));
      return;
    }
    setText(
      locale,
      this.#templateInfo,
      ref('coordinator.plan.templateInfo', { sessions: chosen.sessions.length, minutes: chosen.defaultLengthMinutes }),
    );
    this.#fields.get('lengthMinutes')?.input.setAttribute('placeholder', String(chosen.defaultLengthMinutes));
    // The template proposes its format; the coordinator may choose the other.
    const format = this.#fields.get('format');
    if (format !== undefined) format.value = chosen.format ?? 'DISCUSSION';
  }

  #showWeekday(): void {
    const weekday = weekdayOf(this.#fields.get('firstDate')?.value ?? '');
    setText(locale, this.#weekday, weekday === null ? null : ref(`coordinator.plan.weekday.${weekday}` as MessageKey));
  }

  #draft(): PlanDraft {
    const value = (name: PlanField): string => this.#fields.get(name)?.value ?? '';
    return {
      kind: this.#kind(),
      templateId: value('templateId'),
      title: value('title'),
      audienceNote: value('audienceNote'),
      firstDate: value('firstDate'),
      intervalWeeks: value('intervalWeeks'),
      startTime: value('startTime'),
      lengthMinutes: value('lengthMinutes'),
      zone: value('zone'),
      capacity: value('capacity'),
      minParticipants: value('minParticipants'),
      decisionDate: value('decisionDate'),
      ageMin: value('ageMin'),
      ageMax: value('ageMax'),
      facilitatorIds: this.#staff.facilitatorIds(),
      peerSupporterIds: this.#staff.peerSupporterIds(),
      format: value('format'),
    };
  }
}

define('tp-plan-series-page', PlanSeriesPage);

declare global {
  interface HTMLElementTagNameMap {
    'tp-plan-series-page': PlanSeriesPage;
  }
}
