// The integral picture's screens: the family-page panel, recording a set, a person's course, and the blind-spot rules (Beheer).
export { IntegralPicturePanel } from './IntegralPicturePanel.js';
export { RecordAssessment } from './RecordAssessment.js';
export { PersonCourse } from './PersonCourse.js';
export { BlindSpotRules } from './BlindSpotRules.js';
