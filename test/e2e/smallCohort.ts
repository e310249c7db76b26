/**
 * Six cohort members in January 2014, two per group (cohort 2014-01, follow-up Feb–Apr,
 * problem tickets Jan 1 – Feb 14):
 *   no problem:  a (cohort $50, later $100), b (cohort $30, later $0)
 *   resolved:    c (cohort $40, later $60 + $20), e (cohort $10, later $40)
 *   unresolved:  d (cohort $20, later $0), f (cohort $70, later $10; ticket on the last grace day)
 * g orders in May only (not a member) and keeps the data running past the follow-up window;
 * g's ticket is outside the problem window.
 */
export const ORDER_LINES = [
  'customer_id,order_date,amount',
  'a,2014-01-05,50',
  'b,2014-01-06,30',
  'c,2014-01-07,40',
  'd,2014-01-08,20',
  'e,2014-01-09,10',
  'f,2014-01-10,70',
  'a,2014-02-10,100',
  'c,2014-03-01,60',
  'c,2014-04-01,20',
  'e,2014-02-20,40',
  'f,2014-03-15,10',
];
