package cn.majordecision.benchmark;

import static cn.majordecision.support.Submissions.*;

import cn.majordecision.DecisionApplication;
import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: walks N cases through the whole pipeline over the HTTP API with C concurrent clients and prints task
 * completions per second and the latency of the completion call. Each case: filing, then launch, draft, legality
 * package, materials check, legal opinion, legality conclusion, meeting, party report, party answer, archive
 * (10 task completions; the optional stages are skipped by flags, which the process records on the way).
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=cn.majordecision.benchmark.PipelineBenchmark -Dexec.args="200 8 test"
 * </pre>
 * The third argument is the Spring profile list: {@code test} (H2 in memory) or {@code test,mysql}.
 */
public final class PipelineBenchmark {

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        String profiles = args.length > 2 ? args[2] : "test";
        ConfigurableApplicationContext app = new SpringApplication(DecisionApplication.class)
                .run("--server.port=0", "--spring.profiles.active=" + profiles, "--logging.level.root=warn");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        try {
            CaseDriver driver = new CaseDriver(port);
            walk(driver, 5, Collections.synchronizedList(new ArrayList<>()));   // warm-up
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    while (next.getAndIncrement() < cases) {
                        walkOne(driver, latencies);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("profile=%s cases=%d clients=%d completions=%d time=%.1fs%n", profiles, cases, clients,
                    sorted.size(), seconds);
            System.out.printf("task completions per second: %.1f%n", sorted.size() / seconds);
            System.out.printf("completion latency ms: p50=%.1f p95=%.1f p99=%.1f max=%.1f%n", pct(sorted, 50),
                    pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
        } finally {
            app.close();
        }
    }

    private static void walk(CaseDriver driver, int count, List<Long> latencies) {
        for (int i = 0; i < count; i++) {
            walkOne(driver, latencies);
        }
    }

    private static void walkOne(CaseDriver driver, List<Long> latencies) {
        String number = driver.file("基准测试事项", Map.of("nonPublic", true));
        JsonNode next = driver.detail(number).path("openTasks");
        next = step(driver, next, "zhangwei", launch(), latencies);
        next = step(driver, next, "wangfang", draft(), latencies);
        next = step(driver, next, "wangfang", legalityPackage(), latencies);
        next = step(driver, next, "wugang", materialsCheck("accept"), latencies);
        next = step(driver, next, "sunli", legalOpinion(), latencies);
        next = step(driver, next, "wugang", legalityConclusion("lawful"), latencies);
        next = step(driver, next, "zhenghong", meeting("approve"), latencies);
        next = step(driver, next, "wangfang", partyReport(), latencies);
        next = step(driver, next, "fenglei", partyAnswer("agree"), latencies);
        step(driver, next, "hefang", archive(), latencies);
    }

    /**
     * Claims and completes the case's single open task, as a client that follows the completion's {@code nextTasks}
     * would; times the completion call and returns the tasks open after it.
     */
    private static JsonNode step(CaseDriver driver, JsonNode openTasks, String user, Map<String, Object> data,
            List<Long> latencies) {
        String taskId = openTasks.path(0).path("id").asText();
        Api api = driver.as(user);
        api.post("/api/tasks/" + taskId + "/claim", "");
        long start = System.nanoTime();
        Api.Response done = api.post("/api/tasks/" + taskId + "/complete", data);
        latencies.add(System.nanoTime() - start);
        if (done.status() != 200) {
            throw new IllegalStateException(openTasks.path(0).path("taskKey").asText() + ": " + done);
        }
        return done.json().path("nextTasks");
    }

    private static double pct(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
