package cn.majordecision.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The check before a signature: only entries after the frontier are hashed, and nothing forged gets through. */
class LogCheckTests {

    private static final HexFormat HEX = HexFormat.of();
    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");

    final AuditEntries entries = mock(AuditEntries.class);
    final LogFrontier frontier = new LogFrontier();
    final List<AuditEntry> log = new ArrayList<>();

    @Test
    void readsOnlyTheEntriesAfterTheVerifiedFrontier() {
        // given: five entries, the first three verified
        store(5);
        MerkleTree.Incremental verified = treeOf(3);

        // when
        LogCheck.Result result = LogCheck.extend(verified, 5, 5, List.of(), entries, frontier);

        // then
        assertThat(result.ok()).as(result.reason()).isTrue();
        assertThat(result.tree().root()).isEqualTo(MerkleTree.root(leaves(5)));
        verify(entries).forEachBetween(eq(3L), eq(5L), any());
        verify(entries, never()).forEachBetween(eq(0L), anyLong(), any());
    }

    @Test
    void namesAnEntryRewrittenWithItsHashThatThisNodeAppended() {
        // given: entry 4 as this node appended it, then rewritten in the database together with its hash
        store(5);
        frontier.appended(4, log.get(4).leafHash());
        log.set(4, new AuditEntry(4, 1L, "LAUNCH", "TASK_COMPLETED", "zhangwei", "heads", AT, "{\"forged\":true}", null)
                .withLeafHash());

        // when
        LogCheck.Result result = LogCheck.extend(treeOf(3), 5, 5, List.of(), entries, frontier);

        // then
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBad()).isEqualTo(4);
        assertThat(result.reason()).contains("第 4 条", "连同其哈希被改写");
    }

    @Test
    void refusesATreeThatDoesNotReachTheRootOfTheCheckpointItPasses() {
        // given: a checkpoint over four entries; the fourth, appended by another node, rewritten with its hash
        store(5);
        String root = HEX.formatHex(MerkleTree.root(leaves(4)));
        Checkpoint signed = new Checkpoint(4, root, AT, "sig", "key");
        log.set(3, new AuditEntry(3, 1L, "LAUNCH", "TASK_COMPLETED", "zhangwei", "heads", AT, "{\"forged\":true}", null)
                .withLeafHash());

        // when
        LogCheck.Result result = LogCheck.extend(treeOf(2), 5, 5,
                List.of(new LogCheck.Trusted(signed, LogCheck.Source.DATABASE, "数据库")), entries, frontier);

        // then
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBad()).isEqualTo(2);
        assertThat(result.reason()).contains("第 2 至 3 条之间有条目被改写");
    }

    @Test
    void reportsAForkAgainstTheWitnessWhenTheLogIsShorterThanWhatWasPublished() {
        // given: the witness holds a checkpoint over seven entries; the database has five
        store(5);
        Checkpoint published = new Checkpoint(7, "ab".repeat(32), AT, "sig", "key");

        // when
        LogCheck.Result result = LogCheck.extend(treeOf(3), 5, 5,
                List.of(new LogCheck.Trusted(published, LogCheck.Source.WITNESS, "县司法局")), entries, frontier);

        // then
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBad()).isEqualTo(5);
        assertThat(result.reason()).contains("与县司法局保存的检查点分叉", "7 条", "只有 5 条");
    }

    @Test
    void refusesALogShorterThanTheVerifiedFrontier() {
        store(3);

        LogCheck.Result result = LogCheck.extend(treeOf(5), 3, 3, List.of(), entries, frontier);

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBad()).isEqualTo(3);
        assertThat(result.reason()).contains("回滚");
    }

    private void store(int n) {
        for (int i = 0; i < n; i++) {
            log.add(new AuditEntry(i, 1L, "LAUNCH", "TASK_COMPLETED", "zhangwei", "heads", AT.plusSeconds(i),
                    "{\"n\":" + i + "}", null).withLeafHash());
        }
        doAnswer(call -> {
            long start = call.getArgument(0);
            long end = call.getArgument(1);
            Consumer<AuditEntry> action = call.getArgument(2);
            log.stream().filter(e -> e.sequence() >= start && e.sequence() < end).forEach(action);
            return null;
        }).when(entries).forEachBetween(anyLong(), anyLong(), any());
    }

    /** The tree of the first {@code n} entries as first stored (before any test rewrites one). */
    private MerkleTree.Incremental treeOf(int n) {
        MerkleTree.Incremental tree = new MerkleTree.Incremental();
        for (int i = 0; i < n; i++) {
            tree.append(HEX.parseHex(original(i).leafHash()));
        }
        return tree;
    }

    private List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(HEX.parseHex(original(i).leafHash()));
        }
        return leaves;
    }

    private static AuditEntry original(int i) {
        return new AuditEntry(i, 1L, "LAUNCH", "TASK_COMPLETED", "zhangwei", "heads", AT.plusSeconds(i),
                "{\"n\":" + i + "}", null).withLeafHash();
    }
}
