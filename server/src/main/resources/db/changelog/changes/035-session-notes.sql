--liquibase formatted sql

--changeset tukipiiri:035-session-notes
-- Private notes of a session's facilitators, handed on to the next session's. A note written in a session room of a
-- series belongs to the series (series_id and session_id set) and is read from any of its rooms by the series'
-- facilitators; one written in a room outside any series (both null) belongs to that room. The body is the text
-- policy's canonical form, 1-4,000 code points. Notes go with their writer's account (erasure) and are deleted by
-- retention (tukipiiri.retention.session-notes) a time after their series' last session ends, or, outside a series,
-- after they were last written.
create table session_notes (
    id         uuid          primary key,
    room_id    uuid          not null references rooms (id) on delete cascade,
    series_id  uuid          references series (id) on delete cascade,
    session_id uuid          references series_sessions (id) on delete set null,
    author_id  uuid          not null references accounts (id) on delete cascade,
    body       varchar(4000) not null check (char_length(body) >= 1),
    created_at timestamptz   not null,
    edited_at  timestamptz,
    constraint session_notes_session_in_series check (session_id is null or series_id is not null)
);
create index session_notes_series_idx on session_notes (series_id) where series_id is not null;
create index session_notes_room_idx on session_notes (room_id);
create index session_notes_author_idx on session_notes (author_id);
