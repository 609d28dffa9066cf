/**
 * Peer supporters: after a completed series a coordinator invites one of its participants
 * to go on as a peer supporter (vertaistoimija) of new groups; the role is given only
 * when the person accepts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Peer supporters")
package fi.tukipiiri.peersupport;
