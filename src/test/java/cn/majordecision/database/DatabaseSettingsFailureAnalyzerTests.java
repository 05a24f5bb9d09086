package cn.majordecision.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

class DatabaseSettingsFailureAnalyzerTests {

    @Test
    void aRefusedDatabaseIsReportedAsItsProblemsAndTheFixNotAsAStackTrace() {
        // given the analyzers Spring Boot loads at a failed start, and a refusal wrapped as the bean factory wraps it
        // (Spring Boot's own analyzers need its bean factory to be built; they are skipped here)
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class,
                (type, name, failure) -> { });
        Throwable failure = new BeanCreationException("dataSource", "Initialization of bean failed",
                new DatabaseMisconfigured(List.of("JDBC URL 缺少 sendFractionalSeconds=false（当前：true）")));
        // when
        FailureAnalysis analysis = analyzers.stream().filter(DatabaseSettingsFailureAnalyzer.class::isInstance)
                .findFirst().orElseThrow().analyze(failure);
        // then
        assertThat(analysis.getDescription()).startsWith("数据库设置不符合要求（1 项）")
                .contains("sendFractionalSeconds=false（当前：true）");
        assertThat(analysis.getAction()).contains("docs/database.adoc");
    }
}
