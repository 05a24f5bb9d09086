package cn.majordecision.audit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Recomputes leaves from the entries' contents (a stored hash is only compared, never trusted) and extends a verified
 * tree with them, comparing the root at every trusted checkpoint it passes: the tree that comes out is consistent
 * with each of them, because it was built on top of the very prefix that matched their roots. Used by verification
 * (from the first entry) and before every signature (from the frontier on).
 */
final class LogCheck {

    private static final HexFormat HEX = HexFormat.of();
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** Where a trusted checkpoint was found: a published copy that the database contradicts is a fork. */
    enum Source { DATABASE, NODE_COPY, WITNESS }

    record Trusted(Checkpoint checkpoint, Source source, String holder) {
    }

    /** The tree after the check, or the first entry not to trust and why (Chinese). */
    record Result(MerkleTree.Incremental tree, Long firstBad, String reason) {
        boolean ok() {
            return reason == null;
        }
    }

    private LogCheck() {
    }

    /**
     * Extends {@code tree} with the entries from its size up to {@code end} ({@code registered} is what the head
     * counter says), comparing with the checkpoints (smallest first) and with the leaf hashes this node remembers.
     */
    static Result extend(MerkleTree.Incremental tree, long end, long registered, List<Trusted> checkpoints,
            AuditEntries entries, LogFrontier frontier) {
        long start = tree.size();
        long[] lastGood = {start};
        int[] next = {0};
        while (next[0] < checkpoints.size() && checkpoints.get(next[0]).checkpoint().treeSize() <= start) {
            next[0]++; // passed on an earlier check: the verified prefix matched them
        }
        Long[] firstBad = {null};
        String[] failure = {null};
        if (end < start) {
            return new Result(tree, end, "日志只有 " + end + " 条，少于本节点此前核验过的 " + start
                    + " 条：条目被删除，或日志被回滚到旧的备份。");
        }
        entries.forEachBetween(start, end, entry -> {
            if (failure[0] != null) {
                return;
            }
            long i = tree.size();
            if (entry.sequence() < i) {
                firstBad[0] = i;
                failure[0] = "出现序号为 " + entry.sequence() + " 的条目，日志中不应有此序号：条目被伪造插入。";
                return;
            }
            if (entry.sequence() != i) {
                firstBad[0] = i;
                failure[0] = "第 " + i + " 条缺失：条目被删除（下一条是第 " + entry.sequence() + " 条）。";
                return;
            }
            String recomputed = entry.computeLeafHash();
            if (!recomputed.equals(entry.leafHash())) {
                firstBad[0] = i;
                failure[0] = "第 " + i + " 条的内容与登记时的哈希不符：登记后被改动或与其他条目调换。";
                return;
            }
            String remembered = frontier.appendedLeaf(i);
            if (remembered != null && !remembered.equals(recomputed)) {
                firstBad[0] = i;
                failure[0] = "第 " + i + " 条在登记后连同其哈希被改写：与本节点登记该条时计算的哈希不符。";
                return;
            }
            tree.append(HEX.parseHex(recomputed));
            while (next[0] < checkpoints.size() && checkpoints.get(next[0]).checkpoint().treeSize() == tree.size()) {
                Trusted t = checkpoints.get(next[0]++);
                Checkpoint c = t.checkpoint();
                if (!Arrays.equals(tree.root(), HEX.parseHex(c.rootHash()))) {
                    firstBad[0] = lastGood[0];
                    failure[0] = t.source() == Source.WITNESS
                            ? "与" + t.holder() + "保存的检查点分叉：重新计算的第 0 至 " + (c.treeSize() - 1)
                                    + " 条的树根与其保存的 " + SHOWN.format(c.issuedAt()) + " 签发的检查点（" + c.treeSize()
                                    + " 条）不符，第 " + lastGood[0] + " 条起的历史与已公布的不同。"
                            : "第 " + lastGood[0] + " 至 " + (c.treeSize() - 1) + " 条之间有条目被改写：重新计算的树根与 "
                                    + SHOWN.format(c.issuedAt()) + " 签发的检查点（" + c.treeSize() + " 条）不符。";
                    return;
                }
                lastGood[0] = c.treeSize();
            }
        });
        if (failure[0] != null) {
            return new Result(tree, firstBad[0], failure[0]);
        }
        long seen = tree.size();
        Trusted beyond = checkpoints.stream().filter(t -> t.checkpoint().treeSize() > seen)
                .reduce((a, b) -> b).orElse(null);
        if (beyond != null) {
            Checkpoint c = beyond.checkpoint();
            String reason = beyond.source() == Source.WITNESS
                    ? "与" + beyond.holder() + "保存的检查点分叉：其保存了 " + SHOWN.format(c.issuedAt()) + " 签发的检查点（"
                            + c.treeSize() + " 条），数据库中的日志却只有 " + seen + " 条：数据库被回滚（例如恢复了旧的备份），"
                            + "第 " + seen + " 条起已公布的历史不见了。"
                    : "日志只有 " + seen + " 条，但 " + SHOWN.format(c.issuedAt()) + " 签发的检查点已覆盖 "
                            + c.treeSize() + " 条：条目被删除，或日志被回滚到旧的备份。";
            return new Result(tree, seen, reason);
        }
        if (seen < registered) {
            return new Result(tree, seen, "登记的条目数为 " + registered + "，但日志只有 " + seen + " 条：末尾的条目被删除。");
        }
        return new Result(tree, null, null);
    }
}
