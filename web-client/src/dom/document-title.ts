/**
 * The tab's title: the screen's own name (its main heading), the service's name, and a count of
 * things waiting for the person in front of it, e.g. "(2) Iltachatti – Tukipiiri" (WCAG 2.4.2,
 * Page Titled). Nothing here writes the title while the page is being left by the quick exit.
 */
export class DocumentTitle {
  #screen: string | null = null;
  #attention = 0;
  #service = '';
  readonly #document: Document;

  constructor(document: Document) {
    this.#document = document;
  }

  /** The service's name in the current language. */
  set service(name: string) {
    this.#service = name;
    this.#apply();
  }

  /** The current screen's name, `null` or blank for none (the title is then only the service's name). */
  set screen(name: string | null) {
    const trimmed = name?.trim() ?? '';
    this.#screen = trimmed === '' ? null : trimmed;
    this.#apply();
  }

  /** How many new things wait for attention (0 for none), shown first as "(n)". */
  set attention(count: number) {
    this.#attention = Math.max(0, Math.floor(count));
    this.#apply();
  }

  /** The title as it is composed now. */
  get text(): string {
    const base = this.#screen === null || this.#screen === this.#service ? this.#service : `${this.#screen} – ${this.#service}`;
    return this.#attention > 0 ? `(${this.#attention}) ${base}` : base;
  }

  #apply(): void {
    if (this.#document.body?.hidden) return;
    const text = this.text;
    if (this.#document.title !== text) this.#document.title = text;
  }
}
