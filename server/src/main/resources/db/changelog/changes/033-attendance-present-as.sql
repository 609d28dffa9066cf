--liquibase formatted sql

--changeset tukipiiri:033-attendance-present-as
-- In what part a person was in a session's room: PARTICIPANT (a parent, the only part that counts as attending),
-- FACILITATOR or PEER_SUPPORTER (the session's staff: their room role, or the series' staff list, at arrival), or
-- OVERSEER (an administrator or a coordinator looking in, member or not). Taken when the person arrives, so that
-- later changes (staff taken off a series keep their room place, a member removed from the room) do not rewrite
-- who came as what; a stay in any other part makes the whole session's attendance that part.
alter table attendance add column present_as varchar(20) not null default 'PARTICIPANT'
    check (present_as in ('PARTICIPANT', 'PEER_SUPPORTER', 'FACILITATOR', 'OVERSEER'));

-- rows recorded before, from what stands now: a staff role in the room, else the series' staff list, else an
-- administrator's or a coordinator's account role; someone no longer a member who holds the facilitator's account role
-- was most likely a facilitator dismissed from the room; anyone else a participant (a member, or one removed since)
update attendance a set present_as = k.present_as
from (
    select a2.session_id, a2.account_id,
           case
               when m.role in ('FACILITATOR', 'PEER_SUPPORTER') then m.role
               when st.role is not null then st.role
               when exists (select 1 from account_roles r
                            where r.account_id = a2.account_id and r.role in ('ADMIN', 'COORDINATOR')) then 'OVERSEER'
               when m.role is null and exists (select 1 from account_roles r
                            where r.account_id = a2.account_id and r.role = 'FACILITATOR') then 'FACILITATOR'
               else 'PARTICIPANT'
           end as present_as
    from attendance a2
    join series_sessions s on s.id = a2.session_id
    left join room_members m on m.room_id = s.room_id and m.account_id = a2.account_id
    left join series_staff st on st.series_id = s.series_id and st.account_id = a2.account_id
) k
where k.session_id = a.session_id and k.account_id = a.account_id;

alter table attendance alter column present_as drop default;
