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
  // Tasklist draws the task after it has loaded it, then its form: bring the pane up once its title
  // shows, and again while the page settles, unless she has scrolled or pressed something meanwhile
  const until = Date.now() + 10000;
  let moved = false;
  const own = () => { moved = true; };
  ['wheel', 'touchmove', 'keydown', 'mousedown'].forEach((type) => window.addEventListener(type, own, { once: true, passive: true }));
  let placed = 0;
  const look = () => {
    if (moved || openedTask() !== task) {
      return;
    }
    const pane = document.querySelector('.column-right.task-details');
    const title = pane && pane.querySelector('.names h2.task');
    if (title && title.textContent.trim()) {
      if (Math.abs(pane.getBoundingClientRect().top) > 2) {
        pane.scrollIntoView({ block: 'start', behavior: 'auto' });
      }
      placed += 1;
    }
    if (Date.now() < until && placed < 15) {
      window.setTimeout(look, 100);
    }
  };
  look();
}

window.addEventListener('hashchange', bringIntoView);
bringIntoView();
