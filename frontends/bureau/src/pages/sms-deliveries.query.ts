import { graphql } from "@xuekao/graphql-client";

// Mobiles and verification codes arrive masked: the log never holds what it must not show.
export const BureauSmsDeliveriesQuery = graphql(`
  query BureauSmsDeliveries($filter: SmsDeliveryFilter, $limit: Int!, $offset: Int!) {
    smsDeliveries(filter: $filter, limit: $limit, offset: $offset) {
      total
      items {
        id
        mobile
        text
        status
        canRetry
        attempts
        nextAttemptAt
        lastError
        template
        templateDescription
        createdAt
        sentAt
        recipient {
          displayName
        }
      }
    }
  }
`);

// Asks for every field the row shows that a retry changes, so the row is updated in place.
export const BureauRetrySmsDeliveryMutation = graphql(`
  mutation BureauRetrySmsDelivery($id: ID!) {
    retrySmsDelivery(id: $id) {
      id
      status
      canRetry
      attempts
      nextAttemptAt
      lastError
      sentAt
    }
  }
`);
