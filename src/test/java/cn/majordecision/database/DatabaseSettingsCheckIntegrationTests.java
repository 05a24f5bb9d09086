package cn.majordecision.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.majordecision.DecisionApplication;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;

/** On MySQL/MariaDB only: the shipped settings pass the start-up check, a wrong one stops start-up and says why. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*mysql.*")
class DatabaseSettingsCheckIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Test
    void theShippedSettingsPass() {
        assertThat(DatabaseSettingsCheck.check(dataSource)).isEmpty();
    }

    @Test
    void aWrongUrlFlagStopsStartUpNamingTheFlag() {
        // given
        String wrong = ((HikariDataSource) dataSource).getJdbcUrl()
                .replace("sendFractionalSeconds=false", "sendFractionalSeconds=true");
        // when / then (as command-line arguments: they override application-mysql.yml, default properties would not)
        assertThatThrownBy(() -> new SpringApplicationBuilder(DecisionApplication.class)
                .profiles("test", "mysql")
                .run("--spring.datasource.url=" + wrong, "--server.port=0").close())
                .hasRootCauseInstanceOf(DatabaseMisconfigured.class)
                .rootCause().hasMessageContaining("sendFractionalSeconds=false").hasMessageContaining("当前：true");
    }

    @Test
    void theServersDefaultIsolationIsOverriddenForEveryConnection() throws Exception {
        // MariaDB and MySQL default to REPEATABLE-READ; the pool must set READ-COMMITTED on each connection it hands out
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            assertThat(sessionIsolation(statement)).isEqualTo("READ-COMMITTED");
        }
    }

    /** MySQL 8 names the variable transaction_isolation; MariaDB 10.11 still tx_isolation. */
    private static String sessionIsolation(java.sql.Statement statement) throws java.sql.SQLException {
        try (var rs = statement.executeQuery("SELECT @@session.transaction_isolation")) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException mariaDb) {
            try (var rs = statement.executeQuery("SELECT @@session.tx_isolation")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
