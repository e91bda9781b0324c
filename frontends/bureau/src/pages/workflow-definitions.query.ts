import { graphql } from "@xuekao/graphql-client";

// Each subgraph keeps the chains of the kinds it runs: registry (考籍) and certification (成绩认定).
export const WorkflowDefinitionsQuery = graphql(`
  query WorkflowDefinitions($provinceCode: String!) {
    registryWorkflowDefinitions(provinceCode: $provinceCode) {
      ...WorkflowDefinitionFields
    }
    certificationWorkflowDefinitions(provinceCode: $provinceCode) {
      ...WorkflowDefinitionFields
    }
  }

  fragment WorkflowDefinitionFields on WorkflowDefinition {
    id
    kind
    kindName
    version
    createdAt
    steps {
      key
      name
      actorRole
      level
      decisions
      slaHours
      warnAtHours
    }
  }
`);

export const UpdateRegistryWorkflowDefinitionMutation = graphql(`
  mutation UpdateRegistryWorkflowDefinition($input: UpdateWorkflowDefinitionInput!) {
    updateRegistryWorkflowDefinition(input: $input) {
      id
      version
    }
  }
`);

export const UpdateCertificationWorkflowDefinitionMutation = graphql(`
  mutation UpdateCertificationWorkflowDefinition($input: UpdateWorkflowDefinitionInput!) {
    updateCertificationWorkflowDefinition(input: $input) {
      id
      version
    }
  }
`);

/** Which province the signed-in institute runs (its binding's organisation code is the province code). */
export const InstituteProvinceQuery = graphql(`
  query InstituteProvince {
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
