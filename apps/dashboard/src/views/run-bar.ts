/**
 * A run button, a cancel button, a progress bar and a status line for a long analysis in the worker. The
 * page's `data-<name>-state` attribute (`idle`, `running`, `done`, `cancelled`, `error`) lets tests wait on it.
 */
export class RunBar {
  readonly element: HTMLDivElement;
  private readonly runButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly progress: HTMLProgressElement;
  private readonly status: HTMLOutputElement;

  constructor(
    private readonly name: string,
    runLabel: string,
    onRun: () => void,
    onCancel: () => void,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'run-bar';
    this.runButton = button(runLabel, `${name}-run`, onRun);
    this.runButton.classList.add('primary');
    this.cancelButton = button('Cancel', `${name}-cancel`, onCancel);
    this.cancelButton.disabled = true;
    this.progress = document.createElement('progress');
    this.progress.max = 1;
    this.progress.value = 0;
    this.progress.hidden = true;
    this.progress.setAttribute('aria-label', `${runLabel}: progress`);
    this.status = document.createElement('output');
    this.status.className = 'muted run-status';
    this.status.dataset.testid = `${name}-status`;
    this.status.setAttribute('aria-live', 'polite');
    this.element.append(this.runButton, this.cancelButton, this.progress, this.status);
    this.setState('idle');
  }

  /** A run started. */
  started(text: string): void {
    this.runButton.disabled = true;
    this.cancelButton.disabled = false;
    this.progress.hidden = false;
    this.progress.value = 0;
    this.status.textContent = text;
    this.setState('running');
  }

  /** Progress of the running analysis: `done` of `total`, described by `text`. */
  update(done: number, total: number, text: string): void {
    this.progress.max = total;
    this.progress.value = done;
    this.status.textContent = text;
  }

  /** The run ended (`done`, `cancelled` or `error`) with a status line. */
  finished(state: 'done' | 'cancelled' | 'error', text: string): void {
    this.runButton.disabled = false;
    this.cancelButton.disabled = true;
    this.progress.hidden = true;
    this.status.textContent = text;
    this.setState(state);
  }

  /** Notes that the controls moved since the shown result. */
  stale(text: string): void {
    if (document.body.dataset[this.key()] === 'done') this.status.textContent = text;
  }

  private key(): string {
    return `${this.name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())}State`;
  }

  private setState(state: string): void {
    document.body.dataset[this.key()] = state;
  }
}

function button(label: string, testid: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.dataset.testid = testid;
  b.addEventListener('click', onClick);
  return b;
}
