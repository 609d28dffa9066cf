package fi.tukipiiri.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Limits on what a client may send over HTTP. */
@ConfigurationProperties("tukipiiri.http")
public record HttpSettings(@DefaultValue("64KB") DataSize maxBodySize) {
}
