package cn.majordecision.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTests {

    /** The flags application-mysql.yml ships with. */
    private static final String SHIPPED = "jdbc:mysql://127.0.0.1:3306/major_decision?sendFractionalSeconds=false"
            + "&nullDatabaseMeansCurrent=true&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci"
            + "&useSSL=false&connectionTimeZone=UTC&useLocalSessionState=true";

    @Test
    void acceptsTheShippedSettings() {
        assertThat(DatabaseSettings.problems(observed(SHIPPED))).isEmpty();
    }

    @Test
    void acceptsTheOldNameOfTheTimeZoneFlagAndOtherSpellingsOfUtc() {
        // given
        String serverTimezone = SHIPPED.replace("connectionTimeZone=UTC", "serverTimezone=Etc/UTC");
        String offset = SHIPPED.replace("connectionTimeZone=UTC", "connectionTimeZone=+00:00");
        // then
        assertThat(DatabaseSettings.problems(observed(serverTimezone))).isEmpty();
        assertThat(DatabaseSettings.problems(observed(offset))).isEmpty();
    }

    @Test
    void refusesRepeatableRead() {
        // when
        List<String> problems = DatabaseSettings.problems(new DatabaseSettings.Observed(SHIPPED,
                Connection.TRANSACTION_REPEATABLE_READ, "utf8mb4", "utf8mb4", "utf8mb4"));
        // then
        assertThat(problems).singleElement().asString().contains("REPEATABLE-READ").contains("READ-COMMITTED")
                .contains("spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED");
    }

    @Test
    void refusesFractionalSecondsMissingOrOn() {
        assertThat(DatabaseSettings.problems(observed(SHIPPED.replace("sendFractionalSeconds=false&", ""))))
                .singleElement().asString().contains("sendFractionalSeconds=false").contains("未设置");
        assertThat(DatabaseSettings.problems(observed(SHIPPED.replace("sendFractionalSeconds=false", "sendFractionalSeconds=true"))))
                .singleElement().asString().contains("sendFractionalSeconds=false").contains("当前：true");
    }

    @Test
    void refusesAMissingLocalOrNonUtcTimeZone() {
        assertThat(DatabaseSettings.problems(observed(SHIPPED.replace("&connectionTimeZone=UTC", ""))))
                .singleElement().asString().contains("connectionTimeZone").contains("未设置");
        assertThat(DatabaseSettings.problems(observed(SHIPPED.replace("connectionTimeZone=UTC", "connectionTimeZone=LOCAL"))))
                .singleElement().asString().contains("LOCAL").contains("connectionTimeZone=UTC");
        assertThat(DatabaseSettings.problems(observed(SHIPPED.replace("connectionTimeZone=UTC", "serverTimezone=Asia/Shanghai"))))
                .singleElement().asString().contains("Asia/Shanghai");
    }

    @Test
    void refusesAUrlWithoutTheCurrentDatabaseFlag() {
        assertThat(DatabaseSettings.problems(observed(SHIPPED.replace("nullDatabaseMeansCurrent=true&", ""))))
                .singleElement().asString().contains("nullDatabaseMeansCurrent=true");
    }

    @Test
    void refusesADatabaseOrConnectionThatIsNotUtf8mb4() {
        // when
        List<String> database = DatabaseSettings.problems(new DatabaseSettings.Observed(SHIPPED,
                Connection.TRANSACTION_READ_COMMITTED, "utf8mb3", "utf8mb4", "utf8mb4"));
        List<String> connection = DatabaseSettings.problems(new DatabaseSettings.Observed(SHIPPED,
                Connection.TRANSACTION_READ_COMMITTED, "utf8mb4", "latin1", "latin1"));
        // then
        assertThat(database).singleElement().asString().contains("utf8mb3").contains("ALTER DATABASE");
        assertThat(connection).singleElement().asString().contains("latin1").contains("characterEncoding=UTF-8");
    }

    @Test
    void namesEveryWrongSettingAtOnce() {
        // when
        List<String> problems = DatabaseSettings.problems(new DatabaseSettings.Observed("jdbc:mysql://db/x",
                Connection.TRANSACTION_REPEATABLE_READ, "latin1", "latin1", "latin1"));
        // then
        assertThat(problems).hasSize(6);
        assertThat(new DatabaseMisconfigured(problems).getMessage()).startsWith("数据库设置不符合要求（6 项）");
    }

    private static DatabaseSettings.Observed observed(String url) {
        return new DatabaseSettings.Observed(url, Connection.TRANSACTION_READ_COMMITTED, "utf8mb4", "utf8mb4", "utf8mb4");
    }
}
