import { graphql } from "@xuekao/graphql-client";

export const CertificationSettingsQuery = graphql(`
  query CertificationSettings($provinceCode: String!) {
    certificationWindows(provinceCode: $provinceCode) {
      id
      kind
      name
      opensAt
      closesAt
      viewableUntil
      open
    }
    certificationSourceRules(certifyingProvinceCode: $provinceCode) {
      id
      sourceProvinceCode
      grades
      passGrade
      fullScores {
        subjectCode
        fullScore
      }
      artAsMusicAndFineArt
      updatedAt
    }
  }
`);

export const SaveCertificationWindowMutation = graphql(`
  mutation SaveCertificationWindow($input: SaveCertificationWindowInput!) {
    saveCertificationWindow(input: $input) {
      id
      name
    }
  }
`);

export const SaveCertificationSourceRulesMutation = graphql(`
  mutation SaveCertificationSourceRules($input: SaveCertificationSourceRulesInput!) {
    saveCertificationSourceRules(input: $input) {
      id
      sourceProvinceCode
    }
  }
`);
