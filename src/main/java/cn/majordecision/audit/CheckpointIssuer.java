package cn.majordecision.audit;

import cn.majordecision.shared.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Issues checkpoints, only over a log proven consistent with every checkpoint before it (ADR 0022): each leaf after
 * the verified frontier is recomputed from its contents, compared with its stored hash and with the hash this node
 * computed when it appended it, and the tree grows from the frontier whose root matched the previous signed
 * checkpoint. A log that fails is not signed: the refusal is logged as an ERROR, turns the {@code auditLog} health
 * DOWN and stays visible until a checkpoint can be signed again (each scheduled tick tries).
 */
@Service
class CheckpointIssuer {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointIssuer.class);
    private static final HexFormat HEX = HexFormat.of();

    /** Why the last signing was refused, and when. */
    record Refusal(Instant at, long firstBadSequence, String reason) {
    }

    private final AuditEntries entries;
    private final CheckpointSigner signer;
    private final LogFrontier frontier;
    private final Witness witness;
    private final Clock clock;
    private final AtomicReference<Refusal> refusal = new AtomicReference<>();

    CheckpointIssuer(AuditEntries entries, CheckpointSigner signer, LogFrontier frontier, Witness witness, Clock clock) {
        this.entries = entries;
        this.signer = signer;
        this.frontier = frontier;
        this.witness = witness;
        this.clock = clock;
    }

    /** Signs the whole log now, or refuses with the first entry not to trust. */
    @Transactional
    public Checkpoint sign() {
        return sign(null, null).orElseThrow();
    }

    /**
     * Signs when the log has grown since the newest checkpoint and that one is at least {@code every} old at
     * {@code now}; of several nodes asking at once, one signs and the others find its checkpoint and stop.
     */
    @Transactional
    public Optional<Checkpoint> signIfDue(Instant now, Duration every) {
        try {
            return sign(now, every);
        } catch (DomainException refused) {
            return Optional.empty(); // logged as an ERROR and kept as the refusal already
        }
    }

    Optional<Refusal> refusal() {
        return Optional.ofNullable(refusal.get());
    }

    private Optional<Checkpoint> sign(Instant now, Duration every) {
        // after a refusal a tick checks again (once per interval), to clear it
        Refusal refused = refusal.get();
        if (every != null && refused != null && refused.at().plus(every).isAfter(now)) {
            return Optional.empty();
        }
        boolean scheduled = every != null && refused == null;
        if (scheduled && !due(now, every, entries.count())) {
            return Optional.empty(); // the usual tick: two small reads, no lock
        }
        catchUp();
        long count = entries.lockHead();
        if (scheduled && !due(now, every, count)) {
            return Optional.empty(); // another node signed while this one waited for the lock
        }
        List<LogCheck.Trusted> trusted = trusted(frontier.size());
        if (count == 0) {
            throw DomainException.conflict("AUDIT_LOG_EMPTY", "审计日志还没有条目，无需签发检查点。");
        }
        LogCheck.Result checked = LogCheck.extend(frontier.verified(), count, count, trusted, entries, frontier);
        if (!checked.ok()) {
            refuse(checked);
        }
        Checkpoint checkpoint = signer.sign(count, HEX.formatHex(checked.tree().root()),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        entries.insert(checkpoint);
        signer.remember(checkpoint);
        MerkleTree.Incremental signed = checked.tree();
        afterCommit(() -> {
            frontier.advance(signed);
            refusal.set(null);
            witness.publish(checkpoint);
        });
        return Optional.of(checkpoint);
    }

    /** The log has grown past the newest checkpoint, and that one is at least {@code every} old at {@code now}. */
    private boolean due(Instant now, Duration every, long count) {
        Optional<Checkpoint> newest = entries.checkpointsNewestFirst(0, 50).stream().filter(signer::isOurs).findFirst();
        boolean grown = newest.map(c -> c.treeSize() < count).orElse(count > 0);
        return grown && newest.map(c -> !c.issuedAt().plus(every).isAfter(now)).orElse(true);
    }

    /**
     * Brings the frontier up to the newest signed checkpoint without holding the head lock (appends go on): after a
     * start that is the whole log once, read a page at a time; the part before that checkpoint is settled by its root.
     */
    private void catchUp() {
        MerkleTree.Incremental tree = frontier.verified();
        List<LogCheck.Trusted> trusted = trusted(tree.size());
        long target = trusted.stream().filter(t -> t.source() == LogCheck.Source.DATABASE)
                .mapToLong(t -> t.checkpoint().treeSize()).max().orElse(0);
        if (target <= tree.size() || target > entries.count()) {
            return;
        }
        LogCheck.Result checked = LogCheck.extend(tree, target, target,
                trusted.stream().filter(t -> t.checkpoint().treeSize() <= target).toList(), entries, frontier);
        if (checked.ok()) {
            frontier.advance(checked.tree());
        }
    }

    private void refuse(LogCheck.Result checked) {
        Refusal refused = new Refusal(clock.instant(), checked.firstBad(), checked.reason());
        refusal.set(refused);
        if (checked.firstBad() < frontier.size()) {
            // the database no longer holds what this node verified (a restored backup): read it all next time, so
            // that a log grown again on top of the old prefix is compared with the published checkpoints from entry 0
            frontier.forget();
        }
        LOG.error("AUDIT LOG TAMPERED: no checkpoint signed; first entry not to trust is {}: {}",
                checked.firstBad(), checked.reason());
        throw DomainException.conflict("AUDIT_LOG_TAMPERED", "审计日志校验未通过，不能签发检查点：" + checked.reason());
    }

    /**
     * Checkpoints signed by our key, smallest tree first: the database's, this node's copy of its newest, and the
     * newest the witness holds. Signing needs only those from the frontier on: their signatures are checked, the
     * older ones' were when the frontier passed them.
     */
    List<LogCheck.Trusted> trusted(long fromSize) {
        List<LogCheck.Trusted> all = new ArrayList<>();
        entries.checkpointsFrom(fromSize).stream().filter(signer::isOurs)
                .forEach(c -> all.add(new LogCheck.Trusted(c, LogCheck.Source.DATABASE, "数据库")));
        witness.newestPublished(signer::isOurs)
                .ifPresent(c -> all.add(new LogCheck.Trusted(c, LogCheck.Source.WITNESS, witness.name())));
        signer.remembered().filter(signer::isOurs)
                .ifPresent(c -> all.add(new LogCheck.Trusted(c, LogCheck.Source.NODE_COPY, "本节点")));
        List<LogCheck.Trusted> distinct = new ArrayList<>();
        for (LogCheck.Trusted t : all) {
            boolean known = distinct.stream().anyMatch(d -> d.checkpoint().treeSize() == t.checkpoint().treeSize()
                    && d.checkpoint().rootHash().equals(t.checkpoint().rootHash()));
            if (!known) {
                distinct.add(t);
            }
        }
        distinct.sort(Comparator.comparingLong(t -> t.checkpoint().treeSize()));
        return distinct;
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
