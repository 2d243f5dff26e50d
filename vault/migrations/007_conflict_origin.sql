-- Which vault the version kept aside in exchange_conflicts came from:
-- 'local' when this vault held it before the import, 'received' when
-- the bundle carried it. The import stores it when it finds the
-- conflict, because the version's workstation column cannot tell: a
-- version this vault held may have been last changed on a third
-- workstation. Rows found before this migration have '' and the screens
-- infer the side from the workstation columns, as they did before.
ALTER TABLE exchange_conflicts ADD COLUMN version_origin TEXT NOT NULL DEFAULT '';
