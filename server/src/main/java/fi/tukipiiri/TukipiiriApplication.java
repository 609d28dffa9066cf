package fi.tukipiiri;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * No username/password store of Spring's own: accounts and sign-in are ours (modules
 * accounts and auth).
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class TukipiiriApplication {

	public static void main(String[] args) {
		SpringApplication.run(TukipiiriApplication.class, args);
	}

}
