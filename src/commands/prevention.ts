import { Command } from 'commander';
import type { Run } from './run.js';
import { configuredFlags } from './configuredFlags.js';
import { addIngestOptions, type RawIngestFlags } from './ingestOptions.js';
import { type PreventionFlags, PREVENTION_REPORT_FILE, CONTACT_RATE_CHART } from './preventionFlags.js';

const HELP = `
Measures prevention: how often customers contact support, for what, and whether a fix to a
contact reason made those contacts rarer.

  contact rate   tickets per 100 counted orders in each ISO week, overall and per reason
                 (with only a tickets file: tickets per week)
  top reasons    the last week's five most frequent reasons, each against the mean of the
                 4 weeks before, with an exact Poisson test
  root causes    contacts and CSAT by root cause: map reasons in the config,
                 "rootCauses": {"order status": "tooling", "password reset": "customer-mistake"}
                 (explanation, customer-mistake, process, tooling, other); unmapped reasons listed
  --change       "REASON@YYYY-MM-DD" (repeatable): the reason's weekly rate before and after the
                 day the fix went live, against the other reasons as control (difference in
                 differences, Poisson regression with week effects): the relative change with its
                 95% CI and p, contacts avoided over the weeks after, their cost with
                 --cost-per-contact, and the reason's CSAT change. Fewer than 2 full weeks after
                 the change: the estimate is shown as too early to tell. A date outside the
                 data's weeks, or without a full week before it, is a usage error.

Examples:
  loyalty prevention orders.csv tickets.csv
  loyalty prevention tickets.csv --json
  loyalty prevention orders.csv tickets.csv --change "order status@2014-04-07" --cost-per-contact 4.50
  loyalty prevention orders.csv tickets.csv --change "order status@2014-04-07" --out reports/prevention

--out DIR writes prevention.md and contact-rate.vl.json (weekly contact rate by reason, each
change date marked).`;



export function preventionCommand(select: (run: Run) => void): Command {
  const cmd = new Command('prevention')
    .description('contact rate per week and reason, top reasons, root causes, and whether a fix reduced contacts')
    .argument('<orders-or-tickets>', 'orders CSV, followed by the tickets CSV; or the tickets CSV alone (rate = tickets per week)')
    .argument('[tickets]', 'tickets CSV (customer_id, created_at, reason; satisfaction for CSAT)')
    .option('--change <REASON@YYYY-MM-DD>', 'evaluate a fix to a contact reason that went live that day (repeatable)', (v: string, p: string[]) => [...p, v], [] as string[])
    .option('--cost-per-contact <n>', 'cost of one contact, in the data\'s currency, to price the contacts avoided')
    .option('--json', 'print the result as one JSON document on stdout')
    .option('--out <dir>', `write ${PREVENTION_REPORT_FILE} and ${CONTACT_RATE_CHART}.vl.json into DIR`);
  addIngestOptions(cmd).addHelpText('after', HELP);
  return cmd.action((first: string, second: string | undefined, flags: PreventionFlags) =>
    select(async (term) => {
      const [orders, tickets] = second === undefined ? [null, first] : [first, second];
      return (await import('./preventionRun.js')).runPrevention(orders, tickets, await configuredFlags(cmd, flags), term);
    }),
  );
}
