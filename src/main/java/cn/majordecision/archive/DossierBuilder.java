package cn.majordecision.archive;

import cn.majordecision.archive.Dossiers.DossierRequested;
import cn.majordecision.archive.Dossiers.Row;
import cn.majordecision.audit.AuditEventType;
import cn.majordecision.audit.AuditLog;
import cn.majordecision.cases.Stage;
import cn.majordecision.shared.DomainException;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the dossier versions that wait (ADR 0023), one at a time, on one thread of its own, after the transaction that
 * asked for them committed. The PENDING rows are the queue: a node claims a row with a conditional update, so of
 * several nodes exactly one builds it; a claim older than {@code app.archive.dossiers.stale-after} (a node that died
 * while building) is taken over. Each node also looks every {@code app.archive.dossiers.poll}, for the versions asked
 * for on other nodes or before a restart.
 */
@Component
class DossierBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(DossierBuilder.class);
    /** A build that failed for a reason other than the case's content is tried this often before it is FAILED. */
    private static final int ATTEMPTS = 3;

    private final DossierContents contents;
    private final AuditLog log;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration staleAfter;
    private final boolean enabled;
    private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dossier-builder");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    DossierBuilder(DossierContents contents, AuditLog log, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            Clock clock, @Value("${app.archive.dossiers.stale-after:PT15M}") Duration staleAfter,
            @Value("${app.archive.dossiers.enabled:true}") boolean enabled) {
        this.contents = contents;
        this.log = log;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.enabled = enabled;
    }

    /** Published after the commit that asked for a version: start building now rather than at the next poll. */
    @EventListener
    void on(DossierRequested requested) {
        wake();
    }

    @Scheduled(fixedDelayString = "${app.archive.dossiers.poll:PT30S}", initialDelayString = "PT20S")
    void tick() {
        wake();
    }

    /** Drains the queue on the builder's thread; a wake-up while it drains makes it look once more afterwards. */
    void wake() {
        if (enabled && queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                try {
                    drain();
                } catch (RuntimeException e) {
                    LOG.error("Dossier queue could not be drained; the next poll tries again", e);
                }
            });
        }
    }

    /** Builds every waiting version this node can claim, oldest first. Tests and the benchmark call it directly. */
    synchronized int drain() {
        int built = 0;
        while (true) {
            Instant stale = clock.instant().minus(staleAfter);
            List<Long> waiting = jdbc.queryForList("SELECT id FROM case_dossier WHERE status = 'PENDING' "
                    + "OR (status = 'BUILDING' AND claimed_at < ?) ORDER BY id LIMIT 20", Long.class,
                    Dossiers.utc(stale));
            int claimed = 0;
            for (Long id : waiting) {
                if (claim(id, stale)) {
                    claimed++;
                    build(id);
                    built++;
                }
            }
            if (claimed == 0) {
                return built;
            }
        }
    }

    private boolean claim(long id, Instant stale) {
        return jdbc.update("UPDATE case_dossier SET status = 'BUILDING', claimed_by = ?, claimed_at = ?, "
                + "attempts = attempts + 1 WHERE id = ? AND (status = 'PENDING' OR (status = 'BUILDING' AND claimed_at < ?))",
                node, Dossiers.utc(clock.instant()), id, Dossiers.utc(stale)) == 1;
    }

    private void build(long id) {
        Row row = jdbc.queryForObject("SELECT " + Dossiers.COLUMNS + " FROM case_dossier WHERE id = ?", Dossiers.ROW, id);
        long started = System.nanoTime();
        try {
            byte[] bag = contents.build(row.caseId(), new DossierContents.Occasion(row.version(), row.reason(),
                    Dossiers.reasonLabel(row.reason()), row.reasonDetail()));
            String sha256 = DossierContents.sha256(bag);
            transaction.executeWithoutResult(status -> {
                int stored = jdbc.update("UPDATE case_dossier SET status = 'READY', failure = NULL, created_at = ?, "
                        + "sha256 = ?, size_bytes = ?, content = ? WHERE id = ? AND claimed_by = ? AND status = 'BUILDING'",
                        Dossiers.utc(clock.instant()), sha256, bag.length, bag, id, node);
                if (stored == 1) {
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("version", row.version());
                    payload.put("reason", row.reason());
                    if (row.reasonDetail() != null) {
                        payload.put("reasonDetail", row.reasonDetail());
                    }
                    payload.put("sha256", sha256);
                    payload.put("sizeBytes", bag.length);
                    payload.put("format", "BagIt 1.0, PDF/A-2u");
                    log.append(AuditEventType.DOSSIER_CREATED, row.caseId(), Stage.ARCHIVING.name(),
                            row.requestedBy() == null ? "system" : row.requestedBy(), "system", payload);
                }
            });
            LOG.info("Dossier version {} of case {} built in {} ms ({} bytes)", row.version(), row.caseId(),
                    (System.nanoTime() - started) / 1_000_000, bag.length);
        } catch (DomainException refused) {
            // the case's content cannot be archived as it is (a character without a glyph, a changed document):
            // trying again will not help; the page shows why
            fail(id, refused.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.error("Dossier version {} of case {} could not be built (attempt {})", row.version(), row.caseId(),
                    row.attempts() + 1, e);
            if (row.attempts() + 1 >= ATTEMPTS) {
                fail(id, "生成归档包时出错（已尝试 " + ATTEMPTS + " 次）：" + e.getClass().getSimpleName()
                        + "。请系统管理员查看日志后重新生成。");
            } else {
                jdbc.update("UPDATE case_dossier SET status = 'PENDING', claimed_by = NULL, claimed_at = NULL "
                        + "WHERE id = ? AND claimed_by = ?", id, node);
            }
        }
    }

    private void fail(long id, String reason) {
        String shown = reason == null ? "未知原因" : reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        jdbc.update("UPDATE case_dossier SET status = 'FAILED', failure = ? WHERE id = ? AND claimed_by = ?", shown, id,
                node);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }
}
