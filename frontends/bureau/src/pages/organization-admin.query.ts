import { graphql } from "@xuekao/graphql-client";

// The caller's own bindings say which province they run; the organisation list is public and
// is narrowed to that province's subtree on the page.
export const BureauOrganizationAdminQuery = graphql(`
  query BureauOrganizationAdmin {
    me {
      id
      roles {
        role
        organization {
          id
          name
          kind
        }
      }
    }
    organizations {
      id
      code
      name
      kind
      parentId
    }
  }
`);

export const BureauCreateOrganizationMutation = graphql(`
  mutation BureauCreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
      code
      name
      kind
    }
  }
`);

export const BureauCreateStaffAccountMutation = graphql(`
  mutation BureauCreateStaffAccount($input: CreateStaffAccountInput!) {
    createStaffAccount(input: $input) {
      id
      username
      displayName
    }
  }
`);
