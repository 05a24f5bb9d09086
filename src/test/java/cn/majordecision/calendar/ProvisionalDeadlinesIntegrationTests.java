package cn.majordecision.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.majordecision.notifications.NotificationService;
import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Deadlines over a year without an entered holiday notice, over real HTTP, at whatever instant the application clock
 * reads: the suite runs on the real clock and shifted to a year's end, to a December before a year without a notice and
 * to a year without any calendar data, and every expectation here is derived from the calendar the application shows.
 * A context of its own: it stores calendar years, which must not move the deadlines of other test classes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "app.test.context=provisional-deadlines")
class ProvisionalDeadlinesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    NotificationService notifications;

    CaseDriver driver;

    @BeforeEach
    void setUp() {
        driver = new CaseDriver(port);
    }

    @Test
    void aDueDateIsProvisionalExactlyWhileAYearItTouchesHasNoEnteredNotice() {
        // given: a new case's first task, offered to the heads
        String number = driver.file("镇区停车管理办法", Map.of());
        String taskId = driver.awaitTask(number, "Task_DecideLaunch");

        // when
        JsonNode inbox = item(driver.as("zhangwei").get("/api/tasks?size=200").json(), "id", taskId);
        JsonNode report = item(driver.as("xunuo").get("/api/deadlines").json(), "taskId", taskId);
        JsonNode onTheCase = item(driver.detail(number).path("openTasks"), "id", taskId);

        // then: it has a due date whatever the year, marked provisional as the calendar of the years it spans says
        Instant created = Instant.parse(inbox.path("created").asText());
        Instant due = Instant.parse(inbox.path("due").asText());
        boolean expected = anyProvisional(Deadlines.dayOf(created).getYear(), Deadlines.lastDayOf(due).getYear());
        assertThat(inbox.path("dueProvisional").asBoolean()).as(inbox.toString()).isEqualTo(expected);
        assertThat(report.path("dueProvisional").asBoolean()).isEqualTo(expected);
        assertThat(onTheCase.path("dueProvisional").asBoolean()).isEqualTo(expected);
        assertThat(report.path("workingDaysLeft").isInt()).as("working days counted on any calendar").isTrue();
    }

    @Test
    void storingTheYearOfADeadlineRecomputesItLogsTheMoveAndTellsTheHolders() {
        // given: a task's last day, and the arrangement in force for that year (official or provisional)
        String number = driver.file("中心街道路改造工程", Map.of());
        String taskId = driver.awaitTask(number, "Task_DecideLaunch");
        Instant due = Instant.parse(item(driver.detail(number).path("openTasks"), "id", taskId).path("due").asText());
        LocalDate lastDay = Deadlines.lastDayOf(due);
        int year = lastDay.getYear();
        JsonNode inForce = admin().get("/api/admin/calendar/" + year).json();

        // when: the administrator stores the year with the task's last day made a rest day
        List<String> off = texts(inForce.path("restDays"));
        off.add(lastDay.toString());
        List<String> work = texts(inForce.path("adjustedWorkingDays"));
        work.remove(lastDay.toString());
        Api.Response stored = admin().put("/api/admin/calendar/" + year,
                Map.of("notice", "国务院办公厅关于%d年部分节假日安排的通知（测试）".formatted(year), "off", off, "work", work));

        // then: the due date moves past that day, the move is in the audit log, the heads are told
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        Instant moved = Instant.parse(item(driver.detail(number).path("openTasks"), "id", taskId).path("due").asText());
        assertThat(moved).isAfter(due);
        List<JsonNode> entries = new ArrayList<>();
        driver.as("xunuo").get("/api/audit/entries?caseNumber=" + number).json().forEach(e -> {
            if ("DUE_DATE_MOVED".equals(e.path("eventType").asText())) {
                entries.add(e);
            }
        });
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("payload").toString()).contains(due.toString(), moved.toString(), taskId);
        JsonNode notice = StreamSupport.stream(driver.as("zhangwei").get("/api/notifications").json().spliterator(), false)
                .filter(n -> taskId.equals(n.path("taskId").asText()) && "DUE_DATE_MOVED".equals(n.path("kind").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("the head was not told of the moved due date"));
        // written as people count it; without the year, which the message adds for another year than the current one
        assertThat(notice.path("message").asText()).contains(number,
                DueText.of(due, Deadlines.lastDayOf(due), Locale.CHINA), DueText.of(moved, Deadlines.lastDayOf(moved), Locale.CHINA));
    }

    @Test
    void administratorsAndOperatorsAreToldWhichYearsNoticeIsAwaited() {
        // given: the years whose notice is awaited at this instant, as the calendar shows them
        LocalDate today = Deadlines.dayOf(clock.instant());
        List<Integer> awaited = new ArrayList<>();
        if (anyProvisional(today.getYear(), today.getYear())) {
            awaited.add(today.getYear());
        }
        if (today.getMonthValue() >= 11 && anyProvisional(today.getYear() + 1, today.getYear() + 1)) {
            awaited.add(today.getYear() + 1);
        }

        // when
        notifications.watch();
        JsonNode mine = admin().get("/api/notifications").json();
        JsonNode readiness = driver.as("ops").get("/actuator/health/readiness").json();
        Api.Response anonymous = Api.anonymous(port).get("/actuator/health/readiness");
        String adminPage = Api.signedIn(port, "admin", CaseDriver.PASSWORD).get("/app/admin/users").body();

        // then
        List<String> calendarNotices = StreamSupport.stream(mine.spliterator(), false)
                .filter(n -> "CALENDAR_NOTICE".equals(n.path("kind").asText())).map(n -> n.path("message").asText())
                .toList();
        for (int year : awaited) {
            assertThat(calendarNotices).as("told once about " + year)
                    .filteredOn(message -> message.startsWith("尚未录入 %d 年".formatted(year))).hasSize(1);
        }
        JsonNode calendar = readiness.path("components").path("calendar");
        assertThat(calendar.path("status").asText()).as("a missing notice never takes a node out").isEqualTo("UP");
        assertThat(texts(calendar.path("details").path("yearsAwaitingNotice")))
                .containsExactlyElementsOf(awaited.stream().map(String::valueOf).toList());
        assertThat(anonymous.body()).doesNotContain("yearsAwaitingNotice");
        for (int year : awaited) {
            assertThat(adminPage).contains("尚未录入 %d 年国务院办公厅节假日安排通知".formatted(year));
        }
    }

    private boolean anyProvisional(int fromYear, int toYear) {
        for (int year = fromYear; year <= toYear; year++) {
            if (admin().get("/api/admin/calendar/" + year).json().path("provisional").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    private Api admin() {
        return Api.as(port, "admin", CaseDriver.PASSWORD);
    }

    private static JsonNode item(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("No item with " + field + " " + value + " in " + list);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
