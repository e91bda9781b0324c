export { identitySubgraph } from "./subgraph.js";
export { announceOrganizations } from "./modules/organization/organization-event.js";
