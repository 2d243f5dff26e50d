-- Officer keys, the key directory and bundle bookkeeping.
-- Reserved; the bundles change fills it in.
SELECT 1;
