import { graphql } from "@xuekao/graphql-client";

export const RequestSmsCodeMutation = graphql(`
  mutation ShellRequestSmsCode($input: RequestSmsCodeInput!) {
    requestSmsCode(input: $input) {
      mobile
      expiresAt
      resendAvailableAt
    }
  }
`);

export const RegisterCandidateMutation = graphql(`
  mutation ShellRegisterCandidate($input: RegisterCandidateInput!) {
    registerCandidate(input: $input) {
      accessToken
      refreshToken
      expiresAt
    }
  }
`);

export const CountiesQuery = graphql(`
  query ShellCounties {
    organizations(kind: COUNTY) {
      id
      name
      code
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ShellChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

export const ChangeMobileMutation = graphql(`
  mutation ShellChangeMobile($input: ChangeMobileInput!) {
    changeMobile(input: $input) {
      id
    }
  }
`);
