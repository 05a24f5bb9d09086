package cn.majordecision.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published RFC 6962 test vectors (certificate-transparency reference tests); indexes here are 0-based. */
class MerkleTreeTests {

    private static final HexFormat HEX = HexFormat.of();
    private static final List<byte[]> LEAVES = Arrays.stream(new String[] {"", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f"}).map(HEX::parseHex).map(MerkleTree::leafHash).toList();
    private static final String[] ROOTS = {
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    @Test
    void hashesTheEmptyTreeToTheSha256OfNothing() {
        // given
        List<byte[]> none = List.of();

        // when
        String root = HEX.formatHex(MerkleTree.root(none));

        // then
        assertThat(root).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(HEX.formatHex(new MerkleTree.Incremental().root())).isEqualTo(root);
    }

    @Test
    void givesThePublishedRootForEveryTreeOfTheReferenceLeaves() {
        // given
        MerkleTree.Incremental incremental = new MerkleTree.Incremental();

        for (int n = 1; n <= LEAVES.size(); n++) {
            // when
            incremental.append(LEAVES.get(n - 1));

            // then
            assertThat(HEX.formatHex(MerkleTree.root(LEAVES.subList(0, n)))).as("naive root, size %d", n).isEqualTo(ROOTS[n - 1]);
            assertThat(HEX.formatHex(incremental.root())).as("incremental root, size %d", n).isEqualTo(ROOTS[n - 1]);
        }
    }

    @Test
    void buildsAndAcceptsThePublishedInclusionProofs() {
        assertInclusion(0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertInclusion(5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertInclusion(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertInclusion(1, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertInclusion(0, 1);
    }

    @Test
    void buildsAndAcceptsThePublishedConsistencyProofs() {
        assertConsistency(1, 1);
        assertConsistency(1, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertConsistency(6, 8, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertConsistency(2, 5, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertConsistency(2, 8, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    }

    @Test
    void rejectsAPublishedProofAgainstAnotherRootOrIndex() {
        // given
        List<byte[]> tree = LEAVES;
        List<byte[]> path = MerkleTree.inclusionProof(tree, 5);
        byte[] root = HEX.parseHex(ROOTS[7]);

        // then
        assertThat(MerkleTree.verifyInclusion(5, 8, tree.get(5), path, root)).isTrue();
        assertThat(MerkleTree.verifyInclusion(4, 8, tree.get(5), path, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(5, 8, tree.get(5), path, HEX.parseHex(ROOTS[6]))).isFalse();
        assertThat(MerkleTree.verifyConsistency(6, 8, HEX.parseHex(ROOTS[4]), root,
                MerkleTree.consistencyProof(tree, 6))).isFalse();
    }

    private static void assertInclusion(int index, int size, String... expected) {
        List<byte[]> tree = LEAVES.subList(0, size);
        List<byte[]> proof = MerkleTree.inclusionProof(tree, index);
        assertThat(proof.stream().map(HEX::formatHex)).as("PATH(%d, D[%d])", index, size).containsExactly(expected);
        assertThat(MerkleTree.verifyInclusion(index, size, tree.get(index), proof, HEX.parseHex(ROOTS[size - 1]))).isTrue();
    }

    private static void assertConsistency(int m, int n, String... expected) {
        List<byte[]> proof = MerkleTree.consistencyProof(LEAVES.subList(0, n), m);
        assertThat(proof.stream().map(HEX::formatHex)).as("PROOF(%d, D[%d])", m, n).containsExactly(expected);
        assertThat(MerkleTree.verifyConsistency(m, n, HEX.parseHex(ROOTS[m - 1]), HEX.parseHex(ROOTS[n - 1]), proof))
                .isTrue();
    }
}
