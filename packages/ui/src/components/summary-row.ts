/** One label/value line of a remote's summary card. */
export interface SummaryRow {
  label: string;
  value: string | number;
  /** data-testid of the value, where a test reads it. */
  testid?: string;
}
