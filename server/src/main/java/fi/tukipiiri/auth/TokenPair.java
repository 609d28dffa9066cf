package fi.tukipiiri.auth;

/**
 * What a successful sign-in, guest pass or refresh returns. {@code expiresIn} is the
 * access token's lifetime in seconds.
 */
record TokenPair(String accessToken, String refreshToken, long expiresIn) {
}
