--liquibase formatted sql

--changeset tukipiiri:006-enrolments
create sequence enrolment_requests;

create table enrolments (
    series_id    uuid        not null references series (id) on delete cascade,
    account_id   uuid        not null references accounts (id) on delete cascade,
    status       varchar(12) not null check (status in ('ENROLLED', 'WAITLISTED', 'WITHDRAWN')),
    -- the order requests were granted in; the waitlist is served lowest first
    request_seq  bigint      not null,
    requested_at timestamptz not null,
    updated_at   timestamptz not null,
    primary key (series_id, account_id)
);
create index enrolments_waitlist_idx on enrolments (series_id, status, request_seq);
create index enrolments_account_idx on enrolments (account_id);
