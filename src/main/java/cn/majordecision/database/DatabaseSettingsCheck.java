package cn.majordecision.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Under the mysql profile, reads the settings of the first connection as soon as the data source exists, before
 * Flyway or the engine use it, and stops start-up with one message naming every wrong setting: a wrong isolation level
 * or time zone does not fail loudly later, it corrupts timers and timestamps quietly.
 */
@Component
@Profile("mysql")
class DatabaseSettingsCheck implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            List<String> problems = check(dataSource);
            if (!problems.isEmpty()) {
                throw new DatabaseMisconfigured(problems);
            }
        }
        return bean;
    }

    /** The problems of the data source's settings; none when it is set up as docs/database.adoc says. */
    static List<String> check(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            // the URL as configured: the driver's metadata may leave out the flags
            String url = dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                    ? hikari.getJdbcUrl() : connection.getMetaData().getURL();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT @@character_set_database, @@character_set_connection, "
                            + "@@character_set_client")) {
                rs.next();
                return DatabaseSettings.problems(new DatabaseSettings.Observed(url, connection.getTransactionIsolation(),
                        rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        } catch (SQLException e) {
            // an unreachable server is reported by the data source's own users, with the driver's message
            return List.of();
        }
    }
}
