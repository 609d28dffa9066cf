/**
 * Base for the app's custom elements (light DOM, so page styles and labels apply as usual).
 * `render` runs once, on first connection; `connected` runs on every connection with a signal
 * that aborts on disconnection, for subscriptions: `store.on('x', fn, { signal })`.
 */
export abstract class Component extends HTMLElement {
  #rendered = false;
  #abort: AbortController | null = null;

  connectedCallback(): void {
    this.#abort = new AbortController();
    if (!this.#rendered) {
      this.#rendered = true;
      this.render();
    }
    this.connected(this.#abort.signal);
  }

  disconnectedCallback(): void {
    this.#abort?.abort();
    this.#abort = null;
  }

  protected abstract render(): void;

  protected connected(_signal: AbortSignal): void {}
}

export function define(name: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(name)) {
    customElements.define(name, constructor);
  }
}
