package cn.majordecision.database;

import java.sql.Connection;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a MySQL or MariaDB connection must look like for the engine and our records, and what is wrong with one as
 * observed: each problem names the setting, what it is, and how to fix it. Pure, so every rule is tested alone.
 */
final class DatabaseSettings {

    private DatabaseSettings() {
    }

    /** What a start-up check read from the JDBC URL and from one connection. Charsets may be null (not reported). */
    record Observed(String jdbcUrl, int transactionIsolation, String databaseCharset, String connectionCharset,
            String clientCharset) {
    }

    static List<String> problems(Observed observed) {
        List<String> problems = new ArrayList<>();
        Map<String, String> flags = urlFlags(observed.jdbcUrl());
        if (observed.transactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
            problems.add("事务隔离级别为 " + isolation(observed.transactionIsolation()) + "，须为 READ-COMMITTED（Camunda 在 "
                    + "MySQL 上依赖它避免死锁和重复执行作业）：设置 spring.datasource.hikari.transaction-isolation="
                    + "TRANSACTION_READ_COMMITTED。");
        }
        if (!"false".equalsIgnoreCase(flags.get("sendfractionalseconds"))) {
            problems.add("JDBC URL 缺少 sendFractionalSeconds=false（当前：" + shown(flags.get("sendfractionalseconds"))
                    + "）：MySQL 会把毫秒四舍五入到下一秒，Camunda 的乐观锁和定时器因此出错；在 URL 中加上 sendFractionalSeconds=false。");
        }
        String zone = flags.containsKey("connectiontimezone") ? flags.get("connectiontimezone") : flags.get("servertimezone");
        if (!isUtc(zone)) {
            problems.add("JDBC URL 的时区（connectionTimeZone 或 serverTimezone）为 " + shown(zone) + "，须为 UTC：时间以 UTC "
                    + "保存，连接按服务器或本机时区换算会让存储的时刻随部署环境偏移；在 URL 中加上 connectionTimeZone=UTC。");
        }
        if (!"true".equalsIgnoreCase(flags.get("nulldatabasemeanscurrent"))) {
            problems.add("JDBC URL 缺少 nullDatabaseMeansCurrent=true（当前：" + shown(flags.get("nulldatabasemeanscurrent"))
                    + "）：同一服务器上有其他 Camunda 数据库时，引擎会误以为本库的表已存在；在 URL 中加上 "
                    + "nullDatabaseMeansCurrent=true。");
        }
        if (observed.databaseCharset() != null && !isUtf8mb4(observed.databaseCharset())) {
            problems.add("数据库的默认字符集为 " + observed.databaseCharset() + "，须为 utf8mb4（姓名和地名可能含基本平面以外的汉字，"
                    + "如“𠮷”）：ALTER DATABASE <库名> CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci。");
        }
        if (observed.connectionCharset() != null && !isUtf8mb4(observed.connectionCharset())
                || observed.clientCharset() != null && !isUtf8mb4(observed.clientCharset())) {
            problems.add("连接字符集为 " + shown(observed.connectionCharset()) + "（客户端 " + shown(observed.clientCharset())
                    + "），须为 utf8mb4：在 URL 中加上 characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci。");
        }
        return problems;
    }

    /** The URL's query flags, names in lower case (Connector/J does not care about their case either). */
    static Map<String, String> urlFlags(String jdbcUrl) {
        Map<String, String> flags = new LinkedHashMap<>();
        int query = jdbcUrl == null ? -1 : jdbcUrl.indexOf('?');
        if (query < 0) {
            return flags;
        }
        for (String pair : jdbcUrl.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                flags.put(pair.substring(0, eq).strip().toLowerCase(Locale.ROOT), pair.substring(eq + 1).strip());
            }
        }
        return flags;
    }

    private static boolean isUtc(String zone) {
        if (zone == null || zone.isBlank()) {
            return false;
        }
        try {
            return ZoneId.of(zone).normalized().equals(ZoneOffset.UTC);
        } catch (DateTimeException notAZone) { // LOCAL, SERVER, or a typo
            return false;
        }
    }

    private static boolean isUtf8mb4(String charset) {
        return charset.toLowerCase(Locale.ROOT).startsWith("utf8mb4");
    }

    private static String isolation(int level) {
        return switch (level) {
            case Connection.TRANSACTION_READ_UNCOMMITTED -> "READ-UNCOMMITTED";
            case Connection.TRANSACTION_REPEATABLE_READ -> "REPEATABLE-READ";
            case Connection.TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
            case Connection.TRANSACTION_NONE -> "NONE";
            default -> String.valueOf(level);
        };
    }

    private static String shown(String value) {
        return value == null ? "未设置" : value;
    }
}
