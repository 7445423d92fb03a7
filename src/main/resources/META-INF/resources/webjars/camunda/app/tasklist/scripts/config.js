/*
 * Thi đua: overrides the webjar's app/tasklist/scripts/config.js (the application's classpath
 * comes first). Shared settings (language, branding, date format): ../../../assets/thidua/thidua-config.js
 */
import { sharedConfig } from '../../../assets/thidua/thidua-config.js';

export default {
  ...sharedConfig(),

  // Tasklist plugins; paths are relative to app/tasklist/: the language link in the header, the
  // header's links to /cong-khai, /so-khen-thuong, /thong-ke, /ho-so-cua-toi, and the «Hồ sơ» tab of a
  // nomination's task (vn.thidua.dossier); on phones the opened task scrolled into view; the start
  // dialog asking before it discards typed values; a refusal beside the button pressed; nothing offered
  // that the user may not use; the nomination's start form seeded for the person (chapter code, year)
  customScripts: ['../../assets/thidua/language-switch', '../../assets/thidua/pages-links',
    '../../assets/thidua/dossier-tab', '../../assets/thidua/task-in-view',
    '../../assets/thidua/start-dialog-guard', '../../assets/thidua/refusal-beside-button',
    '../../assets/thidua/offered-only', '../../assets/thidua/start-form-defaults'],

  // Camunda's defaults, descriptions in Vietnamese
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'nhận công việc đang chọn'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'chuyển đến bộ lọc đầu tiên'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'chuyển đến công việc đầu tiên trong danh sách'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'chuyển đến ô nhập đầu tiên của biểu mẫu'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'mở hộp thoại bắt đầu quy trình'
    }
  }
};
