/*
 * Thi đua: the nomination's start form begins with what the server says for the person (issue 20):
 * «Mã chi hội» shown only to those who must name the chapter (the board, the chair, a person heading
 * no chapter or several; form-js `conditional.hide` on the input data `thiduaNamesChapter`), and
 * «Năm thi đua» this year in Vietnam. Tasklist starts a start form with the data it keeps in
 * localStorage under `camunda-form:undefined` (read when the form is drawn), so that entry is seeded
 * from GET /api/nominations/start-form-defaults before a process of the start dialog is opened. The
 * data is a convenience only: form-js submits form fields only, the engine guard refuses any other
 * key, and StartEvent_NominationSubmitted decides the chapter and the year from the login again.
 * Loaded via customScripts; no plugin of its own.
 */
const STORED = 'camunda-form:undefined';

/** The defaults of the user logged in, once known; the answer for the user asked last. */
let defaults = null;
let pending = null;

function base() {
  const at = window.location.pathname.indexOf('/camunda/');
  return at >= 0 ? window.location.pathname.substring(0, at) : '';
}

function json(path) {
  return fetch(base() + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
}

/**
 * Asks the server again (a user may log out and another in without the page loading again); only
 * when logged in: /api answers a request without a session with 401 and an HTTP Basic challenge,
 * which would make the browser ask for a password.
 */
function refresh() {
  pending = json('/camunda/api/admin/auth/user/default')
    .then((user) => (user && user.userId ? json('/api/nominations/start-form-defaults') : null))
    .then((answer) => {
      defaults = answer;
      pending = null;
      seed();
    });
  return pending;
}

/** Writes the defaults into Tasklist's stored start-form data; a year already typed is kept. */
function seed() {
  let data = {};
  try {
    data = JSON.parse(window.localStorage.getItem(STORED) || '{}') || {};
  } catch (e) {
    data = {};
  }
  if (defaults) {
    data.thiduaNamesChapter = defaults.thiduaNamesChapter === true;
    if (data.periodYear === undefined || data.periodYear === null || data.periodYear === '') {
      data.periodYear = defaults.periodYear;
    }
  } else {
    // unknown (not logged in, server unreachable): show «Mã chi hội», let the server decide
    data.thiduaNamesChapter = true;
  }
  window.localStorage.setItem(STORED, JSON.stringify(data));
}

/** Lets a held click through once the answer is in. */
let released = null;

document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a') : null;
  if (!link) {
    return;
  }
  if (/Bắt đầu quy trình|Start process/.test(link.textContent)) {
    // the dialog opens: ask for this user while she picks the process
    refresh();
    return;
  }
  if (!link.closest('.modal-dialog') || link === released) {
    released = null;
    return;
  }
  if (pending) {
    // a process picked before the answer came: hold the click until it has
    event.preventDefault();
    event.stopImmediatePropagation();
    pending.then(() => {
      released = link;
      link.click();
    });
    return;
  }
  seed();
}, true);

refresh();
