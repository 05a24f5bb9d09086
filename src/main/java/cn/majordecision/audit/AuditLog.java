package cn.majordecision.audit;

import cn.majordecision.cases.CaseService;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only audit log: appends entries in the caller's transaction, issues signed checkpoints, serves inclusion
 * and consistency proofs, and verifies the whole log against its checkpoints.
 */
@Service
@Transactional
public class AuditLog {

    private static final String AUDITORS = "auditors";
    /** Transaction resource key of the entries appended in the current transaction. */
    private static final Object PENDING = new Object();
    private static final int MAX_PAGE = 500;
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** Payload field: the entry's number within its case, from 1 (ADR 0021). */
    public static final String CASE_ENTRY = "caseEntry";
    /** Payload field: the leaf hash of the case's previous entry, null for its first. */
    public static final String CASE_PREVIOUS_LEAF = "casePreviousLeaf";

    private final AuditEntries entries;
    private final CheckpointSigner signer;
    private final CaseService cases;
    private final Clock clock;
    private final CheckpointIssuer issuer;
    private final LogFrontier frontier;
    private final RecordBindings bindings;

    AuditLog(AuditEntries entries, CheckpointSigner signer, CaseService cases, Clock clock, CheckpointIssuer issuer,
            LogFrontier frontier, RecordBindings bindings) {
        this.entries = entries;
        this.cases = cases;
        this.signer = signer;
        this.clock = clock;
        this.issuer = issuer;
        this.frontier = frontier;
        this.bindings = bindings;
    }

    /**
     * Appends an entry in the current transaction (or its own, when there is none): it commits or rolls back with
     * the change it records. Time is UTC, cut to microseconds so that it reads back from the database unchanged.
     * Entries are numbered just before the transaction commits: the lock that keeps the numbers gap-free and in
     * commit order is then held only for those inserts, not for the whole business transaction.
     */
    public void append(AuditEventType type, Long caseId, String stage, String actor, String role,
            Map<String, ?> payload) {
        json(payload); // refused here, in the caller, rather than at commit
        pendingInThisTransaction().add(new Pending(type, caseId, stage, actor, role,
                clock.instant().truncatedTo(ChronoUnit.MICROS), payload == null ? Map.of() : payload));
    }

    record Pending(AuditEventType type, Long caseId, String stage, String actor, String role,
            Instant at, Map<String, ?> payload) {
    }

    /**
     * The entries appended in the current transaction and not written yet (they are written just before it commits):
     * what the transaction's own changes will be recorded by, for a check made inside it (an archive dossier).
     */
    @SuppressWarnings("unchecked")
    static List<Pending> pendingInCurrentTransaction() {
        List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(PENDING);
        return pending == null ? List.of() : List.copyOf(pending);
    }

    @SuppressWarnings("unchecked")
    private List<Pending> pendingInThisTransaction() {
        List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            List<Pending> created = new ArrayList<>();
            List<AuditEntry> batch = new ArrayList<>(); // what was inserted, remembered by this node once committed
            TransactionSynchronizationManager.bindResource(PENDING, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    long sequence = entries.reserve(created.size());
                    // the case heads are read with the log's lock held: no other append can chain in between
                    Map<Long, AuditEntries.CaseHead> heads = new LinkedHashMap<>();
                    for (Pending p : created) {
                        Map<String, Object> payload = new LinkedHashMap<>(p.payload());
                        AuditEntries.CaseHead head = null;
                        if (p.caseId() != null) {
                            head = heads.computeIfAbsent(p.caseId(), entries::caseHead);
                            payload.put(CASE_ENTRY, head.count() + 1);
                            payload.put(CASE_PREVIOUS_LEAF, head.lastLeafHash());
                        }
                        AuditEntry entry = new AuditEntry(sequence++, p.caseId(), p.stage(), p.type().name(),
                                p.actor(), p.role(), p.at(), json(payload), null).withLeafHash();
                        if (head != null) {
                            heads.put(p.caseId(), head.next(entry.leafHash()));
                        }
                        batch.add(entry);
                    }
                    entries.insertAll(batch);
                    heads.forEach(entries::saveCaseHead);
                }

                @Override
                public void afterCommit() {
                    batch.forEach(e -> frontier.appended(e.sequence(), e.leafHash()));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            pending = created;
        }
        return pending;
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> entriesOfCase(String caseNumber, Actor reader) {
        requireAuditor(reader);
        return entries.ofCase(cases.get(caseNumber).getId());
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> entries(long from, int limit, Actor reader) {
        requireAuditor(reader);
        if (from < 0) {
            throw DomainException.invalid("INVALID_SEQUENCE", "起始序号不能为负数。");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw DomainException.invalid("INVALID_LIMIT", "每次最多查询 " + MAX_PAGE + " 条，至少 1 条。");
        }
        return entries.page(from, limit);
    }

    /** Signs the current tree, but only a log that verifies: a checkpoint must never bless a rewritten history. */
    public Checkpoint issueCheckpoint(Actor auditor) {
        requireAuditor(auditor);
        return signCurrentTree();
    }

    /** The newest checkpoint if it covers the whole log, else a new one (for bundles, which prove against it). */
    Checkpoint currentCheckpoint() {
        List<Checkpoint> trusted = trustedCheckpoints();
        if (!trusted.isEmpty() && trusted.get(trusted.size() - 1).treeSize() == entries.count()) {
            return trusted.get(trusted.size() - 1);
        }
        return signCurrentTree();
    }

    /**
     * The inclusion proof of every listed leaf in the tree of the given size, from one read of the leaves and one pass
     * over the tree (a case's k proofs cost about n hashes, not k·n: an archive dossier of a long case in a long log).
     */
    List<List<String>> inclusionProofs(List<Long> leafIndexes, long treeSize) {
        List<byte[]> leaves = entries.leafHashes(treeSize);
        return MerkleTree.inclusionProofs(leaves, leafIndexes).stream()
                .map(path -> path.stream().map(HEX::formatHex).toList())
                .toList();
    }

    /** Only over a log proven consistent with the previous checkpoint (ADR 0022). */
    private Checkpoint signCurrentTree() {
        return issuer.sign();
    }

    @Transactional(readOnly = true)
    public Checkpoint latestCheckpoint(Actor reader) {
        requireAuditor(reader);
        return trustedCheckpoints().stream().reduce((a, b) -> b)
                .orElseThrow(() -> DomainException.notFound("NO_CHECKPOINT", "尚未签发检查点，请先签发一个。"));
    }

    public String publicKey() {
        return signer.publicKey();
    }

    @Transactional(readOnly = true)
    public Proofs.Inclusion inclusionProof(long leafIndex, long treeSize, Actor reader) {
        requireAuditor(reader);
        requireTreeSize(treeSize, "treeSize");
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw DomainException.invalid("INVALID_LEAF_INDEX",
                    "条目序号须在 0 至 " + (treeSize - 1) + " 之间（规模为 " + treeSize + " 的树中）。");
        }
        List<byte[]> leaves = entries.leafHashes(treeSize);
        List<String> path = MerkleTree.inclusionProof(leaves, leafIndex).stream().map(HEX::formatHex).toList();
        return new Proofs.Inclusion(leafIndex, treeSize, HEX.formatHex(leaves.get((int) leafIndex)),
                HEX.formatHex(MerkleTree.root(leaves)), path);
    }

    @Transactional(readOnly = true)
    public Proofs.Consistency consistencyProof(long fromSize, long toSize, Actor reader) {
        requireAuditor(reader);
        requireTreeSize(toSize, "to");
        if (fromSize < 1 || fromSize > toSize) {
            throw DomainException.invalid("INVALID_TREE_SIZE", "起始规模须在 1 至 " + toSize + " 之间。");
        }
        List<byte[]> leaves = entries.leafHashes(toSize);
        List<String> proof = MerkleTree.consistencyProof(leaves, fromSize).stream().map(HEX::formatHex).toList();
        return new Proofs.Consistency(fromSize, toSize, HEX.formatHex(MerkleTree.root(leaves.subList(0, (int) fromSize))),
                HEX.formatHex(MerkleTree.root(leaves)), proof);
    }

    /** Recomputes every leaf from its contents and every checkpointed root; reports the first entry not to trust. */
    @Transactional(readOnly = true)
    public Verification verify(Actor auditor) {
        requireAuditor(auditor);
        return verify(entries.count()).verification().withRecords(bindings.allMismatches());
    }

    /** A verification and the root it recomputed over the entries it accepted. */
    private record Checked(Verification verification, byte[] root) {
    }

    private Checked verify(long registered) {
        List<LogCheck.Trusted> checkpoints = issuer.trusted(0);
        Checkpoint newest = checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1).checkpoint();
        long newestSize = newest == null ? 0 : newest.treeSize();
        String newestRoot = newest == null ? null : newest.rootHash();
        LogCheck.Result result = LogCheck.extend(new MerkleTree.Incremental(), Math.max(registered, newestSize),
                registered, checkpoints, entries, frontier);
        long seen = result.tree().size();
        if (!result.ok()) {
            return new Checked(new Verification(false, seen, newestSize, newestRoot, result.firstBad(), result.reason()),
                    null);
        }
        return new Checked(new Verification(true, seen, newestSize, newestRoot, null, null), result.tree().root());
    }

    /** Checkpoints in the database and the copy kept outside it, signed by our key, smallest tree first. */
    private List<Checkpoint> trustedCheckpoints() {
        Map<Long, Checkpoint> bySize = new TreeMap<>();
        List<Checkpoint> candidates = new ArrayList<>(entries.checkpoints());
        signer.remembered().ifPresent(candidates::add);
        for (Checkpoint c : candidates) {
            if (signer.isOurs(c)) {
                bySize.putIfAbsent(c.treeSize(), c);
            }
        }
        return new ArrayList<>(bySize.values());
    }

    private void requireTreeSize(long treeSize, String name) {
        long size = entries.count();
        if (treeSize < 1 || treeSize > size) {
            throw DomainException.invalid("INVALID_TREE_SIZE",
                    "参数“" + name + "”须在 1 至 " + size + " 之间：日志目前共有 " + size + " 条。");
        }
    }

    private static void requireAuditor(Actor actor) {
        if (!actor.isIn(AUDITORS)) {
            throw DomainException.forbidden("ROLE_REQUIRED", "只有审计人员可以查阅审计日志。");
        }
    }

    private static String json(Map<String, ?> payload) {
        try {
            return CANONICAL.writeValueAsString(payload == null ? Map.of() : payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit payload is not serialisable", e);
        }
    }

}
