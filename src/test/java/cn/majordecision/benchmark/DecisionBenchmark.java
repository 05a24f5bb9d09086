package cn.majordecision.benchmark;

import static cn.majordecision.support.Submissions.*;

import cn.majordecision.DecisionApplication;
import cn.majordecision.shared.ApplicationClock;
import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: the whole benchmark in one run, on one machine and one database (issue 9).
 * <ol>
 * <li>(a) N cases walked through the pipeline over our API by C clients: filing, then 10 task completions each
 * (claim, then complete; the completion answers with the next open tasks);</li>
 * <li>(b) the same chain of 10 user tasks, same candidate groups, same users and same submitted data, as a plain BPMN
 * model in the same engine, driven through Camunda's REST API by C clients: start, then per step query the
 * instance's task, claim, complete with the submission as variables;</li>
 * <li>(c) public opinions posted to one open consultation by many anonymous clients for S seconds (the per-address
 * limit lifted by its property, all clients being one address);</li>
 * <li>(d) cases and audit entries written straight into the tables (not through the API), then the case list, case
 * search, case timeline and audit search timed one request at a time;</li>
 * <li>(e) heap used, sampled through the run: the largest live heap after a collection, and the peak.</li>
 * </ol>
 * Arguments are {@code key=value}: cases, clients, profiles ({@code test} or {@code test,mysql}), opinionClients,
 * opinionSeconds, loadCases, loadEntries, samples, warmup, out. Run it through the {@code benchmark} Maven profile, which
 * forks a JVM with a 512 MB heap: see docs/benchmark.adoc.
 */
public final class DecisionBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Who completes each step of the walk, in order; the bare chain uses the same users. */
    private static final List<String> WALKERS = List.of("zhangwei", "wangfang", "wangfang", "wugang", "sunli", "wugang",
            "zhenghong", "wangfang", "fenglei", "hefang");

    private final Map<String, String> options;
    private final List<String[]> rows = new ArrayList<>();
    private final HeapWatch heap = new HeapWatch();
    private int port;

    private DecisionBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                options.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        int status = 0;
        try {
            new DecisionBenchmark(options).run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // the client pools and the engine's threads would keep the JVM alive
    }

    private String option(String key, String fallback) {
        String value = options.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    private int intOption(String key, int fallback) {
        return Integer.parseInt(option(key, Integer.toString(fallback)));
    }

    private void run() throws Exception {
        String profiles = option("profiles", "test");
        int cases = intOption("cases", 200);
        int clients = intOption("clients", 8);
        if (options.containsKey("sqlTrace")) { // where one table's statements come from, printed after (a)
            System.setProperty("benchmark.sqlTrace", options.get("sqlTrace"));
        }
        heap.start();
        SpringApplication application = new SpringApplication(DecisionApplication.class, BareCamundaConfig.class);
        ConfigurableApplicationContext app = application.run("--server.port=0", "--spring.profiles.active=" + profiles,
                "--logging.level.root=warn", "--app.demo.enabled=true", "--app.demo.cases=false",
                // every benchmark client is 127.0.0.1: the per-address opinion limit is lifted for this run only
                "--app.consultation.opinions.burst=1000000000");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        System.out.printf("benchmark: profiles=%s cases=%d clients=%d heap max=%d MB cores=%d started %s%n", profiles,
                cases, clients, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                ApplicationClock.fromSystemProperties().instant());
        try {
            CaseDriver driver = new CaseDriver(port);
            // warm-up of both sides: JIT, connection pools, caches
            int warmup = intOption("warmup", 10);
            pipeline(driver, warmup, 2);
            bare(warmup, 2);
            StatementCounter.INSTANCE.reset();
            Result ours = pipeline(driver, cases, clients);
            String oursStatements = StatementCounter.INSTANCE.describe(ours.completions, 8);
            System.out.println(StatementCounter.INSTANCE.origins(ours.completions));
            row("(a) pipeline via our API", ours.describe(), ours.latencies.summary());
            StatementCounter.INSTANCE.reset();
            Result bare = bare(cases, clients);
            String bareStatements = StatementCounter.INSTANCE.describe(bare.completions, 8);
            row("(b) bare Camunda REST, same chain", bare.describe(), bare.latencies.summary());
            // a completion's share of the whole walk: the case start and the reads between steps included
            row("(a) SQL per completion", "all statements of the walk / completions", oursStatements);
            row("(b) SQL per completion", "all statements of the walk / completions", bareStatements);
            row("(a)/(b) ratio", "completions/s %.2fx".formatted(ours.completionsPerSecond() / bare.completionsPerSecond()),
                    "p50 %.2fx, p99 %.2fx".formatted(ours.latencies.percentile(50) / bare.latencies.percentile(50),
                            ours.latencies.percentile(99) / bare.latencies.percentile(99)));
            opinions(driver, intOption("opinionClients", 32), intOption("opinionSeconds", 30));
            new BulkLoad(app.getBean(DataSource.class), app.getEnvironment())
                    .load(intOption("loadCases", 100_000), Long.parseLong(option("loadEntries", "10000000")), this::row);
            queries(intOption("samples", 200));
            heap.stop();
            row("(e) heap", "max %d MB".formatted(Runtime.getRuntime().maxMemory() >> 20),
                    "live after GC max %d MB, peak used %d MB".formatted(heap.maxAfterGc >> 20, heap.peakUsed >> 20));
        } finally {
            app.close();
            write(profiles, cases, clients);
        }
    }

    private void row(String what, String figure, String detail) {
        rows.add(new String[] {what, figure, detail});
        System.out.printf("%-40s | %s | %s%n", what, figure, detail);
    }

    private void write(String profiles, int cases, int clients) throws IOException {
        StringBuilder table = new StringBuilder();
        table.append("// ").append(ApplicationClock.fromSystemProperties().instant()).append(" profiles=").append(profiles).append(" cases=").append(cases)
                .append(" clients=").append(clients).append(" options=").append(options).append('\n');
        table.append("|===\n| Measure | Figure | Latency / detail\n\n");
        for (String[] row : rows) {
            table.append("| ").append(row[0]).append(" | ").append(row[1]).append(" | ").append(row[2]).append('\n');
        }
        table.append("|===\n");
        Path out = Path.of(option("out", "target/benchmark-results.adoc"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table.toString(), StandardCharsets.UTF_8);
        System.out.println("written to " + out);
    }

    // ---- (a) our pipeline -------------------------------------------------------------------------------------------

    private record Result(int cases, int completions, double seconds, Latencies latencies) {

        double completionsPerSecond() {
            return completions / seconds;
        }

        String describe() {
            return "%.1f completions/s, %.2f cases/s (%d cases, %.1f s)".formatted(completionsPerSecond(),
                    cases / seconds, cases, seconds);
        }
    }

    private Result pipeline(CaseDriver driver, int cases, int clients) throws Exception {
        Latencies latencies = new Latencies();
        double seconds = concurrently(cases, clients, () -> walkOne(driver, latencies));
        return new Result(cases, latencies.count(), seconds, latencies);
    }

    private static void walkOne(CaseDriver driver, Latencies latencies) {
        String number = driver.file("基准测试事项", Map.of("nonPublic", true));
        JsonNode next = driver.detail(number).path("openTasks");
        List<Map<String, Object>> data = submissions();
        for (int i = 0; i < WALKERS.size(); i++) {
            next = step(driver, next, WALKERS.get(i), data.get(i), latencies);
        }
    }

    /** The submissions of the walk, in order: the same data goes to both sides. */
    private static List<Map<String, Object>> submissions() {
        return List.of(launch(), draft(), legalityPackage(), materialsCheck("accept"), legalOpinion(),
                legalityConclusion("lawful"), meeting("approve"), partyReport(), partyAnswer("agree"), archive());
    }

    private static JsonNode step(CaseDriver driver, JsonNode openTasks, String user, Map<String, Object> data,
            Latencies latencies) {
        String taskId = openTasks.path(0).path("id").asText();
        Api api = driver.as(user);
        expect(api.post("/api/tasks/" + taskId + "/claim", ""), 200, "claim");
        long start = System.nanoTime();
        Api.Response done = api.post("/api/tasks/" + taskId + "/complete", data);
        latencies.add(System.nanoTime() - start);
        expect(done, 200, openTasks.path(0).path("taskKey").asText());
        return done.json().path("nextTasks");
    }

    // ---- (b) the same chain on bare Camunda REST ---------------------------------------------------------------------

    private Result bare(int cases, int clients) throws Exception {
        Latencies latencies = new Latencies();
        double seconds = concurrently(cases, clients, () -> bareOne(latencies));
        return new Result(cases, latencies.count(), seconds, latencies);
    }

    private void bareOne(Latencies latencies) {
        Api officer = Api.as(port, "wangfang", CaseDriver.PASSWORD);
        Map<String, Object> filing = fileCase("基准测试事项", Map.of("nonPublic", true));
        Api.Response started = officer.post("/engine-rest/process-definition/key/" + BareCamundaConfig.PROCESS_KEY
                + "/start", Map.of("variables", variables(filing)));
        expect(started, 200, "start");
        String instance = started.json().path("id").asText();
        List<Map<String, Object>> data = submissions();
        for (int i = 0; i < WALKERS.size(); i++) {
            String user = WALKERS.get(i);
            Api api = Api.as(port, user, CaseDriver.PASSWORD);
            Api.Response tasks = api.get("/engine-rest/task?processInstanceId=" + instance);
            expect(tasks, 200, "task query");
            String taskId = tasks.json().path(0).path("id").asText();
            if (taskId.isEmpty()) {
                throw new IllegalStateException("no task visible to " + user + " at step " + i + ": " + tasks);
            }
            expect(api.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)), 204, "claim");
            long start = System.nanoTime();
            Api.Response done = api.post("/engine-rest/task/" + taskId + "/complete",
                    Map.of("variables", variables(data.get(i))));
            latencies.add(System.nanoTime() - start);
            expect(done, 204, BareCamundaConfig.CHAIN.get(i)[0]);
        }
    }

    /** Form data as Camunda REST variables: scalars typed as they are, lists and objects as JSON. */
    private static Map<String, Object> variables(Map<String, Object> data) {
        Map<String, Object> variables = new HashMap<>();
        data.forEach((name, value) -> {
            Map<String, Object> variable = new HashMap<>();
            if (value instanceof String || value instanceof Boolean || value instanceof Integer) {
                variable.put("value", value);
                variable.put("type", value.getClass().getSimpleName());
            } else {
                try {
                    variable.put("value", JSON.writeValueAsString(value));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                variable.put("type", "Json");
            }
            variables.put(name, variable);
        });
        return variables;
    }

    // ---- (c) public opinions ----------------------------------------------------------------------------------------

    private void opinions(CaseDriver driver, int clients, int seconds) throws Exception {
        String number = driver.file("基准测试：公开征求意见", Map.of());
        driver.complete(number, "Task_DecideLaunch", "zhangwei", launch());
        driver.complete(number, "Task_DraftDecision", "wangfang", draft());
        driver.complete(number, "Task_PublishConsultationNotice", "wangfang", map("channels", List.of("website"),
                "howToSubmit", "网站留言", "periodStart", today().toString(), "periodEnd", today().plusDays(31).toString()));
        String path = "/api/public/consultations/" + number + "/opinions";
        Api citizen = Api.anonymous(port);
        for (int i = 0; i < 200; i++) { // warm-up
            expect(citizen.post(path, map("text", "预热意见 " + i)), 201, "opinion");
        }
        Sustained opinions = sustained(clients, seconds, n -> citizen.post(path, map("name", "市民" + n,
                "contact", "1380000" + n % 10000,
                // one opinion in ten repeats an earlier text, as campaigns do
                "text", n % 10 == 0 ? "反对拆除东侧摊位" : "建议第" + n + "条：补助标准按楼层分档，公示名单。")));
        // the ceiling: the same requests to an endpoint that does nothing, right after, same clients
        Sustained noOp = sustained(clients, seconds, n -> citizen.post(BareCamundaConfig.NO_OP_PATH,
                map("name", "市民" + n, "contact", "1380000" + n % 10000, "text", "建议第" + n + "条：补助标准按楼层分档，公示名单。")));
        row("(c) public opinion intake, %d clients".formatted(clients),
                "%.0f opinions/s sustained over %.0f s (%d not accepted)".formatted(opinions.rate(), opinions.seconds(),
                        opinions.refused()),
                opinions.latencies().summary());
        row("(c) no-op public endpoint, %d clients".formatted(clients),
                "%.0f requests/s over %.0f s; intake at %.0f%% of it".formatted(noOp.rate(), noOp.seconds(),
                        100 * opinions.rate() / noOp.rate()),
                noOp.latencies().summary());
    }

    private record Sustained(double rate, double seconds, long refused, Latencies latencies) {
    }

    /** Requests from {@code clients} threads for {@code seconds}; anything but 201 counts as refused. */
    private static Sustained sustained(int clients, int seconds, java.util.function.IntFunction<Api.Response> request)
            throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong refused = new AtomicLong();
        AtomicInteger counter = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    Api.Response response = request.apply(counter.incrementAndGet());
                    latencies.add(System.nanoTime() - sent);
                    if (response.status() != 201) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Sustained(latencies.count() / elapsed, elapsed, refused.get(), latencies);
    }

    // ---- (d) list, search and timeline at volume ---------------------------------------------------------------------

    private void queries(int samples) {
        Api auditor = Api.as(port, "xunuo", CaseDriver.PASSWORD);
        Api officer = Api.as(port, "wangfang", CaseDriver.PASSWORD);
        Api head = Api.as(port, "zhangwei", CaseDriver.PASSWORD);
        int loaded = BulkLoad.loadedCases();
        java.util.Random random = new java.util.Random(42);
        time("(d) case list, head (all cases), page 1..50", samples, i -> head, i -> "/api/cases?page=" + (i % 50));
        time("(d) case list, officer (own unit), page 1..50", samples, i -> officer, i -> "/api/cases?page=" + (i % 50));
        time("(d) case list filtered by status and stage", samples, i -> head,
                i -> "/api/cases?status=ACTIVE&stage=" + BulkLoad.STAGES[i % BulkLoad.STAGES.length]);
        time("(d) case search by title word", samples, i -> head,
                i -> "/api/cases?title=" + encode(BulkLoad.WORDS[i % BulkLoad.WORDS.length]));
        time("(d) case search by number fragment", samples, i -> head,
                i -> "/api/cases?number=" + BulkLoad.number(random.nextInt(Math.max(1, loaded))).substring(4));
        time("(d) case search by filing date", samples, i -> head, i -> "/api/cases?filedFrom="
                + LocalDate.of(2024, 1, 1).plusDays(i % 900) + "&filedTo=" + LocalDate.of(2024, 1, 1).plusDays(i % 900 + 7));
        time("(d) case timeline (auditor)", samples, i -> auditor,
                i -> "/api/audit/cases/" + BulkLoad.number(random.nextInt(Math.max(1, loaded))) + "/timeline");
        time("(d) audit search by person, page 1", samples, i -> auditor,
                i -> "/api/audit/timeline?actor=" + BulkLoad.ACTORS[i % BulkLoad.ACTORS.length]);
        time("(d) audit search by person and week", samples, i -> auditor,
                i -> "/api/audit/timeline?actor=" + BulkLoad.ACTORS[i % BulkLoad.ACTORS.length] + "&from="
                        + LocalDate.of(2024, 1, 1).plusDays(i % 900) + "&to=" + LocalDate.of(2024, 1, 1).plusDays(i % 900 + 6));
        time("(d) audit entries of a case", samples, i -> auditor,
                i -> "/api/audit/entries?caseNumber=" + BulkLoad.number(random.nextInt(Math.max(1, loaded))));
    }

    private void time(String what, int samples, java.util.function.IntFunction<Api> who,
            java.util.function.IntFunction<String> path) {
        for (int i = 0; i < Math.min(20, samples); i++) { // warm-up
            expect(who.apply(i).get(path.apply(i + samples)), 200, what);
        }
        Latencies latencies = new Latencies();
        for (int i = 0; i < samples; i++) {
            String p = path.apply(i);
            long start = System.nanoTime();
            Api.Response response = who.apply(i).get(p);
            latencies.add(System.nanoTime() - start);
            expect(response, 200, what + " " + p);
        }
        row(what, "p50 %.1f ms, p95 %.1f ms".formatted(latencies.percentile(50), latencies.percentile(95)),
                latencies.summary());
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Runs {@code work} {@code count} times on {@code clients} threads; returns the wall-clock seconds. */
    private static double concurrently(int count, int clients, Runnable work) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<Object>> futures = new ArrayList<>();
        Callable<Object> loop = () -> {
            while (next.getAndIncrement() < count) {
                work.run();
            }
            return null;
        };
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(loop));
        }
        for (Future<Object> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return seconds;
    }

    private static void expect(Api.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + ": " + response);
        }
    }

    /** Samples the heap every 100 ms: the peak used, and the largest live heap right after a collection. */
    private static final class HeapWatch {

        volatile long peakUsed;
        volatile long maxAfterGc;
        private volatile boolean running;

        void start() {
            running = true;
            Thread thread = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
            sample();
        }

        private void sample() {
            long used = 0;
            long afterGc = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    used += pool.getUsage().getUsed();
                    if (pool.getCollectionUsage() != null) {
                        afterGc += pool.getCollectionUsage().getUsed();
                    }
                }
            }
            peakUsed = Math.max(peakUsed, used);
            maxAfterGc = Math.max(maxAfterGc, afterGc);
        }
    }
}
