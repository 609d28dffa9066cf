import { RouteChangedEvent, type RouterEventMap } from './state/events.ts';
import { TypedEventTarget } from './state/typed-event-target.ts';
import { type Route, type RouteName, hashOf, parseRoute, sameRoute } from './routes.ts';

/**
 * Hash routing. Every move inside the app replaces the current history entry instead of adding
 * one: the app then occupies a single entry, so after the quick exit (which also replaces the
 * entry) the browser's Back button cannot bring the service back into view.
 */
export class Router extends TypedEventTarget<RouterEventMap> {
  readonly #window: Window;
  #current: Route;

  constructor(target: Window) {
    super();
    this.#window = target;
    this.#current = parseRoute(target.location.hash);
  }

  get current(): Route {
    return this.#current;
  }

  start(): void {
    this.#window.addEventListener('hashchange', () => this.#sync());
    this.#window.document.addEventListener('click', (event) => this.#interceptLink(event));
  }

  navigate(target: RouteName | Route): void {
    const hash = hashOf(target);
    if (this.#window.location.hash !== hash) {
      this.#window.location.replace(hash);
    }
    this.#sync();
  }

  #sync(): void {
    const next = parseRoute(this.#window.location.hash);
    if (sameRoute(next, this.#current)) return;
    const previous = this.#current;
    this.#current = next;
    this.emit(new RouteChangedEvent(next, previous));
  }

  #interceptLink(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const target = event.target instanceof Element ? event.target.closest('a') : null;
    const href = target?.getAttribute('href');
    if (!target || !href?.startsWith('#/') || target.target) return;
    event.preventDefault();
    this.navigate(parseRoute(href));
  }
}
