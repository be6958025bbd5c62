// The functional administrator's screens (Beheer), registered in main.tsx under /beheer.
import './admin.css';

export { AdminHome } from './AdminHome.js';
export { RegionSettings } from './RegionSettings.js';
export { Organisations } from './Organisations.js';
export { Accounts } from './Accounts.js';
export { AccessRules } from './AccessRules.js';
export { PlanRules } from './PlanRules.js';
export { TEXTS as ADMIN_TEXTS } from './texts.js';
