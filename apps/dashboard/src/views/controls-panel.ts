import type { Controls } from '../controls';
import { formatCount } from '../format';
import { venueChoices } from '../venue-presets';

type RangeSpec = {
  kind: 'range';
  key: keyof Controls;
  label: string;
  min: number;
  max: number;
  step: number;
  show: (v: number) => string;
  hint: string;
};
type SelectSpec = { kind: 'select'; key: 'venue'; label: string; options: readonly { id: string; label: string }[]; hint: string };
type CheckSpec = { kind: 'check'; key: 'stagedDisposal'; label: string; hint: string };
type Spec = RangeSpec | SelectSpec | CheckSpec;

const groups: readonly { title: string; specs: readonly Spec[] }[] = [
  {
    title: 'Shock',
    specs: [
      { kind: 'range', key: 'shockPct', label: 'Initial shock', min: -20, max: 0, step: 0.5, show: (v) => `${v}%`, hint: 'Exogenous move of the price (first shock)' },
      { kind: 'range', key: 'shockSeconds', label: 'Shock unfolds over', min: 0, max: 120, step: 1, show: (v) => `${v} s`, hint: 'Seconds over which the shock moves the price linearly' },
    ],
  },
  {
    title: 'Order book',
    specs: [
      { kind: 'range', key: 'depthScale', label: 'Book depth', min: 0.25, max: 4, step: 0.05, show: (v) => `${v.toFixed(2)}×`, hint: 'Multiplier on the resting depth of every book' },
      { kind: 'range', key: 'stressMultiplier', label: 'Depth left under stress', min: 0.1, max: 1, step: 0.05, show: (v) => `${Math.round(v * 100)}%`, hint: 'Stress thinning: share of depth left once the shock starts' },
      { kind: 'range', key: 'halfLifeSeconds', label: 'Recovery half-life', min: 0, max: 600, step: 10, show: (v) => (v === 0 ? 'no recovery' : `${v} s`), hint: 'Resilience: how fast the book refills (Obizhaeva–Wang)' },
    ],
  },
  {
    title: 'Positions and venue',
    specs: [
      { kind: 'range', key: 'leverageScale', label: 'Leverage', min: 0.25, max: 3, step: 0.05, show: (v) => `${v.toFixed(2)}×`, hint: 'Multiplier on every leverage in the distribution (capped at the venue maximum)' },
      { kind: 'range', key: 'positions', label: 'Generated positions', min: 1000, max: 200000, step: 1000, show: (v) => formatCount(v), hint: 'Number of generated positions; open interest is held constant' },
      { kind: 'select', key: 'venue', label: 'Venue', options: venueChoices, hint: 'Liquidation engine with its published parameters' },
    ],
  },
  {
    title: 'Containment',
    specs: [
      { kind: 'range', key: 'stepCapMillions', label: 'Cap per step', min: 0, max: 50, step: 0.5, show: (v) => (v === 0 ? 'off' : `$${v}M`), hint: 'Most notional liquidated per market per step' },
      { kind: 'range', key: 'breakerBandPct', label: 'Circuit breaker band', min: 0, max: 20, step: 0.5, show: (v) => (v === 0 ? 'off' : `±${v}% / 60 s`), hint: 'A move beyond the band within 60 s halts liquidations for 60 s' },
      { kind: 'check', key: 'stagedDisposal', label: 'Staged disposal', hint: 'The venue takes liquidated positions over and sells them off in stages' },
    ],
  },
];

/** The controls form; `onChange` gets the new controls and which one moved. */
export class ControlsPanel {
  private controls: Controls | undefined;
  private readonly inputs = new Map<keyof Controls, { input: HTMLInputElement | HTMLSelectElement; output?: HTMLOutputElement; spec: Spec }>();

  constructor(
    container: HTMLElement,
    private readonly onChange: (controls: Controls, key: keyof Controls) => void,
  ) {
    for (const group of groups) {
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = group.title;
      fieldset.append(legend);
      for (const spec of group.specs) fieldset.append(this.field(spec));
      container.append(fieldset);
    }
  }

  /** Shows `controls`; `disabled` lists controls that do not apply to the scenario. */
  set(controls: Controls, disabled: readonly (keyof Controls)[] = []): void {
    this.controls = { ...controls };
    for (const [key, { input, output, spec }] of this.inputs) {
      const value = controls[key];
      if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = Boolean(value);
      else input.value = String(value);
      if (output && spec.kind === 'range') output.textContent = spec.show(Number(value));
      input.disabled = disabled.includes(key);
    }
  }

  private field(spec: Spec): HTMLElement {
    const label = document.createElement('label');
    label.className = `control control-${spec.kind}`;
    label.title = spec.hint;
    const name = document.createElement('span');
    name.className = 'control-name';
    name.textContent = spec.label;
    let input: HTMLInputElement | HTMLSelectElement;
    let output: HTMLOutputElement | undefined;
    if (spec.kind === 'select') {
      input = document.createElement('select');
      for (const o of spec.options) input.append(new Option(o.label, o.id));
    } else {
      input = document.createElement('input');
      if (spec.kind === 'check') input.type = 'checkbox';
      else {
        input.type = 'range';
        input.min = String(spec.min);
        input.max = String(spec.max);
        input.step = String(spec.step);
        output = document.createElement('output');
      }
    }
    input.name = spec.key;
    input.dataset.control = spec.key;
    input.addEventListener(spec.kind === 'range' ? 'input' : 'change', () => this.changed(spec, input, output));
    if (spec.kind === 'check') label.append(input, name);
    else label.append(name, ...(output ? [output] : []), input);
    this.inputs.set(spec.key, { input, spec, ...(output ? { output } : {}) });
    return label;
  }

  private changed(spec: Spec, input: HTMLInputElement | HTMLSelectElement, output: HTMLOutputElement | undefined): void {
    if (!this.controls) return;
    const next: Controls = { ...this.controls };
    if (spec.kind === 'check') next.stagedDisposal = (input as HTMLInputElement).checked;
    else if (spec.kind === 'select') next.venue = input.value;
    else {
      (next as Record<string, unknown>)[spec.key] = Number(input.value);
      if (output) output.textContent = spec.show(Number(input.value));
    }
    this.controls = next;
    this.onChange(next, spec.key);
  }
}
