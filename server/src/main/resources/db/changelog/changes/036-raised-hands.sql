--liquibase formatted sql

--changeset tukipiiri:036-raised-hands
-- Raised hands in a room: the queue a facilitator gives turns from. Kept in PostgreSQL, not on a node, so a hand stays
-- up when the node its owner was connected to goes away. The queue's order is the order the database took the hands
-- in (place), not the nodes' clocks, which may differ by a little; raised_at is shown to people. A hand goes with
-- its room and with its owner's account (erasure); the floor feature takes it down when its owner stops being a
-- member of the room.
create table raised_hands (
    room_id    uuid        not null references rooms (id) on delete cascade,
    account_id uuid        not null references accounts (id) on delete cascade,
    raised_at  timestamptz not null,
    place      bigint      not null generated always as identity,
    primary key (room_id, account_id)
);
create index raised_hands_account on raised_hands (account_id);
