/*
 * Thi đua: links in Tasklist's header to the application's own pages: one Tasklist plugin per link
 * at tasklist.navbar.action (Tasklist 7.24 takes an array as a module's default export), loaded via
 * customScripts. The pages share Tasklist's login.
 */
import './return-to-page.js';

const LINKS = [
  ['/cong-khai', 'Công khai'],
  ['/so-khen-thuong', 'Sổ khen thưởng'],
  ['/thong-ke', 'Thống kê'],
  ['/ho-so-cua-toi', 'Hồ sơ của tôi']
];

export default LINKS.map(([path, label], i) => ({
  id: 'thidua.pages-link' + path.replace(/\//g, '.'),
  pluginPoint: 'tasklist.navbar.action',
  priority: -50 - i,
  render: (node) => {
    const link = document.createElement('a');
    link.href = path;
    link.className = 'thidua-pages-link';
    link.textContent = label;
    node.appendChild(link);
  }
}));
