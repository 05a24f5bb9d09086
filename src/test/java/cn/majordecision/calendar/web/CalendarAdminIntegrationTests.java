package cn.majordecision.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The calendar admin API over real HTTP, on H2 or (with the mysql profile) on MariaDB/MySQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarAdminIntegrationTests {

    @LocalServerPort
    int port;

    private Api admin() {
        return Api.as(port, "admin", CaseDriver.PASSWORD);
    }

    @Test
    void showsAYearFromTheDataFileWithItsWorkingDayCount() {
        // when
        Api.Response response = admin().get("/api/admin/calendar/2025");

        // then
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode year = response.json();
        assertThat(year.path("workingDays").asInt()).isEqualTo(248);
        assertThat(year.path("source").asText()).isEqualTo("FILE");
        assertThat(year.path("adjustedWorkingDays").toString()).contains("2025-01-26");
        assertThat(year.path("restDays").toString()).contains("2025-10-08");
    }

    @Test
    void refusesEveryoneButAdministrators() {
        // when
        Api.Response read = Api.as(port, "wangfang", CaseDriver.PASSWORD).get("/api/admin/calendar/2025");
        // a year no other test stores (the MySQL suite shares one database between contexts)
        Api.Response write = Api.as(port, "xunuo", CaseDriver.PASSWORD).put("/api/admin/calendar/2094", nextYear(2094));

        // then
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.contentType()).startsWith("application/problem+json");
        assertThat(read.json().path("code").asText()).isEqualTo("ADMIN_ONLY");
        assertThat(write.status()).isEqualTo(403);
        assertThat(admin().get("/api/admin/calendar/2094").json().path("source").asText()).as("nothing stored")
                .isEqualTo("PROVISIONAL");
    }

    @Test
    void storesTheNextYearsNoticeAndShowsItAsTheAdministrators() {
        // given: until its notice is entered, 2030 is provisional: weekends and the 13 statutory holidays
        JsonNode provisional = admin().get("/api/admin/calendar/2030").json();
        assertThat(provisional.path("source").asText()).isEqualTo("PROVISIONAL");
        assertThat(provisional.path("provisional").asBoolean()).isTrue();
        assertThat(provisional.path("restDays").toString()).contains("2030-02-02", "2030-02-05", "2030-04-05");
        assertThat(provisional.path("adjustedWorkingDays")).isEmpty();

        // when
        Api.Response stored = admin().put("/api/admin/calendar/2030", nextYear(2030));

        // then
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        JsonNode year = admin().get("/api/admin/calendar/2030").json();
        assertThat(year.path("source").asText()).isEqualTo("ADMIN");
        assertThat(year.path("provisional").asBoolean()).isFalse();
        assertThat(year.path("replacedBy").asText()).isEqualTo("admin");
        assertThat(year.path("restDays")).hasSize(8);
        // 2030: 261 weekdays, 6 holiday weekdays (1 Jan; 1-4 Oct, 7 Oct), one adjusted working Saturday
        assertThat(year.path("workingDays").asInt()).isEqualTo(256);
    }

    @Test
    void anAdministratorsYearTakesPrecedenceOverTheDataFile() {
        // given: 2024 as the file has it, plus one more rest day (Monday 2 December 2024)
        Map<String, Object> corrected = Map.of("notice", "国办发明电〔2023〕7号（更正）",
                "off", List.of("2024-01-01", "2024-02-10..2024-02-17", "2024-04-04..2024-04-06", "2024-05-01..2024-05-05",
                        "2024-06-10", "2024-09-15..2024-09-17", "2024-10-01..2024-10-07", "2024-12-02"),
                "work", List.of("2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14",
                        "2024-09-29", "2024-10-12"));

        // when
        Api.Response response = admin().put("/api/admin/calendar/2024", corrected);

        // then
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("workingDays").asInt()).isEqualTo(250);
        assertThat(admin().get("/api/admin/calendar/2024").json().path("source").asText()).isEqualTo("ADMIN");
    }

    @Test
    void refusesWrongDaysFieldByFieldAndStoresNothing() {
        // given
        Map<String, Object> wrong = Map.of("notice", "测试",
                "off", List.of("2032-10-01..2032-10-07", "2033-01-01", "2032-13-01", "2032-05-05..2032-05-01"),
                "work", List.of("2032-10-03", "2032-10-11"));

        // when
        Api.Response response = admin().put("/api/admin/calendar/2032", wrong);

        // then
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsText("code"))
                .containsExactly("OTHER_YEAR", "DATE", "RANGE_ORDER", "BOTH_REST_AND_WORK", "NOT_A_WEEKEND");
        assertThat(admin().get("/api/admin/calendar/2032").json().path("source").asText()).isEqualTo("PROVISIONAL");
    }

    @Test
    void refusesMalformedRequestsWithAClientError() {
        assertThat(admin().get("/api/admin/calendar/1999").status()).isEqualTo(400);
        assertThat(admin().get("/api/admin/calendar/abc").status()).isEqualTo(400);
        assertThat(admin().put("/api/admin/calendar/2033", "{\"off\": \"2033-01-01\", \"work\": []}").status()).isEqualTo(400);
        assertThat(admin().put("/api/admin/calendar/2033", "{\"off\": [], \"work\": [], \"extra\": 1}").status()).isEqualTo(400);
        assertThat(admin().put("/api/admin/calendar/2033", "{\"work\": []}").json().path("errors").path(0).path("field").asText())
                .isEqualTo("off");
        assertThat(admin().put("/api/admin/calendar/2033", "{\"off\": [null], \"work\": []}").status()).isEqualTo(400);
        assertThat(admin().put("/api/admin/calendar/2033", "[]").status()).isEqualTo(400);
        assertThat(admin().get("/api/admin/calendar/2033").json().path("source").asText()).isEqualTo("PROVISIONAL");
    }

    private static Map<String, Object> nextYear(int year) {
        return Map.of("notice", "国务院办公厅关于%d年部分节假日安排的通知".formatted(year),
                "off", List.of(year + "-01-01", year + "-10-01.." + year + "-10-07"),
                "work", List.of(year + "-10-12"));
    }
}
