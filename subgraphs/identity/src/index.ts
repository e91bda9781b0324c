export { identitySubgraph } from "./subgraph.js";
export { seedIdentityProvince, PROVINCE_MARKER_USERNAME } from "./seeders/province.seeder.js";
