package cn.majordecision.identity;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The {@code oidc} profile: sign-in through the government's OpenID Connect provider as well as local users. */
@Configuration
@Profile("oidc")
@EnableConfigurationProperties(OidcConfig.OidcProperties.class)
class OidcConfig {

    @ConfigurationProperties("app.oidc")
    record OidcProperties(String userClaim, String unitClaim, String groupsClaim, Map<String, String> groupMapping) {
    }

    @Bean
    OidcUsers oidcUsers(UserDirectory directory, OidcProperties properties) {
        return new OidcUsers(directory, new OidcUsers.OidcSettings(
                properties.userClaim() == null ? "preferred_username" : properties.userClaim(),
                properties.unitClaim() == null ? "department" : properties.unitClaim(),
                properties.groupsClaim() == null ? "groups" : properties.groupsClaim(),
                properties.groupMapping() == null ? Map.of() : properties.groupMapping()));
    }
}
