package fi.tukipiiri.auth;

import java.io.OutputStream;
import java.io.Reader;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.crypto.SecretKey;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.io.AbstractDeserializer;
import io.jsonwebtoken.io.AbstractSerializer;
import io.jsonwebtoken.security.Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import fi.tukipiiri.accounts.Account;
import fi.tukipiiri.accounts.Role;

/**
 * Issues and verifies the short-lived JWT access tokens. The only class that knows jjwt:
 * one key, one algorithm (HS256), one issuer; anything else, including {@code alg: none},
 * is refused.
 */
@Component
class AccessTokens {

	private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);

	private static final String ISSUER = "tukipiiri";

	private static final String ALGORITHM = "HS256";

	private final SecretKey key;

	private final AuthSettings settings;

	private final Clock clock;

	private final JwtParser parser;

	private final JsonMapper json;

	AccessTokens(AuthSettings settings, Clock clock, JsonMapper json) {
		this.settings = settings;
		this.clock = clock;
		this.json = json;
		this.key = Keys.hmacShaKeyFor(keyBytes(settings.jwtSecret()));
		this.parser = Jwts.parser()
			.verifyWith(key)
			.sig()
			.clear()
			.add(Jwts.SIG.HS256)
			.and()
			.requireIssuer(ISSUER)
			.clock(() -> Date.from(clock.instant()))
			.json(new JsonDeserializer(json))
			.build();
	}

	/**
	 * What a verified token says about its bearer.
	 *
	 * @param familyId the sign-in (refresh-token family) the token was issued in; null
	 * only for tokens issued before tokens named their family
	 */
	record Verified(UUID accountId, Set<Role> roles, boolean guest, String tokenId, long version, UUID familyId,
			Instant expiresAt) {
	}

	record Issued(String token, Instant expiresAt) {
	}

	/**
	 * A new access token for the account, in the sign-in {@code familyId}, of token
	 * generation {@code version}; it expires after the configured lifetime or at
	 * {@code notAfter} (a guest pass's end), whichever comes first.
	 */
	Issued issue(Account account, long version, UUID familyId, Instant notAfter) {
		Instant now = clock.instant();
		Instant expires = now.plus(settings.accessTokenLifetime());
		if (notAfter != null && notAfter.isBefore(expires)) {
			expires = notAfter;
		}
		String token = Jwts.builder()
			.header()
			.add("typ", "JWT")
			.and()
			.issuer(ISSUER)
			.subject(account.id().toString())
			.id(UUID.randomUUID().toString())
			.issuedAt(Date.from(now))
			.expiration(Date.from(expires))
			.claim("roles", account.roles().stream().map(Role::name).sorted().toList())
			.claim("guest", account.guest())
			.claim("ver", version)
			.claim("fam", familyId.toString())
			.signWith(key, Jwts.SIG.HS256)
			.json(new JsonSerializer(json))
			.compact();
		return new Issued(token, expires);
	}

	/**
	 * The token's content if its signature, algorithm, issuer and lifetime are all right.
	 */
	Optional<Verified> verify(String token) {
		try {
			var jws = parser.parseSignedClaims(token);
			if (!ALGORITHM.equals(jws.getHeader().getAlgorithm())) {
				return Optional.empty();
			}
			Claims claims = jws.getPayload();
			EnumSet<Role> roles = EnumSet.noneOf(Role.class);
			for (Object role : claims.get("roles", List.class)) {
				roles.add(Role.valueOf(String.valueOf(role)));
			}
			Number version = claims.get("ver", Number.class);
			String family = claims.get("fam", String.class);
			return Optional.of(new Verified(UUID.fromString(claims.getSubject()), roles,
					Boolean.TRUE.equals(claims.get("guest", Boolean.class)), claims.getId(),
					version == null ? 0 : version.longValue(), family == null ? null : UUID.fromString(family),
					claims.getExpiration().toInstant()));
		}
		catch (JwtException | IllegalArgumentException | NullPointerException | ClassCastException ex) {
			return Optional.empty();
		}
	}

	private static byte[] keyBytes(String secret) {
		if (secret == null || secret.isBlank()) {
			log.warn(
					"No tukipiiri.auth.jwt-secret set: using a random key; tokens will not survive a restart or work across nodes");
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			return random;
		}
		byte[] bytes = Base64.getDecoder().decode(secret.strip());
		if (bytes.length < 32) {
			throw new IllegalStateException("tukipiiri.auth.jwt-secret must be at least 32 bytes (base64 of 256 bits)");
		}
		return bytes;
	}

	private static final class JsonSerializer extends AbstractSerializer<Map<String, ?>> {

		private final JsonMapper json;

		JsonSerializer(JsonMapper json) {
			this.json = json;
		}

		@Override
		protected void doSerialize(Map<String, ?> map, OutputStream out) {
			json.writeValue(out, map);
		}

	}

	private static final class JsonDeserializer extends AbstractDeserializer<Map<String, ?>> {

		private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
		};

		private final JsonMapper json;

		JsonDeserializer(JsonMapper json) {
			this.json = json;
		}

		@Override
		protected Map<String, ?> doDeserialize(Reader reader) {
			return json.readValue(reader, MAP);
		}

	}

}
