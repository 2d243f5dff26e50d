-- Yearly plans, the reporting regime, KPIs, document templates and the
-- document number register.
-- Reserved; the plans change fills it in.
SELECT 1;
