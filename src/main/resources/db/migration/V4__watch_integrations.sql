-- The watch: every integration is checked in the background (app.plugboard.watch), and its owner is told,
-- once, when one breaks or recovers.

-- What checks found over time, beside the status of the last one. A status is written by its check alone
-- (never by an edit), so these columns change without a new version.
alter table integration alter column status set default 'PENDING';
-- since when checks fail without a success in between (null while it works, or before any check)
alter table integration add column failing_since timestamptz;
-- what its owner was last made aware of: nothing wrong, broken, or that they must sign in again
alter table integration add column alert text not null default 'NONE'
    check (alert in ('NONE', 'BROKEN', 'NEEDS_REAUTHENTICATION'));
-- the owner's choice: still checked and listed, but no direct message about it
alter table integration add column alerts_muted boolean not null default false;

-- Each change of `alert` that the owner did not see happen, written in the transaction that changed it
-- (an outbox): delivered after the commit, marked with its outcome, retried a few times when Discord
-- could not be reached, never when it refused (the person accepts no direct messages). A notice's id is
-- also its Discord nonce, so a second send of the same notice never shows twice.
create table integration_notice (
    id             uuid        primary key,
    integration_id uuid        not null references integration (id) on delete cascade,
    owner_id       bigint      not null,
    change         text        not null check (change in ('BROKEN', 'NEEDS_REAUTHENTICATION', 'RECOVERED')),
    -- as the owner knew the integration then (its label, its type's stored id) and what was wrong
    label          text        not null,
    type           text        not null,
    reason         text,
    created_at     timestamptz not null,
    -- not sent before: a delivery claims the notice until then, a failed one waits until then
    not_before     timestamptz not null,
    attempts       int         not null default 0,
    outcome        text        check (outcome in ('DELIVERED', 'REFUSED', 'FAILED')),
    outcome_at     timestamptz
);

create index integration_notice_due_idx on integration_notice (not_before) where outcome is null;
create index integration_notice_owner_idx on integration_notice (owner_id, created_at);
create index integration_notice_integration_idx on integration_notice (integration_id);

-- db-scheduler's table (its PostgreSQL DDL for version 16): one row per scheduled execution. The watch
-- keeps one per integration (task `integration-check`, instance = the integration's id, execution time =
-- its next check) and two recurring ones of its own.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);

create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
