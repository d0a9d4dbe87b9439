import type { SimulationProblem } from '../engine/simulation-result';

/** Lists input problems, each naming its field; hides the panel when there are none. */
export function renderProblems(container: HTMLElement, title: string, problems: readonly SimulationProblem[]): void {
  if (problems.length === 0) {
    container.hidden = true;
    container.replaceChildren();
    return;
  }
  const heading = document.createElement('strong');
  heading.textContent = title;
  const list = document.createElement('ul');
  for (const p of problems.slice(0, 20)) {
    const item = document.createElement('li');
    item.textContent = p.message;
    if (p.path) item.dataset.path = p.path;
    list.append(item);
  }
  if (problems.length > 20) {
    const more = document.createElement('li');
    more.textContent = `… and ${problems.length - 20} more`;
    list.append(more);
  }
  container.replaceChildren(heading, list);
  container.hidden = false;
}
