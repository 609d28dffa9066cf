--liquibase formatted sql

--changeset tukipiiri:041-series-completed
-- A series is completed once its last session has ended (every session held or cancelled, at least one held). The
-- lifecycle marks it so from now on; series that were already over are marked here.
update series se set state = 'COMPLETED'
where se.state = 'CONFIRMED'
  and exists (select 1 from series_sessions s where s.series_id = se.id and s.state = 'ENDED')
  and not exists (select 1 from series_sessions s where s.series_id = se.id and s.state not in ('ENDED', 'CANCELLED'));

--changeset tukipiiri:041-peer-invitations
-- After a completed series a coordinator may invite one of its participants to go on as a peer supporter
-- (vertaistoimija) of new groups; the role is given only when the person accepts. A person has at most one open
-- invitation at a time. An invitation past expires_at counts as expired even while its row still says OPEN; the
-- service marks it EXPIRED when it next touches it. Invitations go with the invited person's account; one whose
-- inviter's account is erased stays, without the inviter. Accepted invitations stay as the origin of the role
-- (role_changes.invitation_id); the others are deleted a while after they closed (retention).
create table peer_invitations (
    id         uuid        primary key,
    series_id  uuid        not null references series (id) on delete cascade,
    account_id uuid        not null references accounts (id) on delete cascade,
    invited_by uuid        references accounts (id) on delete set null,
    status     varchar(10) not null check (status in ('OPEN', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    closed_at  timestamptz,
    constraint peer_invitations_closed_when_answered check ((status = 'OPEN') = (closed_at is null)),
    constraint peer_invitations_expire_later check (expires_at > created_at)
);
create unique index peer_invitations_one_open on peer_invitations (account_id) where status = 'OPEN';
create index peer_invitations_account on peer_invitations (account_id, created_at);
create index peer_invitations_series on peer_invitations (series_id);
create index peer_invitations_invited_by on peer_invitations (invited_by);

-- A role given by accepting an invitation names it in the role history; changed_by is then the person who invited.
alter table role_changes add column invitation_id uuid references peer_invitations (id) on delete set null;
