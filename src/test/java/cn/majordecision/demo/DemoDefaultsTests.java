package cn.majordecision.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.PropertySource;

/** The demo users (password "demo") come with the embedded database only, never by default on a server database. */
class DemoDefaultsTests {

    @Test
    void theEmbeddedDefaultLoadsTheDemoUsers() throws IOException {
        assertThat(property("application.yml", "app.demo.enabled")).isEqualTo(true);
    }

    @Test
    void theMysqlProfileDoesNotLoadThemUnlessAskedTo() throws IOException {
        assertThat(property("application-mysql.yml", "app.demo.enabled")).isEqualTo(false);
    }

    private static Object property(String file, String name) throws IOException {
        for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
            if (source.containsProperty(name)) {
                return source.getProperty(name);
            }
        }
        return null;
    }
}
