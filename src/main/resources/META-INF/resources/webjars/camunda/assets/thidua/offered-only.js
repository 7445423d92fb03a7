/*
 * Thi đua: Tasklist offers every user what only an operator can use (issue 20):
 * - «Tạo công việc» (the create-task plugin in the header): shown only to a user the engine authorizes
 *   to create tasks (CREATE on Task, asked at /authorization/check; the ward's users have no such grant,
 *   so the check answers no or is refused);
 * - the ↗ link beside a task's process name, which opens Cockpit: shown only to a user whose login
 *   includes Cockpit (authorizedApps of the web apps' own /auth/user);
 * - search, sorting and filter choices for CMMN cases and tenants, which this application has none of.
 * The style sheet hides the first two (li.create-task-action of index.html's navbar, a.instance-link) until the answers allow them (body classes); the choices are
 * removed wherever Tasklist draws them. Loaded via customScripts; no plugin of its own.
 */
const API = '/camunda/api';

/** Choices about what this application does not have: CMMN cases (their variables included), tenants. */
const TECHNICAL_CHOICE = /\(CMMN\)|tenant|đơn vị sử dụng|lượt thực hiện hồ sơ|Biến của hồ sơ/i;

async function answer(path) {
  try {
    const response = await fetch(API + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    return response.ok ? await response.json() : null;
  } catch (e) {
    return null;
  }
}

/** The user the answers are for: Tasklist logs in and out without loading the page again. */
let decidedFor = null;

async function decide() {
  const user = await answer('/admin/auth/user/default');
  const userId = user && user.userId ? user.userId : null;
  if (userId === decidedFor) {
    return;
  }
  decidedFor = userId;
  document.body.classList.remove('thidua-may-open-cockpit', 'thidua-may-create-task');
  if (!userId) {
    return;
  }
  if (Array.isArray(user.authorizedApps) && user.authorizedApps.includes('cockpit')) {
    document.body.classList.add('thidua-may-open-cockpit');
  }
  // Resources.TASK is resource type 7
  const check = await answer('/engine/engine/default/authorization/check?permissionName=CREATE&resourceType=7'
    + '&resourceName=Task&resourceId=*');
  if (check && check.authorized === true) {
    document.body.classList.add('thidua-may-create-task');
  }
}

function hideChoices(root) {
  const choices = root.matches('.dropdown-menu li, option') ? [root] : [];
  root.querySelectorAll('.dropdown-menu li, option').forEach((choice) => choices.push(choice));
  choices.forEach((choice) => {
    if (!choice.dataset.thiduaHidden && !choice.querySelector('li') && TECHNICAL_CHOICE.test(choice.textContent)) {
      choice.dataset.thiduaHidden = 'true';
      choice.style.display = 'none';
      if (choice.tagName === 'OPTION') {
        choice.disabled = true;
      }
    }
  });
}

/** The menus and lists a change touched, looked at once Tasklist has translated their labels. */
const touched = new Set();

function look() {
  touched.forEach((root) => root.isConnected && hideChoices(root));
  touched.clear();
}

new MutationObserver((mutations) => {
  mutations.forEach((mutation) => {
    const target = mutation.target.nodeType === Node.ELEMENT_NODE ? mutation.target : mutation.target.parentElement;
    const menu = target && target.closest('.dropdown-menu, select');
    if (menu) {
      touched.add(menu);
    }
    mutation.addedNodes.forEach((node) => {
      if (node.nodeType === Node.ELEMENT_NODE && node.querySelector('.dropdown-menu, select')) {
        touched.add(node);
      }
    });
  });
  if (touched.size) {
    window.setTimeout(look, 0);
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

window.addEventListener('hashchange', () => {
  if (decidedFor === null || window.location.hash.startsWith('#/login')) {
    decide();
  }
});
decide();
