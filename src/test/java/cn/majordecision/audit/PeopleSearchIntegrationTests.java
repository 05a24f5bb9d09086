package cn.majordecision.audit;

import static cn.majordecision.support.Submissions.launch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.majordecision.cases.CaseQuery;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.identity.UserDirectory;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.support.CaseDriver;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;

/** The auditors' search by person (which cases someone acted on, by account or name) and by unit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PeopleSearchIntegrationTests {

    private static final Actor AUDITOR = new Actor("xunuo", "许诺", "县审计局", Set.of("auditors"));
    private static final Actor OFFICER = new Actor("wangfang", "王芳", "镇规划建设办", Set.of("officers"));

    @LocalServerPort
    int port;

    @Autowired
    CaseTimeline timeline;

    @Autowired
    CaseService cases;

    @Autowired
    UserDirectory users;

    @Test
    void listsTheCasesAPersonActedOnMostRecentFirstAndOnlyForAuditors() {
        // given two cases filed by the officer, only the second launched by the head
        CaseDriver driver = new CaseDriver(port);
        String first = driver.file("人员检索甲", Map.of());
        String second = driver.file("人员检索乙", Map.of());
        driver.complete(second, "Task_DecideLaunch", "zhangwei", launch());

        // when
        var officer = timeline.casesActedOnBy("wangfang", AUDITOR);
        var head = timeline.casesActedOnBy("zhangwei", AUDITOR);

        // then
        assertThat(officer).extracting(CaseTimeline.ActedOn::caseNumber).containsSubsequence(second, first);
        assertThat(officer).filteredOn(a -> a.caseNumber().equals(first)).singleElement()
                .satisfies(a -> {
                    assertThat(a.title()).isEqualTo("人员检索甲");
                    assertThat(a.entries()).isPositive();
                    assertThat(a.first()).isBeforeOrEqualTo(a.last());
                });
        assertThat(head).extracting(CaseTimeline.ActedOn::caseNumber).contains(second).doesNotContain(first);
        assertThat(timeline.casesActedOnBy("nobody-at-all", AUDITOR)).isEmpty();
        assertThatThrownBy(() -> timeline.casesActedOnBy("wangfang", OFFICER)).isInstanceOf(DomainException.class)
                .hasMessage("只有审计人员可以查阅办理时间线。");
    }

    @Test
    void findsPeopleByTheirNameAndCasesByTheirUnit() {
        // given
        String number = new CaseDriver(port).file("单位检索", Map.of());

        // when / then
        assertThat(users.findByName("王芳")).extracting(Actor::userId).containsExactly("wangfang");
        assertThat(users.findByName("王")).isEmpty();
        assertThat(cases.search(new CaseQuery(null, null, null, null, null, null, "规划建设"), Pageable.ofSize(100), AUDITOR))
                .extracting(DecisionCase::getNumber).contains(number);
        assertThat(cases.search(new CaseQuery(null, null, null, null, null, null, "农业农村"), Pageable.ofSize(100), AUDITOR))
                .extracting(DecisionCase::getNumber).doesNotContain(number);
    }
}
