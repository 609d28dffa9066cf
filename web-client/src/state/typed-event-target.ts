/**
 * An EventTarget whose event names and event classes are known to the compiler.
 * `on` returns a function that removes the listener; passing `{ signal }` does the same
 * when the signal aborts, which is how components drop their subscriptions.
 */
export class TypedEventTarget<EventMap extends Record<string, Event>> extends EventTarget {
  on<K extends keyof EventMap & string>(type: K, listener: (event: EventMap[K]) => void, options?: AddEventListenerOptions): () => void {
    const wrapped: EventListener = (event) => listener(event as EventMap[K]);
    this.addEventListener(type, wrapped, options);
    return () => this.removeEventListener(type, wrapped, options);
  }

  emit(event: EventMap[keyof EventMap & string]): void {
    this.dispatchEvent(event);
  }
}
