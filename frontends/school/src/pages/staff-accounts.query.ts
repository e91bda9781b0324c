import { graphql } from "@xuekao/graphql-client";

// One request for the page: the admin's school (from their own bindings), the classes (the
// organisation list is public, so it is filtered to the school here) and the accounts in the
// admin's scope. Identity shows a person's role bindings to that person only, so `roles` is
// null for everyone else today; the page shows roles wherever they come back.
export const SchoolStaffOverviewQuery = graphql(`
  query SchoolStaffOverview($limit: Int!) {
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
    organizations(kind: CLASS) {
      id
      code
      name
      parentId
    }
    users(limit: $limit) {
      id
      username
      displayName
      roles {
        role
        organization {
          id
          name
        }
      }
    }
  }
`);

export const SchoolCreateClassMutation = graphql(`
  mutation SchoolCreateClass($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
      code
      name
    }
  }
`);

export const SchoolCreateStaffAccountMutation = graphql(`
  mutation SchoolCreateStaffAccount($input: CreateStaffAccountInput!) {
    createStaffAccount(input: $input) {
      id
      username
      displayName
    }
  }
`);

export const SchoolBindRoleMutation = graphql(`
  mutation SchoolBindRole($input: BindRoleInput!) {
    bindRole(input: $input) {
      role
    }
  }
`);
