/*
 * Thi đua: the "Bắt đầu quy trình" dialog threw away what had been typed into its form on Esc (often
 * pressed to close the calendar), on a click beside the dialog, on «Đóng» and on «Quay lại», without
 * a word. Once a field of the start form has been typed into, each of these asks first. Esc while a
 * date picker is open closes only the date picker. The question is a small dialog of our own in
 * Vietnamese (window.confirm is blocked by the web apps' sandboxing Content-Security-Policy, and its
 * buttons would speak the browser's language). Loaded via customScripts; no plugin of its own.
 */
const QUESTION = 'Bỏ các thông tin đã nhập?';
const EXPLANATION = 'Đồng chí đã nhập thông tin vào biểu mẫu. Nếu đóng hộp thoại, các thông tin này sẽ mất.';
const KEEP = 'Tiếp tục nhập';
const DISCARD = 'Bỏ thông tin';

/** Start forms (form-js roots inside a dialog) that have been typed into. */
const typedInto = new WeakSet();

/** The button whose click goes through once she has agreed. */
let agreed = null;

function openDialog() {
  const dialogs = document.querySelectorAll('.modal.in .modal-dialog, .modal[style*="block"] .modal-dialog');
  return dialogs.length ? dialogs[dialogs.length - 1] : null;
}

function startForm(dialog) {
  return dialog && dialog.querySelector('.fjs-form');
}

function hasTypedValues(dialog) {
  const form = startForm(dialog);
  return !!form && typedInto.has(form);
}

function question() {
  return document.querySelector('.thidua-discard-question');
}

function stop(event) {
  event.preventDefault();
  event.stopImmediatePropagation();
}

/** Asks; «Bỏ thông tin» clicks {@code button} (the dialog's «Đóng» or «Quay lại»), «Tiếp tục nhập» returns to the form. */
function ask(button) {
  if (question() || !button) {
    return;
  }
  const overlay = document.createElement('div');
  overlay.className = 'thidua-discard-question';
  overlay.setAttribute('role', 'alertdialog');
  overlay.setAttribute('aria-modal', 'true');
  overlay.setAttribute('aria-labelledby', 'thidua-discard-title');
  overlay.setAttribute('aria-describedby', 'thidua-discard-text');
  const box = document.createElement('div');
  box.className = 'thidua-discard-box';
  const title = document.createElement('p');
  title.id = 'thidua-discard-title';
  title.className = 'thidua-discard-title';
  title.textContent = QUESTION;
  const text = document.createElement('p');
  text.id = 'thidua-discard-text';
  text.textContent = EXPLANATION;
  const keep = document.createElement('button');
  keep.type = 'button';
  keep.className = 'btn btn-default thidua-discard-keep';
  keep.textContent = KEEP;
  const discard = document.createElement('button');
  discard.type = 'button';
  discard.className = 'btn btn-danger thidua-discard-discard';
  discard.textContent = DISCARD;
  const buttons = document.createElement('div');
  buttons.className = 'thidua-discard-buttons';
  buttons.append(keep, discard);
  box.append(title, text, buttons);
  overlay.appendChild(box);
  const close = () => overlay.remove();
  keep.addEventListener('click', close);
  discard.addEventListener('click', () => {
    close();
    agreed = button;
    button.click();
    agreed = null;
  });
  overlay.addEventListener('click', (event) => {
    if (event.target === overlay) {
      close();
    }
  });
  document.body.appendChild(overlay);
  keep.focus();
}

function dismissButton(dialog) {
  return Array.from(dialog.querySelectorAll('.modal-footer button, .modal-header button.close'))
    .find((button) => /\$dismiss\(/.test(button.getAttribute('ng-click') || '') || button.classList.contains('close'));
}

/** Only what she did: form-js and Tasklist fire events of their own while they draw the form. */
function remember(event) {
  if (!event.isTrusted) {
    return;
  }
  const form = event.target.closest && event.target.closest('.modal .fjs-form');
  if (form) {
    typedInto.add(form);
  }
}

document.addEventListener('input', remember, true);
document.addEventListener('change', remember, true);

// Esc: Angular UI Bootstrap closes the dialog from a keydown listener on the document
window.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') {
    return;
  }
  if (question()) {
    stop(event);
    question().remove();
    return;
  }
  const dialog = openDialog();
  if (!dialog) {
    return;
  }
  const picker = Array.from(dialog.querySelectorAll('.flatpickr-input'))
    .map((input) => input._flatpickr)
    .find((instance) => instance && instance.isOpen);
  if (picker) {
    stop(event);
    picker.close();
    return;
  }
  if (hasTypedValues(dialog)) {
    stop(event);
    ask(dismissButton(dialog));
  }
}, true);

// a click beside the dialog (on the dialog's window, outside its content), «Đóng», «Quay lại», ×
document.addEventListener('click', (event) => {
  const dialog = openDialog();
  const target = event.target;
  if (!dialog || !hasTypedValues(dialog) || (question() && question().contains(target))) {
    return;
  }
  const outside = target.classList && target.classList.contains('modal') && target.contains(dialog);
  const button = target.closest && target.closest('button');
  const closing = button && dialog.contains(button) && (button.classList.contains('close')
    || /\$dismiss\(|back\(\)/.test(button.getAttribute('ng-click') || ''));
  if ((outside || closing) && (!button || button !== agreed)) {
    stop(event);
    ask(closing ? button : dismissButton(dialog));
  }
}, true);
