/**
 * The events certification publishes of its own, imported by their consumers through
 * `@xuekao/certification/events` (this file pulls in nothing but the event contract).
 *
 * A case's submission, decisions and review time limits travel as the kit's workflow events
 * (`workflow.application-submitted`, `-decided`, `workflow.sla-warning`, `-escalated`), which
 * the notification subgraph renders by template for every kind alike.
 */
export {};
