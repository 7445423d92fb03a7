/*
 * Thi đua: on a phone Tasklist stacks its three columns (below 768 px: filters, the task list, the
 * task), so a task opened from a long list appeared far below, out of sight. When a task is opened
 * (the address gets ?task=…, by a click or a link from a mail) the task's column is scrolled to the
 * top of the screen. Loaded via customScripts; no plugin of its own.
 */
const STACKED = window.matchMedia('(max-width: 767px)');

let shown = null;

function openedTask() {
  const match = /[?&]task=([^&]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

function bringIntoView() {
  const task = openedTask();
  if (!task || task === shown || !STACKED.matches) {
    shown = task;
    return;
  }
  shown = task;
  // Tasklist draws the task after it has loaded it: wait up to 10 s for its pane
  const until = Date.now() + 10000;
  const look = () => {
    const pane = document.querySelector('.column-right.task-details');
    const title = pane && pane.querySelector('.names h2.task');
    if (title && title.textContent.trim()) {
      pane.scrollIntoView({ block: 'start', behavior: 'auto' });
    } else if (Date.now() < until && openedTask() === task) {
      window.setTimeout(look, 100);
    }
  };
  look();
}

window.addEventListener('hashchange', bringIntoView);
bringIntoView();
