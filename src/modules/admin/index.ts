/** Public face of the admin module (programme office area). */
export { DEMO_PASSWORD, demoAccounts } from './demo.ts';
export { adminModule } from './module.ts';
