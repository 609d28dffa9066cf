/**
 * Sign-in: JWT access tokens, rotating refresh tokens, login throttling and the web
 * security rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Auth")
package fi.tukipiiri.auth;
