/*
 * Thi đua: the "Bắt đầu quy trình" dialog threw away what had been typed into its form on Esc (often
 * pressed to close the calendar), on a click beside the dialog, on «Đóng» and on «Quay lại», without
 * a word. Once a field of the start form has been typed into, each of these asks first. Esc while a
 * date picker is open closes only the date picker. Loaded via customScripts; no plugin of its own.
 */
const QUESTION = 'Bỏ các thông tin đã nhập?';

/** Start forms (form-js roots inside a dialog) that have been typed into. */
const typedInto = new WeakSet();

function openDialog() {
  const dialogs = document.querySelectorAll('.modal.in .modal-dialog, .modal[style*="block"] .modal-dialog');
  return dialogs.length ? dialogs[dialogs.length - 1] : null;
}

function startForm(dialog) {
  return dialog && dialog.querySelector('.fjs-form');
}

function hasTypedValues() {
  const form = startForm(openDialog());
  return !!form && typedInto.has(form);
}

/** true when the values may go: nothing typed, or she agreed. */
function mayDiscard() {
  return !hasTypedValues() || window.confirm(QUESTION);
}

function stop(event) {
  event.preventDefault();
  event.stopImmediatePropagation();
}

function remember(event) {
  const form = event.target.closest && event.target.closest('.modal .fjs-form');
  if (form) {
    typedInto.add(form);
  }
}

document.addEventListener('input', remember, true);
document.addEventListener('change', remember, true);

// Esc: Angular UI Bootstrap closes the dialog from a keydown listener on the document
window.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || !openDialog()) {
    return;
  }
  const picker = Array.from(openDialog().querySelectorAll('.flatpickr-input'))
    .map((input) => input._flatpickr)
    .find((instance) => instance && instance.isOpen);
  if (picker) {
    stop(event);
    picker.close();
    return;
  }
  if (!mayDiscard()) {
    stop(event);
  }
}, true);

// a click beside the dialog (on the dialog's window, outside its content), «Đóng», «Quay lại», ×
document.addEventListener('click', (event) => {
  const dialog = openDialog();
  if (!dialog || !startForm(dialog)) {
    return;
  }
  const target = event.target;
  const outside = target.classList && target.classList.contains('modal') && target.contains(dialog);
  const button = target.closest && target.closest('button');
  const closing = button && dialog.contains(button) && (button.classList.contains('close')
    || /\$dismiss\(|back\(\)/.test(button.getAttribute('ng-click') || ''));
  if ((outside || closing) && !mayDiscard()) {
    stop(event);
  }
}, true);
