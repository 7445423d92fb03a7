/*
 * Thi đua: overrides the webjar's app/welcome/scripts/config.js (login page, profile, list of
 * applications). Shared settings (language, branding, date format): ../../../assets/thidua/thidua-config.js
 */
import { sharedConfig } from '../../../assets/thidua/thidua-config.js';

export default {
  ...sharedConfig(),
  // no links to Camunda's documentation on our users' start page
  links: []
};
