/**
 * A cohort member's group: `no_problem` without problem tickets, else `unresolved` when any of
 * them is unresolved, else `resolved`. The facts table stores it; the analysis compares them.
 */
export const GROUPS = ['no_problem', 'resolved', 'unresolved'] as const;
export type Group = (typeof GROUPS)[number];
