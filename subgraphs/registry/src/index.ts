export { registrySubgraph } from "./subgraph.js";
export { seedRegistryProvince } from "./seeders/province.seeder.js";
