-- Integration types are declared by their packages (app.plugboard.integration.<type>), not by the schema:
-- adding a type adds no migration. The column keeps a type's stored id; a type this Plugboard no longer
-- knows stays readable (listed, and deletable).
alter table integration drop constraint integration_type_check;
alter table integration add constraint integration_type_id check (type ~ '^[A-Z][A-Z0-9_]{0,39}$');
