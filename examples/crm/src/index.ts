export { crmPackage } from './crm-package.js';
export { generateCustomers, generateCustomerSet, DEMO_TODAY, type CustomerSet, type DemoRecord } from './demo/generate-customers.js';
export { generateDemoRecords, type DemoRecords, type DemoSizes } from './demo/generate-demo-records.js';
export { Random } from './demo/random.js';
