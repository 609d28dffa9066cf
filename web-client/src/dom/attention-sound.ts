/** Where the choice is kept on this device. */
const STORAGE_KEY = 'tukipiiri.attentionSound';

/**
 * A short, quiet two-tone chime for a facilitator when a new report or risk flag arrives: off
 * unless they turn it on (kept on this device only). Made with Web Audio, so no sound file is
 * fetched; a browser that blocks audio until the page is touched simply stays silent.
 */
export class AttentionSound {
  readonly #storage: Storage;
  #context: AudioContext | null = null;

  constructor(storage: Storage) {
    this.#storage = storage;
  }

  get enabled(): boolean {
    return this.#storage.getItem(STORAGE_KEY) === 'on';
  }

  set enabled(on: boolean) {
    if (on) this.#storage.setItem(STORAGE_KEY, 'on');
    else this.#storage.removeItem(STORAGE_KEY);
  }

  /** Plays the chime when turned on. */
  play(): void {
    if (!this.enabled || typeof AudioContext === 'undefined') return;
    try {
      this.#context ??= new AudioContext();
      const context = this.#context;
      const start = context.currentTime;
      for (const [offset, frequency] of [
        [0, 660],
        [0.18, 880],
      ] as const) {
        const tone = context.createOscillator();
        const volume = context.createGain();
        tone.frequency.value = frequency;
        volume.gain.setValueAtTime(0.0001, start + offset);
        volume.gain.exponentialRampToValueAtTime(0.12, start + offset + 0.02);
        volume.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.16);
        tone.connect(volume).connect(context.destination);
        tone.start(start + offset);
        tone.stop(start + offset + 0.18);
      }
    } catch {
      // No sound on this device: the panel and the tab title still say it.
    }
  }
}
