/*
 * Thi đua: back to the page that asked for a login. A page of ours opened without a login sends
 * the browser to Tasklist's login with ?quay-lai=<page>; once Tasklist has a login (right away, or
 * after the login form) the browser goes back there. Only our own pages are accepted as targets.
 */
const KEY = 'thidua.quay-lai';
const ALLOWED = /^\/(cong-khai|so-khen-thuong|thong-ke|ho-so-cua-toi)(\/[\w\-./]*)?(\?[^#]*)?$/;

function remember() {
  const target = new URLSearchParams(window.location.search).get('quay-lai');
  if (target && ALLOWED.test(target) && !target.startsWith('//')) {
    window.sessionStorage.setItem(KEY, target);
  }
}

async function returnIfLoggedIn() {
  const target = window.sessionStorage.getItem(KEY);
  if (!target || window.location.hash.startsWith('#/login')) {
    return;
  }
  try {
    const response = await fetch('/camunda/api/admin/auth/user/default', {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    });
    if (response.ok) {
      window.sessionStorage.removeItem(KEY);
      window.location.assign(target);
    }
  } catch (e) {
    // no answer: stay in Tasklist
  }
}

try {
  remember();
  window.addEventListener('hashchange', returnIfLoggedIn);
  returnIfLoggedIn();
} catch (e) {
  // no session storage (private mode): the person opens the page again from the header
}
