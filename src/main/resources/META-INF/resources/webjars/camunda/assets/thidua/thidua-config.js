/*
 * Thi đua: settings shared by our overrides of Tasklist's and Welcome's scripts/config.js.
 *
 * Language: Vietnamese unless the user picked English with the language link in Tasklist's
 * header (remembered in this browser's localStorage). Camunda picks the browser's language among
 * `availableLocales` and uses `fallbackLocale` for every other browser, so listing only the chosen
 * language is what makes Vietnamese win on an English browser. vi.json is complete (a unit test
 * compares it with the webjar's en.json on every build), so no key falls back to English.
 *
 * Branding: product and organisation name come from the server (organisation file), see
 * vn.thidua.tasklist.TasklistBrandingController.
 */
const LOCALE_KEY = 'thidua.locale';
const LOCALES = ['vi', 'en'];
const DEFAULT_LOCALE = 'vi';

export function chosenLocale() {
  try {
    const stored = window.localStorage.getItem(LOCALE_KEY);
    return LOCALES.includes(stored) ? stored : DEFAULT_LOCALE;
  } catch (e) {
    return DEFAULT_LOCALE;
  }
}

export function chooseLocale(locale) {
  if (!LOCALES.includes(locale)) {
    return;
  }
  window.localStorage.setItem(LOCALE_KEY, locale);
  window.location.reload();
}

async function loadBranding() {
  const fallback = { appName: 'Thi đua', organisationName: '' };
  try {
    const response = await fetch(new URL('branding.json', import.meta.url), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    });
    return response.ok ? Object.assign(fallback, await response.json()) : fallback;
  } catch (e) {
    return fallback;
  }
}

export const branding = await loadBranding();

/** The part of config.js both apps share. */
export function sharedConfig() {
  const locale = chosenLocale();
  return {
    app: {
      // header and page title show "<vendor> <name>": "Thi đua – Hội LHPN phường Bồ Đề";
      // the login page shows the name under the logo (and thidua.css adds "Thi đua" there)
      vendor: branding.appName + ' –',
      name: branding.organisationName || 'Công việc'
    },
    locales: {
      availableLocales: [locale],
      fallbackLocale: locale
    },
    // Vietnamese reading order, numeric months: 05/03/2026 14:30
    dateFormat: {
      monthName: 'MMMM',
      day: 'DD',
      abbr: 'DD/MM/YYYY HH:mm',
      normal: 'DD/MM/YYYY HH:mm',
      long: 'dddd, DD/MM/YYYY HH:mm',
      short: 'DD/MM/YYYY'
    },
    // the first-login box points to Camunda's welcome page, which means nothing to our users
    disableWelcomeMessage: true
  };
}
