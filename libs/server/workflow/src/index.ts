export * from './working-days';
export * from './engine';
export { workflowOf } from './workflows';
export * from './definitions/definition';
export * from './clock';
