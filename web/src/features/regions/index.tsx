export { Regions } from './Regions.js';
export { TEXTS as REGION_TEXTS } from './texts.js';
