package cn.majordecision.benchmark;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Benchmark only: counts the SQL statements the application sends, by the first table each names, so a phase can be
 * reported as statements per task completion. Each execution counts once, and so does each row added to a batch
 * (the driver may send a batch as one round trip or as many; this counts the work, not the round trips).
 */
final class StatementCounter implements BeanPostProcessor {

    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:from|into|update|join)\\s+`?([a-z_][a-z0-9_]*)");
    static final StatementCounter INSTANCE = new StatementCounter();

    private final Map<String, LongAdder> byTable = new ConcurrentHashMap<>();
    /** With -Dbenchmark.sqlTrace=table: where that table's statements come from (our frames and the engine command). */
    private final String traced = System.getProperty("benchmark.sqlTrace");
    private final Map<String, LongAdder> origins = new ConcurrentHashMap<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(Proxy.isProxyClass(bean.getClass()))) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = invoke(target, method, args);
                return result instanceof Connection connection ? connection(connection) : result;
            });
        }
        return bean;
    }

    void reset() {
        byTable.clear();
        origins.clear();
    }

    long total() {
        return byTable.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Statements per unit, with the most used tables. */
    String describe(double units, int tables) {
        String top = byTable.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> e) -> e.getValue().sum()).reversed())
                .limit(tables)
                .map(e -> "%s %.1f".formatted(e.getKey(), e.getValue().sum() / units))
                .collect(Collectors.joining(", "));
        return "%.1f statements per completion (%s)".formatted(total() / units, top);
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof PreparedStatement prepared && args != null && args[0] instanceof String sql) {
                return proxy(PreparedStatement.class, prepared, counting(sql));
            }
            if (result instanceof Statement statement && !(result instanceof PreparedStatement)) {
                return proxy(Statement.class, statement, counting(null));
            }
            return result;
        });
    }

    private Handler counting(String preparedSql) {
        return (target, method, args) -> {
            String name = method.getName();
            if (name.startsWith("execute") && !name.equals("executeBatch") || name.equals("addBatch")) {
                String sql = preparedSql != null ? preparedSql : args != null && args.length > 0 ? (String) args[0] : "";
                count(sql);
            }
            return invoke(target, method, args);
        };
    }

    private void count(String sql) {
        Matcher table = TABLE.matcher(sql == null ? "" : sql);
        String key = table.find() ? table.group(1).toLowerCase(Locale.ROOT) : "other";
        byTable.computeIfAbsent(key, k -> new LongAdder()).increment();
        if (traced != null && java.util.Arrays.asList(traced.split(",")).contains(key)) {
            String origin = java.util.Arrays.stream(new Throwable().getStackTrace())
                    .filter(f -> f.getClassName().startsWith("cn.majordecision") && !f.getClassName().contains("benchmark")
                            || f.getClassName().startsWith("org.camunda.bpm.engine.impl.cmd."))
                    .limit(4).map(f -> f.getClassName().replaceAll(".*\\.", "") + "." + f.getMethodName() + ":"
                            + f.getLineNumber())
                    .collect(Collectors.joining(" < "));
            origins.computeIfAbsent(key + "  " + origin, k -> new LongAdder()).increment();
        }
    }

    /** The traced table's statements by origin, most first. */
    String origins(double units) {
        return origins.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> e) -> e.getValue().sum()).reversed())
                .limit(40).map(e -> "%.2f  %s".formatted(e.getValue().sum() / units, e.getKey()))
                .collect(Collectors.joining("\n"));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> handler.handle(target, method, args));
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }
}
