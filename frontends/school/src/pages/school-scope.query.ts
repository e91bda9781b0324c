import { graphql } from "@xuekao/graphql-client";

// The caller's own role bindings (identity shows them to their holder only): which classes a
// teacher has, which school an admin runs.
export const SchoolScopeQuery = graphql(`
  query SchoolScope {
    me {
      id
      roles {
        role
        organization {
          id
          code
          name
          kind
        }
      }
    }
  }
`);
