import { graphql } from "@xuekao/graphql-client";

export const LoginMutation = graphql(`
  mutation ShellLogin($input: LoginInput!) {
    login(input: $input) {
      accessToken
      refreshToken
      expiresAt
    }
  }
`);

export const RefreshSessionMutation = graphql(`
  mutation ShellRefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      accessToken
      refreshToken
      expiresAt
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation ShellLogout($refreshToken: String!) {
    logout(refreshToken: $refreshToken)
  }
`);

export const MeQuery = graphql(`
  query ShellMe {
    me {
      id
      username
      displayName
      passwordChangeRequired
      roles {
        role
        organization {
          id
          name
          kind
        }
      }
    }
  }
`);
