/**
 * Numbers a screen's overlapping loads, so only the latest one's answer is shown: an older
 * answer that arrives late (a search typed again, a filter changed, a refresh overtaken)
 * is dropped instead of replacing the newer one.
 */
export class LatestLoad {
  #started = 0;

  /** Starts a load; the returned function tells, when its answer comes, whether it is still the latest. */
  begin(): () => boolean {
    const mine = ++this.#started;
    return () => mine === this.#started;
  }
}
