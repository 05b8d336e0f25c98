-- Integrations: one connected service of one person. Secrets live only in `secrets`, as one
-- ciphertext bound to owner and id (see app.plugboard.crypto.SecretCipher).
create table integration (
    id              uuid        primary key,
    owner_id        bigint      not null,
    type            text        not null check (type in ('IMAP', 'GMAIL', 'CALENDAR')),
    label           text        not null check (length(label) between 1 and 50),
    status          text        not null check (status in ('PENDING', 'CONNECTED', 'NEEDS_REAUTHENTICATION', 'FAILING', 'ERROR')),
    status_reason   text,
    last_checked_at timestamptz,
    last_success_at timestamptz,
    settings        jsonb       not null,
    secrets         text        not null,
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint integration_id_owner_uq unique (id, owner_id)
);

-- A label tells two integrations of one person apart, whatever its case.
create unique index integration_owner_label_uq on integration (owner_id, lower(label));

create table workflow (
    id         uuid        primary key,
    owner_id   bigint      not null,
    name       text        not null check (length(name) between 1 and 80),
    state      text        not null check (state in ('ACTIVE', 'PAUSED')),
    version    bigint      not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint workflow_id_owner_uq unique (id, owner_id)
);

create unique index workflow_owner_name_uq on workflow (owner_id, lower(name));

-- The owner is part of both foreign keys: a workflow can only use its own owner's integrations,
-- and an integration that a workflow uses cannot disappear from under it.
create table workflow_integration (
    workflow_id    uuid   not null,
    integration_id uuid   not null,
    owner_id       bigint not null,
    primary key (workflow_id, integration_id),
    constraint workflow_integration_workflow_fk foreign key (workflow_id, owner_id)
        references workflow (id, owner_id) on delete cascade,
    constraint workflow_integration_integration_fk foreign key (integration_id, owner_id)
        references integration (id, owner_id) on delete restrict
);

create index workflow_integration_integration_idx on workflow_integration (integration_id);
create index workflow_integration_owner_idx on workflow_integration (owner_id);
