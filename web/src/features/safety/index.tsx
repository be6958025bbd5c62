// Safety and the family network council: one self-contained section on the family page.
export { SafetySection } from './SafetySection.js';
