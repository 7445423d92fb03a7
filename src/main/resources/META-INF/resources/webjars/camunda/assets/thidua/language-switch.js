/*
 * Thi đua: a link in Tasklist's header to switch between Vietnamese (default) and English.
 * A Tasklist front-end plugin (plugin point tasklist.navbar.action), loaded via customScripts.
 */
import { chooseLocale, chosenLocale } from './thidua-config.js';

export default {
  id: 'thidua.language-switch',
  pluginPoint: 'tasklist.navbar.action',
  priority: -100,
  render: (node) => {
    const other = chosenLocale() === 'vi' ? 'en' : 'vi';
    const link = document.createElement('a');
    link.href = '';
    link.className = 'thidua-language-switch';
    link.lang = other;
    link.textContent = other === 'en' ? 'English' : 'Tiếng Việt';
    link.title = other === 'en' ? 'Switch to English' : 'Chuyển sang tiếng Việt';
    link.addEventListener('click', (event) => {
      event.preventDefault();
      chooseLocale(other);
    });
    node.appendChild(link);
  }
};
