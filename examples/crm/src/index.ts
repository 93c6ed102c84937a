export { crmPackage } from './crm-package.js';
export { generateCustomers, generateCustomerSet, DEMO_TODAY, type CustomerSet, type DemoRecord } from './demo/generate-customers.js';
export { generateDemoRecords, type DemoRecords, type DemoSizes, type DemoOptions, type DemoOwner, type DemoOwners } from './demo/generate-demo-records.js';
export {
  demoOrganisation,
  seedDemoOrganisation,
  organisationApiOver,
  DEMO_PASSWORD,
  DEMO_RECORD_OWNERS,
  type DemoOrganisation,
  type DemoDepartment,
  type DemoUser,
  type DemoRoleMember,
  type DemoOrganisationApi,
  type AdminRequest,
  type RoleMemberInput,
  type SeededOrganisation,
} from './demo/demo-org.js';
export { Random } from './demo/random.js';
