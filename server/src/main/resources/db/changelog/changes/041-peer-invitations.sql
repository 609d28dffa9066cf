--liquibase formatted sql

--changeset tukipiiri:041-series-completed
-- A series is completed once its last session has ended (every session held or cancelled, at least one held). The
-- lifecycle marks it so from now on; series that were already over are marked here.
update series se set state = 'COMPLETED'
where se.state = 'CONFIRMED'
  and exists (select 1 from series_sessions s where s.series_id = se.id and s.state = 'ENDED')
  and not exists (select 1 from series_sessions s where s.series_id = se.id and s.state not in ('ENDED', 'CANCELLED'));
