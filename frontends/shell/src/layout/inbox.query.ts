import { graphql } from "@xuekao/graphql-client";

// The badge polls this one: the count only, so the periodic request stays small.
export const ShellInboxCountQuery = graphql(`
  query ShellInboxCount {
    me {
      id
      unreadNotificationCount
    }
  }
`);

// Fetched each time the inbox opens; the count comes along so the badge agrees with the list.
export const ShellInboxQuery = graphql(`
  query ShellInbox {
    me {
      id
      unreadNotificationCount
      notifications {
        id
        title
        body
        readAt
        createdAt
      }
    }
  }
`);

export const ShellMarkNotificationReadMutation = graphql(`
  mutation ShellMarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      id
      readAt
    }
  }
`);
