package cn.majordecision.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused database into Spring Boot's start-up report: what is wrong, then what to do, without a stack trace. */
class DatabaseSettingsFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseMisconfigured> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseMisconfigured cause) {
        return new FailureAnalysis(cause.getMessage(),
                "按上述说明修改 MySQL 设置（application-mysql.yml 或 DB_* 环境变量），参见 docs/database.adoc。", cause);
    }
}
