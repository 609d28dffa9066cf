--liquibase formatted sql

--changeset tukipiiri:021-name-skeletons-nfkc
-- look-alike keys now fold compatibility forms (fullwidth letters) and drop combining marks that did not compose:
-- every key is computed again by the nodes at start (accounts.NameSkeletons fills in the nulls)
update accounts set display_name_skeleton = null;
