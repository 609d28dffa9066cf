package fi.tukipiiri.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param guestLifetime how long a nickname-only guest pass lives before the person must
 * take a new one
 * @param adminUsername the first administrator, created on an empty database
 * ({@code TUKIPIIRI_ADMIN_USERNAME})
 * @param adminPassword its password ({@code TUKIPIIRI_ADMIN_PASSWORD}); there is
 * deliberately no default
 */
@ConfigurationProperties("tukipiiri.accounts")
record AccountSettings(@DefaultValue("12h") Duration guestLifetime, String adminUsername, String adminPassword) {
}
