package fi.tukipiiri.peersupport;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param lifetime how long an invitation can be accepted or declined before it expires
 */
@ConfigurationProperties("tukipiiri.peer-invitations")
record PeerInvitationSettings(@DefaultValue("30d") Duration lifetime) {
}
