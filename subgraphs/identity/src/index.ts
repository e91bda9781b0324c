export { identitySubgraph } from "./subgraph.js";
export { announceOrganizations } from "./modules/organization/organization-event.js";
export { seedIdentityProvince, PROVINCE_MARKER_USERNAME } from "./seeders/province.seeder.js";
