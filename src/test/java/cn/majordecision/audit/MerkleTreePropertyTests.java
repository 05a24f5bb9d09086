package cn.majordecision.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Random trees: the incremental tree equals the definition, every honest proof verifies, every altered one fails. */
class MerkleTreePropertyTests {

    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);

    @Test
    void incrementalRootEqualsTheNaiveRootAtEverySizeUpTo300() {
        // given
        List<byte[]> leaves = randomLeaves(300);
        MerkleTree.Incremental tree = new MerkleTree.Incremental();

        for (int n = 1; n <= leaves.size(); n++) {
            // when
            tree.append(leaves.get(n - 1));

            // then
            assertThat(tree.root()).as("size %d (seed %d)", n, seed).isEqualTo(MerkleTree.root(leaves.subList(0, n)));
        }
    }

    @RepeatedTest(20)
    void everyInclusionProofOfARandomTreeVerifiesAndATamperedOneFails() {
        // given
        int n = 1 + random.nextInt(200);
        List<byte[]> leaves = randomLeaves(n);
        byte[] root = MerkleTree.root(leaves);

        for (int i = 0; i < n; i++) {
            // when
            List<byte[]> proof = MerkleTree.inclusionProof(leaves, i);

            // then
            assertThat(MerkleTree.verifyInclusion(i, n, leaves.get(i), proof, root)).as("leaf %d of %d (seed %d)", i, n, seed).isTrue();
            assertThat(MerkleTree.verifyInclusion(i, n, randomLeaf(), proof, root)).as("another leaf").isFalse();
            if (n > 1) {
                assertThat(MerkleTree.verifyInclusion(i, n, leaves.get(i), flipOneBit(proof), root)).as("altered path").isFalse();
                assertThat(MerkleTree.verifyInclusion((i + 1) % n, n, leaves.get(i), proof, root)).as("other index").isFalse();
                assertThat(MerkleTree.verifyInclusion(i, n, leaves.get(i), proof.subList(0, proof.size() - 1), root))
                        .as("shortened path").isFalse();
            }
        }
    }

    @RepeatedTest(30)
    void theProofsOfManyLeavesInOnePassAreThoseOfEachLeafAlone() {
        // given a random tree and a random, unordered choice of its leaves (repeats included)
        int n = 1 + random.nextInt(700);
        List<byte[]> leaves = randomLeaves(n);
        List<Long> chosen = new ArrayList<>();
        int k = 1 + random.nextInt(Math.min(n, 60));
        for (int i = 0; i < k; i++) {
            chosen.add((long) random.nextInt(n));
        }
        chosen.add((long) n - 1);

        // when
        List<List<byte[]>> proofs = MerkleTree.inclusionProofs(leaves, chosen);

        // then
        assertThat(proofs).hasSize(chosen.size());
        for (int i = 0; i < chosen.size(); i++) {
            List<byte[]> alone = MerkleTree.inclusionProof(leaves, chosen.get(i));
            assertThat(proofs.get(i)).as("leaf %d of %d (seed %d)", chosen.get(i), n, seed)
                    .usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(alone);
        }
    }

    @Test
    void theOnePassProofsCoverEveryLeafOfEverySmallTree() {
        for (int n = 1; n <= 70; n++) {
            List<byte[]> leaves = randomLeaves(n);
            List<Long> all = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                all.add(i);
            }
            List<List<byte[]>> proofs = MerkleTree.inclusionProofs(leaves, all);
            for (int i = 0; i < n; i++) {
                assertThat(proofs.get(i)).as("leaf %d of %d", i, n).usingElementComparator(java.util.Arrays::compare)
                        .containsExactlyElementsOf(MerkleTree.inclusionProof(leaves, i));
            }
        }
    }

    @RepeatedTest(20)
    void everyConsistencyProofOfARandomTreeVerifiesAndATamperedOneFails() {
        // given
        int n = 1 + random.nextInt(200);
        List<byte[]> leaves = randomLeaves(n);
        byte[] newRoot = MerkleTree.root(leaves);

        for (int m = 1; m <= n; m++) {
            // when
            List<byte[]> proof = MerkleTree.consistencyProof(leaves, m);
            byte[] oldRoot = MerkleTree.root(leaves.subList(0, m));

            // then
            assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, newRoot, proof)).as("%d -> %d (seed %d)", m, n, seed).isTrue();
            if (m < n) {
                assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, newRoot, flipOneBit(proof))).as("altered proof").isFalse();
                assertThat(MerkleTree.verifyConsistency(m, n, randomLeaf(), newRoot, proof)).as("other old root").isFalse();
                List<byte[]> rewritten = new ArrayList<>(leaves);
                rewritten.set(random.nextInt(m), randomLeaf());
                assertThat(MerkleTree.verifyConsistency(m, n, oldRoot, MerkleTree.root(rewritten), proof))
                        .as("history rewritten below %d", m).isFalse();
            }
        }
    }

    private List<byte[]> randomLeaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(randomLeaf());
        }
        return leaves;
    }

    private byte[] randomLeaf() {
        byte[] data = new byte[16 + random.nextInt(24)]; // long enough that two random leaves never coincide
        random.nextBytes(data);
        return MerkleTree.leafHash(data);
    }

    private List<byte[]> flipOneBit(List<byte[]> proof) {
        List<byte[]> altered = new ArrayList<>();
        proof.forEach(h -> altered.add(h.clone()));
        byte[] target = altered.get(random.nextInt(altered.size()));
        target[random.nextInt(target.length)] ^= (byte) (1 << random.nextInt(8));
        return altered;
    }
}
