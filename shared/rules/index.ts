export * from './fields.js';
export * from './requests.js';
export * from './decision.js';
export * from './policy.js';
export * from './issues.js';
export * from './validate.js';
