/*
 * Thi đua: a refused start or completion showed in Tasklist's notification bar: in the start dialog at
 * the top of the dialog, out of view when «Bắt đầu» was pressed at the bottom; in the task pane over
 * «Hoàn thành». The server's sentence (a 400 whose JSON names the message and the field, see
 * vn.thidua.forms.ValidationErrorResponses) now shows right above the button she pressed, and on the
 * field it names when form-js draws that field; the notification is closed. Tasklist 7.24 hands the
 * error to Notifications.addError({status: PROCESS_START_ERROR | COMPLETE_ERROR, message}), which
 * draws `.notifications .alert`; this script reads that alert, and the response of the request for
 * the field. Loaded via customScripts; no plugin of its own.
 */
const RECENT_MS = 60000;

/** The button she pressed last: «Bắt đầu» of the start dialog or «Hoàn thành» of the task pane. */
let pressed = null;

/** The last refusal the engine API answered: {message, field, at}. */
let answered = null;

function isSubmitButton(button) {
  const click = button.getAttribute('ng-click') || '';
  if (/(^|\W)complete\(\)/.test(click)) {
    return true;
  }
  return button.classList.contains('btn-primary') && !!button.closest('.modal-footer')
    && !!document.querySelector('.modal .fjs-form, .modal form');
}

function refusals() {
  return Array.from(document.querySelectorAll('.thidua-refusal, .thidua-field-refusal'));
}

function clearRefusals() {
  refusals().forEach((node) => node.remove());
  document.querySelectorAll('.thidua-field-refused').forEach((field) => field.classList.remove('thidua-field-refused', 'fjs-has-errors'));
}

document.addEventListener('click', (event) => {
  const button = event.target.closest && event.target.closest('button');
  if (button && isSubmitButton(button)) {
    pressed = { button, inDialog: !!button.closest('.modal'), at: Date.now() };
    clearRefusals();
  }
}, true);

// ------------------------------------------------------------- the engine API's answer (the field)

const SUBMIT = /\/(submit-form|complete|start)(\?|$)/;

function remember(status, url, text) {
  if (status < 400 || !SUBMIT.test(url || '')) {
    return;
  }
  try {
    const body = JSON.parse(text);
    answered = { message: String(body.message || body.detail || ''), field: body.field || null, at: Date.now() };
  } catch (e) {
    answered = null;
  }
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.addEventListener('load', () => {
    try {
      remember(this.status, String(url), this.responseType === '' || this.responseType === 'text' ? this.responseText : '');
    } catch (e) {
      // an answer we cannot read: the notification's text still shows
    }
  });
  return open.call(this, method, url, ...rest);
};

// ------------------------------------------------------------- the sentence beside the button

function formOf(button) {
  const scope = button.closest('.modal-content') || button.closest('.task-details') || document;
  return scope.querySelector('.fjs-form');
}

/** The form-js field for a variable: our forms name each field Field_<key> (form-js ids end with it). */
function fieldFor(form, key) {
  if (!form || !key) {
    return null;
  }
  // a date field's input is <id>-date (form-js 1.8.7)
  const input = Array.from(form.querySelectorAll('[id]')).find((node) => node.id === 'Field_' + key
    || node.id.endsWith('-Field_' + key) || node.id.endsWith('-' + key)
    || node.id.endsWith('-Field_' + key + '-date'));
  const byName = form.querySelector('[name="' + CSS.escape(key) + '"]');
  const found = input || byName;
  return found ? found.closest('.fjs-form-field') : null;
}

function sentence(text) {
  const node = document.createElement('div');
  node.setAttribute('role', 'alert');
  node.textContent = text;
  return node;
}

/** The button she pressed, or the one Tasklist drew in its place meanwhile. */
function pressedButton() {
  if (pressed.button.isConnected) {
    return pressed.button;
  }
  const buttons = pressed.inDialog
    ? document.querySelectorAll('.modal .modal-footer button.btn-primary')
    : document.querySelectorAll('.task-details button[ng-click="complete()"]');
  return buttons.length ? buttons[buttons.length - 1] : null;
}

function show(message) {
  if (!pressed || Date.now() - pressed.at > RECENT_MS) {
    return false;
  }
  const button = pressedButton();
  if (!button) {
    return false;
  }
  clearRefusals();
  const beside = sentence(message);
  beside.className = 'thidua-refusal alert alert-danger';
  // above the row that holds the button (the dialog's footer, the task form's buttons)
  const row = button.closest('.modal-footer') || button.parentElement;
  row.parentElement.insertBefore(beside, row);
  if (answered && answered.field && answered.message === message && Date.now() - answered.at < RECENT_MS) {
    const field = fieldFor(formOf(button), answered.field);
    if (field) {
      field.classList.add('thidua-field-refused', 'fjs-has-errors');
      const mark = sentence(message);
      mark.className = 'thidua-field-refusal fjs-form-field-error';
      field.appendChild(mark);
      const unmark = () => {
        field.classList.remove('thidua-field-refused', 'fjs-has-errors');
        mark.remove();
      };
      field.addEventListener('input', unmark, { once: true });
      field.addEventListener('change', unmark, { once: true });
    }
  }
  // the sentence and the button she pressed, in view
  beside.scrollIntoView({ block: 'nearest' });
  button.scrollIntoView({ block: 'nearest' });
  return true;
}

function messageOf(alert) {
  const message = alert.querySelector('.message');
  const text = message ? message.textContent.trim() : '';
  if (text) {
    return text;
  }
  const status = alert.querySelector('.status');
  return status ? status.textContent.trim() : alert.textContent.replace('×', '').trim();
}

function moveAlert(alert, tries = 0) {
  if (alert.dataset.thiduaSeen || alert.classList.contains('alert-success') || alert.classList.contains('alert-info')) {
    return;
  }
  if (!alert.classList.contains('alert-danger') || !messageOf(alert)) {
    if (tries < 10) {
      window.setTimeout(() => moveAlert(alert, tries + 1), 50);
    }
    return;
  }
  alert.dataset.thiduaSeen = 'true';
  let shown = false;
  try {
    shown = show(messageOf(alert));
  } catch (e) {
    console.error('Thi đua: the refusal could not be placed beside the button', e);
  }
  if (shown) {
    // hidden, not closed: its × in the start dialog would count as closing the dialog (start-dialog-guard.js)
    alert.classList.add('thidua-refusal-moved');
  }
}

function look(root) {
  if (!(root instanceof Element)) {
    return;
  }
  if (root.matches('.notifications .alert')) {
    // Angular fills in the text a moment after it adds the alert
    window.setTimeout(() => moveAlert(root), 0);
  }
  root.querySelectorAll('.notifications .alert').forEach((alert) => window.setTimeout(() => moveAlert(alert), 0));
}

new MutationObserver((mutations) => {
  if (!pressed) {
    return;
  }
  mutations.forEach((mutation) => mutation.addedNodes.forEach(look));
}).observe(document.documentElement, { childList: true, subtree: true });
