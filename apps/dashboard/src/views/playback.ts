/**
 * Play, pause and scrub over the steps of the report's timeline. `onSeek` gets the step index, or undefined
 * when playback is back at rest (the whole run shown, no playhead).
 */
export class Playback {
  private times: Float64Array = new Float64Array(0);
  private index = 0;
  private timer: number | undefined;
  private readonly button: HTMLButtonElement;
  private readonly slider: HTMLInputElement;
  private readonly label: HTMLOutputElement;

  constructor(
    container: HTMLElement,
    private readonly onSeek: (index: number | undefined) => void,
  ) {
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.dataset.testid = 'play';
    this.button.textContent = '▶ Play';
    this.button.addEventListener('click', () => (this.timer === undefined ? this.play() : this.pause()));
    this.slider = document.createElement('input');
    this.slider.type = 'range';
    this.slider.min = '0';
    this.slider.setAttribute('aria-label', 'Playback step');
    this.slider.addEventListener('input', () => {
      this.pause();
      this.seek(Number(this.slider.value));
    });
    this.label = document.createElement('output');
    this.label.className = 'playback-label';
    container.append(this.button, this.slider, this.label);
  }

  /** A new run: playback rests at the end. */
  load(times: Float64Array): void {
    this.pause();
    this.times = times;
    this.slider.max = String(Math.max(0, times.length - 1));
    this.index = times.length - 1;
    this.slider.value = this.slider.max;
    this.label.textContent = `whole run (${times[times.length - 1] ?? 0} s)`;
    this.onSeek(undefined);
  }

  private seek(index: number): void {
    this.index = Math.max(0, Math.min(this.times.length - 1, index));
    this.slider.value = String(this.index);
    this.label.textContent = `t = ${this.times[this.index] ?? 0} s (step ${this.index + 1} of ${this.times.length})`;
    this.onSeek(this.index);
  }

  private play(): void {
    if (this.times.length === 0) return;
    if (this.index >= this.times.length - 1) this.index = 0;
    this.button.textContent = '❚❚ Pause';
    // About 20 s for a whole run, and never slower than 30 steps per second.
    const stride = Math.max(1, Math.round(this.times.length / 600));
    this.timer = window.setInterval(() => {
      const next = this.index + stride;
      if (next >= this.times.length - 1) {
        this.seek(this.times.length - 1);
        this.pause();
        return;
      }
      this.seek(next);
    }, 33);
  }

  private pause(): void {
    if (this.timer !== undefined) window.clearInterval(this.timer);
    this.timer = undefined;
    this.button.textContent = '▶ Play';
  }
}
