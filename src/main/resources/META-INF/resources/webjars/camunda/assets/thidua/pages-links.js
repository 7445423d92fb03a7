/*
 * Thi đua: links in Tasklist's header to the application's own pages (a Tasklist plugin at
 * tasklist.navbar.action, loaded via customScripts). The pages share Tasklist's login.
 */
import './return-to-page.js';

const LINKS = [
  ['/cong-khai', 'Công khai'],
  ['/so-khen-thuong', 'Sổ khen thưởng'],
  ['/thong-ke', 'Thống kê'],
  ['/ho-so-cua-toi', 'Hồ sơ của tôi']
];

export default {
  id: 'thidua.pages-links',
  pluginPoint: 'tasklist.navbar.action',
  priority: -90,
  render: (node) => {
    const nav = document.createElement('span');
    nav.className = 'thidua-pages-links';
    for (const [path, label] of LINKS) {
      const link = document.createElement('a');
      link.href = path;
      link.textContent = label;
      nav.appendChild(link);
    }
    node.appendChild(nav);
  }
};
