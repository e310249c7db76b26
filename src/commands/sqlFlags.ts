/** The parsed flags of `loyalty sql`, shared by its command definition (sql.ts) and its run module, which the definition loads lazily. */


export interface SqlFlags {
  dialect?: string;
  query: string;
  cohort?: string;
  follow: string;
  grace: string;
  baseline?: string;
  currency?: string;
  ordersTable?: string;
  ticketsTable?: string;
  column?: string[];
  absent?: string;
  rowOrder?: string;
  config?: string;
}
