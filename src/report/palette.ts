import type { Group } from '../model/groups.js';

/**
 * Okabe & Ito's colour-blind-safe palette (https://jfly.uni-koeln.de/color/), and the fixed
 * colour of each cohort group: every chart and report shows no_problem, resolved and
 * unresolved in the same colours, whatever the chart.
 */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

export const GROUP_COLORS: Readonly<Record<Group, string>> = {
  no_problem: OKABE_ITO.blue,
  resolved: OKABE_ITO.bluishGreen,
  unresolved: OKABE_ITO.vermillion,
};
