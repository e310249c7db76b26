-- `loyalty cohort orders.csv tickets.csv` (default options: cohort = latest complete month,
-- --follow 3m, --grace 14d) as one DuckDB query over the same CSVs: what a skilled analyst
-- would write instead. bench/duckdb.ts fills in the quoted file paths, and the orders' FROM
-- with the file's rows under the column names below (a Shopify line-item export: its order rows).
-- The rules, and where loyalty defines them:
--   ingest (src/ingest/orders.ts, tickets.ts): ids trimmed, e-mail ids lower-cased; rows with an
--     empty customer_id, an unreadable date or amount are skipped; a repeated order_id counts once;
--     a ticket whose satisfaction is not a known score is skipped.
--   counted orders (src/facts/countedOrder.ts): status not cancelled/canceled/refunded/voided/failed.
--   cohort window (src/analysis/cohortWindow.ts): the latest month with counted orders whose
--     follow-up window (3 calendar months after it) ends by the last counted order date, else the
--     earliest month.
--   members and spend (src/facts/memberSpend.ts): ≥1 counted order in the cohort window; later
--     spend = counted amounts in the follow-up window, refunds included.
--   problem tickets (src/facts/problemTickets.ts): with an order_id, exactly when it names one of
--     the member's cohort-window orders (counted or not); without, when created cohort start ..
--     cohort end + 14 days.
--   resolution (src/analysis/resolution.ts, status-and-score): status solved/closed/resolved and
--     the score, when given, satisfied (4–5 or good/satisfied).
-- Dates: every benchmark shape writes the date first ("YYYY-MM-DD…", any clock or offset after
-- it, which loyalty keeps as written); the day is the first ten characters.
-- Duplicated orders in the benchmark files are exact copies, so DISTINCT ON keeps an equal row.
-- CTEs used more than once are MATERIALIZED: inlined, DuckDB would read and parse the CSV again
-- for every use.
WITH
orders_raw AS (
  SELECT trim(order_id) AS order_id,
         CASE WHEN contains(trim(customer_id), '@') THEN lower(trim(customer_id)) ELSE trim(customer_id) END AS customer_id,
         try_cast(substr(trim(order_date), 1, 10) AS DATE) AS day,
         try_cast(trim(amount) AS DECIMAL(18, 2)) AS amount,
         lower(trim(coalesce(status, ''))) AS status
  FROM {{order_rows}}
),
orders_usable AS MATERIALIZED (
  SELECT * FROM orders_raw WHERE customer_id <> '' AND day IS NOT NULL AND amount IS NOT NULL
),
orders AS MATERIALIZED (
  SELECT * FROM (SELECT DISTINCT ON (order_id) * FROM orders_usable WHERE coalesce(order_id, '') <> '')
  UNION ALL
  SELECT * FROM orders_usable WHERE coalesce(order_id, '') = ''
),
counted AS MATERIALIZED (
  SELECT * FROM orders WHERE status NOT IN ('cancelled', 'canceled', 'refunded', 'voided', 'failed')
),
span AS (SELECT max(day) AS last_day FROM counted),
months AS (SELECT DISTINCT date_trunc('month', day)::DATE AS month FROM counted),
chosen AS (
  SELECT coalesce(
    (SELECT max(month) FROM months, span WHERE (month + INTERVAL 4 MONTH - INTERVAL 1 DAY)::DATE <= last_day),
    (SELECT min(month) FROM months)
  ) AS month
),
windows AS MATERIALIZED (
  SELECT month AS cohort_start,
         (month + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE AS cohort_end,
         (month + INTERVAL 1 MONTH)::DATE AS follow_start,
         (month + INTERVAL 4 MONTH - INTERVAL 1 DAY)::DATE AS follow_end,
         (month + INTERVAL 1 MONTH - INTERVAL 1 DAY + INTERVAL 14 DAY)::DATE AS problem_end
  FROM chosen
),
members AS MATERIALIZED (
  SELECT DISTINCT c.customer_id FROM counted c, windows w WHERE c.day BETWEEN w.cohort_start AND w.cohort_end
),
later AS (
  SELECT c.customer_id, sum(c.amount) AS spend
  FROM counted c, windows w
  WHERE c.day BETWEEN w.follow_start AND w.follow_end
  GROUP BY c.customer_id
),
cohort_orders AS MATERIALIZED (
  SELECT DISTINCT o.customer_id, o.order_id
  FROM orders o, windows w
  WHERE o.day BETWEEN w.cohort_start AND w.cohort_end AND coalesce(o.order_id, '') <> ''
),
tickets_raw AS MATERIALIZED (
  SELECT CASE WHEN contains(trim(customer_id), '@') THEN lower(trim(customer_id)) ELSE trim(customer_id) END AS customer_id,
         try_cast(substr(trim(created_at), 1, 10) AS DATE) AS day,
         coalesce(trim(order_id), '') AS order_id,
         lower(trim(coalesce(status, ''))) AS status,
         lower(trim(coalesce(satisfaction, ''))) AS score
  FROM read_csv({{tickets}}, header = true, all_varchar = true)
),
tickets AS MATERIALIZED (
  SELECT *,
         CASE WHEN score IN ('', 'offered', 'unoffered', 'not offered') THEN NULL
              WHEN score IN ('good', 'satisfied') THEN true
              WHEN score IN ('bad', 'unsatisfied', 'dissatisfied') THEN false
              WHEN regexp_full_match(score, '[1-5](\.0+)?') THEN CAST(score AS DOUBLE) >= 4
         END AS satisfied
  FROM tickets_raw
  WHERE customer_id <> '' AND day IS NOT NULL
    AND (score IN ('', 'offered', 'unoffered', 'not offered', 'good', 'satisfied', 'bad', 'unsatisfied', 'dissatisfied')
         OR regexp_full_match(score, '[1-5](\.0+)?'))
),
-- Two plain equi-joins rather than one join with an OR: DuckDB cannot hash-join the OR form
-- and falls back to a nested loop (minutes at 10M orders).
problem_tickets AS (
  SELECT t.customer_id, t.status, t.satisfied
  FROM tickets t
  JOIN cohort_orders co ON co.customer_id = t.customer_id AND co.order_id = t.order_id
  JOIN members m ON m.customer_id = t.customer_id
  WHERE t.order_id <> ''
  UNION ALL
  SELECT t.customer_id, t.status, t.satisfied
  FROM tickets t
  JOIN members m ON m.customer_id = t.customer_id
  WHERE t.order_id = '' AND t.day BETWEEN (SELECT cohort_start FROM windows) AND (SELECT problem_end FROM windows)
),
problems AS (
  SELECT customer_id,
         count(*) AS tickets,
         count(*) FILTER (WHERE NOT (status IN ('solved', 'closed', 'resolved') AND coalesce(satisfied, true))) AS unresolved
  FROM problem_tickets
  GROUP BY customer_id
),
grouped AS (
  SELECT m.customer_id,
         CASE WHEN p.tickets IS NULL THEN 'no_problem' WHEN p.unresolved > 0 THEN 'unresolved' ELSE 'resolved' END AS grp,
         coalesce(l.spend, 0) AS spend
  FROM members m
  LEFT JOIN problems p ON p.customer_id = m.customer_id
  LEFT JOIN later l ON l.customer_id = m.customer_id
)
SELECT (SELECT strftime(cohort_start, '%Y-%m-%d') FROM windows) AS cohort_start,
       grp AS "group",
       count(*) AS customers,
       CAST(sum(spend) AS VARCHAR) AS total_spend,
       round(avg(CAST(spend AS DOUBLE)), 2) AS mean_spend
FROM grouped
GROUP BY grp
ORDER BY grp;
